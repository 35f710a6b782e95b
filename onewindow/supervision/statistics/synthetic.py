"""Synthetic aggregates for the benchmark: department and region rows (day and month) for every
department of the database over a period, as a history of that many cases would leave them.

`make bench` generates its cases in bulk, without the audit events the refresh reads, so it fills
the aggregate tables with this instead of refreshing; the summary API then reads what it reads in
production. Deterministic (no randomness): the figures of a department-day depend on its ids only.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from onewindow.orgs.models import Department
from onewindow.supervision.statistics import metrics
from onewindow.supervision.statistics.models import DepartmentDay, DepartmentMonth, RegionDay, RegionMonth
from onewindow.supervision.statistics.periods import month_start

BATCH = 5000


def _figures(department: int, day: dt.date, cases_per_day: int) -> dict[str, int]:
    """Plausible additive figures of one department-day (about `cases_per_day` cases received)."""
    received = cases_per_day + (department + day.toordinal()) % 3 - 1
    concluded = max(received - 1, 0)
    timed = concluded * 9 // 10
    on_time = timed - (day.toordinal() + department) % 2
    values = metrics.empty(metrics.DEPARTMENT_NAMES) | {
        "received": received,
        "received_online": received // 2,
        "received_on_the_spot": received // 5,
        "received_zero_visit": received // 3,
        "statutory_days": received * 20,
        "promised_days": received * 10,
        "accepted": received,
        "concluded": concluded,
        "delivered": timed,
        "refused": concluded - timed,
        "granted": timed,
        "timed": timed,
        "on_time": max(on_time, 0),
        "used_days": timed * 6,
        "granted_days": timed * 10,
        "saved_days": max(on_time, 0) * 4,
        "overdue_days": timed - max(on_time, 0),
        "one_visit": timed,
        "window_timed": timed // 2,
        "window_direct": timed // 4,
        "authorized": timed // 5,
        "rated": concluded // 2,
        "satisfied": concluded // 2,
        "level_sum": concluded // 2 * 5,
    }
    return values


@transaction.atomic
def fill(*, first: dt.date, last: dt.date, cases_per_day: int = 9, region_prefix: str = "") -> int:
    """Replace the department and region rows of [first, last] by synthetic ones; the day rows written.

    `region_prefix` limits the rows to the departments of that region (a province-scale bench data
    set has 1,500 departments; the summary scenario reads one county's)."""
    departments = list(Department.objects.filter(region__code__startswith=region_prefix).values_list("pk", "region__code"))
    DepartmentDay.objects.filter(day__gte=first, day__lte=last).delete()
    RegionDay.objects.filter(day__gte=first, day__lte=last).delete()
    DepartmentMonth.objects.filter(month__gte=month_start(first), month__lte=last).delete()
    RegionMonth.objects.filter(month__gte=month_start(first), month__lte=last).delete()
    months: dict[tuple[Any, ...], dict[str, int]] = {}
    regions: dict[tuple[Any, ...], dict[str, int]] = {}
    rows: list[DepartmentDay] = []
    written = 0
    day = first
    while day <= last:
        for department, code in departments:
            values = _figures(department, day, cases_per_day)
            rows.append(DepartmentDay(day=day, department_id=department, region_code=code, **values))
            metrics.add(months.setdefault((month_start(day), department, code), {}), values, metrics.DEPARTMENT_NAMES)
            metrics.add(regions.setdefault((day, code), {}), values, metrics.DEPARTMENT_NAMES)
            if len(rows) >= BATCH:
                written += len(DepartmentDay.objects.bulk_create(rows))
                rows = []
        day += dt.timedelta(days=1)
    written += len(DepartmentDay.objects.bulk_create(rows))
    DepartmentMonth.objects.bulk_create(
        [DepartmentMonth(month=m, department_id=d, region_code=c, **v) for (m, d, c), v in months.items()], batch_size=BATCH
    )
    RegionDay.objects.bulk_create([RegionDay(day=d, region_code=c, **v) for (d, c), v in regions.items()], batch_size=BATCH)
    region_months: dict[tuple[Any, ...], dict[str, int]] = {}
    for (d, c), v in regions.items():
        metrics.add(region_months.setdefault((month_start(d), c), {}), v, metrics.DEPARTMENT_NAMES)
    RegionMonth.objects.bulk_create([RegionMonth(month=m, region_code=c, **v) for (m, c), v in region_months.items()], batch_size=BATCH)
    return written
