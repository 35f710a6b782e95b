"""Reads of the working-day calendar: each year's arrangement and source, the missing-year warning.

The calendar is public information, so these reads take no user; the day arithmetic itself is
in `onewindow.workdays.calendar`.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from onewindow.workdays import calendar
from onewindow.workdays.choices import YearSource
from onewindow.workdays.models import CalendarOverride, YearSchedule
from onewindow.workdays.schedule_text import MakeUpDay, format_schedule_text, holiday_runs

# The State Council publishes the next year's arrangement in late October or November.
WARNING_MONTH = 11


@dataclass(frozen=True)
class HolidayPeriod:
    """Consecutive days off of one holiday."""

    first: dt.date
    last: dt.date
    name: str

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


@dataclass(frozen=True)
class YearOverview:
    """One year's days off and make-up working days as the calendar applies them, and where they come from."""

    year: int
    source: YearSource
    schedule: YearSchedule | None
    holidays: list[HolidayPeriod]
    workdays: list[MakeUpDay]

    @property
    def provisional(self) -> bool:
        return self.source == YearSource.FALLBACK


def year_source(year: int, *, scheduled: bool) -> YearSource:
    """An entered notice first (its overrides win), then the package, else the provisional fallback."""
    if scheduled:
        return YearSource.SCHEDULE
    if calendar.package_covers(year):
        return YearSource.PACKAGE
    return YearSource.FALLBACK


def year_overviews(*, years: Iterable[int]) -> list[YearOverview]:
    """The arrangement of each of `years`, in order (two queries in all)."""
    ordered = sorted(set(years))
    if not ordered:
        return []
    schedules = {schedule.year: schedule for schedule in YearSchedule.objects.filter(year__in=ordered).select_related("entered_by")}
    named: dict[int, list[tuple[dt.date, calendar.DayInfo]]] = {year: [] for year in ordered}
    for day, info in calendar.days_between(dt.date(ordered[0], 1, 1), dt.date(ordered[-1], 12, 31)):
        if info.name and day.year in named:
            named[day.year].append((day, info))
    return [
        YearOverview(
            year=year,
            source=year_source(year, scheduled=year in schedules),
            schedule=schedules.get(year),
            holidays=[HolidayPeriod(*run) for run in holiday_runs((day, info.name) for day, info in named[year] if not info.workday)],
            workdays=[(day, info.name) for day, info in named[year] if info.workday],
        )
        for year in ordered
    ]


def calendar_overview(*, today: dt.date) -> list[YearOverview]:
    """Last year, this year and next year."""
    return year_overviews(years=range(today.year - 1, today.year + 2))


def year_schedule(*, year: int) -> YearSchedule | None:
    """The entered arrangement record of `year`, if any."""
    return YearSchedule.objects.filter(year=year).select_related("entered_by").first()


def schedule_text(*, year: int) -> str:
    """The entered arrangement of `year` in the entry form's line format; empty if none was entered."""
    overrides = list(CalendarOverride.objects.filter(date__year=year).order_by("date"))
    holidays = holiday_runs((row.date, row.name) for row in overrides if not row.is_workday)
    return format_schedule_text(holidays, [(row.date, row.name) for row in overrides if row.is_workday])


def missing_schedule_warning(*, today: dt.date) -> str | None:
    """From November on, a warning when next year's arrangement is neither in the package nor entered."""
    year = today.year + 1
    if today.month < WARNING_MONTH or calendar.package_covers(year) or YearSchedule.objects.filter(year=year).exists():
        return None
    return _("%(year)d年法定节假日安排尚未录入,期限将按周末和固定节日临时计算,请系统管理员尽快录入国务院办公厅通知。") % {"year": year}
