"""`manage.py render_documents`: render the case documents still pending (after a bulk load, or a worker outage)."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from onewindow.cases.choices import DocumentState
from onewindow.cases.documents.render import render_document
from onewindow.cases.models import CaseDocument


class Command(BaseCommand):
    help = "Render the PDFs of pending (and, with --failed, failed) case documents."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--failed", action="store_true", help="Also retry documents whose rendering failed.")
        parser.add_argument("--limit", type=int, default=0, help="Render at most this many (default: all).")

    def handle(self, *args: Any, failed: bool, limit: int, **options: Any) -> None:
        states = [DocumentState.PENDING, DocumentState.FAILED] if failed else [DocumentState.PENDING]
        ids = CaseDocument.objects.filter(state__in=states).order_by("id").values_list("id", flat=True)
        if limit > 0:
            ids = ids[:limit]
        outcome: dict[str, int] = {}
        for document_id in list(ids):
            state = render_document(document_id)
            outcome[state] = outcome.get(state, 0) + 1
        self.stdout.write(", ".join(f"{state}: {count}" for state, count in sorted(outcome.items())) or "nothing to render")
