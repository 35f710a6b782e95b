"""Window intake (无差别一窗受理): a clerk finds any item of any department, identifies the applicant,
checks the materials against the item's checklist and answers in one screen — accept, accept with
gaps, one-time correction notice, or refuse — then prints the notice.

The case goes to the owning department's queue; the result is handed out at the unified delivery
window, by post or online, as the applicant chose.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from django.views.decorators.vary import vary_on_headers

from onewindow.accounts.access import reaches_department, regions_of
from onewindow.accounts.choices import Role
from onewindow.accounts.decorators import page_for
from onewindow.accounts.models import RoleAssignment
from onewindow.cases import permissions, selectors, services
from onewindow.cases.choices import CaseAction
from onewindow.cases.forms import IntakeForm, ItemSearchForm
from onewindow.cases.services.intake import requirements_of
from onewindow.cases.services.lifecycle import WINDOW_ANSWERS
from onewindow.cases.views.workbench import ERROR_STATUS, documents_context
from onewindow.catalog.choices import EntryState
from onewindow.catalog.models import MaterialRequirement, ServiceItem, ServiceItemVersion, Situation
from onewindow.catalog.search import search_items
from onewindow.common.errors import Conflict, Forbidden, InvalidInput
from onewindow.orgs.models import Window

A = CaseAction
SEARCH_LIMIT = 30
ANSWER_BUTTONS = [
    (A.ACCEPT, "btn-primary"),
    (A.ACCEPT_WITH_GAPS, ""),
    (A.REQUEST_CORRECTION, ""),
    (A.REFUSE, "btn-danger"),
]


def _search_region(user: Any) -> Any:
    """The clerk's region (its departments and those below); None searches everywhere."""
    regions = regions_of(user, {Role.WINDOW_CLERK})
    return regions[0] if len(regions) == 1 else None


def _found(user: Any, query: str) -> list[dict[str, Any]]:
    """Current items for what the clerk typed: an exact item code first, then the ranked search."""
    rows: list[dict[str, Any]] = []
    exact = ServiceItem.objects.select_related("current", "department").filter(implementation_code=query.strip()).first()
    if exact is not None and exact.current is not None and exact.current.state == EntryState.PUBLISHED and exact.current.valid_to is None:
        rows.append(
            {"code": exact.implementation_code, "name": exact.current.name, "department": exact.department, "version": exact.current}
        )
    for hit in search_items(query=query, region=_search_region(user), limit=SEARCH_LIMIT):
        if hit.item.implementation_code != query.strip():
            rows.append(
                {"code": hit.item.implementation_code, "name": hit.name_html, "department": hit.item.department, "version": hit.version}
            )
    return rows


@page_for(permissions.may_intake)
@require_GET
@vary_on_headers("HX-Request")
def intake(request: HttpRequest) -> HttpResponse:
    """Step 1: find the item, of any department (无差别受理)."""
    form = ItemSearchForm(request.GET or None)
    query = form.cleaned_data["q"].strip() if form.is_valid() else ""
    context = {"form": form, "query": query, "rows": _found(request.user, query) if query else []}
    htmx = getattr(request, "htmx", None)
    partial = htmx is not None and bool(htmx) and not htmx.history_restore_request
    return render(request, "cases/workbench/_intake_results.html" if partial else "cases/workbench/intake.html", context)


def _version(user: Any, code: str) -> ServiceItemVersion:
    """The item's current version with its situations and checklist; 404 when unknown or out of the clerk's reach."""
    version = (
        ServiceItemVersion.objects.filter(
            service_item__implementation_code=code, state=EntryState.PUBLISHED, valid_to__isnull=True, is_cancellation=False
        )
        .select_related("service_item__department__region")
        .prefetch_related(
            Prefetch("situations", queryset=Situation.objects.order_by("sort", "id")),
            Prefetch("materials", queryset=MaterialRequirement.objects.order_by("sort", "id")),
        )
        .first()
    )
    if version is None or not reaches_department(user, version.service_item.department, [Role.WINDOW_CLERK]):
        raise Http404(_("事项不存在或已取消。"))
    return version


def _situation(situations: list[Situation], code: str) -> Situation | None:
    return next((s for s in situations if s.code == code), situations[0] if situations else None)


def _window_of(user: Any) -> Window | None:
    """The window the clerk's assignment names, if any (recorded on the case)."""
    assignment = (
        RoleAssignment.objects.filter(user=user, role=Role.WINDOW_CLERK, window__isnull=False)
        .select_related("window")
        .order_by("pk")
        .first()
    )
    return assignment.window if assignment is not None else None


def _intake_form(request: HttpRequest, version: ServiceItemVersion, situation: Situation | None, **kwargs: Any) -> IntakeForm:
    situations = list(version.situations.all())
    return IntakeForm(
        version=version, situations=situations, requirements=requirements_of(version, situation), auto_id="intake-%s", **kwargs
    )


@page_for(permissions.may_intake)
@require_http_methods(["GET", "POST"])
def intake_item(request: HttpRequest, code: str) -> HttpResponse:
    """Step 2, one screen: the applicant, the form, the checklist, and the answer."""
    version = _version(request.user, code)
    situations = list(version.situations.all())
    chosen = (request.POST if request.method == "POST" else request.GET).get("situation", "")
    situation = _situation(situations, chosen)
    if request.method == "GET" or "switch" in request.POST:
        initial = request.POST.dict() if request.method == "POST" else {}
        initial["situation"] = situation.code if situation else ""
        form = _intake_form(request, version, situation, initial=initial)
        htmx = getattr(request, "htmx", None)
        if htmx and htmx.target == "intake-materials":
            return render(request, "cases/workbench/_intake_materials.html", {"form": form})
        return _render_form(request, version, form)
    form = _intake_form(request, version, situation, data=request.POST, files=request.FILES)
    answer = request.POST.get("answer", "")
    if answer not in WINDOW_ANSWERS:
        form.add_error(None, _("请选择受理、容缺受理、一次性告知或不予受理。"))
    if not form.is_valid():
        return _render_form(request, version, form, status=400)
    data = form.cleaned_data
    application = services.ApplicationInput(
        item_code=code,
        situation_code=situation.code if situation else "",
        applicant=form.applicant(),
        form=form.form_values(),
        materials=form.materials(),
        delivery_method=data["delivery_method"],
        delivery_address=data.get("delivery_address", ""),
    )
    try:
        case = services.case_intake(
            actor=request.user,
            data=application,
            answer=answer,
            files=form.uploads(),
            gaps=form.gaps(),
            supply_by=data.get("supply_by"),
            problems=form.problems(),
            reason=data.get("reason", ""),
            window=_window_of(request.user),
        )
    except (InvalidInput, Forbidden, Conflict) as error:
        form.add_service_error(error)
        return _render_form(request, version, form, status=ERROR_STATUS[type(error)])
    messages.success(request, _("办件 %(number)s 已%(answer)s。") % {"number": case.number, "answer": CaseAction(answer).label})
    return redirect("cases:intake_done", number=case.number)


def _render_form(request: HttpRequest, version: ServiceItemVersion, form: IntakeForm, *, status: int = 200) -> HttpResponse:
    context = {
        "version": version,
        "item": version.service_item,
        "form": form,
        "answers": [(action, action.label, css) for action, css in ANSWER_BUTTONS],
        "files_chosen": request.method == "POST" and bool(request.FILES),
    }
    return render(request, "cases/workbench/intake_form.html", context, status=status)


@page_for(permissions.may_intake)
@require_GET
def intake_done(request: HttpRequest, number: str) -> HttpResponse:
    """The answer given: the case number, the query code and the notice to print."""
    case = selectors.case_get(user=request.user, number=number)
    return render(request, "cases/workbench/intake_done.html", {"case": case, **documents_context(case)})
