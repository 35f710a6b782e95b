"""Staff pages of cases: the queue by deadline, my stage tasks, the case page with its timeline,
materials and the actions the transition table and the user's roles allow.

Every action posts the case revision the page showed; the service refuses it with Conflict when
another clerk acted first, and the page says so with the user's input kept (bulk-safe: one wins).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, cast

from django.contrib import messages
from django.db.models import Prefetch, prefetch_related_objects
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from onewindow.accounts.access import access_of, reaches_department
from onewindow.accounts.decorators import is_staff_member, page_for
from onewindow.cases import permissions, selectors, services
from onewindow.cases.choices import CaseAction, CaseStatus, DocumentState, TaskState
from onewindow.cases.forms import ACTION_FORMS, ALL, QUEUE, ActionForm, CaseFilterForm, CompleteStageForm
from onewindow.cases.models import Case, CaseDocument, CaseMaterial, StageTask
from onewindow.cases.services.stages import ACTION_STAGES
from onewindow.common import time
from onewindow.common.errors import Conflict, DomainError, Forbidden, InvalidInput
from onewindow.common.pagination import page_or_first
from onewindow.common.uploads import KINDS
from onewindow.deadlines import kinds
from onewindow.deadlines.models import subject_key
from onewindow.workdays.calendar import days_between

A = CaseAction

COLOR_LABELS = {
    "green": gettext_lazy("正常"),
    "yellow": gettext_lazy("预警"),
    "red": gettext_lazy("超时"),
    "gray": gettext_lazy("不计时"),
}
# Files a browser shows itself: the materials viewer opens them inline.
INLINE_KINDS = frozenset({"pdf", "png", "jpeg"})
IMAGE_KINDS = frozenset({"png", "jpeg"})
ERROR_STATUS = {InvalidInput: 400, Forbidden: 403, Conflict: 409}


# Deadlines as shown ------------------------------------------------------------------------------


def remaining_workdays(dues: Iterable[dt.date | None], today: dt.date) -> dict[dt.date, int]:
    """Working days from `today` to each due date (negative once overdue), from one calendar read."""
    dates = sorted({due for due in dues if due is not None})
    if not dates:
        return {}
    first, last = min(dates[0], today), max(dates[-1], today)
    workdays = [day for day, info in days_between(first + dt.timedelta(days=1), last) if info.workday]
    position = bisect_right(workdays, today)
    return {due: bisect_right(workdays, due) - position for due in dates}


@dataclass(frozen=True)
class Urgency:
    """A deadline as a badge: colour, its label, the due date and the working days left."""

    color: str
    due_on: dt.date | None
    remaining: int | None

    @property
    def label(self) -> str:
        return str(COLOR_LABELS[self.color])

    @property
    def overdue_days(self) -> int:
        return -self.remaining if self.remaining is not None and self.remaining < 0 else 0


@dataclass(frozen=True)
class QueueRow:
    case: Case
    urgency: Urgency


def queue_rows(cases: list[Case], today: dt.date) -> list[QueueRow]:
    remaining = remaining_workdays((c.due_on for c in cases if c.is_open), today)
    return [QueueRow(c, Urgency(c.color(today), c.due_on, remaining.get(c.due_on) if c.due_on else None)) for c in cases]


@dataclass(frozen=True)
class TaskRow:
    task: StageTask
    urgency: Urgency


def task_rows(tasks: list[StageTask], today: dt.date) -> list[TaskRow]:
    """Stage tasks with their colour: red past the due date, yellow inside the stage timer's warning window."""
    prefetch_related_objects(tasks, "stage")
    remaining = remaining_workdays((t.due_on for t in tasks), today)
    stage_kind = kinds.get_kind(kinds.CASE_STAGE)
    rows = []
    for task in tasks:
        left = remaining.get(task.due_on) if task.due_on else None
        if left is None or task.case.status == CaseStatus.SUSPENDED:
            color = "gray"
        elif left < 0:
            color = "red"
        elif left <= stage_kind.warn_window(task.stage.days):
            color = "yellow"
        else:
            color = "green"
        rows.append(TaskRow(task, Urgency(color, task.due_on, left)))
    return rows


def _is_partial(request: HttpRequest) -> bool:
    htmx = getattr(request, "htmx", None)
    return htmx is not None and bool(htmx) and not htmx.history_restore_request


# The queues --------------------------------------------------------------------------------------


@page_for(is_staff_member)
@require_GET
@vary_on_headers("HX-Request")
def case_queue(request: HttpRequest) -> HttpResponse:
    """待办: the open cases in the user's reach, most urgent first; 全部: every case, newest first."""
    form = CaseFilterForm(request.GET or None)
    values = form.values
    page = page_or_first(
        request,
        lambda cursor: selectors.case_list(
            user=request.user, status=values["status"] or None, item=values["item"] or None, queue=values["tab"] == QUEUE, cursor=cursor
        ),
    )
    context = {
        "form": form,
        "filters": values,
        "tabs": [(QUEUE, _("待办")), (ALL, _("全部"))],
        "rows": queue_rows(page.items, time.today()),
        "page": page,
        "may_intake": permissions.may_intake(request.user),
    }
    template = "cases/workbench/_queue_table.html" if _is_partial(request) else "cases/workbench/queue.html"
    return render(request, template, context)


@page_for(is_staff_member)
@require_GET
def task_queue(request: HttpRequest) -> HttpResponse:
    """我的环节任务: the open stage tasks of the user's departments and roles, by due date."""
    page = page_or_first(request, lambda cursor: selectors.task_queue(user=request.user, cursor=cursor))
    return render(request, "cases/workbench/tasks.html", {"rows": task_rows(page.items, time.today()), "page": page})


# The case page -----------------------------------------------------------------------------------


def document_url(document: CaseDocument) -> str:
    """The PDF of a document (the documents module's download page)."""
    try:
        return reverse("cases:document_download", args=[document.pk])
    except NoReverseMatch:
        return f"/documents/{document.pk}/download"


@dataclass(frozen=True)
class DocumentRow:
    document: CaseDocument
    url: str

    @property
    def ready(self) -> bool:
        return self.document.state == DocumentState.READY

    @property
    def pending(self) -> bool:
        return self.document.state == DocumentState.PENDING


def document_rows(case: Case) -> list[DocumentRow]:
    """The case's documents, each with its download link (also used by the portal's case page)."""
    return [DocumentRow(d, document_url(d)) for d in selectors.documents_of(case)]


def documents_context(case: Case) -> dict[str, Any]:
    """The case's documents for `_documents.html`; `documents_pending` makes the list poll until they are generated."""
    rows = document_rows(case)
    return {"documents": rows, "documents_pending": any(row.pending for row in rows)}


def _form_rows(case: Case) -> list[tuple[str, str]]:
    """The application form's values with the labels of the pinned item version's schema."""
    rows = []
    for spec in case.item_version.form_schema:
        if spec["name"] not in case.form:
            continue
        value = case.form[spec["name"]]
        shown = (_("是") if value else _("否")) if isinstance(value, bool) else str(value)
        rows.append((spec.get("label") or spec["name"], shown))
    known = {spec["name"] for spec in case.item_version.form_schema}
    rows.extend((name, str(value)) for name, value in case.form.items() if name not in known)
    return rows


@dataclass(frozen=True)
class MaterialRow:
    material: CaseMaterial
    url: str
    inline: bool
    image: bool


def _material_rows(case: Case) -> list[MaterialRow]:
    rows = []
    for material in case.materials.all():
        url = reverse("cases:material_file", args=[case.number, material.code]) if material.file else ""
        rows.append(MaterialRow(material, url, material.content_kind in INLINE_KINDS, material.content_kind in IMAGE_KINDS))
    return rows


@dataclass(frozen=True)
class TimerRow:
    label: str
    state: str
    started_at: dt.datetime
    due_on: dt.date
    urgency: Urgency
    provisional: bool
    is_open: bool


def _timer_rows(case: Case, today: dt.date) -> list[TimerRow]:
    rows = []
    for deadline in selectors.timers_of(case):
        color = str(deadline.color(today))
        remaining = deadline.remaining_workdays(today) if deadline.is_open else None
        rows.append(
            TimerRow(
                deadline.kind_label,
                deadline.get_state_display(),
                deadline.started_at,
                deadline.due_on,
                Urgency(color, deadline.due_on, remaining),
                deadline.provisional,
                deadline.is_open,
            )
        )
    return rows


def completable_tasks(user: Any, case: Case) -> list[StageTask]:
    """The case's open review tasks the user holds the role for (the stages actions complete are left out)."""
    superuser = access_of(user).is_superuser
    return [
        task
        for task in case.tasks.all()
        if task.state == TaskState.OPEN
        and task.kind not in ACTION_STAGES
        and (superuser or reaches_department(user, case.department, [task.role]))
    ]


def _load_case(user: Any, number: str) -> Case:
    """The case (404 when the user may not see it) with what its page shows, prefetched."""
    case = selectors.case_get(user=user, number=number)
    prefetch_related_objects(
        [case],
        Prefetch("materials", queryset=CaseMaterial.objects.select_related("requirement")),
        Prefetch("tasks", queryset=StageTask.objects.select_related("unit", "handler")),
        "item_version__stages",
    )
    return case


def _action_form(action: str, case: Case, user: Any, tasks: list[StageTask], data: QueryDict | None = None) -> ActionForm:
    form_class = ACTION_FORMS[action]
    extra: dict[str, Any] = {"tasks": tasks} if form_class is CompleteStageForm else {}
    return form_class(data, case=case, user=user, auto_id=f"{action}-%s", **extra)


@dataclass(frozen=True)
class ActionPanel:
    action: CaseAction
    form: ActionForm
    url: str

    @property
    def danger(self) -> bool:
        return self.action in (A.REFUSE, A.DENY, A.WITHDRAW)


def _pointless(action: str, case: Case, tasks: list[StageTask]) -> bool:
    """Actions the table allows in the status that this case gives nothing to do (the service would refuse them)."""
    if action == A.COMPLETE_STAGE:
        return not tasks
    if action == A.SUPPLY_GAPS:
        return not any(m.is_outstanding_gap for m in case.materials.all())
    if action == A.EXTEND:
        return bool(case.extended_days)
    return False


def _action_panels(request: HttpRequest, case: Case, failed: ActionForm | None, failed_action: str) -> list[ActionPanel]:
    tasks = completable_tasks(request.user, case)
    panels = []
    for action in permissions.actions_for(request.user, case):
        if action not in ACTION_FORMS or _pointless(action, case, tasks):
            continue
        form = failed if failed is not None and action == failed_action else _action_form(action, case, request.user, tasks)
        panels.append(ActionPanel(action, form, reverse("cases:act", args=[case.number, action.value])))
    return panels


def _render_case(
    request: HttpRequest, case: Case, *, failed: ActionForm | None = None, failed_action: str = "", status: int = 200
) -> HttpResponse:
    today = time.today()
    panels = _action_panels(request, case, failed, failed_action)
    kept = failed if failed is not None and failed_action not in {p.action for p in panels} else None
    context = {
        "case": case,
        "urgency": queue_rows([case], today)[0].urgency,
        "form_rows": _form_rows(case),
        "materials": _material_rows(case),
        "timers": _timer_rows(case, today),
        "tasks": list(case.tasks.all()),
        "steps": selectors.timeline(case),
        **documents_context(case),
        "panels": panels,
        "kept": kept.typed_text() if kept is not None else [],
        "kept_action": CaseAction(failed_action).label if kept is not None else "",
        **_supervision_context(request.user, case),
    }
    return render(request, "cases/workbench/detail.html", context, status=status)


def _supervision_context(user: Any, case: Case) -> dict[str, Any]:
    """The case's cards (its own timers' and its stages'), its supervision orders, and whether the user may order."""
    from onewindow.supervision import permissions as supervision
    from onewindow.supervision import selectors as cards

    keys = [subject_key(case), *(subject_key(task) for task in case.tasks.all())]
    return {
        "cards": cards.cards_of(user=user, subject_keys=keys),
        "orders": cards.orders_of(user=user, subject_keys=keys),
        "may_order": supervision.may_open_orders(user, case.region_code),
    }


@page_for(is_staff_member)
@require_GET
def case_detail(request: HttpRequest, number: str) -> HttpResponse:
    """A case: applicant, item, form, materials, timers, stages, timeline, documents and actions."""
    return _render_case(request, _load_case(request.user, number))


# Each action: the service it calls with what its form read.
ServiceCall = Callable[[Any, Case, Any], Case]  # (actor, case, the action's form)
SERVICE_CALLS: dict[str, ServiceCall] = {
    A.ACCEPT: lambda u, c, f: services.case_accept(
        actor=u, case=c, expected_revision=f.cleaned_data["revision"], comment=f.cleaned_data["comment"]
    ),
    A.ACCEPT_WITH_GAPS: lambda u, c, f: services.case_accept_with_gaps(
        actor=u,
        case=c,
        gaps=f.cleaned_data["gaps"],
        supply_by=f.cleaned_data["supply_by"],
        expected_revision=f.cleaned_data["revision"],
        comment=f.cleaned_data["comment"],
    ),
    A.REQUEST_CORRECTION: lambda u, c, f: services.case_request_correction(
        actor=u,
        case=c,
        problems=f.problems,
        comment=f.cleaned_data["comment"],
        expected_revision=f.cleaned_data["revision"],
    ),
    A.REFUSE: lambda u, c, f: services.case_refuse(
        actor=u, case=c, reason=f.cleaned_data["reason"], expected_revision=f.cleaned_data["revision"]
    ),
    A.RESUBMIT: lambda u, c, f: services.case_resubmit(
        actor=u, case=c, materials=f.materials, comment=f.cleaned_data["comment"], expected_revision=f.cleaned_data["revision"]
    ),
    A.COMPLETE_STAGE: lambda u, c, f: services.case_complete_stage(
        actor=u, case=c, task=f.cleaned_data["task"], opinion=f.cleaned_data["opinion"], expected_revision=f.cleaned_data["revision"]
    ),
    A.SUSPEND: lambda u, c, f: services.case_suspend(
        actor=u,
        case=c,
        procedure=f.cleaned_data["procedure"],
        reason=f.cleaned_data["reason"],
        expected_revision=f.cleaned_data["revision"],
    ),
    A.RESUME: lambda u, c, f: services.case_resume(
        actor=u, case=c, result=f.cleaned_data["result"], expected_revision=f.cleaned_data["revision"]
    ),
    A.EXTEND: lambda u, c, f: services.case_extend(
        actor=u, case=c, reason=f.cleaned_data["reason"], expected_revision=f.cleaned_data["revision"]
    ),
    A.SUPPLY_GAPS: lambda u, c, f: services.case_supply_gaps(
        actor=u, case=c, comment=f.cleaned_data["comment"], expected_revision=f.cleaned_data["revision"]
    ),
    A.APPROVE: lambda u, c, f: services.case_approve(
        actor=u, case=c, opinion=f.cleaned_data["opinion"], expected_revision=f.cleaned_data["revision"]
    ),
    A.DENY: lambda u, c, f: services.case_deny(
        actor=u, case=c, reason=f.cleaned_data["reason"], expected_revision=f.cleaned_data["revision"]
    ),
    A.DELIVER: lambda u, c, f: services.case_deliver(
        actor=u, case=c, note=f.cleaned_data["note"], expected_revision=f.cleaned_data["revision"]
    ),
    A.CLOSE: lambda u, c, f: services.case_close(actor=u, case=c, expected_revision=f.cleaned_data["revision"]),
    A.WITHDRAW: lambda u, c, f: services.case_withdraw(
        actor=u, case=c, reason=f.cleaned_data["reason"], expected_revision=f.cleaned_data["revision"]
    ),
}


def _with_revision(data: Mapping[str, Any], revision: int) -> QueryDict:
    """The posted input with the revision the re-shown page now shows (so trying again acts on what was seen)."""
    fresh = cast(QueryDict, data).copy()
    fresh["revision"] = str(revision)
    return fresh


@page_for(is_staff_member)
@require_POST
def case_act(request: HttpRequest, number: str, action: str) -> HttpResponse:
    """Take one action on the case; errors come back on the case page with the input kept."""
    if action not in SERVICE_CALLS:
        raise Http404
    case = _load_case(request.user, number)
    form = _action_form(action, case, request.user, completable_tasks(request.user, case), request.POST)
    if not form.is_valid():
        messages.error(request, _("请按提示修改后再提交。"))
        return _render_case(request, case, failed=form, failed_action=action, status=400)
    try:
        SERVICE_CALLS[action](request.user, case, form)
    except (InvalidInput, Forbidden, Conflict) as error:
        return _refused(request, number, action, form, error)
    messages.success(request, _("办理成功:%(action)s。") % {"action": CaseAction(action).label})
    return redirect("cases:case", number=number)


def _refused(request: HttpRequest, number: str, action: str, form: ActionForm, error: DomainError) -> HttpResponse:
    """The case page again, read afresh (someone else may have changed it), with the error and the input."""
    messages.error(request, error.message)
    fresh = _load_case(request.user, number)
    kept = _action_form(action, fresh, request.user, completable_tasks(request.user, fresh), _with_revision(form.data, fresh.revision))
    kept.is_valid()
    if isinstance(error, InvalidInput):
        kept.add_service_error(error)
    return _render_case(request, fresh, failed=kept, failed_action=action, status=ERROR_STATUS[type(error)])


@page_for(is_staff_member)
@require_GET
def case_documents(request: HttpRequest, number: str) -> HttpResponse:
    """The case's documents (polled by htmx while one is still being generated)."""
    case = selectors.case_get(user=request.user, number=number)
    return render(request, "cases/workbench/_documents.html", {"case": case, **documents_context(case)})


@page_for(is_staff_member)
@require_GET
def material_file(request: HttpRequest, number: str, code: str) -> HttpResponse:
    """A material's file for those who may see the case: PDF and images inline (the viewer), the rest as downloads."""
    case = selectors.case_get(user=request.user, number=number)
    material = case.materials.filter(code=code).first()
    if material is None or not material.file:
        raise Http404(_("该材料没有文件。"))
    inline = material.content_kind in INLINE_KINDS and "download" not in request.GET
    content_type = KINDS[material.content_kind][1] if material.content_kind in KINDS else "application/octet-stream"
    response = FileResponse(
        material.file.open("rb"), as_attachment=not inline, filename=material.original_name or material.code, content_type=content_type
    )
    response["Cache-Control"] = "private, no-store"
    return cast(HttpResponse, response)  # a streaming response; `page_for` is typed for HttpResponse
