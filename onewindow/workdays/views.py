"""Staff pages of the working-day calendar: the yearly arrangements and their entry (system admins)."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from onewindow.accounts.decorators import page_for
from onewindow.common import time
from onewindow.common.errors import Conflict, InvalidInput, NotFound
from onewindow.workdays import selectors, services
from onewindow.workdays.forms import ScheduleForm
from onewindow.workdays.permissions import can_enter_schedule

schedule_admin_required = page_for(can_enter_schedule)


@schedule_admin_required
@require_http_methods(["GET"])
def index(request: HttpRequest) -> HttpResponse:
    """Last, this and next year: where each year's arrangement comes from, its holidays and make-up days."""
    today = time.today()
    context = {
        "years": selectors.calendar_overview(today=today),
        "schedule_warning": selectors.missing_schedule_warning(today=today),
    }
    return render(request, "workdays/index.html", context)


@schedule_admin_required
@require_http_methods(["GET", "POST"])
def enter(request: HttpRequest) -> HttpResponse:
    """Enter (or correct) a year's arrangement by pasting lines from the State Council notice."""
    if request.method == "GET":
        form = ScheduleForm(initial=_initial(request))
        return render(request, "workdays/enter.html", {"form": form})
    form = ScheduleForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.schedule_enter(
                actor=request.user,
                year=data["year"],
                notice=data["notice"],
                notice_date=data["notice_date"],
                holidays=data["lines"].holidays,
                workdays=data["lines"].workdays,
            )
        except InvalidInput as error:
            form.add_service_error(error)
        except Conflict as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("%(year)d年节假日安排已保存。") % {"year": data["year"]})
            return redirect("workdays:index")
    return render(request, "workdays/enter.html", {"form": form})


def _initial(request: HttpRequest) -> dict[str, object]:
    """The year asked for (next year by default), prefilled from its entered arrangement if any."""
    asked = request.GET.get("year", "").strip()
    year = time.today().year + 1
    if len(asked) == 4 and asked.isascii() and asked.isdigit() and 1900 <= int(asked) <= 2200:
        year = int(asked)
    initial: dict[str, object] = {"year": year}
    schedule = selectors.year_schedule(year=year)
    if schedule is not None:
        initial.update(notice=schedule.notice, notice_date=schedule.notice_date, lines=selectors.schedule_text(year=year))
    return initial


@schedule_admin_required
@require_http_methods(["GET", "POST"])
def delete(request: HttpRequest, year: int) -> HttpResponse:
    """Confirm, then remove an entered year; the year falls back to the package or the provisional rule."""
    schedule = selectors.year_schedule(year=year)
    if schedule is None:
        raise Http404
    if request.method == "POST":
        try:
            services.schedule_delete(actor=request.user, year=year)
        except NotFound:
            raise Http404 from None
        messages.success(request, _("%(year)d年节假日安排已删除。") % {"year": year})
        return redirect("workdays:index")
    return render(request, "workdays/delete.html", {"schedule": schedule})
