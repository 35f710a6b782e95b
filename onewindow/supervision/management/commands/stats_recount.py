"""`manage.py stats_recount [--since D] [--until D]`: recount every statistics figure from the raw
tables and compare it with the aggregates; print each difference and exit with status 1 if any.

Default period: the 31 days up to yesterday (today's aggregates trail the events by a few minutes).
"""

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from onewindow.common import time
from onewindow.supervision.statistics.recount import differences


class Command(BaseCommand):
    help = "Recount the statistics from the raw cases and ratings and compare with the aggregates (exit 1 on any difference)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--since", type=dt.date.fromisoformat, help="First day (YYYY-MM-DD); default 31 days before --until.")
        parser.add_argument("--until", type=dt.date.fromisoformat, help="Last day (YYYY-MM-DD); default yesterday.")

    def handle(self, *args: Any, since: dt.date | None, until: dt.date | None, **options: Any) -> None:
        until = until or time.today() - dt.timedelta(days=1)
        since = since or until - dt.timedelta(days=30)
        if until < since:
            raise CommandError("--until is before --since")
        found = differences(since, until)
        for line in found:
            self.stdout.write(line)
        if found:
            self.stderr.write(f"{len(found)} differences between the aggregates and the recount of {since} to {until}.")
            raise SystemExit(1)
        self.stdout.write(f"{since.isoformat()} to {until.isoformat()}: the aggregates match the recount.")
