"""Background tasks of the statistics (django-tasks): the periodic refresh and the nightly re-run."""

import datetime as dt
from typing import Any

from django_tasks import task

from onewindow.common import time
from onewindow.supervision.statistics.services import stats_refresh, stats_refresh_range

NIGHTLY_DAYS = 7


@task()
def refresh_statistics() -> dict[str, Any]:
    """Today, yesterday until it is final, and the dirty days (every few minutes)."""
    return stats_refresh().as_dict()


@task()
def refresh_recent_statistics(days: int = NIGHTLY_DAYS) -> dict[str, Any]:
    """Re-read the last `days` days (nightly, after midnight)."""
    today = time.today()
    return stats_refresh_range(first=today - dt.timedelta(days=days), last=today - dt.timedelta(days=1)).as_dict()
