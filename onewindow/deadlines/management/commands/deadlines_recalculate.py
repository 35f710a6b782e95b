"""`manage.py deadlines_recalculate --since YYYY-MM-DD`: recompute open deadlines after the calendar changed."""

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from onewindow.deadlines.services import deadlines_recalculate


class Command(BaseCommand):
    help = "Recompute the dates of open deadlines due on or after --since (run after entering a year's holiday schedule)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--since", type=dt.date.fromisoformat, required=True, help="First changed day of the calendar (YYYY-MM-DD).")

    def handle(self, *args: Any, since: dt.date, **options: Any) -> None:
        changed = deadlines_recalculate(actor=None, since=since)
        self.stdout.write(f"{changed} deadlines changed.")
