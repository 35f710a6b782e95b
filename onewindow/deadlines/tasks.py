"""Background tasks of the deadlines app."""

from typing import Any

from django_tasks import task

from onewindow.common import time
from onewindow.deadlines.scan import deadline_scan


@task()
def scan_deadlines() -> dict[str, Any]:
    """Run the deadline scan for today (Asia/Shanghai); the report as JSON."""
    return deadline_scan(today=time.today()).as_dict()
