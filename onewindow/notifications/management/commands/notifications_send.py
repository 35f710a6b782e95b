"""`manage.py notifications_send`: deliver pending notifications, including retries that have come due.

The send task runs when a transaction queues messages; a failed delivery is retried later, and
nothing wakes the task for that. Run this command every minute from a systemd timer or cron.
"""

import time as wall_clock
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from onewindow.notifications.services import DEFAULT_BATCH, notifications_send_all


class Command(BaseCommand):
    help = "Deliver pending notifications whose (next) attempt is due; run it every minute."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch", type=int, default=DEFAULT_BATCH, help=f"Rows per batch (default {DEFAULT_BATCH}).")
        parser.add_argument("--every", type=float, default=0, help="Keep running, sending every this many seconds.")

    def handle(self, *args: Any, batch: int, every: float, **options: Any) -> None:
        if batch < 1:
            raise CommandError("--batch must be at least 1")
        while True:
            counts = notifications_send_all(batch=batch)
            if counts["sent"] or counts["retry"] or counts["failed"] or every <= 0:
                self.stdout.write(f"{counts['sent']} sent, {counts['retry']} to retry, {counts['failed']} failed.")
            if every <= 0:
                return
            wall_clock.sleep(every)
