"""Reads of deadlines.

`deadlines_for` serves the app that owns a subject (it has already checked the user may see
the subject); `due_for_warning` and `overdue` serve system jobs and read only running rows
through the partial indexes; `deadline_list` is the user's list through `visible_to(user)`.
"""

import datetime as dt
import heapq
from typing import Any

from django.db.models import Model
from django.utils.translation import gettext as _

from onewindow.common import time
from onewindow.common.errors import InvalidInput
from onewindow.common.pagination import Page, paginate
from onewindow.deadlines.choices import DeadlineColor
from onewindow.deadlines.models import RUNNING, Deadline, DeadlineQuerySet, subject_key


def deadlines_for(subject: Model, *, kind: str | None = None) -> DeadlineQuerySet:
    """Every timer of `subject` (optionally of one kind), oldest first."""
    subject_type, subject_id = subject_key(subject)
    deadlines = Deadline.objects.filter(subject_type=subject_type, subject_id=subject_id)
    if kind is not None:
        deadlines = deadlines.filter(kind=kind)
    return deadlines.order_by("started_at", "id")


def due_for_warning(*, today: dt.date, limit: int) -> list[Deadline]:
    """Running timers inside their warning window on `today` (yellow), soonest due first.

    The query's only date condition is `warn_on <= today`, so the one index that fits is
    `deadlines_running_warn_on`, whatever the planner's statistics say: it reads the yellow and
    red timers (what is due), and the yellow ones are picked from those. A `due_on` condition
    would tempt SQLite (no statistics) and PostgreSQL (statistics of the whole table, mostly
    finished timers) into walking `deadlines_running_due_on` over every future timer instead.
    """
    due = Deadline.objects.filter(RUNNING, warn_on__lte=today).order_by("warn_on", "id").values_list("due_on", "id")
    ids = [pk for _due_on, pk in heapq.nsmallest(limit, ((due_on, pk) for due_on, pk in due if due_on >= today))]
    rows = Deadline.objects.filter(pk__in=ids).select_related("department", "handler")
    return sorted(rows, key=lambda deadline: (deadline.due_on, deadline.pk))


def overdue(*, today: dt.date, limit: int) -> list[Deadline]:
    """Running timers past their due date on `today` (red), longest overdue first."""
    rows = Deadline.objects.filter(RUNNING, due_on__lt=today)
    return list(rows.select_related("department", "handler").order_by("due_on", "id")[:limit])


def deadline_list(
    *, user: Any, color: str | None = None, department: Any = None, cursor: str | None = None, limit: int | None = None
) -> Page[Deadline]:
    """The open timers `user` may see, soonest due first; optionally of one colour (today) or department."""
    deadlines = Deadline.objects.visible_to(user).open().select_related("department", "handler")
    if color is not None:
        if color not in DeadlineColor.values:
            raise InvalidInput(_("颜色无效。"), code="deadline_color_invalid", details={"color": [_("颜色无效。")]})
        deadlines = deadlines.colored(color, time.today())
    if department is not None:
        deadlines = deadlines.filter(department=department)
    return paginate(deadlines, ordering=("due_on", "id"), cursor=cursor, limit=limit)
