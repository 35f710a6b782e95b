"""The public portal's pages: home, service halls, departments."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from onewindow.portal import selectors
from onewindow.portal.kiosk import remember_kiosk_choice

HOME_HALL_COUNT = 6


@require_safe
@remember_kiosk_choice
def home(request: HttpRequest) -> HttpResponse:
    halls = list(selectors.public_halls()[: HOME_HALL_COUNT + 1])
    context = {
        "halls": halls[:HOME_HALL_COUNT],
        "more_halls": len(halls) > HOME_HALL_COUNT,
        "departments": selectors.public_departments(),
    }
    return render(request, "portal/home.html", context)


@require_safe
@remember_kiosk_choice
def halls(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/halls.html", {"halls": selectors.public_halls_with_windows()})


@require_safe
@remember_kiosk_choice
def departments(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/departments.html", {"departments": selectors.public_departments()})
