"""The staff workbench's home page: a section per role the user holds."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from onewindow.accounts.access import access_of
from onewindow.accounts.choices import Role
from onewindow.common import time
from onewindow.workbench.sections import sections_for
from onewindow.workdays.selectors import missing_schedule_warning


@require_safe
@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Staff see their role sections (system admins also the calendar warning); applicants go to the portal."""
    access = access_of(request.user)
    if not access.is_staff_member:
        return redirect("portal:home")
    context = {
        "sections": sections_for(request.user),
        "schedule_warning": missing_schedule_warning(today=time.today()) if access.has(Role.SYSTEM_ADMIN) else None,
    }
    return render(request, "workbench/home.html", context)
