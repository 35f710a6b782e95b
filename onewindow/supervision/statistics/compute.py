"""What one day's aggregate rows are, from only that day's events.

The day's events are found through the audit trail, whose `occurred_at` index makes a day one range:
every case transition writes a `cases.case.<action>` event in its transaction, so the cases with an
event on the day are exactly the cases whose figures for the day may be non-zero. Those cases are
read by primary key with their promised timer, their finished stage tasks and their item version's
decision stage; new ratings are read by their own `created_at` index. Each figure is attributed to
the day its event happened (docs/statistics.md).

Some events change a figure of an earlier day: a deemed acceptance counts from the day of receipt
(行政许可法 第三十二条), a review voided or a bad review rectified changes the day it was given. The
computation reports those days (`DayFigures.dirty`) for the refresh to recompute.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from onewindow.accounts.choices import Role
from onewindow.audit.models import AuditEvent
from onewindow.cases.choices import CaseAction, CaseStatus, Channel, Decision, TaskState
from onewindow.cases.models import Case, CaseStep, StageTask
from onewindow.cases.services.stages import ACTION_STAGES
from onewindow.catalog.choices import ItemKind, StageKind
from onewindow.catalog.models import Stage
from onewindow.common import time
from onewindow.deadlines import kinds
from onewindow.deadlines.choices import DeadlineState
from onewindow.deadlines.models import Deadline
from onewindow.supervision.statistics import metrics
from onewindow.supervision.statistics.daycount import Timeliness, WorkdayCounter, counter_for, timeliness

CASE_TYPE = "cases.case"
RATING_TYPE = "ratings.rating"
RECTIFICATION_TYPE = "ratings.rectification"
# Rectification actions that move a review in or out of 整改 done (`RECTIFICATION_DONE`) or void it.
RECTIFICATION_CHANGES = ("ratings.rectification.rectify", "ratings.rectification.appeal", "ratings.rectification.uphold")
RATING_CHANGES = ("ratings.rating.void",)
ONLINE_CHANNELS = frozenset({Channel.ONLINE, Channel.API})
ENDED_WITHOUT_DELIVERY = {CaseStatus.REFUSED: "refused", CaseStatus.WITHDRAWN: "withdrawn", CaseStatus.TERMINATED: "terminated"}
CHUNK = 1000

CASE_FIELDS = (
    "pk",
    "department_id",
    "item_id",
    "department__region__code",
    "channel",
    "status",
    "decision",
    "deemed_accepted",
    "deemed_approved",
    "submitted_at",
    "accepted_at",
    "decided_at",
    "delivered_at",
    "ended_at",
    "received_by_id",
    "accepted_by_id",
    "decided_by_id",
    "statutory_days",
    "promised_days",
    "item_version_id",
    "item_version__kind",
    "item_version__on_site_visits",
)

Key = tuple[Any, ...]


@dataclass
class DayFigures:
    """The rows of one day: figures by (department, item), (department, user) and department, plus
    each department's region code and the earlier days the day's events changed."""

    items: dict[Key, dict[str, int]] = field(default_factory=lambda: defaultdict(lambda: metrics.empty(metrics.CASE_NAMES)))
    staff: dict[Key, dict[str, int]] = field(default_factory=lambda: defaultdict(lambda: metrics.empty(metrics.STAFF_NAMES)))
    ratings: dict[int, dict[str, int]] = field(default_factory=lambda: defaultdict(lambda: metrics.empty(metrics.RATING_NAMES)))
    regions: dict[int, str] = field(default_factory=dict)
    dirty: dict[dt.date, tuple[str, dt.datetime]] = field(default_factory=dict)
    cases_read: int = 0
    ratings_read: int = 0

    def changed(self, day: dt.date, reason: str, moment: dt.datetime) -> None:
        """An event at `moment` changed a figure counted on `day` (the latest such event is kept)."""
        known = self.dirty.get(day)
        if known is None or known[1] < moment:
            self.dirty[day] = (reason, moment)


def day_bounds(day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """The instants the Asia/Shanghai day starts and the next one starts."""
    return time.start_of_day(day), time.start_of_day(day + dt.timedelta(days=1))


def events_of(day: dt.date, object_type: str, actions: Iterable[str] | None = None) -> dict[int, dt.datetime]:
    """The rows of `object_type` with an audit event on `day` (optionally of `actions`): id → last event time."""
    start, end = day_bounds(day)
    events = AuditEvent.objects.filter(occurred_at__gte=start, occurred_at__lt=end, object_type=object_type)
    if actions is not None:
        events = events.filter(action__in=list(actions))
    found: dict[int, dt.datetime] = {}
    for object_id, moment in events.order_by().values_list("object_id", "occurred_at").iterator(chunk_size=5000):
        if object_id.isdigit():
            found[int(object_id)] = max(moment, found.get(int(object_id), moment))
    return found


def touched(day: dt.date, object_type: str) -> list[int]:
    """The ids of the rows of `object_type` with an audit event on `day`."""
    start, end = day_bounds(day)
    events = AuditEvent.objects.filter(occurred_at__gte=start, occurred_at__lt=end, object_type=object_type)
    return sorted({int(pk) for pk in events.order_by().values_list("object_id", flat=True).distinct() if pk.isdigit()})


def figures_of_day(day: dt.date) -> DayFigures:
    """Every row of `day`, computed from the day's events only."""
    figures = DayFigures()
    case_ids = touched(day, CASE_TYPE)
    figures.cases_read = len(case_ids)
    for start in range(0, len(case_ids), CHUNK):
        add_cases(figures, day, case_ids[start : start + CHUNK])
    add_ratings(figures, day)
    mark_changed_ratings(figures, day)
    return figures


# Cases -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CaseContext:
    """What a chunk of cases needs besides their rows: promised timers, window-decided versions, deemed steps."""

    timers: dict[int, Timeliness]
    authorized_versions: frozenset[int]
    deemed_at: dict[int, dt.datetime]


def concluded_at(row: dict[str, Any]) -> dt.datetime | None:
    """办结: delivery of the decision, or the end of a case that ends without one (refused, withdrawn, terminated)."""
    if row["delivered_at"] is not None:
        return row["delivered_at"]
    if row["status"] in ENDED_WITHOUT_DELIVERY:
        return row["ended_at"]
    return None


def on(moment: dt.datetime | None, day: dt.date) -> bool:
    return moment is not None and time.local_date(moment) == day


def add_cases(figures: DayFigures, day: dt.date, case_ids: list[int]) -> None:
    rows = list(Case.objects.filter(pk__in=case_ids).values(*CASE_FIELDS))
    context = CaseContext(
        timers=promised_timers([r["pk"] for r in rows if r["decided_at"] is not None]),
        authorized_versions=window_decided_versions({r["item_version_id"] for r in rows}),
        deemed_at=deemed_steps([r["pk"] for r in rows if r["deemed_accepted"]]),
    )
    for row in rows:
        figures.regions[row["department_id"]] = row["department__region__code"]
        add_case(figures, day, row, context)
    add_tasks(figures, day, case_ids)


def add_case(figures: DayFigures, day: dt.date, row: dict[str, Any], context: CaseContext) -> None:
    item = figures.items[(row["department_id"], row["item_id"])]
    department = row["department_id"]
    if on(row["submitted_at"], day):
        add_received(item, row)
        staff_add(figures, department, row["received_by_id"], "received")
    if on(row["accepted_at"], day):
        item["accepted"] += 1
        item["deemed_accepted"] += int(row["deemed_accepted"])
        staff_add(figures, department, row["accepted_by_id"], "accepted")
    elif row["deemed_accepted"] and on(context.deemed_at.get(row["pk"]), day) and row["accepted_at"] is not None:
        figures.changed(time.local_date(row["accepted_at"]), "视为受理计入收件之日", context.deemed_at[row["pk"]])
    timer = context.timers.get(row["pk"])
    if on(concluded_at(row), day):
        add_concluded(item, row, timer, context)
    if on(row["decided_at"], day) and row["decided_by_id"] is not None:
        add_decision(figures, department, row["decided_by_id"], timer)


def add_received(item: dict[str, int], row: dict[str, Any]) -> None:
    item["received"] += 1
    item["received_online"] += int(row["channel"] in ONLINE_CHANNELS)
    item["received_on_the_spot"] += int(row["item_version__kind"] == ItemKind.ON_THE_SPOT)
    item["received_zero_visit"] += int(row["item_version__on_site_visits"] == 0)
    item["statutory_days"] += row["statutory_days"]
    item["promised_days"] += row["promised_days"]


def add_concluded(item: dict[str, int], row: dict[str, Any], timer: Timeliness | None, context: CaseContext) -> None:
    item["concluded"] += 1
    if row["delivered_at"] is not None:
        item["delivered"] += 1
    else:
        item[ENDED_WITHOUT_DELIVERY[row["status"]]] += 1
    item["granted"] += int(row["decision"] == Decision.GRANTED)
    item["denied"] += int(row["decision"] == Decision.DENIED)
    item["deemed_approved"] += int(row["deemed_approved"])
    if timer is None:
        return
    item["timed"] += 1
    item["on_time"] += int(timer.on_time)
    item["used_days"] += timer.used
    item["granted_days"] += timer.granted
    item["saved_days"] += timer.saved
    item["overdue_days"] += timer.overdue
    item["one_visit"] += int(row["item_version__on_site_visits"] <= 1)
    by_person = row["decided_by_id"] is not None and not row["deemed_approved"]
    if row["channel"] == Channel.WINDOW:
        item["window_timed"] += 1
        item["window_direct"] += int(by_person and is_direct(row))
    item["authorized"] += int(by_person and row["item_version_id"] in context.authorized_versions)


def is_direct(row: dict[str, Any]) -> bool:
    """窗口直接办结: decided by the person who accepted it at the window, on the day of acceptance."""
    return (
        not row["deemed_accepted"]
        and row["accepted_by_id"] == row["decided_by_id"]
        and time.local_date(row["accepted_at"]) == time.local_date(row["decided_at"])
    )


def add_decision(figures: DayFigures, department: int, user: int, timer: Timeliness | None) -> None:
    staff = figures.staff[(department, user)]
    staff["decided"] += 1
    if timer is not None:
        staff["decided_on_time"] += int(timer.on_time)
        staff["saved_days"] += timer.saved
        staff["overdue_days"] += timer.overdue


def staff_add(figures: DayFigures, department: int, user: int | None, name: str, value: int = 1) -> None:
    if user is not None:
        figures.staff[(department, user)][name] += value


def promised_timers(case_ids: list[int]) -> dict[int, Timeliness]:
    """The met 承诺时限 timers of the cases, by case id."""
    if not case_ids:
        return {}
    rows: list[Any] = list(
        Deadline.objects.filter(
            subject_type=CASE_TYPE, subject_id__in=[str(pk) for pk in case_ids], kind=kinds.CASE_PROMISED, state=DeadlineState.MET
        ).values("subject_id", "started_at", "met_at", "due_on", "allotted_days", "extended_days", "paused_days")
    )
    counter = counter_for([(time.local_date(r["started_at"]), time.local_date(r["met_at"])) for r in rows])
    return {int(r["subject_id"]): timer_of(counter, r) for r in rows}


def timer_of(counter: WorkdayCounter, row: dict[str, Any]) -> Timeliness:
    return timeliness(
        counter,
        started_at=row["started_at"],
        met_at=row["met_at"],
        due_on=row["due_on"],
        granted=row["allotted_days"] + row["extended_days"],
        paused=row["paused_days"],
    )


def window_decided_versions(version_ids: set[int]) -> frozenset[int]:
    """The item versions whose decision stage is authorized to the chief representative (一级审批)."""
    if not version_ids:
        return frozenset()
    return frozenset(
        Stage.objects.filter(version_id__in=version_ids, kind=StageKind.DECIDE, role=Role.CHIEF_REPRESENTATIVE).values_list(
            "version_id", flat=True
        )
    )


def deemed_steps(case_ids: list[int]) -> dict[int, dt.datetime]:
    """When each deemed-accepted case's acceptance was recorded."""
    if not case_ids:
        return {}
    return dict(CaseStep.objects.filter(case_id__in=case_ids, action=CaseAction.DEEM_ACCEPTED).values_list("case_id", "at"))


def add_tasks(figures: DayFigures, day: dt.date, case_ids: list[int]) -> None:
    """Review-type stage tasks (审查, 现场核查 …: not the action stages) finished on the day, by handler."""
    start, end = day_bounds(day)
    tasks = (
        StageTask.objects.filter(case_id__in=case_ids, state=TaskState.DONE, completed_at__gte=start, completed_at__lt=end)
        .exclude(kind__in=sorted(ACTION_STAGES))
        .exclude(handler__isnull=True)
        .values_list("department_id", "handler_id", "due_on", "department__region__code")
    )
    for department, handler, due_on, region_code in tasks:
        figures.regions.setdefault(department, region_code)
        staff_add(figures, department, handler, "tasks_done")
        staff_add(figures, department, handler, "tasks_on_time", int(due_on is None or day <= due_on))


# Ratings ---------------------------------------------------------------------------------------


def add_ratings(figures: DayFigures, day: dt.date) -> None:
    """The ratings given on the day; voided ones only counted as voided, bad ones rectified as of now."""
    from onewindow.ratings.models import Rating

    start, end = day_bounds(day)
    rows = Rating.objects.filter(created_at__gte=start, created_at__lt=end).values_list(
        "department_id", "department__region__code", "handler_id", "level", "is_bad", "voided_at", "rectification__state"
    )
    for department, region_code, handler, level, is_bad, voided_at, rectification_state in rows:
        figures.ratings_read += 1
        figures.regions[department] = region_code
        add_rating(figures, department, handler, level, is_bad, voided_at is not None, rectification_state)


def add_rating(
    figures: DayFigures, department: int, handler: int | None, level: int, is_bad: bool, voided: bool, rectification_state: str | None
) -> None:
    from onewindow.ratings.choices import RECTIFICATION_DONE

    row = figures.ratings[department]
    if voided:
        row["voided"] += 1
        return
    satisfied = int(not is_bad)
    row["rated"] += 1
    row["satisfied"] += satisfied
    row["bad"] += int(is_bad)
    row["level_sum"] += level
    row["bad_rectified"] += int(is_bad and rectification_state in RECTIFICATION_DONE)
    staff_add(figures, department, handler, "rated")
    staff_add(figures, department, handler, "satisfied", satisfied)
    staff_add(figures, department, handler, "bad", int(is_bad))


def mark_changed_ratings(figures: DayFigures, day: dt.date) -> None:
    """Reviews voided, rectified, appealed or upheld on the day change the day they were given."""
    from onewindow.ratings.models import Rating

    voided = events_of(day, RATING_TYPE, RATING_CHANGES)
    moved = events_of(day, RECTIFICATION_TYPE, RECTIFICATION_CHANGES)
    given = Rating.objects.filter(pk__in=list(voided)).order_by().values_list("pk", "created_at")
    via = Rating.objects.filter(rectification__pk__in=list(moved)).order_by().values_list("rectification__pk", "created_at")
    changes = [(created_at, voided[pk]) for pk, created_at in given.iterator(chunk_size=CHUNK)]
    changes += [(created_at, moved[pk]) for pk, created_at in via.iterator(chunk_size=CHUNK)]
    for created_at, moment in changes:
        created_on = time.local_date(created_at)
        if created_on != day:
            figures.changed(created_on, "评价作废或差评整改状态变化", moment)
