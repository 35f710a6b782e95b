"""The timers of a rectification or a complaint, kept in the one `deadlines` table, and the subject's
copy of the leading one's dates (`due_on`, `warn_on`) that the queues sort and colour by."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings

from onewindow.common import time
from onewindow.deadlines import kinds
from onewindow.deadlines.choices import OPEN_STATES, DeadlineState
from onewindow.deadlines.models import Deadline, subject_key
from onewindow.deadlines.services import (
    deadline_cancel,
    deadline_meet,
    deadline_pause,
    deadline_reassign,
    deadline_resume,
    deadline_start,
)

DEFAULT_RECTIFICATION_DAYS = 15  # 国办发〔2019〕51号
DEFAULT_COMPLAINT_REPLY_DAYS = 5


def follow_up_days() -> int:
    """差评回访: 1 working day (国办发〔2019〕51号)."""
    return kinds.get_kind(kinds.RATING_FOLLOW_UP).default_days or 1


def rectification_days() -> int:
    """Working days to rectify a bad review and answer the rater (`RATING_RECTIFICATION_DAYS`)."""
    return int(getattr(settings, "RATING_RECTIFICATION_DAYS", DEFAULT_RECTIFICATION_DAYS))


def complaint_reply_days() -> int:
    """Working days an assigned department has to answer a complaint (`COMPLAINT_REPLY_DAYS`)."""
    return int(getattr(settings, "COMPLAINT_REPLY_DAYS", DEFAULT_COMPLAINT_REPLY_DAYS))


def open_timers(subject: Any, *kind_keys: str) -> list[Deadline]:
    """The subject's running or paused timers (optionally of some kinds), locked, oldest first."""
    subject_type, subject_id = subject_key(subject)
    rows = Deadline.objects.filter(subject_type=subject_type, subject_id=subject_id, state__in=OPEN_STATES)
    if kind_keys:
        rows = rows.filter(kind__in=kind_keys)
    return list(rows.select_for_update().order_by("id"))


def start(subject: Any, kind: str, days: int, *, department: Any, at: dt.datetime | None = None) -> Deadline:
    return deadline_start(actor=None, subject=subject, kind=kind, start=at or time.now(), days=days, department=department)


def meet(subject: Any, *kind_keys: str) -> None:
    for deadline in open_timers(subject, *kind_keys):
        deadline_meet(actor=None, deadline=deadline)


def cancel_all(subject: Any, reason: str) -> None:
    for deadline in open_timers(subject):
        deadline_cancel(actor=None, deadline=deadline, reason=reason)


def pause_all(subject: Any, reason: str) -> None:
    for deadline in open_timers(subject):
        if deadline.state == DeadlineState.RUNNING:
            deadline_pause(actor=None, deadline=deadline, reason=reason)


def resume_all(subject: Any) -> None:
    for deadline in open_timers(subject):
        if deadline.state == DeadlineState.PAUSED:
            deadline_resume(actor=None, deadline=deadline)


def reassign_all(subject: Any, department: Any) -> None:
    for deadline in open_timers(subject):
        deadline_reassign(actor=None, deadline=deadline, department=department)


def sync_dates(subject: Any) -> None:
    """Copy the due and warning dates of the subject's soonest-due open timer onto it (None when none runs)."""
    subject_type, subject_id = subject_key(subject)
    leading = (
        Deadline.objects.filter(subject_type=subject_type, subject_id=subject_id, state__in=OPEN_STATES).order_by("due_on", "id").first()
    )
    subject.due_on = leading.due_on if leading else None
    subject.warn_on = leading.warn_on if leading else None
