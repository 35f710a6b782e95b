"""Reads of the cases app; every one takes the user it reads for (or is explicitly public)."""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _

from onewindow.accounts.access import access_of, jurisdiction_q
from onewindow.cases.choices import OPEN_STATUSES, CaseStatus, DocumentState, TaskState
from onewindow.cases.models import Case, CaseDocument, StageTask
from onewindow.common.codes import codes_match
from onewindow.common.errors import InvalidInput, NotFound
from onewindow.common.pagination import Page, paginate
from onewindow.deadlines.models import Deadline, subject_key

# What a list row shows (API CaseOut, the workbench queue table): the wide columns (the form, the
# decision texts) stay in the database.
LIST_FIELDS = (
    "id",
    "number",
    "status",
    "channel",
    "item__id",
    "item__implementation_code",
    "item_name",
    "department__id",
    "department__name",
    "region_code",
    "applicant_kind",
    "applicant_name",
    "submitted_at",
    "due_on",
    "warn_on",
    "revision",
)
# The open statuses as literals, exactly as the partial queue indexes (`cases_open_due`, …) state them:
# SQLite uses a partial index only for a condition it can match term by term, which a bound
# parameter list is not (PostgreSQL proves either). The values are the code's own constants.
_OPEN_LITERALS = ", ".join(f"'{status}'" for status in sorted(OPEN_STATUSES))
OPEN_STATUS_SQL = f'"cases_case"."status" IN ({_OPEN_LITERALS})'
QUEUE_ORDER = ("due_on", "id")
RECENT_ORDER = ("-id",)


def case_list(
    *,
    user: Any,
    status: str | None = None,
    item: str | None = None,
    department: int | None = None,
    queue: bool = False,
    cursor: str | None = None,
    limit: int | None = None,
) -> Page[Case]:
    """Cases the user may see, newest first; `queue=True` gives the open ones by deadline (most urgent first).

    Staff list the cases in their reach (their own applications as a citizen are on the portal, not
    in their work lists); an applicant lists their own submitted cases.
    """
    staff = queue or access_of(user).is_staff_member
    # An applicant's drafts have no number yet: they are listed on the portal (`my_cases`), not here.
    cases = Case.objects.in_reach_of(user) if staff else Case.objects.visible_to(user).exclude(status=CaseStatus.DRAFT)
    rows = cases.select_related("department", "item").only(*LIST_FIELDS)
    if status:
        if status not in CaseStatus.values:
            raise InvalidInput(_("状态无效:%(value)s。") % {"value": status}, code="status_invalid")
        rows = rows.filter(status=status)
    if item:
        rows = rows.filter(item__implementation_code=item)
    if department:
        rows = rows.filter(department_id=department)
    if queue:
        open_rows = rows.filter(due_on__isnull=False).extra(where=[OPEN_STATUS_SQL])
        return paginate(open_rows, ordering=QUEUE_ORDER, cursor=cursor, limit=limit)
    return paginate(rows, ordering=RECENT_ORDER, cursor=cursor, limit=limit)


def case_get(*, user: Any, number: str) -> Case:
    """The case with `number` if the user may see it; NotFound otherwise (no hint that it exists)."""
    case = (
        Case.objects.visible_to(user)
        .select_related("department__region", "item", "item_version", "situation", "applicant_user", "window")
        .filter(number=number)
        .first()
    )
    if case is None:
        raise NotFound(_("办件不存在或您无权查看。"), code="case_not_found")
    return case


def draft_get(*, user: Any, pk: int) -> Case:
    case = Case.objects.filter(pk=pk, applicant_user=user, status=CaseStatus.DRAFT).select_related("item_version").first()
    if case is None or not getattr(user, "is_authenticated", False):
        raise NotFound(_("草稿不存在。"), code="case_not_found")
    return case


def my_cases(*, user: Any, cursor: str | None = None, limit: int | None = None) -> Page[Case]:
    """The applicant's own cases (drafts included), newest first."""
    if not getattr(user, "is_authenticated", False):
        return Page(items=[], next_cursor=None)
    return paginate(Case.objects.filter(applicant_user=user), ordering=RECENT_ORDER, cursor=cursor, limit=limit)


def task_queue(*, user: Any, cursor: str | None = None, limit: int | None = None) -> Page[StageTask]:
    """Open stage tasks of the user's departments whose role the user holds, by due date."""
    access = access_of(user)
    if not access.is_superuser:
        reach = Q(pk__in=[])
        for role in access.roles:
            reach |= jurisdiction_q(user, [role], region_code_field="case__region_code") & Q(role=role)
    else:
        reach = Q()
    rows = StageTask.objects.filter(reach, state=TaskState.OPEN).select_related("case", "unit")
    return paginate(rows, ordering=("due_on", "id"), cursor=cursor, limit=limit)


def progress(*, number: str, code: str) -> Case:
    """The case for the public progress page: the number and the query code must both match."""
    case = Case.objects.select_related("department").filter(number=(number or "").strip()).first()
    if case is None or not codes_match(case.query_code, code):
        raise NotFound(_("办件编号或查询码不正确。"), code="progress_not_found")
    return case


def timeline(case: Case) -> list[Any]:
    return list(case.steps.select_related("actor").order_by("at", "id"))


def timers_of(case: Case) -> list[Deadline]:
    """The case's own timers (not its stage tasks'), oldest first."""
    subject_type, subject_id = subject_key(case)
    return list(Deadline.objects.filter(subject_type=subject_type, subject_id=subject_id).order_by("started_at", "id"))


def documents_of(case: Case, *, ready_only: bool = False) -> list[CaseDocument]:
    rows = case.documents.all()
    if ready_only:
        rows = rows.filter(state=DocumentState.READY)
    return list(rows)


def document_by_code(code: str) -> CaseDocument:
    """A document by its verification code (public verification page)."""
    document = CaseDocument.objects.select_related("case__department").filter(verification_code=(code or "").strip()).first()
    if document is None:
        raise NotFound(_("未找到该文书,请核对核验码。"), code="document_not_found")
    return document
