"""Reads of electronic supervision; every one takes the user it reads for."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Max, Q
from django.utils.translation import gettext as _

from onewindow.cases.choices import CaseAction, CaseStatus
from onewindow.cases.models import Case, CaseStep
from onewindow.common import time
from onewindow.common.errors import InvalidInput, NotFound
from onewindow.common.pagination import Page, paginate
from onewindow.supervision import subjects
from onewindow.supervision.choices import CardColor, OrderStatus
from onewindow.supervision.models import OPEN_CARD, Card, SupervisionOrder, kind_label

RECENT = ("-id",)


def card_list(
    *,
    user: Any,
    color: str | None = None,
    department: int | None = None,
    kind: str | None = None,
    open_only: bool = True,
    cursor: str | None = None,
    limit: int | None = None,
) -> Page[Card]:
    """The cards in the user's reach, newest first; open ones only unless `open_only` is False."""
    rows = Card.objects.visible_to(user).select_related("department", "handler")
    if color:
        if color not in CardColor.values:
            raise InvalidInput(_("颜色无效:%(value)s。") % {"value": color}, code="color_invalid")
        rows = rows.filter(color=color)
    if kind:
        rows = rows.filter(kind=kind)
    if department:
        rows = rows.filter(department_id=department)
    if open_only:
        rows = rows.filter(OPEN_CARD)
    return paginate(rows, ordering=RECENT, cursor=cursor, limit=limit)


def cards_of(*, user: Any, subject_keys: list[tuple[str, str]]) -> list[Card]:
    """The cards (open and cleared) of the given subjects that the user may see, oldest first."""
    if not subject_keys:
        return []
    match = Q(pk__in=[])
    for subject_type, subject_id in subject_keys:
        match |= Q(subject_type=subject_type, subject_id=subject_id)
    return list(Card.objects.visible_to(user).filter(match).order_by("issued_at", "id"))


def orders_of(*, user: Any, subject_keys: list[tuple[str, str]]) -> list[SupervisionOrder]:
    """The supervision orders on the given subjects (or on their cards) that the user may see, oldest first."""
    if not subject_keys:
        return []
    match = Q(pk__in=[])
    for subject_type, subject_id in subject_keys:
        match |= Q(subject_type=subject_type, subject_id=subject_id)
    return list(SupervisionOrder.objects.visible_to(user).filter(match).order_by("opened_at", "id"))


@dataclass(frozen=True)
class BoardRow:
    key: Any
    label: str
    yellow: int
    red: int

    @property
    def total(self) -> int:
        return self.yellow + self.red


def board(*, user: Any, by: str) -> list[BoardRow]:
    """Open cards counted by `department`, `kind` or `handler`, the most red first."""
    fields = {
        "department": ("department_id", "department__name"),
        "kind": ("kind", "kind"),
        "handler": ("handler_id", "handler__real_name"),
    }
    if by not in fields:
        raise InvalidInput(_("分组方式无效。"), code="group_invalid")
    key, label = fields[by]
    rows = (
        Card.objects.visible_to(user)
        .filter(OPEN_CARD)
        .values(key, label)
        .annotate(yellow=Count("id", filter=Q(color=CardColor.YELLOW)), red=Count("id", filter=Q(color=CardColor.RED)))
        .order_by("-red", "-yellow", key)
    )
    result = []
    for row in rows:
        name = row[label]
        if by == "kind":
            name = kind_label(name)
        result.append(BoardRow(row[key], name or _("(未指定)"), row["yellow"], row["red"]))
    return result


def order_list(
    *, user: Any, status: str | None = None, department: int | None = None, cursor: str | None = None, limit: int | None = None
) -> Page[SupervisionOrder]:
    """The supervision orders in the user's reach, newest first."""
    rows = SupervisionOrder.objects.visible_to(user).select_related("department")
    if status:
        if status not in OrderStatus.values:
            raise InvalidInput(_("状态无效:%(value)s。") % {"value": status}, code="status_invalid")
        rows = rows.filter(status=status)
    if department:
        rows = rows.filter(department_id=department)
    return paginate(rows, ordering=RECENT, cursor=cursor, limit=limit)


def order_get(*, user: Any, number: str) -> SupervisionOrder:
    """The order with `number` if the user may see it; NotFound otherwise."""
    order = (
        SupervisionOrder.objects.visible_to(user)
        .select_related("department", "card", "opened_by", "replied_by")
        .filter(number=number)
        .first()
    )
    if order is None:
        raise NotFound(_("督办单不存在或您无权查看。"), code="order_not_found")
    return order


def describe(rows: list[Any]) -> dict[tuple[str, str], subjects.Subject]:
    """What each card or order of a page is about (one query per subject model)."""
    return subjects.describe((row.subject_type, row.subject_id) for row in rows)


# ---- anomalies (异常监测) ------------------------------------------------------------------------


@dataclass(frozen=True)
class Anomaly:
    case: Case
    figure: str


def repeated_refusals_or_corrections(*, user: Any, since: dt.date, at_least: int = 2, limit: int = 50) -> list[Anomaly]:
    """Cases refused or sent back for correction `at_least` times since `since` (一次性告知 not kept)."""
    counted = (
        CaseStep.objects.filter(
            case__in=Case.objects.in_reach_of(user),
            action__in=[CaseAction.REQUEST_CORRECTION, CaseAction.REFUSE],
            at__gte=time.start_of_day(since),
        )
        .values("case_id")
        .annotate(n=Count("id"))
        .filter(n__gte=at_least)
        .order_by("-n", "case_id")[:limit]
    )
    figures = {row["case_id"]: row["n"] for row in counted}
    cases = Case.objects.filter(pk__in=figures).select_related("department")
    return sorted(
        (Anomaly(case, _("补正或不予受理 %(n)d 次") % {"n": figures[case.pk]}) for case in cases), key=lambda a: -figures[a.case.pk]
    )


def long_suspensions(*, user: Any, today: dt.date, factor: int = 3, minimum_days: int = 20, limit: int = 50) -> list[Anomaly]:
    """Cases suspended (特别程序) for more than `factor` times the usual suspension, and at least `minimum_days`."""
    suspended = Case.objects.in_reach_of(user).filter(status=CaseStatus.SUSPENDED)
    last_suspension = CaseStep.objects.filter(case__in=suspended, action=CaseAction.SUSPEND).values("case_id").annotate(last=Max("at"))
    starts = {row["case_id"]: row["last"] for row in last_suspension}
    usual = _usual_suspension_days(user)
    threshold = max(minimum_days, factor * usual)
    result = []
    for case in suspended.select_related("department"):
        started = starts.get(case.pk)
        if started is None:
            continue
        days = (today - time.local_date(started)).days
        if days > threshold:
            result.append(Anomaly(case, _("已暂停 %(days)d 天(通常 %(usual)d 天)") % {"days": days, "usual": usual}))
    return sorted(result, key=lambda a: a.case.pk)[:limit]


def _usual_suspension_days(user: Any) -> int:
    """The mean length in days of the finished suspensions of the user's reach (0 without any)."""
    steps = CaseStep.objects.filter(case__in=Case.objects.in_reach_of(user), action__in=[CaseAction.SUSPEND, CaseAction.RESUME]).order_by(
        "case_id", "at", "id"
    )
    lengths, opened = [], {}
    for case_id, action, at in steps.values_list("case_id", "action", "at")[:20000]:
        if action == CaseAction.SUSPEND:
            opened[case_id] = at
        elif case_id in opened:
            lengths.append((at - opened.pop(case_id)).days)
    return round(sum(lengths) / len(lengths)) if lengths else 0


def frequent_extensions(*, user: Any, since: dt.date, limit: int = 50) -> list[dict[str, Any]]:
    """Departments by their share of decided cases that were extended, above the region's share."""
    decided = Case.objects.in_reach_of(user).filter(decided_at__gte=time.start_of_day(since))
    rows = list(
        decided.values("department_id", "department__name")
        .annotate(total=Count("id"), extended=Count("id", filter=Q(extended_days__gt=0)))
        .order_by("department_id")
    )
    total = sum(r["total"] for r in rows)
    norm = (sum(r["extended"] for r in rows) / total) if total else 0
    above = [
        {
            "department": r["department__name"],
            "total": r["total"],
            "extended": r["extended"],
            "share": r["extended"] / r["total"],
            "norm": norm,
        }
        for r in rows
        if r["total"] and r["extended"] / r["total"] > norm
    ]
    return sorted(above, key=lambda r: -r["share"])[:limit]


def off_hours_decisions(*, user: Any, since: dt.date, limit: int = 50) -> list[Anomaly]:
    """Decisions recorded outside working hours (before 8:00, after 18:00) or on days off."""
    from onewindow.workdays.calendar import is_workday

    steps = (
        CaseStep.objects.filter(
            case__in=Case.objects.in_reach_of(user),
            action__in=[CaseAction.APPROVE, CaseAction.DENY],
            at__gte=time.start_of_day(since),
            actor__isnull=False,
        )
        .select_related("case__department")
        .order_by("-at")[:5000]
    )
    result = []
    for step in steps:
        local = time.local_datetime(step.at)
        if local.hour < 8 or local.hour >= 18 or not is_workday(local.date()).workday:
            result.append(Anomaly(step.case, _("决定时间 %(at)s(%(who)s)") % {"at": f"{local:%Y-%m-%d %H:%M}", "who": step.actor_name}))
        if len(result) >= limit:
            break
    return result


def idle_items(*, user: Any, today: dt.date, months: int = 12, limit: int = 200) -> list[Any]:
    """Published service items of the user's reach without a case in `months` months: candidates for cancellation."""
    from onewindow.accounts.access import jurisdiction_q
    from onewindow.accounts.choices import DEPARTMENT_ROLES, Role
    from onewindow.catalog.models import ServiceItem

    since = time.start_of_day(today - dt.timedelta(days=months * 30))
    reach = jurisdiction_q(user, [Role.SUPERVISOR, *DEPARTMENT_ROLES])
    busy = Case.objects.filter(submitted_at__gte=since).values("item_id")
    return list(
        ServiceItem.objects.filter(reach, current__isnull=False, current__valid_to__isnull=True)
        .exclude(pk__in=busy)
        .select_related("department", "current")
        .order_by("department_id", "implementation_code")[:limit]
    )
