"""Working-day arithmetic: weekends, statutory holidays and 调休 make-up days.

For each day the strongest source decides:
1. a `CalendarOverride` row entered from the State Council notice (国务院办公厅通知);
2. the chinese-calendar package, for the years it has data for;
3. the fallback: weekends plus the fixed-date statutory holidays.

A year is provisional when the package does not cover it and no `YearSchedule` was entered for
it; every result that examined one of its days says `provisional=True`. No date raises for lack
of data.

Periods counted in working days exclude the start day (行政许可法 第八十二条: 期限以工作日计算,
不含法定节假日). Each call reads the database once, for the span of dates it needs (overrides
and entered years in one UNION query); the rest is dictionary lookups, because the deadlines
mechanism calls these functions for every timer.
"""

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

import chinese_calendar
from django.db.models import CharField, DateField, IntegerField, Value
from django.utils.translation import gettext as _

from onewindow.common.errors import InvalidInput
from onewindow.workdays.choices import OverrideKind
from onewindow.workdays.models import CalendarOverride, YearSchedule

ONE_DAY = dt.timedelta(days=1)
_EMPTY_TEXT = Value("", output_field=CharField())

# 全国年节及纪念日放假办法 (2024年修订) 第二条: 元旦 1月1日; 劳动节 5月1日、2日; 国庆节 10月1日至3日.
# 春节, 清明节, 端午节 and 中秋节 follow the lunar calendar or a solar term and are not guessed.
FIXED_HOLIDAYS: dict[tuple[int, int], str] = {
    (1, 1): "元旦",
    (5, 1): "劳动节",
    (5, 2): "劳动节",
    (10, 1): "国庆节",
    (10, 2): "国庆节",
    (10, 3): "国庆节",
}

_PACKAGE_HOLIDAYS: dict[dt.date, str] = {day: chinese_calendar.Holiday(value).chinese for day, value in chinese_calendar.holidays.items()}
_PACKAGE_WORKDAYS: dict[dt.date, str] = {day: chinese_calendar.Holiday(value).chinese for day, value in chinese_calendar.workdays.items()}
PACKAGE_YEARS = range(min(_PACKAGE_HOLIDAYS).year, max(_PACKAGE_HOLIDAYS).year + 1)


@dataclass(frozen=True, slots=True)
class DayInfo:
    """One day: a working day or not, whether its year is provisional, and its holiday name.

    `name` is the holiday's name (春节) on a day off of a holiday and on its make-up working day
    (调休上班); it is empty on an ordinary weekday or weekend.
    """

    workday: bool
    provisional: bool
    name: str


@dataclass(frozen=True, slots=True)
class DueDate:
    """The day a period of working days ends on."""

    due: dt.date
    provisional: bool


@dataclass(frozen=True, slots=True)
class WorkdayCount:
    """A number of working days between two dates."""

    days: int
    provisional: bool


def package_covers(year: int) -> bool:
    """Whether the installed chinese-calendar package has the official arrangement of `year`."""
    return year in PACKAGE_YEARS


class _Span:
    """The overrides and entered years of a span of dates, read in one query; it grows when asked beyond."""

    def __init__(self, first: dt.date, last: dt.date) -> None:
        self.first = first
        self.last = last
        self.overrides: dict[dt.date, tuple[bool, str]] = {}
        self.scheduled_years: set[int] = set()
        self._read(first, last)

    def _read(self, first: dt.date, last: dt.date) -> None:
        overrides = (
            CalendarOverride.objects.filter(date__range=(first, last))
            .order_by()
            .values_list("date", "kind", "name", Value(None, output_field=IntegerField()))
        )
        schedules = (
            YearSchedule.objects.filter(year__range=(first.year, last.year))
            .order_by()
            .values_list(Value(None, output_field=DateField()), _EMPTY_TEXT, _EMPTY_TEXT, "year")
        )
        for day, kind, name, year in overrides.union(schedules, all=True):
            if year is not None:
                self.scheduled_years.add(year)
            else:
                self.overrides[day] = (kind == OverrideKind.WORKDAY, name)

    def _reach(self, day: dt.date) -> None:
        # Only an unusually long run of entered holidays walks past the first read.
        if day < self.first:
            start = _shifted(day, -366)
            self._read(start, self.first - ONE_DAY)
            self.first = start
        elif day > self.last:
            end = _shifted(day, 366)
            self._read(self.last + ONE_DAY, end)
            self.last = end

    def provisional(self, year: int) -> bool:
        return not package_covers(year) and year not in self.scheduled_years

    def info(self, day: dt.date) -> DayInfo:
        if not self.first <= day <= self.last:
            self._reach(day)
        provisional = self.provisional(day.year)
        override = self.overrides.get(day)
        if override is not None:
            return DayInfo(workday=override[0], provisional=provisional, name=override[1])
        if package_covers(day.year):
            return _package_day(day)
        return _fallback_day(day, provisional)


def _package_day(day: dt.date) -> DayInfo:
    if day in _PACKAGE_WORKDAYS:
        return DayInfo(workday=True, provisional=False, name=_PACKAGE_WORKDAYS[day])
    if day in _PACKAGE_HOLIDAYS:
        return DayInfo(workday=False, provisional=False, name=_PACKAGE_HOLIDAYS[day])
    return DayInfo(workday=day.weekday() < 5, provisional=False, name="")


def _fallback_day(day: dt.date, provisional: bool) -> DayInfo:
    name = FIXED_HOLIDAYS.get((day.month, day.day), "")
    return DayInfo(workday=not name and day.weekday() < 5, provisional=provisional, name=name)


def _shifted(day: dt.date, days: int) -> dt.date:
    """`day` moved by `days`, stopping at the first or last representable date."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min


def _step(day: dt.date, step: int) -> dt.date:
    try:
        return day + dt.timedelta(days=step)
    except OverflowError:
        raise InvalidInput(_("计算结果超出可表示的日期范围。"), code="date_out_of_range") from None


# A span read ahead for a block of computations (see `read_ahead`).
_AHEAD: ContextVar[_Span | None] = ContextVar("workdays_read_ahead", default=None)


def _span(first: dt.date, last: dt.date) -> _Span:
    ahead = _AHEAD.get()
    if ahead is not None and ahead.first <= first and last <= ahead.last:
        return ahead
    return _Span(first, last)


@contextmanager
def read_ahead(first: dt.date, last: dt.date) -> Iterator[None]:
    """Read the calendar of `first`..`last` once for the computations of the block (a timer's due and
    warning dates read it twice otherwise); anything outside the range is read as usual."""
    token = _AHEAD.set(_Span(first, last))
    try:
        yield
    finally:
        _AHEAD.reset(token)


def around(start: dt.date, workdays: int) -> tuple[dt.date, dt.date]:
    """A range holding `start` and the dates up to `workdays` working days either side of it."""
    reach = _calendar_days_for(abs(workdays))
    return _shifted(start, -reach), _shifted(start, reach)


def _calendar_days_for(workdays: int) -> int:
    """Calendar days that hold `workdays` working days under any ordinary arrangement (about 249 a year)."""
    return workdays * 7 // 5 + workdays // 10 + 31


def is_workday(day: dt.date) -> DayInfo:
    """Whether `day` is a working day, with its holiday name."""
    return _span(day, day).info(day)


def add_workdays(start: dt.date, days: int) -> DueDate:
    """The day `days` working days after `start`, the start day not counted (行政许可法 第八十二条).

    A negative `days` counts backwards (the working day `-days` working days before `start`,
    for warning windows); `days == 0` returns `start` itself.
    """
    if days == 0:
        return DueDate(due=start, provisional=False)
    step = 1 if days > 0 else -1
    remaining = abs(days)
    span = _span(*sorted((_shifted(start, step), _shifted(start, step * _calendar_days_for(remaining)))))
    day, provisional = start, False
    while remaining:
        day = _step(day, step)
        info = span.info(day)
        provisional = provisional or info.provisional
        if info.workday:
            remaining -= 1
    return DueDate(due=day, provisional=provisional)


def workdays_between(start: dt.date, end: dt.date) -> WorkdayCount:
    """The working days after `start` up to and including `end`; 0 when `end` is not after `start`.

    `workdays_between(s, add_workdays(s, n).due).days == n` for every n >= 0.
    """
    if end <= start:
        return WorkdayCount(days=0, provisional=False)
    count, provisional = 0, False
    for _day, info in days_between(start + ONE_DAY, end):
        if info.workday:
            count += 1
        provisional = provisional or info.provisional
    return WorkdayCount(days=count, provisional=provisional)


def days_between(first: dt.date, last: dt.date) -> Iterator[tuple[dt.date, DayInfo]]:
    """Every day from `first` to `last` inclusive with its `DayInfo`, read in one query."""
    if last < first:
        return
    span = _span(first, last)
    day = first
    while True:
        yield day, span.info(day)
        if day == last:
            return
        day += ONE_DAY
