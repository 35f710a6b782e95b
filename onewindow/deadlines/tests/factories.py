"""Factories for deadlines: rows with explicit dates, for lists and scans (`build` them for bulk_create)."""

import datetime as dt

import factory
from factory.django import DjangoModelFactory

from onewindow.common.time import LOCAL_TZ
from onewindow.deadlines import kinds
from onewindow.deadlines.models import Deadline


def at(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> dt.datetime:
    """An aware Asia/Shanghai datetime."""
    return dt.datetime(year, month, day, hour, minute, tzinfo=LOCAL_TZ)


class DeadlineFactory(DjangoModelFactory):
    """A running 10-working-day stage timer started on Monday 2026-06-01 (due 06-15, yellow from 06-11)."""

    class Meta:
        model = Deadline

    subject_type = "orgs.department"
    subject_id = factory.Sequence(str)
    kind = kinds.CASE_STAGE
    started_at = dt.datetime(2026, 6, 1, 9, 0, tzinfo=LOCAL_TZ)
    allotted_days = 10
    due_on = dt.date(2026, 6, 15)
    warn_on = dt.date(2026, 6, 11)
