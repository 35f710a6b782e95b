"""Writes to deadlines: start, pause, resume, extend, meet, cancel, reassign, recalculate.

These are building blocks of the owning apps' services (cases, ratings, supervision …), which
have already checked that `actor` may act on the subject; here the timer is computed, locked
against concurrent changes and audited. `actor=None` is the system (the scan, a periodic task).
Each service returns the row as it saved it; the instance passed in is left as it was.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from onewindow.audit.services import audit_deferred, audit_record, audit_snapshot
from onewindow.common import time
from onewindow.common.errors import Conflict, InvalidInput
from onewindow.deadlines import kinds
from onewindow.deadlines.choices import DEADLINE_TRANSITIONS, OPEN_STATES, DeadlineState
from onewindow.deadlines.models import Deadline, PauseInterval, subject_key
from onewindow.workdays.calendar import add_workdays, around, read_ahead

MAX_DAYS = 2000
MAX_REASON_LENGTH = 500

SNAPSHOT_FIELDS = [
    "state",
    "department",
    "handler",
    "allotted_days",
    "extended_days",
    "paused_days",
    "due_on",
    "warn_on",
    "provisional",
    "paused_on",
    "met_at",
    "cancelled_at",
]


class _Unchanged:
    def __repr__(self) -> str:
        return "UNCHANGED"


UNCHANGED: Any = _Unchanged()


@dataclass(frozen=True)
class Schedule:
    """The dates of a timer."""

    due_on: dt.date
    warn_on: dt.date
    provisional: bool


def deadline_schedule(kind: kinds.DeadlineKind, start: dt.date, granted_days: int, paused_days: int = 0) -> Schedule:
    """The due and warning dates of a timer of `kind` started on `start` with `granted_days`, of which
    `paused_days` were spent paused (they push the due date later: 行政许可法 第四十五条)."""
    with read_ahead(*around(start, granted_days + paused_days + 1)):
        due = kind.period_end(start, granted_days + paused_days)
        warn_on = add_workdays(due.due, -kind.warn_window(granted_days)).due
    return Schedule(due_on=due.due, warn_on=max(warn_on, start), provisional=due.provisional)


@transaction.atomic
def deadline_start(
    *, actor: Any, subject: Any, kind: str, start: dt.datetime, days: int, department: Any = None, handler: Any = None
) -> Deadline:
    """Start a timer of `kind` on `subject` at `start`, due `days` of the kind's days later (start day not
    counted, 行政许可法 第八十二条; `days=0` is due the same day)."""
    definition = kinds.get_kind(kind)
    _check_days(days)
    _check_aware(start)
    if getattr(subject, "pk", None) is None:
        raise InvalidInput(_("期限对象尚未保存。"), code="deadline_subject_unsaved")
    subject_type, subject_id = subject_key(subject)
    schedule = deadline_schedule(definition, time.local_date(start), days)
    deadline = Deadline.objects.create(
        subject_type=subject_type,
        subject_id=subject_id,
        kind=kind,
        department=department,
        handler=handler,
        started_at=start,
        allotted_days=days,
        due_on=schedule.due_on,
        warn_on=schedule.warn_on,
        provisional=schedule.provisional,
        updated_at=time.now(),
    )
    after = audit_snapshot(deadline, ["subject_type", "subject_id", "kind", "started_at", *SNAPSHOT_FIELDS])
    audit_record(actor=actor, action="deadlines.deadline.start", obj=deadline, after=after)
    return deadline


@transaction.atomic
def deadlines_start_many(
    *, actor: Any, subjects: list[Any], kind: str, start: dt.datetime, days: int, department_ids: list[int | None] | None = None
) -> list[Deadline]:
    """`deadline_start` for many subjects at once (one insert, one audit append): the timers of one
    kind started at one moment share their dates. The department `department_ids[i]` answers for `subjects[i]`."""
    definition = kinds.get_kind(kind)
    _check_days(days)
    _check_aware(start)
    if any(getattr(subject, "pk", None) is None for subject in subjects):
        raise InvalidInput(_("期限对象尚未保存。"), code="deadline_subject_unsaved")
    if not subjects:
        return []
    schedule = deadline_schedule(definition, time.local_date(start), days)
    now = time.now()
    rows = []
    for index, subject in enumerate(subjects):
        subject_type, subject_id = subject_key(subject)
        rows.append(
            Deadline(
                subject_type=subject_type,
                subject_id=subject_id,
                kind=kind,
                department_id=department_ids[index] if department_ids else None,
                started_at=start,
                allotted_days=days,
                due_on=schedule.due_on,
                warn_on=schedule.warn_on,
                provisional=schedule.provisional,
                updated_at=now,
            )
        )
    created = Deadline.objects.bulk_create(rows)
    with audit_deferred():
        for deadline in created:
            after = audit_snapshot(deadline, ["subject_type", "subject_id", "kind", "started_at", *SNAPSHOT_FIELDS])
            audit_record(actor=actor, action="deadlines.deadline.start", obj=deadline, after=after)
    return created


@transaction.atomic
def deadline_pause(*, actor: Any, deadline: Deadline, reason: str) -> Deadline:
    """Stop the clock for a special procedure (行政许可法 第四十五条: 听证、招标、拍卖、检验、检测、检疫、鉴定和专家评审)."""
    reason = _reason(reason, _("请填写暂停原因。"))
    deadline = _locked(deadline)
    _require_transition(deadline, DeadlineState.PAUSED, _("暂停"))
    now = time.now()
    if now < deadline.started_at:
        raise Conflict(_("期限尚未开始,不能暂停。"), code="deadline_not_started")
    before = audit_snapshot(deadline, SNAPSHOT_FIELDS)
    PauseInterval.objects.create(deadline=deadline, paused_at=now, reason=reason)
    deadline.state = DeadlineState.PAUSED
    deadline.paused_on = time.local_date(now)
    return _save(actor, deadline, "pause", before, reason=reason)


@transaction.atomic
def deadline_resume(*, actor: Any, deadline: Deadline) -> Deadline:
    """Start the clock again; the due and warning dates move later by the days spent paused."""
    deadline = _locked(deadline)
    _require_transition(deadline, DeadlineState.RUNNING, _("恢复计时"))
    before = audit_snapshot(deadline, SNAPSHOT_FIELDS)
    now = time.now()
    days = _close_pause(deadline, now)
    deadline.state = DeadlineState.RUNNING
    _reschedule(deadline, time.local_date(now))
    return _save(actor, deadline, "resume", before, days=days)


@transaction.atomic
def deadline_extend(*, actor: Any, deadline: Deadline, days: int, reason: str) -> Deadline:
    """Grant `days` more days with a reason (行政许可法 第四十二条: +10 by the agency head, +15 for joint handling)."""
    reason = _reason(reason, _("请填写延期理由。"))
    if days < 1:
        raise InvalidInput(_("延长天数至少为1天。"), code="deadline_days_invalid", details={"days": [_("延长天数至少为1天。")]})
    deadline = _locked(deadline)
    _require_open(deadline, _("延期"))
    _check_days(deadline.granted_days + days)
    before = audit_snapshot(deadline, SNAPSHOT_FIELDS)
    deadline.extended_days += days
    _reschedule(deadline, time.today())
    return _save(actor, deadline, "extend", before, days=days, reason=reason)


@transaction.atomic
def deadline_meet(*, actor: Any, deadline: Deadline, at: dt.datetime | None = None) -> Deadline:
    """Record that the subject did what the timer asked, at `at` (default now); `met_on_time` tells if in time."""
    deadline = _locked(deadline)
    _require_transition(deadline, DeadlineState.MET, _("完成"))
    now = time.now()
    at = now if at is None else at
    _check_end(deadline, at, now)
    before = audit_snapshot(deadline, SNAPSHOT_FIELDS)
    if deadline.state == DeadlineState.PAUSED:
        _close_pause(deadline, at)
        _reschedule(deadline, time.local_date(at))
    deadline.state = DeadlineState.MET
    deadline.met_at = at
    return _save(actor, deadline, "meet", before)


@transaction.atomic
def deadline_cancel(*, actor: Any, deadline: Deadline, reason: str = "") -> Deadline:
    """End the timer without it being met: the subject was withdrawn, refused or terminated."""
    reason = _reason(reason, "") if reason.strip() else ""
    deadline = _locked(deadline)
    _require_transition(deadline, DeadlineState.CANCELLED, _("取消"))
    before = audit_snapshot(deadline, SNAPSHOT_FIELDS)
    now = time.now()
    if deadline.state == DeadlineState.PAUSED:
        _close_pause(deadline, now)
        _reschedule(deadline, time.local_date(now))
    deadline.state = DeadlineState.CANCELLED
    deadline.cancelled_at = now
    return _save(actor, deadline, "cancel", before, reason=reason)


@transaction.atomic
def deadline_reassign(*, actor: Any, deadline: Deadline, department: Any = UNCHANGED, handler: Any = UNCHANGED) -> Deadline:
    """Make another department and/or handler answer for an open timer (`None` clears, `UNCHANGED` keeps)."""
    deadline = _locked(deadline)
    _require_open(deadline, _("转交"))
    before = audit_snapshot(deadline, SNAPSHOT_FIELDS)
    if department is not UNCHANGED:
        deadline.department = department
    if handler is not UNCHANGED:
        deadline.handler = handler
    if (deadline.department_id, deadline.handler_id) == (before["department_id"], before["handler_id"]):
        return deadline
    return _save(actor, deadline, "reassign", before)


def deadline_recalculate(*, actor: Any, deadline: Deadline) -> Deadline:
    """Recompute an open timer's dates from its start, days and pauses after the calendar changed
    (a year's State Council schedule entered, an override corrected); audited when they moved."""
    return _recalculated(actor, deadline)[0]


def deadlines_recalculate(*, actor: Any, since: dt.date, batch: int = 500) -> int:
    """Recalculate every open timer due on or after `since`, each in its own transaction; returns how many changed.

    Run it after the working-day calendar changed from `since` on: timers due earlier never
    counted the changed days.
    """
    changed, last_id = 0, 0
    while True:
        ids = list(Deadline.objects.open().filter(due_on__gte=since, pk__gt=last_id).order_by("pk").values_list("pk", flat=True)[:batch])
        changed += sum(_recalculated(actor, Deadline(pk=pk))[1] for pk in ids)
        if len(ids) < batch:
            return changed
        last_id = ids[-1]


@transaction.atomic
def _recalculated(actor: Any, deadline: Deadline) -> tuple[Deadline, bool]:
    deadline = _locked(deadline)
    if deadline.state not in OPEN_STATES:
        return deadline, False
    before = audit_snapshot(deadline, SNAPSHOT_FIELDS)
    definition = deadline.definition
    paused = 0
    for interval in deadline.pauses.filter(resumed_at__isnull=False):
        assert interval.resumed_at is not None
        days = max(definition.period_length(time.local_date(interval.paused_at), time.local_date(interval.resumed_at)), 0)
        if interval.days != days:
            interval.days = days
            interval.save(update_fields=["days"])
        paused += days
    deadline.paused_days = paused
    _reschedule(deadline, time.today())
    if audit_snapshot(deadline, SNAPSHOT_FIELDS) == before:
        return deadline, False
    return _save(actor, deadline, "recalculate", before), True


def _locked(deadline: Deadline) -> Deadline:
    return Deadline.objects.select_for_update().get(pk=deadline.pk)


def _require_transition(deadline: Deadline, target: str, verb: str) -> None:
    if target not in DEADLINE_TRANSITIONS[deadline.state]:
        _refuse(deadline, verb)


def _require_open(deadline: Deadline, verb: str) -> None:
    if deadline.state not in OPEN_STATES:
        _refuse(deadline, verb)


def _refuse(deadline: Deadline, verb: str) -> None:
    raise Conflict(
        _("期限当前为“%(state)s”,不能%(verb)s。") % {"state": deadline.get_state_display(), "verb": verb},
        code="deadline_transition",
        details={"state": deadline.state},
    )


def _check_days(days: int) -> None:
    if not 0 <= days <= MAX_DAYS:
        message = _("期限天数应在0至%(max)s天之间。") % {"max": MAX_DAYS}
        raise InvalidInput(message, code="deadline_days_invalid", details={"days": [message]})


def _check_aware(moment: dt.datetime) -> None:
    if timezone.is_naive(moment):
        raise InvalidInput(_("时间必须带时区。"), code="deadline_naive_datetime")


def _check_end(deadline: Deadline, at: dt.datetime, now: dt.datetime) -> None:
    """`at` lies between the timer's last change (start, pause or resume) and now."""
    _check_aware(at)
    if at > now:
        raise InvalidInput(_("完成时间不能晚于当前时间。"), code="deadline_end_in_future")
    changes = [deadline.started_at]
    for paused_at, resumed_at in deadline.pauses.values_list("paused_at", "resumed_at"):
        changes += [paused_at, resumed_at or paused_at]
    if at < max(changes):
        raise InvalidInput(_("完成时间不能早于期限的开始、暂停或恢复时间。"), code="deadline_end_too_early")


def _reason(reason: str, missing: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput(missing, code="deadline_reason_required", details={"reason": [missing]})
    if len(reason) > MAX_REASON_LENGTH:
        message = _("原因不能超过%(max)s个字。") % {"max": MAX_REASON_LENGTH}
        raise InvalidInput(message, code="deadline_reason_too_long", details={"reason": [message]})
    return reason


def _close_pause(deadline: Deadline, at: dt.datetime) -> int:
    """End the open pause at `at`; its days stop counting toward the limit. Returns them."""
    interval = deadline.pauses.get(resumed_at__isnull=True)
    assert deadline.paused_on is not None
    interval.resumed_at = at
    interval.days = max(deadline.definition.period_length(deadline.paused_on, time.local_date(at)), 0)
    interval.save(update_fields=["resumed_at", "days"])
    deadline.paused_days += interval.days
    deadline.paused_on = None
    return interval.days


def _reschedule(deadline: Deadline, today: dt.date) -> None:
    """Recompute the dates; an event whose date moved past the timer's clock will be handled anew."""
    schedule = deadline_schedule(deadline.definition, deadline.start_date, deadline.granted_days, deadline.paused_days)
    deadline.due_on, deadline.warn_on, deadline.provisional = schedule.due_on, schedule.warn_on, schedule.provisional
    day = deadline.clock_day(today)
    if deadline.warn_on > day:
        deadline.warned_at = None
    if deadline.due_on >= day:
        deadline.overdue_handled_at = None


def _save(actor: Any, deadline: Deadline, verb: str, before: dict[str, Any], **extra: Any) -> Deadline:
    deadline.updated_at = time.now()
    deadline.revision += 1
    deadline.save()
    after = {**audit_snapshot(deadline, SNAPSHOT_FIELDS), **extra}
    audit_record(actor=actor, action=f"deadlines.deadline.{verb}", obj=deadline, before=before, after=after)
    for listener in kinds.change_listeners():
        listener(deadline, verb)
    return deadline
