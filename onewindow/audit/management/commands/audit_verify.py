"""`manage.py audit_verify`: walk the audit hash chain; exit 1 at the first broken link."""

import sys
from typing import Any

from django.core.management.base import BaseCommand

from onewindow.audit.chain import chain_verify


class Command(BaseCommand):
    help = "Verify the audit trail's hash chain. Prints 'OK: N events, chain intact' or the first broken link and exits 1."

    def handle(self, *args: Any, **options: Any) -> None:
        report = chain_verify()
        if report.ok:
            self.stdout.write(f"OK: {report.checked} events, chain intact")
            return
        self.stderr.write(f"BROKEN at event #{report.first_broken_seq}: {report.reason}")
        sys.exit(1)
