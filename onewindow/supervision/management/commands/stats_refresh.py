"""`manage.py stats_refresh [--day D | --since D] [--every N]`: keep the statistics aggregates.

Without a day: the periodic run (today; yesterday until it was refreshed after midnight; the days
marked dirty). Run it every few minutes (cron or a systemd timer, or one process with `--every 300`),
and once a night with `--since` seven days back to re-read the last week. `--day` recomputes one
day, `--since` every day from that one to today (a rebuild after an import or a calendar change).
"""

import datetime as dt
import time as wall_clock
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import close_old_connections, connection

from onewindow.common import time
from onewindow.supervision.statistics.services import RunReport, stats_refresh, stats_refresh_day, stats_refresh_range


class Command(BaseCommand):
    help = "Recompute the statistics aggregates: today, yesterday and dirty days; or --day D; or --since D to today."

    def add_arguments(self, parser: CommandParser) -> None:
        group = parser.add_mutually_exclusive_group()
        group.add_argument("--day", type=dt.date.fromisoformat, help="Recompute this day only (YYYY-MM-DD).")
        group.add_argument("--since", type=dt.date.fromisoformat, help="Recompute every day from this one to today (YYYY-MM-DD).")
        parser.add_argument("--every", type=float, default=0, help="Keep running the periodic refresh every this many seconds.")
        parser.add_argument("--runs", type=int, default=0, help="With --every: stop after this many runs (default: never).")

    def handle(self, *args: Any, day: dt.date | None, since: dt.date | None, every: float, runs: int, **options: Any) -> None:
        if every and (day or since):
            raise CommandError("--every repeats the periodic run; it cannot be combined with --day or --since")
        if since is not None and since > time.today():
            raise CommandError("--since lies in the future")
        done = 0
        while True:
            if day is not None:
                report = RunReport(days=[stats_refresh_day(day=day)])
            elif since is not None:
                report = stats_refresh_range(first=since, last=time.today())
            else:
                report = stats_refresh()
            for line in report.days:
                self.stdout.write(line.as_text())
            done += 1
            if every <= 0 or done == runs:
                return
            if not connection.in_atomic_block:
                close_old_connections()
            wall_clock.sleep(every)
