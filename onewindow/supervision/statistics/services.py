"""Keeping the aggregate tables: one day at a time, from that day's events only.

`stats_refresh_day(day=D)` recomputes every row of D (item, staff and department day rows) and the
month rows of D's month for the departments concerned, in one transaction: delete and insert, so
running it again changes nothing. `stats_refresh()` is the periodic run (every few minutes): today;
yesterday until it has been refreshed after it ended; and the days marked dirty because an event
changed an earlier day's figures (`stats_mark_dirty`, also called by the refresh itself when it meets
such an event). docs/statistics.md has the schedule.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Max, Model, Sum

from onewindow.common import time
from onewindow.supervision.statistics import metrics
from onewindow.supervision.statistics.compute import DayFigures, figures_of_day
from onewindow.supervision.statistics.models import (
    DepartmentDay,
    DepartmentMonth,
    DirtyDay,
    ItemDay,
    ItemMonth,
    RefreshedDay,
    RegionDay,
    RegionMonth,
    StaffDay,
    StaffMonth,
)
from onewindow.supervision.statistics.periods import month_start as month_of
from onewindow.supervision.statistics.periods import next_month

# A refresh run takes at most this many dirty days, oldest first; the rest wait for the next run.
DIRTY_DAYS_PER_RUN = 31


@dataclass(frozen=True)
class DayReport:
    """What the refresh of one day did."""

    day: dt.date
    cases: int
    ratings: int
    item_rows: int
    staff_rows: int
    department_rows: int
    dirty: tuple[dt.date, ...] = ()

    def as_text(self) -> str:
        text = (
            f"{self.day.isoformat()}: {self.cases} cases, {self.ratings} ratings read; "
            f"{self.item_rows} item, {self.staff_rows} staff, {self.department_rows} department rows"
        )
        if self.dirty:
            text += "; marked " + ", ".join(d.isoformat() for d in self.dirty)
        return text


@dataclass
class RunReport:
    """What a periodic run did, day by day."""

    days: list[DayReport] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"days": [{"day": r.day.isoformat(), "cases": r.cases, "ratings": r.ratings, "items": r.item_rows} for r in self.days]}


def stats_mark_dirty(*, day: dt.date, reason: str = "") -> None:
    """Have the next refresh recompute `day` (a service changed a fact an earlier day's figures count).

    For the services whose changes alter a past day: call it in their transaction with the day the
    changed fact is counted on (e.g. a voided review's `created_at` date).
    """
    DirtyDay.objects.update_or_create(day=day, defaults={"reason": reason[:200], "marked_at": time.now()})


@transaction.atomic
def stats_refresh_day(*, day: dt.date) -> DayReport:
    """Recompute every aggregate row of `day` and the month rows it feeds, from the day's events."""
    started = time.now()
    marker, _created = RefreshedDay.objects.get_or_create(day=day)
    RefreshedDay.objects.select_for_update().filter(pk=marker.pk).get()  # one refresh of a day at a time
    figures = figures_of_day(day)
    departments, regions = _departments_on(day), _regions_on(day)
    counts = _replace_day(day, figures)
    departments |= _departments_on(day)
    regions |= _regions_on(day)
    _replace_months(month_of(day), sorted(departments))
    _replace_region_months(month_of(day), sorted(regions))
    dirty = _stale(figures, day)
    for earlier in dirty:
        stats_mark_dirty(day=earlier, reason=figures.dirty[earlier][0])
    DirtyDay.objects.filter(day=day, marked_at__lte=started).delete()
    RefreshedDay.objects.filter(pk=marker.pk).update(refreshed_at=time.now(), cases=figures.cases_read, ratings=figures.ratings_read)
    return DayReport(day, figures.cases_read, figures.ratings_read, *counts, dirty=dirty)


def _stale(figures: DayFigures, day: dt.date) -> tuple[dt.date, ...]:
    """The earlier days an event of `day` changed and that were not recomputed since that event."""
    wanted = {d: moment for d, (_reason, moment) in figures.dirty.items() if d != day}
    if not wanted:
        return ()
    rows = RefreshedDay.objects.filter(day__in=list(wanted), refreshed_at__isnull=False).values_list("day", "refreshed_at")
    refreshed: dict[dt.date, dt.datetime] = {d: at for d, at in rows if at is not None}
    return tuple(sorted(d for d, moment in wanted.items() if d not in refreshed or refreshed[d] < moment))


def stats_refresh(*, today: dt.date | None = None) -> RunReport:
    """The periodic run: today, yesterday until refreshed after it ended, then the dirty days
    (including those the run itself finds), at most `DIRTY_DAYS_PER_RUN` of them."""
    today = today or time.today()
    report = RunReport()
    yesterday = today - dt.timedelta(days=1)
    days = [today]
    last = RefreshedDay.objects.filter(day=yesterday).values_list("refreshed_at", flat=True).first()
    if last is None or last < time.start_of_day(today):
        days.append(yesterday)
    for day in days:
        report.days.append(stats_refresh_day(day=day))
    done: set[dt.date] = set()
    while len(done) < DIRTY_DAYS_PER_RUN:
        pending = DirtyDay.objects.filter(day__lte=today).exclude(day__in=sorted(done)).order_by("day").values_list("day", flat=True)
        dirty = pending.first()
        if dirty is None:
            break
        done.add(dirty)
        report.days.append(stats_refresh_day(day=dirty))
    return report


def stats_refresh_range(*, first: dt.date, last: dt.date) -> RunReport:
    """Recompute every day from `first` to `last` (the nightly re-run of recent days, or a rebuild)."""
    report = RunReport()
    day = first
    while day <= last:
        report.days.append(stats_refresh_day(day=day))
        day += dt.timedelta(days=1)
    return report


# Writing ---------------------------------------------------------------------------------------


def _departments_on(day: dt.date) -> set[int]:
    found: set[int] = set()
    for model in (ItemDay, StaffDay, DepartmentDay):
        found.update(model.objects.filter(day=day).values_list("department_id", flat=True).distinct())  # type: ignore[attr-defined]
    return found


def _regions_on(day: dt.date) -> set[str]:
    return set(RegionDay.objects.filter(day=day).values_list("region_code", flat=True))


def _nonzero(values: dict[str, int]) -> bool:
    return any(values.values())


def _replace_day(day: dt.date, figures: DayFigures) -> tuple[int, int, int]:
    """Delete the day's rows and insert the new ones; the numbers of item, staff and department rows."""
    regions = figures.regions
    items = [
        ItemDay(day=day, department_id=department, item_id=item, region_code=regions[department], **values)
        for (department, item), values in figures.items.items()
        if _nonzero(values)
    ]
    staff = [
        StaffDay(day=day, department_id=department, user_id=user, region_code=regions[department], **values)
        for (department, user), values in figures.staff.items()
        if _nonzero(values)
    ]
    totals: dict[int, dict[str, int]] = {}
    for row in items:
        metrics.add(totals.setdefault(row.department_id, metrics.empty(metrics.DEPARTMENT_NAMES)), row.__dict__, metrics.CASE_NAMES)
    for department, values in figures.ratings.items():
        metrics.add(totals.setdefault(department, metrics.empty(metrics.DEPARTMENT_NAMES)), values, metrics.RATING_NAMES)
    departments = [
        DepartmentDay(day=day, department_id=department, region_code=regions[department], **values)
        for department, values in sorted(totals.items())
        if _nonzero(values)
    ]
    by_region: dict[str, dict[str, int]] = {}
    for total in departments:
        metrics.add(
            by_region.setdefault(total.region_code, metrics.empty(metrics.DEPARTMENT_NAMES)), total.__dict__, metrics.DEPARTMENT_NAMES
        )
    region_rows = [RegionDay(day=day, region_code=code, **values) for code, values in sorted(by_region.items())]
    replaced: tuple[tuple[Any, list[Any]], ...] = (
        (ItemDay, items),
        (StaffDay, staff),
        (DepartmentDay, departments),
        (RegionDay, region_rows),
    )
    for model, rows in replaced:
        model.objects.filter(day=day).delete()
        model.objects.bulk_create(rows, batch_size=500)
    return len(items), len(staff), len(departments)


def _replace_months(month: dt.date, departments: list[int]) -> None:
    """Recompute the month rows of `departments` as the sums of their day rows of the month."""
    if not departments:
        return
    end = next_month(month)
    pairs: tuple[tuple[type[Model], type[Model], tuple[str, ...], tuple[str, ...]], ...] = (
        (ItemDay, ItemMonth, ("department_id", "item_id"), metrics.CASE_NAMES),
        (StaffDay, StaffMonth, ("department_id", "user_id"), metrics.STAFF_NAMES),
        (DepartmentDay, DepartmentMonth, ("department_id",), metrics.DEPARTMENT_NAMES),
    )
    for day_model, month_model, keys, names in pairs:
        sums = (
            day_model.objects.filter(day__gte=month, day__lt=end, department_id__in=departments)  # type: ignore[attr-defined]
            .values(*keys)
            .annotate(region=Max("region_code"), **{name: Sum(name) for name in names})
            .order_by(*keys)
        )
        rows = []
        for row in sums:
            region = row.pop("region")
            rows.append(month_model(month=month, region_code=region, **row))
        month_model.objects.filter(month=month, department_id__in=departments).delete()  # type: ignore[attr-defined]
        month_model.objects.bulk_create(rows, batch_size=500)  # type: ignore[attr-defined]


def _replace_region_months(month: dt.date, regions: list[str]) -> None:
    """Recompute the month rows of `regions` as the sums of their day rows of the month."""
    if not regions:
        return
    names = metrics.DEPARTMENT_NAMES
    sums = (
        RegionDay.objects.filter(day__gte=month, day__lt=next_month(month), region_code__in=regions)
        .values("region_code")
        .annotate(**{name: Sum(name) for name in names})
        .order_by("region_code")
    )
    rows = [RegionMonth(month=month, **row) for row in sums]
    RegionMonth.objects.filter(month=month, region_code__in=regions).delete()
    RegionMonth.objects.bulk_create(rows, batch_size=500)
