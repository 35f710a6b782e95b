"""Staff pages: the department's bad reviews and their rectification steps by deadline (green, yellow,
red), the supervisors' appeal queue, every rating (voided ones with their reason), complaints (assign,
reject, reply, close; hotline entry), and window visits with their rating pad.

Every action posts the revision the page showed; the services refuse it with Conflict when someone
else acted first, and the page says so with the input kept.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import reduce
from operator import or_
from typing import Any

from django.contrib import messages
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from onewindow.accounts.decorators import page_for
from onewindow.cases.models import Case
from onewindow.cases.views.workbench import Urgency, remaining_workdays
from onewindow.common import time
from onewindow.common.errors import DomainError, InvalidInput
from onewindow.common.pagination import Page
from onewindow.orgs.models import Department
from onewindow.ratings import links, permissions, selectors, services
from onewindow.ratings.choices import (
    ComplaintAction,
    ComplaintChannel,
    ComplaintState,
    RectificationAction,
    RectificationState,
)
from onewindow.ratings.forms import (
    AppealDecisionForm,
    AppealForm,
    ComplaintAssignForm,
    ComplaintCloseForm,
    ComplaintForm,
    ComplaintRejectForm,
    ComplaintReplyForm,
    FollowUpForm,
    RectifyForm,
    ReplyForm,
    RevisionForm,
    StaffRevisitForm,
    VisitOpenForm,
)
from onewindow.ratings.models import Complaint, Rating, Rectification, WindowVisit
from onewindow.ratings.views.portal import status_of

RA = RectificationAction
CA = ComplaintAction


def _page_or_first(request: HttpRequest, fetch: Callable[[str | None], Page[Any]]) -> Page[Any]:
    """One page after `?cursor=`; a damaged cursor starts over at the first page."""
    try:
        return fetch(request.GET.get("cursor") or None)
    except InvalidInput as error:
        messages.warning(request, error.message)
        return fetch(None)


@dataclass(frozen=True)
class Row:
    """A rectification or complaint in a list, with its deadline as a badge."""

    item: Any
    urgency: Urgency


def urgency_rows(items: list[Any], today: dt.date) -> list[Row]:
    colors = {item.pk: item.color(today) for item in items}
    remaining = remaining_workdays((item.due_on for item in items if colors[item.pk] != "gray"), today)
    return [
        Row(item, Urgency(colors[item.pk], item.due_on, remaining.get(item.due_on) if colors[item.pk] != "gray" and item.due_on else None))
        for item in items
    ]


# Rectifications ---------------------------------------------------------------------------------

TABS = (
    (selectors.QUEUE, gettext_lazy("待办")),
    (selectors.APPEALS, gettext_lazy("申诉复核")),
    (selectors.ALL, gettext_lazy("全部")),
)


def _rectification_list(request: HttpRequest, tab: str) -> HttpResponse:
    state = request.GET.get("state") or None
    if state not in (None, *RectificationState.values):
        state = None
    page = _page_or_first(request, lambda cursor: selectors.rectification_list(user=request.user, tab=tab, state=state, cursor=cursor))
    context = {
        "rows": urgency_rows(page.items, time.today()),
        "page": page,
        "tab": tab,
        "tabs": TABS,
        "state": state or "",
        "states": RectificationState.choices,
        "may_open_appeals": permissions.may_open_appeals(request.user),
    }
    return render(request, "ratings/workbench/rectifications.html", context)


@page_for(permissions.may_open_rectifications)
@require_GET
def rectifications(request: HttpRequest) -> HttpResponse:
    """差评整改: the bad reviews waiting for the department, most urgent first (or every one)."""
    tab = request.GET.get("tab", selectors.QUEUE)
    return _rectification_list(request, tab if tab in (selectors.QUEUE, selectors.ALL, selectors.APPEALS) else selectors.QUEUE)


@page_for(permissions.may_open_appeals)
@require_GET
def appeals(request: HttpRequest) -> HttpResponse:
    """申诉复核: the appeals waiting for a supervisor's decision."""
    return _rectification_list(request, selectors.APPEALS)


ACTION_FORMS: dict[str, type[RevisionForm]] = {
    RA.FOLLOW_UP: FollowUpForm,
    RA.RECTIFY: RectifyForm,
    RA.REPLY: ReplyForm,
    RA.APPEAL: AppealForm,
    RA.REVISIT: StaffRevisitForm,
    "decide": AppealDecisionForm,
}


def _form_key(action: str) -> str:
    return "decide" if action in (RA.UPHOLD, RA.VOID) else action


def _render_rectification(
    request: HttpRequest, rectification: Rectification, *, failed: tuple[str, RevisionForm] | None = None, status: int = 200
) -> HttpResponse:
    forms: dict[str, RevisionForm] = {}
    for action in permissions.actions_for(request.user, rectification):
        key = _form_key(action)
        if failed is not None and failed[0] == key:
            forms[key] = failed[1]
        elif key not in forms:
            forms[key] = ACTION_FORMS[key](initial={"revision": rectification.revision}, auto_id=f"{key}-%s")
    today = time.today()
    timers = [(t, t.color(today)) for t in selectors.timers_of(rectification)]
    context = {
        "rectification": rectification,
        "rating": rectification.rating,
        "urgency": urgency_rows([rectification], today)[0].urgency,
        "timers": timers,
        "forms": forms,
    }
    return render(request, "ratings/workbench/rectification.html", context, status=status)


@page_for(permissions.may_open_rectifications)
@require_GET
def rectification_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One bad review: the rating, the steps so far, the timers and the actions the user may take now."""
    return _render_rectification(request, selectors.rectification_get(user=request.user, pk=pk))


def _run_rectification(user: Any, rectification: Rectification, key: str, data: dict[str, Any]) -> Rectification:
    revision = data.get("revision")
    calls: dict[str, Callable[[], Rectification]] = {
        RA.FOLLOW_UP: lambda: services.rectification_follow_up(
            actor=user, rectification=rectification, note=data.get("note", ""), expected_revision=revision
        ),
        RA.RECTIFY: lambda: services.rectification_rectify(
            actor=user, rectification=rectification, note=data.get("note", ""), expected_revision=revision
        ),
        RA.REPLY: lambda: services.rectification_reply(
            actor=user, rectification=rectification, reply=data.get("reply", ""), expected_revision=revision
        ),
        RA.APPEAL: lambda: services.rectification_appeal(
            actor=user, rectification=rectification, reason=data.get("reason", ""), expected_revision=revision
        ),
        RA.REVISIT: lambda: services.rectification_revisit(
            actor=user,
            rectification=rectification,
            satisfied=data.get("satisfied") == "yes",
            comment=data.get("comment", ""),
            expected_revision=revision,
        ),
        "decide": lambda: services.rectification_decide_appeal(
            actor=user,
            rectification=rectification,
            decision=data.get("decision", ""),
            opinion=data.get("opinion", ""),
            expected_revision=revision,
        ),
    }
    return calls[key]()


DONE: dict[str, Any] = {
    RA.FOLLOW_UP: gettext_lazy("回访情况已登记。"),
    RA.RECTIFY: gettext_lazy("整改措施已登记。"),
    RA.REPLY: gettext_lazy("已答复评价人。"),
    RA.APPEAL: gettext_lazy("申诉已提交,等待电子监察人员复核。"),
    RA.REVISIT: gettext_lazy("复评结果已登记。"),
    "decide": gettext_lazy("复核结论已登记。"),
}


@page_for(permissions.may_open_rectifications)
@require_POST
def rectification_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """Take one step on a bad review; errors come back on its page with the input kept."""
    key = action.replace("-", "_")
    if key not in ACTION_FORMS:
        raise Http404
    rectification = selectors.rectification_get(user=request.user, pk=pk)
    form = ACTION_FORMS[key](request.POST, auto_id=f"{key}-%s")
    if not form.is_valid():
        return _render_rectification(request, rectification, failed=(key, form), status=400)
    try:
        _run_rectification(request.user, rectification, key, form.cleaned_data)
    except DomainError as error:
        form.add_service_error(error)
        messages.error(request, error.message)
        fresh = selectors.rectification_get(user=request.user, pk=pk)
        return _render_rectification(request, fresh, failed=(key, form), status=status_of(error))
    messages.success(request, str(DONE[key]))
    return redirect("ratings:rectification", pk=pk)


# Ratings ----------------------------------------------------------------------------------------


def _flag(value: str | None) -> bool | None:
    return {"1": True, "0": False}.get(value or "")


@page_for(permissions.may_open_rectifications)
@require_GET
def ratings(request: HttpRequest) -> HttpResponse:
    """Every rating the user may see, newest first; voided reviews with the supervisor's reason."""
    bad, voided = _flag(request.GET.get("bad")), _flag(request.GET.get("voided"))
    page = _page_or_first(request, lambda cursor: selectors.rating_list(user=request.user, bad=bad, voided=voided, cursor=cursor))
    context = {"page": page, "ratings": page.items, "bad": request.GET.get("bad", ""), "voided": request.GET.get("voided", "")}
    return render(request, "ratings/workbench/ratings.html", context)


# Complaints -------------------------------------------------------------------------------------


@page_for(permissions.may_open_complaints)
@require_GET
def complaints(request: HttpRequest) -> HttpResponse:
    """投诉: open complaints (unassigned, in hand, answered) or every one, newest first."""
    tab = request.GET.get("tab", selectors.QUEUE)
    tab = tab if tab in (selectors.QUEUE, selectors.ALL) else selectors.QUEUE
    state = request.GET.get("state") or None
    if state not in (None, *ComplaintState.values):
        state = None
    page = _page_or_first(request, lambda cursor: selectors.complaint_list(user=request.user, tab=tab, state=state, cursor=cursor))
    context = {
        "rows": urgency_rows(page.items, time.today()),
        "page": page,
        "tab": tab,
        "tabs": [(selectors.QUEUE, _("待办")), (selectors.ALL, _("全部"))],
        "state": state or "",
        "states": ComplaintState.choices,
        "may_enter_hotline": permissions.may_enter_hotline(request.user),
    }
    return render(request, "ratings/workbench/complaints.html", context)


COMPLAINT_FORMS: dict[str, type[RevisionForm]] = {
    CA.ASSIGN: ComplaintAssignForm,
    CA.REJECT: ComplaintRejectForm,
    CA.REPLY: ComplaintReplyForm,
    CA.CLOSE: ComplaintCloseForm,
}


def _complaint_actions(user: Any, complaint: Complaint) -> list[str]:
    supervises = permissions.may_supervise_complaint(user, complaint)
    actions: list[str] = []
    if supervises and complaint.state in (ComplaintState.RECEIVED, ComplaintState.ASSIGNED):
        actions.append(CA.ASSIGN)
    if supervises and complaint.state == ComplaintState.RECEIVED:
        actions.append(CA.REJECT)
    if complaint.state == ComplaintState.ASSIGNED and permissions.may_reply_complaint(user, complaint):
        actions.append(CA.REPLY)
    if supervises and complaint.state == ComplaintState.REPLIED:
        actions.append(CA.CLOSE)
    return actions


def _complaint_form(action: str, complaint: Complaint, data: Any = None) -> RevisionForm:
    extra: dict[str, Any] = {"auto_id": f"{action}-%s"}
    if action == CA.ASSIGN:
        departments = Department.objects.filter(pk__in=[d.pk for d in selectors.departments_of_region(complaint.region)])
        extra["departments"] = departments.exclude(pk=complaint.department_id) if complaint.department_id else departments
    if data is None:
        extra["initial"] = {"revision": complaint.revision}
    return COMPLAINT_FORMS[action](data, **extra)


def _render_complaint(
    request: HttpRequest, complaint: Complaint, *, failed: tuple[str, RevisionForm] | None = None, status: int = 200
) -> HttpResponse:
    forms = {
        action: failed[1] if failed and failed[0] == action else _complaint_form(action, complaint)
        for action in _complaint_actions(request.user, complaint)
    }
    today = time.today()
    context = {
        "complaint": complaint,
        "urgency": urgency_rows([complaint], today)[0].urgency,
        "timers": [(t, t.color(today)) for t in selectors.timers_of(complaint)],
        "forms": forms,
        "sees_complainant": permissions.sees_complainant(request.user, complaint),
    }
    return render(request, "ratings/workbench/complaint.html", context, status=status)


@page_for(permissions.may_open_complaints)
@require_GET
def complaint_detail(request: HttpRequest, number: str) -> HttpResponse:
    return _render_complaint(request, selectors.complaint_get(user=request.user, number=number))


COMPLAINT_DONE: dict[str, Any] = {
    CA.ASSIGN: gettext_lazy("投诉已分派。"),
    CA.REJECT: gettext_lazy("投诉已不予受理。"),
    CA.REPLY: gettext_lazy("投诉已答复。"),
    CA.CLOSE: gettext_lazy("投诉已办结。"),
}


@page_for(permissions.may_open_complaints)
@require_POST
def complaint_act(request: HttpRequest, number: str, action: str) -> HttpResponse:
    if action not in COMPLAINT_FORMS:
        raise Http404
    complaint = selectors.complaint_get(user=request.user, number=number)
    form = _complaint_form(action, complaint, request.POST)
    if not form.is_valid():
        return _render_complaint(request, complaint, failed=(action, form), status=400)
    data, user = form.cleaned_data, request.user
    revision = data.get("revision")
    calls: dict[str, Callable[[], Complaint]] = {
        CA.ASSIGN: lambda: services.complaint_assign(
            actor=user, complaint=complaint, department=data["department"], expected_revision=revision
        ),
        CA.REJECT: lambda: services.complaint_reject(actor=user, complaint=complaint, reason=data["reason"], expected_revision=revision),
        CA.REPLY: lambda: services.complaint_reply(actor=user, complaint=complaint, reply=data["reply"], expected_revision=revision),
        CA.CLOSE: lambda: services.complaint_close(actor=user, complaint=complaint, expected_revision=revision),
    }
    try:
        calls[action]()
    except DomainError as error:
        form.add_service_error(error)
        messages.error(request, error.message)
        fresh = selectors.complaint_get(user=request.user, number=number)
        return _render_complaint(request, fresh, failed=(action, form), status=status_of(error))
    messages.success(request, str(COMPLAINT_DONE[action]))
    if Complaint.objects.visible_to(user).filter(pk=complaint.pk).exists():
        return redirect("ratings:complaint", number=number)
    return redirect("ratings:complaints")


def _hotline_departments(user: Any) -> Any:
    """Departments of the regions the user enters hotline calls for."""
    from onewindow.accounts.access import regions_of
    from onewindow.accounts.choices import Role

    regions = regions_of(user, [Role.SUPERVISOR, Role.WINDOW_CLERK])
    if not regions:
        return Department.objects.none()
    reach = reduce(or_, (Q(region__code__startswith=region.prefix) for region in regions))
    return Department.objects.filter(reach, is_active=True).select_related("region").order_by("region__code", "sort_order", "id")


@page_for(permissions.may_enter_hotline)
@require_http_methods(["GET", "POST"])
def hotline(request: HttpRequest) -> HttpResponse:
    """12345 热线: staff enter a caller's complaint; the caller is read the number and query code."""
    departments = _hotline_departments(request.user)
    form = ComplaintForm(request.POST or None, departments=departments)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        region = departments[0].region if departments else None
        try:
            complaint = services.complaint_submit(
                actor=request.user,
                channel=ComplaintChannel.HOTLINE,
                category=data["category"],
                content=data["content"],
                anonymous=data["anonymous"],
                name=data["name"],
                phone=data["phone"],
                case_number=data["case_number"],
                reported_department=data["reported_department"],
                region=region,
            )
        except DomainError as error:
            form.add_service_error(error)
            return render(request, "ratings/workbench/hotline.html", {"form": form}, status=status_of(error))
        context = {"complaint": complaint, "may_open": permissions.may_open_complaints(request.user)}
        return render(request, "ratings/workbench/hotline_done.html", context)
    return render(request, "ratings/workbench/hotline.html", {"form": form}, status=400 if request.method == "POST" else 200)


# Window visits ----------------------------------------------------------------------------------


def _visit_departments(windows: list[Any]) -> Any:
    prefixes = {window.hall.region.prefix for window in windows}
    if not prefixes:
        return Department.objects.none()
    reach = reduce(or_, (Q(region__code__startswith=prefix) for prefix in prefixes))
    return Department.objects.filter(reach, is_active=True).order_by("region__code", "sort_order", "id")


@page_for(permissions.may_open_visits)
@require_http_methods(["GET", "POST"])
def visits(request: HttpRequest) -> HttpResponse:
    """窗口评价: start serving someone (the pad then takes one rating for the visit); my recent visits."""
    windows = selectors.windows_of(request.user)
    form = VisitOpenForm(request.POST or None, windows=windows, departments=_visit_departments(windows))
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            visit = _open_visit(request, form)
            if visit is not None:
                return redirect("ratings:visit", pk=visit.pk)
            status = getattr(form, "service_status", 400)
    page = _page_or_first(request, lambda cursor: selectors.visit_list(user=request.user, cursor=cursor))
    return render(request, "ratings/workbench/visits.html", {"form": form, "page": page, "visits": page.items}, status=status)


def _open_visit(request: HttpRequest, form: VisitOpenForm) -> WindowVisit | None:
    data = form.cleaned_data
    case = None
    if data["case_number"]:
        case = Case.objects.in_reach_of(request.user).filter(number=data["case_number"].strip()).first()
        if case is None:
            form.add_error("case_number", _("未找到该办件,或您无权办理。"))
            return None
    try:
        return services.visit_open(actor=request.user, window=data["window"], department=data["department"], case=case)
    except DomainError as error:
        form.add_service_error(error)
        form.service_status = status_of(error)  # type: ignore[attr-defined]
        return None


@page_for(permissions.may_open_visits)
@require_GET
def visit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The visit's pad address (open it on the pad, or let the applicant scan the QR code) and its rating."""
    from onewindow.cases.documents.qr import qr_data_uri

    visit = selectors.visit_get(user=request.user, pk=pk)
    pad_path = reverse("ratings:pad", args=[visit.token])
    pad_url = links.absolute(pad_path)
    rating: Rating | None = visit.ratings.first()
    context = {"visit": visit, "pad_path": pad_path, "pad_url": pad_url, "qr": qr_data_uri(pad_url), "rating": rating}
    return render(request, "ratings/workbench/visit.html", context)
