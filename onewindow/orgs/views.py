"""Staff pages of the organization structure: the directory, a department, and the forms for
units (department admins) and windows (system admins)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from onewindow.accounts.decorators import staff_required
from onewindow.common.errors import Conflict, InvalidInput
from onewindow.orgs import permissions, selectors, services
from onewindow.orgs.forms import UnitForm, WindowForm
from onewindow.orgs.models import Department, ServiceHall, Unit, Window


@staff_required
@require_http_methods(["GET"])
def index(request: HttpRequest) -> HttpResponse:
    """The directory: departments with their units, service halls with their windows."""
    halls = list(selectors.hall_list(user=request.user))
    context = {
        "departments": selectors.department_list(user=request.user),
        "halls": halls,
        "manageable_hall_ids": {hall.pk for hall in halls if permissions.can_manage_hall(request.user, hall)},
    }
    return render(request, "orgs/index.html", context)


@staff_required
@require_http_methods(["GET"])
def department(request: HttpRequest, pk: int) -> HttpResponse:
    """One department: its particulars, units and windows."""
    found = selectors.get_department_or_404(user=request.user, pk=pk)
    context = {
        "department": found,
        "units": found.units.order_by("sort_order", "id"),
        "windows": found.windows.visible_to(request.user).select_related("hall").order_by("hall__id", "number"),
        "can_manage_units": permissions.can_manage_units(request.user, found),
    }
    return render(request, "orgs/department.html", context)


@staff_required
@require_http_methods(["GET", "POST"])
def unit_create(request: HttpRequest, department_id: int) -> HttpResponse:
    found = selectors.get_department_or_404(user=request.user, pk=department_id)
    return _unit_form(request, found, None)


@staff_required
@require_http_methods(["GET", "POST"])
def unit_edit(request: HttpRequest, pk: int) -> HttpResponse:
    unit = selectors.get_unit_or_404(user=request.user, pk=pk)
    return _unit_form(request, unit.department, unit)


def _unit_form(request: HttpRequest, department: Department, unit: Unit | None) -> HttpResponse:
    """Add a unit to `department`, or edit `unit`: the department's admin (or a system admin) only."""
    if not permissions.can_manage_units(request.user, department):
        raise PermissionDenied
    initial = {"name": unit.name, "duties": unit.duties, "sort_order": unit.sort_order} if unit else None
    form = UnitForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if unit is None:
                services.unit_create(actor=request.user, department=department, **form.cleaned_data)
            else:
                services.unit_update(actor=request.user, unit=unit, **form.cleaned_data)
        except (InvalidInput, Conflict) as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("内设机构“%(name)s”已保存。") % {"name": form.cleaned_data["name"]})
            return redirect("orgs:department", pk=department.pk)
    return render(request, "orgs/unit_form.html", {"form": form, "department": department, "unit": unit})


@staff_required
@require_http_methods(["GET", "POST"])
def window_create(request: HttpRequest, hall_id: int) -> HttpResponse:
    hall = selectors.get_hall_or_404(user=request.user, pk=hall_id)
    return _window_form(request, hall, None)


@staff_required
@require_http_methods(["GET", "POST"])
def window_edit(request: HttpRequest, pk: int) -> HttpResponse:
    window = selectors.get_window_or_404(user=request.user, pk=pk)
    return _window_form(request, window.hall, window)


def _window_form(request: HttpRequest, hall: ServiceHall, window: Window | None) -> HttpResponse:
    """Add a window to `hall`, or edit `window`: a system admin over the hall's region only."""
    if not permissions.can_manage_hall(request.user, hall):
        raise PermissionDenied
    initial = None
    if window is not None:
        initial = {field: getattr(window, field) for field in ("number", "name", "kind", "department", "is_active")}
    departments = selectors.departments_for_hall(user=request.user, hall=hall)
    form = WindowForm(request.POST or None, initial=initial, departments=departments)
    if request.method == "POST" and form.is_valid():
        try:
            if window is None:
                services.window_create(actor=request.user, hall=hall, **form.cleaned_data)
            else:
                services.window_update(actor=request.user, window=window, **form.cleaned_data)
        except (InvalidInput, Conflict) as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("窗口 %(number)s 已保存。") % {"number": form.cleaned_data["number"]})
            return redirect(f"{reverse('orgs:index')}#hall-{hall.pk}")
    return render(request, "orgs/window_form.html", {"form": form, "hall": hall, "window": window})
