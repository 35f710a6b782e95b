"""The timers of a case, kept in the one `deadlines` table, and the case's copy of the one that matters now.

- 受理答复 (5 working days from submission; 行政许可法 第三十二条) while submitted;
- 承诺时限 and 法定时限 from acceptance (第四十二条), paused by special procedures (第四十五条),
  extended once by a decider;
- one 办理环节 timer per open stage task;
- 容缺补正 until the supply-by date;
- 送达 (10 working days from the decision; 第四十四条).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from onewindow.cases.models import Case, StageTask
from onewindow.common import time
from onewindow.deadlines import kinds
from onewindow.deadlines.choices import OPEN_STATES, DeadlineState
from onewindow.deadlines.models import Deadline, subject_key
from onewindow.deadlines.services import (
    deadline_cancel,
    deadline_extend,
    deadline_meet,
    deadline_pause,
    deadline_resume,
    deadline_start,
)

# The timer whose date the queues sort by, in order of preference.
QUEUE_KINDS = (kinds.CASE_PROMISED, kinds.CASE_ACCEPTANCE, kinds.CASE_DELIVERY, kinds.CASE_CORRECTION)
CASE_CLOCKS = (kinds.CASE_PROMISED, kinds.CASE_STATUTORY)


def open_timers(case: Case, *kind_keys: str) -> list[Deadline]:
    subject_type, subject_id = subject_key(case)
    rows = Deadline.objects.filter(subject_type=subject_type, subject_id=subject_id, state__in=OPEN_STATES)
    if kind_keys:
        rows = rows.filter(kind__in=kind_keys)
    return list(rows.select_for_update().order_by("id"))


def start(case: Case, kind: str, days: int, *, at: dt.datetime | None = None, handler: Any = None) -> Deadline:
    return deadline_start(
        actor=None, subject=case, kind=kind, start=at or time.now(), days=days, department=case.department, handler=handler
    )


def meet(case: Case, *kind_keys: str, at: dt.datetime | None = None) -> None:
    for deadline in open_timers(case, *kind_keys):
        deadline_meet(actor=None, deadline=deadline, at=at)


def cancel_all(case: Case, reason: str) -> None:
    for deadline in open_timers(case):
        deadline_cancel(actor=None, deadline=deadline, reason=reason)
    for task in case.tasks.filter(state="open"):
        for deadline in open_timers_of(task):
            deadline_cancel(actor=None, deadline=deadline, reason=reason)


def pause_all(case: Case, reason: str) -> None:
    for deadline in [*open_timers(case, *CASE_CLOCKS), *_open_task_timers(case)]:
        if deadline.state == DeadlineState.RUNNING:
            deadline_pause(actor=None, deadline=deadline, reason=reason)


def resume_all(case: Case) -> None:
    for deadline in [*open_timers(case, *CASE_CLOCKS), *_open_task_timers(case)]:
        if deadline.state == DeadlineState.PAUSED:
            resumed = deadline_resume(actor=None, deadline=deadline)
            if resumed.subject_type == StageTask._meta.label_lower:
                StageTask.objects.filter(pk=resumed.subject_id).update(due_on=resumed.due_on)


def extend_clocks(case: Case, days: int, reason: str) -> None:
    for deadline in open_timers(case, *CASE_CLOCKS):
        deadline_extend(actor=None, deadline=deadline, days=days, reason=reason)


def open_timers_of(task: StageTask) -> list[Deadline]:
    subject_type, subject_id = subject_key(task)
    return list(
        Deadline.objects.filter(subject_type=subject_type, subject_id=subject_id, state__in=OPEN_STATES).select_for_update().order_by("id")
    )


def _open_task_timers(case: Case) -> list[Deadline]:
    ids = [str(pk) for pk in case.tasks.filter(state="open").values_list("pk", flat=True)]
    if not ids:
        return []
    return list(
        Deadline.objects.filter(subject_type=StageTask._meta.label_lower, subject_id__in=ids, state__in=OPEN_STATES).select_for_update()
    )


def start_task_timer(task: StageTask) -> None:
    deadline = deadline_start(
        actor=None, subject=task, kind=kinds.CASE_STAGE, start=task.opened_at, days=task.stage.days, department=task.department
    )
    task.due_on = deadline.due_on
    task.save(update_fields=["due_on"])


def meet_task_timer(task: StageTask, at: dt.datetime | None = None) -> None:
    for deadline in open_timers_of(task):
        deadline_meet(actor=None, deadline=deadline, at=at)


def sync_queue_date(case: Case) -> None:
    """Copy the due and warning dates of the case's leading open timer onto the case row."""
    subject_type, subject_id = subject_key(case)
    rows = {
        d.kind: d
        for d in Deadline.objects.filter(subject_type=subject_type, subject_id=subject_id, state__in=OPEN_STATES, kind__in=QUEUE_KINDS)
    }
    leading = next((rows[k] for k in QUEUE_KINDS if k in rows), None)
    case.due_on = leading.due_on if leading else None
    case.warn_on = leading.warn_on if leading else None


def timer_due(case: Case, kind: str) -> dt.date | None:
    subject_type, subject_id = subject_key(case)
    row = Deadline.objects.filter(subject_type=subject_type, subject_id=subject_id, kind=kind).order_by("-id").first()
    return row.due_on if row else None


def latest_start(case: Case, kind: str) -> dt.datetime | None:
    """When the latest `kind` timer of the case started (the 5-day reply period restarts at resubmission)."""
    subject_type, subject_id = subject_key(case)
    row = Deadline.objects.filter(subject_type=subject_type, subject_id=subject_id, kind=kind).order_by("-id").first()
    return row.started_at if row else None


def due_text(case: Case, kind: str) -> str:
    """The latest `kind` timer's due date as ISO text ("" when there is none), for documents."""
    due = timer_due(case, kind)
    return due.isoformat() if due else ""
