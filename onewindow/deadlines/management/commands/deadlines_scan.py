"""`manage.py deadlines_scan`: hand today's new warning and overdue events to their handlers.

Run it every minute: from a systemd timer or cron (one run per call), or as one long-running
process with `--every 60`. Overlapping runs are safe: each event is handled once.
"""

import datetime as dt
import time as wall_clock
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import close_old_connections, connection

from onewindow.common import time
from onewindow.deadlines.scan import deadline_scan


class Command(BaseCommand):
    help = "Handle the deadlines that entered their warning window or became overdue (once each); --every N repeats every N seconds."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--today", type=dt.date.fromisoformat, help="Scan as of this date (YYYY-MM-DD) instead of today in Asia/Shanghai."
        )
        parser.add_argument("--batch", type=int, default=1000, help="Rows read per query (default 1000).")
        parser.add_argument("--every", type=float, default=0, help="Keep running, scanning every this many seconds.")
        parser.add_argument("--runs", type=int, default=0, help="With --every: stop after this many scans (default: never).")

    def handle(self, *args: Any, today: dt.date | None, batch: int, every: float, runs: int, **options: Any) -> None:
        if batch < 1:
            raise CommandError("--batch must be at least 1")
        done = 0
        while True:
            report = deadline_scan(today=today or time.today(), batch=batch)
            self.stdout.write(
                f"{report.today.isoformat()}: {report.overdue} overdue, {report.warned} warnings, "
                f"{report.failed} failed, {report.examined} rows read"
            )
            done += 1
            if every <= 0 or done == runs:
                return
            if not connection.in_atomic_block:  # drop a broken or expired connection between runs
                close_old_connections()
            wall_clock.sleep(every)
