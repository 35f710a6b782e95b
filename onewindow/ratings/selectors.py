"""Reads of the ratings app; every one takes the user it reads for, or is explicitly public (the signed link,
the pad's visit token, the complaint lookup by number and query code, the published satisfaction)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import Avg, Count, Q
from django.utils.translation import gettext as _

from onewindow.cases.models import Case
from onewindow.common.codes import codes_match
from onewindow.common.errors import InvalidInput, NotFound
from onewindow.common.pagination import Page, paginate
from onewindow.deadlines.models import Deadline, subject_key
from onewindow.orgs.models import Department, Window
from onewindow.ratings import links, permissions
from onewindow.ratings.choices import (
    COMPLAINT_OPEN,
    RECTIFICATION_DONE,
    ComplaintState,
    RatingLevel,
    RectificationState,
)
from onewindow.ratings.models import Complaint, Rating, Rectification, WindowVisit

R = RectificationState
# The states whose follow-up or rectification timer runs: the department's to-do list, by deadline.
RECTIFICATION_QUEUE_STATES = (R.PENDING_FOLLOW_UP, R.FOLLOWED_UP, R.RECTIFIED)
QUEUE_ORDER = ("due_on", "id")
RECENT_ORDER = ("-id",)
QUEUE, ALL, APPEALS = "queue", "all", "appeals"


def _state(value: str | None, choices: Any) -> str | None:
    if not value:
        return None
    if value not in choices.values:
        raise InvalidInput(_("状态无效:%(value)s。") % {"value": value}, code="state_invalid")
    return value


# Rectifications -------------------------------------------------------------------------------


def _rectifications(user: Any) -> Any:
    return (
        Rectification.objects.visible_to(user)
        .select_related("rating__case", "rating__window__hall", "rating__visit", "department")
        .defer("rating__case__form")
    )


def rectification_list(
    *,
    user: Any,
    tab: str = QUEUE,
    state: str | None = None,
    department: int | None = None,
    cursor: str | None = None,
    limit: int | None = None,
) -> Page[Rectification]:
    """Bad reviews the user handles or supervises: `queue` the ones waiting for the department, most urgent
    first; `appeals` those waiting for a supervisor's decision; `all` every one, newest first."""
    rows = _rectifications(user)
    state = _state(state, RectificationState)
    if state:
        rows = rows.filter(state=state)
    if department:
        rows = rows.filter(department_id=department)
    if tab == QUEUE:
        rows = rows.filter(state__in=RECTIFICATION_QUEUE_STATES, due_on__isnull=False)
        return paginate(rows, ordering=QUEUE_ORDER, cursor=cursor, limit=limit)
    if tab == APPEALS:
        rows = rows.filter(state=R.APPEALED)
    return paginate(rows, ordering=RECENT_ORDER, cursor=cursor, limit=limit)


def rectification_get(*, user: Any, pk: int) -> Rectification:
    found = _rectifications(user).select_related("rating__rater", "rating__voided_by", "department__region").filter(pk=pk).first()
    if found is None:
        raise NotFound(_("差评整改记录不存在或您无权查看。"), code="rectification_not_found")
    return found


def timers_of(subject: Any) -> list[Deadline]:
    """Every timer of a rectification or complaint, oldest first."""
    subject_type, subject_id = subject_key(subject)
    return list(Deadline.objects.filter(subject_type=subject_type, subject_id=subject_id).order_by("started_at", "id"))


# Ratings --------------------------------------------------------------------------------------


def rating_list(
    *,
    user: Any,
    bad: bool | None = None,
    voided: bool | None = None,
    department: int | None = None,
    cursor: str | None = None,
    limit: int | None = None,
) -> Page[Rating]:
    """Ratings the user may see, newest first (voided ones stay, with their reason)."""
    rows = (
        Rating.objects.visible_to(user).select_related("case", "department", "window__hall", "handler", "rectification").defer("case__form")
    )
    if bad is not None:
        rows = rows.filter(is_bad=bad)
    if voided is not None:
        rows = rows.filter(voided_at__isnull=not voided)
    if department:
        rows = rows.filter(department_id=department)
    return paginate(rows, ordering=("-created_at", "-id"), cursor=cursor, limit=limit)


def rating_of_case(case: Case) -> Rating | None:
    return Rating.objects.select_related("rectification", "department").filter(case=case).first()


def my_case(*, user: Any, number: str) -> Case:
    """The applicant's own case by number (to rate it); NotFound for anyone else's."""
    case = None
    if getattr(user, "is_authenticated", False):
        case = Case.objects.select_related("department").filter(number=number, applicant_user=user).first()
    if case is None:
        raise NotFound(_("办件不存在或不是您本人申请的办件。"), code="case_not_found")
    return case


def case_for_rating_api(*, user: Any, number: str) -> Case:
    """The case the API is asked to rate, if the user may see it (its applicant, or staff who are then refused)."""
    case = Case.objects.visible_to(user).select_related("department").filter(number=number).first()
    if case is None:
        raise NotFound(_("办件不存在或您无权查看。"), code="case_not_found")
    return case


def case_by_link(token: str) -> Case:
    """The case a signed rating link names (no login needed)."""
    number = links.case_number_of(token)
    case = Case.objects.select_related("department").filter(number=number).first() if number else None
    if case is None:
        raise NotFound(_("评价链接无效或已过期。"), code="rating_link_invalid")
    return case


# Window visits --------------------------------------------------------------------------------


def visit_by_token(token: str) -> WindowVisit:
    """The visit the pad at the window rates (the token is the address's secret)."""
    visit = WindowVisit.objects.select_related("window__hall", "department", "clerk").filter(token=token).first()
    if visit is None:
        raise NotFound(_("评价页面不存在。"), code="visit_not_found")
    return visit


def visit_list(*, user: Any, cursor: str | None = None, limit: int | None = None) -> Page[WindowVisit]:
    """The visits the user received at a window, newest first."""
    rows = WindowVisit.objects.filter(clerk=user).select_related("window__hall", "department", "case").prefetch_related("ratings")
    return paginate(rows, ordering=("-started_at", "-id"), cursor=cursor, limit=limit)


def visit_get(*, user: Any, pk: int) -> WindowVisit:
    visit = WindowVisit.objects.visible_to(user).select_related("window__hall", "department", "case").filter(pk=pk).first()
    if visit is None:
        raise NotFound(_("窗口接待记录不存在。"), code="visit_not_found")
    return visit


def windows_of(user: Any) -> list[Window]:
    """The active windows the user may open visits at (their assigned window first)."""
    assigned = [a.window_id for a in user.role_assignments.all() if a.window_id] if getattr(user, "is_authenticated", False) else []
    candidates = Window.objects.filter(is_active=True, hall__is_active=True).select_related("hall__region", "department__region")
    windows = [w for w in candidates if permissions.may_open_visit(user, w)]
    return sorted(windows, key=lambda w: (w.pk not in assigned, w.hall_id, w.number))


# Complaints -----------------------------------------------------------------------------------


def complaint_list(
    *, user: Any, tab: str = QUEUE, state: str | None = None, cursor: str | None = None, limit: int | None = None
) -> Page[Complaint]:
    """Complaints the user handles or supervises: `queue` the open ones (unassigned and answered first for
    supervisors, by reply deadline for departments), `all` every one, newest first."""
    rows = Complaint.objects.visible_to(user).select_related("department", "region", "reported_department", "case").defer("case__form")
    state = _state(state, ComplaintState)
    if state:
        rows = rows.filter(state=state)
    if tab == QUEUE:
        rows = rows.filter(state__in=COMPLAINT_OPEN)
    return paginate(rows, ordering=RECENT_ORDER, cursor=cursor, limit=limit)


def complaint_get(*, user: Any, number: str) -> Complaint:
    found = (
        Complaint.objects.visible_to(user)
        .select_related("department__region", "region", "reported_department", "case", "complainant", "entered_by")
        .filter(number=number)
        .first()
    )
    if found is None:
        raise NotFound(_("投诉不存在或您无权查看。"), code="complaint_not_found")
    return found


def complaint_lookup(*, number: str, code: str) -> Complaint:
    """The public lookup: the complaint number and its query code must both match."""
    found = Complaint.objects.select_related("department", "region").filter(number=(number or "").strip()).first()
    if found is None or not codes_match(found.query_code, code):
        raise NotFound(_("投诉编号或查询码不正确。"), code="complaint_not_found")
    return found


def departments_of_region(region: Any) -> list[Department]:
    """The active departments a complaint of `region` may be assigned to."""
    return list(
        Department.objects.filter(is_active=True, region__code__startswith=region.prefix).order_by("region__code", "sort_order", "id")
    )


# Published satisfaction -----------------------------------------------------------------------


@dataclass(frozen=True)
class DepartmentSatisfaction:
    """One department's ratings over a period, as published on the portal."""

    department: Department
    total: int
    very_satisfied: int
    satisfied: int
    basic: int
    bad: int
    rectified: int
    average: float

    @property
    def satisfaction_rate(self) -> float:
        """满意率: the share of ratings that are not bad reviews (非常满意、满意、基本满意)."""
        return (self.total - self.bad) / self.total if self.total else 0.0

    @property
    def rectified_rate(self) -> float | None:
        """整改率: the share of bad reviews rectified and answered; None without bad reviews."""
        return self.rectified / self.bad if self.bad else None


def department_satisfaction(*, since: dt.datetime | None = None, region: Any = None) -> list[DepartmentSatisfaction]:
    """Counted ratings (voided ones left out) per department since `since`, best satisfaction first; public."""
    rows = Rating.objects.counted()
    if since is not None:
        rows = rows.filter(created_at__gte=since)
    if region is not None:
        rows = rows.filter(department__region__code__startswith=region.prefix)
    level = RatingLevel
    figures = rows.values("department").annotate(
        total=Count("id"),
        very_satisfied=Count("id", filter=Q(level=level.VERY_SATISFIED)),
        satisfied=Count("id", filter=Q(level=level.SATISFIED)),
        basic=Count("id", filter=Q(level=level.BASICALLY_SATISFIED)),
        bad=Count("id", filter=Q(is_bad=True)),
        rectified=Count("id", filter=Q(is_bad=True, rectification__state__in=sorted(RECTIFICATION_DONE))),
        average=Avg("level"),
    )
    by_id = {row["department"]: row for row in figures}
    departments = Department.objects.filter(pk__in=list(by_id)).select_related("region")
    result = [_satisfaction_row(department, by_id[department.pk]) for department in departments]
    return sorted(result, key=lambda row: (-row.satisfaction_rate, -row.total, row.department.sort_order, row.department.pk))


def _satisfaction_row(department: Department, row: Mapping[str, Any]) -> DepartmentSatisfaction:
    counts = {key: int(row[key]) for key in ("total", "very_satisfied", "satisfied", "basic", "bad", "rectified")}
    return DepartmentSatisfaction(department=department, average=float(row["average"] or 0), **counts)
