"""Working days between many pairs of dates with one read of the calendar.

`WorkdayCounter(first, last).between(a, b)` equals `workdays.calendar.workdays_between(a, b).days`
for dates inside the span (the working days after `a` up to and including `b`), from one query of
the overrides instead of one per pair.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass

from onewindow.common import time
from onewindow.workdays.calendar import days_between, workdays_between


class WorkdayCounter:
    """Prefix counts of working days over [first, last]; pairs outside it fall back to the calendar."""

    def __init__(self, first: dt.date, last: dt.date) -> None:
        self.first, self.last = first, last
        self._workdays = [day for day, info in days_between(first, last) if info.workday]

    def _upto(self, day: dt.date) -> int:
        return bisect_right(self._workdays, day)

    def between(self, start: dt.date, end: dt.date) -> int:
        if end <= start:
            return 0
        if start < self.first or end > self.last:
            return workdays_between(start, end).days
        return self._upto(end) - self._upto(start)


def counter_for(pairs: list[tuple[dt.date, dt.date]]) -> WorkdayCounter:
    """A counter spanning every pair (an empty span when there is none)."""
    if not pairs:
        today = time.today()
        return WorkdayCounter(today, today)
    return WorkdayCounter(min(a for a, _b in pairs), max(b for _a, b in pairs))


@dataclass(frozen=True)
class Timeliness:
    """How a met 承诺时限 timer went: working days used (paused days excluded) against the days granted."""

    used: int
    granted: int
    on_time: bool

    @property
    def saved(self) -> int:
        """减时: the days left when the timer was met in time."""
        return max(self.granted - self.used, 0) if self.on_time else 0

    @property
    def overdue(self) -> int:
        """超时: the working days past the days granted when it was met late."""
        return 0 if self.on_time else max(self.used - self.granted, 0)


def timeliness(
    counter: WorkdayCounter, *, started_at: dt.datetime, met_at: dt.datetime, due_on: dt.date, granted: int, paused: int
) -> Timeliness:
    """The timer's figures: on time when met by the end of its due date (as `Deadline.met_on_time`);
    used = working days after the start day up to the day it was met, less the paused days (as
    `Deadline.used_workdays`)."""
    met_day = time.local_date(met_at)
    used = max(counter.between(time.local_date(started_at), met_day) - paused, 0)
    return Timeliness(used=used, granted=granted, on_time=met_day <= due_on)
