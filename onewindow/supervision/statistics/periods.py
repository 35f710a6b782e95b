"""Periods of the statistics: named ones (this month, last month, this year) and any from–to, split
into the whole months the month tables answer and the days the day tables answer."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from onewindow.common import time
from onewindow.common.errors import InvalidInput

ONE_DAY = dt.timedelta(days=1)
# The longest period a request may ask for (ten years of days).
MAX_DAYS = 3660
# The last day a period may reach: the month arithmetic of a period (the day after it, the month after
# its last month) must stay inside `datetime.date`, which ends on 9999-12-31.
FIRST_DATE, LAST_DATE = dt.date(1900, 1, 1), dt.date(9998, 12, 31)
PRESETS = (
    ("this_month", gettext_lazy("本月")),
    ("last_month", gettext_lazy("上月")),
    ("this_year", gettext_lazy("本年")),
    ("custom", gettext_lazy("自定义")),
)


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def next_month(day: dt.date) -> dt.date:
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


@dataclass(frozen=True)
class Period:
    """The days from `first` to `last`, both included."""

    first: dt.date
    last: dt.date

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    @property
    def label(self) -> str:
        return _("%(first)s 至 %(last)s") % {"first": self.first.isoformat(), "last": self.last.isoformat()}

    def months(self) -> tuple[dt.date, dt.date] | None:
        """The first and last of the whole months inside the period (None when it holds none)."""
        first = self.first if self.first.day == 1 else next_month(self.first)
        last = month_start(self.last + ONE_DAY) - ONE_DAY  # the end of the last whole month
        if last < first:
            return None
        return first, month_start(last)

    def day_spans(self) -> list[tuple[dt.date, dt.date]]:
        """The spans of days outside the whole months (at most two)."""
        whole = self.months()
        if whole is None:
            return [(self.first, self.last)]
        spans = []
        if self.first < whole[0]:
            spans.append((self.first, whole[0] - ONE_DAY))
        after = next_month(whole[1])
        if after <= self.last:
            spans.append((after, self.last))
        return spans

    def month_list(self) -> list[dt.date]:
        """Every month the period touches, by its first day."""
        months, month = [], month_start(self.first)
        while month <= self.last:
            months.append(month)
            month = next_month(month)
        return months


def preset(name: str, today: dt.date | None = None) -> Period:
    """本月 (to today), 上月, 本年 (to today)."""
    today = today or time.today()
    if name == "last_month":
        last = month_start(today) - ONE_DAY
        return Period(month_start(last), last)
    if name == "this_year":
        return Period(today.replace(month=1, day=1), today)
    return Period(month_start(today), today)


def parse_period(first: str | dt.date | None, last: str | dt.date | None, *, default: str = "this_month") -> Period:
    """A period from two ISO dates; either missing falls back to the `default` preset's end.

    InvalidInput (`period_invalid`) for an unreadable date, an end before the start, a period
    longer than ten years, or one starting before `FIRST_DATE` or ending after `LAST_DATE`."""
    base = preset(default)
    try:
        start = first if isinstance(first, dt.date) else (dt.date.fromisoformat(first) if first else base.first)
        end = last if isinstance(last, dt.date) else (dt.date.fromisoformat(last) if last else base.last)
    except ValueError:
        raise InvalidInput(_("日期格式应为 YYYY-MM-DD。"), code="period_invalid") from None
    if end < start:
        raise InvalidInput(_("结束日期不能早于开始日期。"), code="period_invalid")
    if (end - start).days + 1 > MAX_DAYS:
        raise InvalidInput(_("统计期间不能超过十年。"), code="period_invalid")
    if start < FIRST_DATE:
        raise InvalidInput(_("日期不能早于%(date)s。") % {"date": FIRST_DATE.isoformat()}, code="period_invalid")
    if end > LAST_DATE:
        raise InvalidInput(_("日期不能晚于%(date)s。") % {"date": LAST_DATE.isoformat()}, code="period_invalid")
    return Period(start, end)


def month_in_range(month: dt.date) -> bool:
    """Whether the month (by its first day) can be a statistics period: it ends by `LAST_DATE`."""
    return FIRST_DATE <= month <= LAST_DATE
