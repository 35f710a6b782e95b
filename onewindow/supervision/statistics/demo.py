"""The demo county's statistics: the aggregates of its whole history, built once its cases and
ratings are loaded (the demo loader's `load_statistics` step)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Min

from onewindow.cases.models import Case
from onewindow.common import time
from onewindow.orgs.models import Region
from onewindow.supervision.statistics.models import RefreshedDay
from onewindow.supervision.statistics.selectors import region_range
from onewindow.supervision.statistics.services import stats_refresh_range


@dataclass(frozen=True)
class Loaded:
    days: int


def load_statistics(*, region: Region) -> Loaded:
    """Compute every day from the region's first submission to today; nothing when already done."""
    first = Case.objects.filter(region_range(region.prefix)).aggregate(first=Min("submitted_at"))["first"]
    if first is None:
        return Loaded(days=0)
    start, today = time.local_date(first), time.today()
    if RefreshedDay.objects.filter(day=start, refreshed_at__isnull=False).exists():
        return Loaded(days=0)  # the history is in the tables already; the periodic refresh keeps it
    report = stats_refresh_range(first=start, last=today)
    return Loaded(days=len(report.days) if today >= start else 0)
