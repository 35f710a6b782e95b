"""The recount: every figure of a period straight from the raw tables, compared with the aggregates.

It takes other roads than the refresh on purpose: the cases of a day by their own timestamps (not
the audit trail), counts grouped by the database (`TruncDate` in Asia/Shanghai), window direct
completion from the timeline's steps (not the case's `accepted_by`/`decided_by` copies), the timers
through the `Deadline` model. A difference means the aggregates are stale or wrong: a day not
refreshed, an event the refresh did not see, a dirty day not picked up, or a corrupted row.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, F, Q, QuerySet, Sum
from django.db.models.functions import TruncDate

from onewindow.cases.choices import CaseAction, CaseStatus, Channel, Decision, TaskState
from onewindow.cases.models import Case, CaseStep, StageTask
from onewindow.cases.permissions import window_decides
from onewindow.cases.services.stages import ACTION_STAGES
from onewindow.catalog.choices import ItemKind
from onewindow.common import time
from onewindow.deadlines import kinds
from onewindow.deadlines.choices import DeadlineState
from onewindow.deadlines.models import Deadline
from onewindow.orgs.models import Department
from onewindow.supervision.statistics import metrics
from onewindow.supervision.statistics.daycount import Timeliness, counter_for, timeliness
from onewindow.supervision.statistics.models import (
    DepartmentDay,
    DepartmentMonth,
    ItemDay,
    ItemMonth,
    RegionDay,
    RegionMonth,
    StaffDay,
    StaffMonth,
)
from onewindow.supervision.statistics.services import month_of, next_month

LOCAL = time.LOCAL_TZ
ENDED = (CaseStatus.REFUSED, CaseStatus.WITHDRAWN, CaseStatus.TERMINATED)
DECISIONS = (CaseAction.APPROVE, CaseAction.DENY)
ACCEPTANCES = (CaseAction.ACCEPT, CaseAction.ACCEPT_WITH_GAPS)
CHUNK = 1000

Table = dict[tuple[Any, ...], dict[str, int]]


def _table(names: tuple[str, ...]) -> Table:
    return defaultdict(lambda: metrics.empty(names))


@dataclass
class Expected:
    """The recounted figures: day rows by (day, department, item), (day, department, user) and (day, department)."""

    items: Table = field(default_factory=lambda: _table(metrics.CASE_NAMES))
    staff: Table = field(default_factory=lambda: _table(metrics.STAFF_NAMES))
    departments: Table = field(default_factory=lambda: _table(metrics.DEPARTMENT_NAMES))
    regions: Table = field(default_factory=lambda: _table(metrics.DEPARTMENT_NAMES))


def _range(qs: QuerySet[Any], name: str, first: dt.date, last: dt.date) -> QuerySet[Any]:
    return qs.filter(**{f"{name}__gte": time.start_of_day(first), f"{name}__lt": time.start_of_day(last + dt.timedelta(days=1))})


def _by_day(qs: QuerySet[Any], name: str, first: dt.date, last: dt.date, *keys: str) -> QuerySet[Any]:
    return _range(qs, name, first, last).annotate(day=TruncDate(name, tzinfo=LOCAL)).values("day", *keys).order_by()


def recount(first: dt.date, last: dt.date) -> Expected:
    """Every figure of the days from `first` to `last`, from the raw tables."""
    expected = Expected()
    _received(expected, first, last)
    _accepted(expected, first, last)
    _concluded(expected, first, last)
    _decisions(expected, first, last)
    _tasks(expected, first, last)
    _ratings(expected, first, last)
    for (day, department, _item), values in expected.items.items():
        metrics.add(expected.departments[(day, department)], values, metrics.CASE_NAMES)
    codes = dict(Department.objects.filter(pk__in={k[1] for k in expected.departments}).values_list("pk", "region__code"))
    for (day, department), values in expected.departments.items():
        metrics.add(expected.regions[(day, codes[department])], values, metrics.DEPARTMENT_NAMES)
    return expected


def _received(expected: Expected, first: dt.date, last: dt.date) -> None:
    online = Q(channel__in=[Channel.ONLINE, Channel.API])
    rows = _by_day(Case.objects.all(), "submitted_at", first, last, "department_id", "item_id").annotate(
        received=Count("pk"),
        received_online=Count("pk", filter=online),
        received_on_the_spot=Count("pk", filter=Q(item_version__kind=ItemKind.ON_THE_SPOT)),
        received_zero_visit=Count("pk", filter=Q(item_version__on_site_visits=0)),
        statutory=Sum("statutory_days"),
        promised=Sum("promised_days"),
    )
    for row in rows:
        target = expected.items[(row["day"], row["department_id"], row["item_id"])]
        for name in ("received", "received_online", "received_on_the_spot", "received_zero_visit"):
            target[name] += row[name]
        target["statutory_days"] += row["statutory"]
        target["promised_days"] += row["promised"]
    staff = _by_day(Case.objects.filter(received_by__isnull=False), "submitted_at", first, last, "department_id", "received_by_id")
    for row in staff.annotate(n=Count("pk")):
        expected.staff[(row["day"], row["department_id"], row["received_by_id"])]["received"] += row["n"]


def _accepted(expected: Expected, first: dt.date, last: dt.date) -> None:
    rows = _by_day(Case.objects.all(), "accepted_at", first, last, "department_id", "item_id").annotate(
        n=Count("pk"), deemed=Count("pk", filter=Q(deemed_accepted=True))
    )
    for row in rows:
        target = expected.items[(row["day"], row["department_id"], row["item_id"])]
        target["accepted"] += row["n"]
        target["deemed_accepted"] += row["deemed"]
    staff = _by_day(Case.objects.filter(accepted_by__isnull=False), "accepted_at", first, last, "department_id", "accepted_by_id")
    for row in staff.annotate(n=Count("pk")):
        expected.staff[(row["day"], row["department_id"], row["accepted_by_id"])]["accepted"] += row["n"]


def _concluded_cases(first: dt.date, last: dt.date) -> list[Case]:
    delivered = _range(Case.objects.all(), "delivered_at", first, last)
    ended = _range(Case.objects.filter(delivered_at__isnull=True, status__in=ENDED), "ended_at", first, last)
    return [*qs_with_versions(delivered), *qs_with_versions(ended)]


def qs_with_versions(cases: QuerySet[Case]) -> QuerySet[Case]:
    return cases.select_related("item_version").prefetch_related("item_version__stages")


def _timers(cases: Iterable[Case]) -> dict[int, Timeliness]:
    """The met 承诺时限 timers of the cases, through the `Deadline` model."""
    ids = [str(case.pk) for case in cases]
    deadlines: list[Deadline] = []
    for start in range(0, len(ids), CHUNK):
        deadlines += Deadline.objects.filter(subject_type="cases.case", subject_id__in=ids[start : start + CHUNK], kind=kinds.CASE_PROMISED)
    met = [(d, d.met_at) for d in deadlines if d.state == DeadlineState.MET and d.met_at is not None]
    counter = counter_for([(d.start_date, time.local_date(met_at)) for d, met_at in met])
    result = {}
    for d, met_at in met:
        figures = timeliness(counter, started_at=d.started_at, met_at=met_at, due_on=d.due_on, granted=d.granted_days, paused=d.paused_days)
        assert figures.on_time == d.met_on_time
        result[int(d.subject_id)] = figures
    return result


def _direct_by_steps(cases: list[Case]) -> set[int]:
    """Cases accepted and decided (approve/deny) by the same person on the same day, from the timeline."""
    steps = CaseStep.objects.filter(case__in=[c.pk for c in cases], action__in=[*ACCEPTANCES, *DECISIONS], actor__isnull=False)
    accepted: dict[int, tuple[int, dt.date]] = {}
    decided: dict[int, tuple[int, dt.date]] = {}
    for case_id, action, actor_id, at in steps.values_list("case_id", "action", "actor_id", "at"):
        (decided if action in DECISIONS else accepted)[case_id] = (actor_id, time.local_date(at))
    return {case_id for case_id, seen in decided.items() if accepted.get(case_id) == seen}


def _concluded(expected: Expected, first: dt.date, last: dt.date) -> None:
    cases = _concluded_cases(first, last)
    timers = _timers(cases)
    direct = _direct_by_steps([c for c in cases if c.channel == Channel.WINDOW and c.pk in timers])
    for case in cases:
        moment = case.delivered_at or case.ended_at
        assert moment is not None
        target = expected.items[(time.local_date(moment), case.department_id, case.item_id)]
        target["concluded"] += 1
        target["delivered" if case.delivered_at else str(case.status)] += 1
        target["granted"] += int(case.decision == Decision.GRANTED)
        target["denied"] += int(case.decision == Decision.DENIED)
        target["deemed_approved"] += int(case.deemed_approved)
        timer = timers.get(case.pk)
        if timer is None:
            continue
        target["timed"] += 1
        target["on_time"] += int(timer.on_time)
        target["used_days"] += timer.used
        target["granted_days"] += timer.granted
        target["saved_days"] += timer.saved
        target["overdue_days"] += timer.overdue
        target["one_visit"] += int(case.item_version.on_site_visits <= 1)
        if case.channel == Channel.WINDOW:
            target["window_timed"] += 1
            target["window_direct"] += int(case.pk in direct)
        target["authorized"] += int(case.decided_by_id is not None and window_decides(case))


def _decisions(expected: Expected, first: dt.date, last: dt.date) -> None:
    cases = list(_range(Case.objects.filter(decided_by__isnull=False), "decided_at", first, last))
    timers = _timers(cases)
    for case in cases:
        assert case.decided_at is not None and case.decided_by_id is not None
        target = expected.staff[(time.local_date(case.decided_at), case.department_id, case.decided_by_id)]
        target["decided"] += 1
        timer = timers.get(case.pk)
        if timer is not None:
            target["decided_on_time"] += int(timer.on_time)
            target["saved_days"] += timer.saved
            target["overdue_days"] += timer.overdue


def _tasks(expected: Expected, first: dt.date, last: dt.date) -> None:
    tasks = StageTask.objects.filter(state=TaskState.DONE, handler__isnull=False).exclude(kind__in=sorted(ACTION_STAGES))
    rows = _by_day(tasks, "completed_at", first, last, "department_id", "handler_id").annotate(
        done=Count("pk"), in_time=Count("pk", filter=Q(due_on__isnull=True) | Q(due_on__gte=F("day")))
    )
    for row in rows:
        target = expected.staff[(row["day"], row["department_id"], row["handler_id"])]
        target["tasks_done"] += row["done"]
        target["tasks_on_time"] += row["in_time"]


def _ratings(expected: Expected, first: dt.date, last: dt.date) -> None:
    from onewindow.ratings.choices import RECTIFICATION_DONE
    from onewindow.ratings.models import Rating

    counted = Q(voided_at__isnull=True)
    figures = {
        "rated": Count("pk", filter=counted),
        "satisfied": Count("pk", filter=counted & Q(is_bad=False)),
        "bad": Count("pk", filter=counted & Q(is_bad=True)),
    }
    rows = _by_day(Rating.objects.all(), "created_at", first, last, "department_id").annotate(
        **figures,
        level_sum=Sum("level", filter=counted),
        voided=Count("pk", filter=Q(voided_at__isnull=False)),
        bad_rectified=Count("pk", filter=counted & Q(is_bad=True, rectification__state__in=sorted(RECTIFICATION_DONE))),
    )
    for row in rows:
        target = expected.departments[(row["day"], row["department_id"])]
        for name in metrics.RATING_NAMES:
            target[name] += row[name] or 0
    handled = _by_day(Rating.objects.filter(handler__isnull=False), "created_at", first, last, "department_id", "handler_id")
    for row in handled.annotate(**figures):
        target = expected.staff[(row["day"], row["department_id"], row["handler_id"])]
        for name in ("rated", "satisfied", "bad"):
            target[name] += row[name]


# Comparing ---------------------------------------------------------------------------------------


def _stored(model: Any, period: str, keys: tuple[str, ...], names: tuple[str, ...], first: dt.date, last: dt.date) -> Table:
    rows = model.objects.filter(**{f"{period}__gte": first, f"{period}__lte": last}).values(period, *keys, *names)
    return {(row[period], *(row[k] for k in keys)): {n: row[n] for n in names} for row in rows}


def _compare(label: str, stored: Table, expected: Table, names: tuple[str, ...]) -> list[str]:
    differences = []
    for key in sorted(set(stored) | {k for k, v in expected.items() if any(v.values())}, key=str):
        have = stored.get(key) or metrics.empty(names)
        want = expected.get(key) or metrics.empty(names)
        wrong = [f"{n} {have[n]} ≠ {want[n]}" for n in names if have[n] != want[n]]
        if wrong:
            where = " ".join(str(part) for part in key)
            differences.append(f"{label} {where}: " + ", ".join(wrong) + " (aggregate ≠ recount)")
    return differences


def _months(first: dt.date, last: dt.date) -> list[dt.date]:
    """The months lying wholly inside [first, last]."""
    months, month = [], month_of(first) if first.day == 1 else next_month(first)
    while next_month(month) - dt.timedelta(days=1) <= last:
        months.append(month)
        month = next_month(month)
    return months


def _sum_months(table: Table, months: list[dt.date], names: tuple[str, ...]) -> Table:
    result = _table(names)
    wanted = set(months)
    for (day, *rest), values in table.items():
        if month_of(day) in wanted:
            metrics.add(result[(month_of(day), *rest)], values, names)
    return result


def differences(first: dt.date, last: dt.date) -> list[str]:
    """Every difference between the aggregates and the recount of the days from `first` to `last`
    (and of the months lying wholly inside them); empty when they agree exactly."""
    expected = recount(first, last)
    checks: tuple[tuple[str, Any, tuple[str, ...], tuple[str, ...], Table], ...] = (
        ("事项日", ItemDay, ("department_id", "item_id"), metrics.CASE_NAMES, expected.items),
        ("人员日", StaffDay, ("department_id", "user_id"), metrics.STAFF_NAMES, expected.staff),
        ("部门日", DepartmentDay, ("department_id",), metrics.DEPARTMENT_NAMES, expected.departments),
        ("区划日", RegionDay, ("region_code",), metrics.DEPARTMENT_NAMES, expected.regions),
    )
    found = []
    for label, model, keys, names, table in checks:
        found += _compare(label, _stored(model, "day", keys, names, first, last), table, names)
    months = _months(first, last)
    if months:
        month_checks: tuple[tuple[str, Any, tuple[str, ...], tuple[str, ...], Table], ...] = (
            ("事项月", ItemMonth, ("department_id", "item_id"), metrics.CASE_NAMES, expected.items),
            ("人员月", StaffMonth, ("department_id", "user_id"), metrics.STAFF_NAMES, expected.staff),
            ("部门月", DepartmentMonth, ("department_id",), metrics.DEPARTMENT_NAMES, expected.departments),
            ("区划月", RegionMonth, ("region_code",), metrics.DEPARTMENT_NAMES, expected.regions),
        )
        for label, model, keys, names, table in month_checks:
            stored = _stored(model, "month", keys, names, months[0], months[-1])
            found += _compare(label, stored, _sum_months(table, months, names), names)
    return found
