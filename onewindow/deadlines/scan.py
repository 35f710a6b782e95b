"""The deadline scan: hand every new warning and overdue event to the handlers of its kind, once.

A running timer enters its warning window on `warn_on` and is overdue after `due_on`. The scan
reads only rows whose event is due and not yet handled, through the partial indexes
`deadlines_overdue_pending` and `deadlines_warning_pending`, a batch at a time in (date, id)
order (keyset pagination), so it costs what is due, not what exists.

Exactly once: each event is claimed by an `UPDATE … WHERE <marker> IS NULL` that sets
`overdue_handled_at` or `warned_at`; only the scan whose update changed the row runs the
handlers, in the same transaction. A second scan, or one running at the same time (its update
waits for the first one's row lock and then finds the marker set), does nothing. If a handler
raises, the claim rolls back with the handler's writes and the next scan offers the event
again. A timer found already overdue gets only its overdue event (its warning is marked as
handled with it). When an extension or a resume moves a date beyond the timer's clock, the
services clear the marker: entering the new window is a new event.

Scheduling: the task worker has no clock, so something must run the scan periodically:
`manage.py deadlines_scan` from a systemd timer (or cron) every minute in production, or
`manage.py deadlines_scan --every 60` as one long-running process next to the web server and
the worker. Overlapping runs are safe.
"""

import datetime as dt
import logging
from dataclasses import asdict, dataclass
from typing import Any

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import DateTimeField, F, Q, Value
from django.db.models.functions import Coalesce

from onewindow.common import time
from onewindow.deadlines import kinds
from onewindow.deadlines.choices import DeadlineEvent
from onewindow.deadlines.models import RUNNING, Deadline

logger = logging.getLogger(__name__)


@dataclass
class ScanReport:
    """What one scan did: rows read, events handled, events whose handlers failed (offered again next time)."""

    today: dt.date
    examined: int = 0
    warned: int = 0
    overdue: int = 0
    failed: int = 0

    def count(self, event: str, handled: int) -> None:
        if event == DeadlineEvent.OVERDUE:
            self.overdue += handled
        else:
            self.warned += handled

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "today": self.today.isoformat()}


@dataclass(frozen=True)
class _Pass:
    """One kind of event: the rows it is due on, and the update that claims it."""

    event: str
    date_field: str

    def pending(self, today: dt.date) -> Q:
        if self.event == DeadlineEvent.OVERDUE:
            return RUNNING & Q(overdue_handled_at__isnull=True, due_on__lt=today)
        return RUNNING & Q(warned_at__isnull=True, warn_on__lte=today, due_on__gte=today)

    def claim(self, now: dt.datetime) -> dict[str, Any]:
        if self.event == DeadlineEvent.OVERDUE:
            return {"overdue_handled_at": now, "warned_at": Coalesce(F("warned_at"), Value(now, output_field=DateTimeField()))}
        return {"warned_at": now}

    def mark(self, deadline: Deadline, now: dt.datetime) -> None:
        """What `claim` wrote, on a row read before it."""
        if self.event == DeadlineEvent.OVERDUE:
            deadline.overdue_handled_at = now
        deadline.warned_at = deadline.warned_at or now

    def after(self, day: dt.date, pk: int) -> Q:
        """Rows after (day, pk) in (date, id) order, with a range condition the index can use."""
        field = self.date_field
        return Q(**{f"{field}__gte": day}) & (Q(**{f"{field}__gt": day}) | Q(pk__gt=pk))


# Overdue first: a timer found already overdue then no longer waits for its warning.
PASSES = (_Pass(DeadlineEvent.OVERDUE, "due_on"), _Pass(DeadlineEvent.WARNING, "warn_on"))


def deadline_scan(*, today: dt.date, batch: int = 1000) -> ScanReport:
    """Handle every warning and overdue event due on `today` that no scan has handled yet.

    Not one transaction: each event is claimed and handled in its own, so a long scan holds no
    locks and a failing handler costs only its own event.
    """
    report = ScanReport(today=today)
    for scan_pass in PASSES:
        _run(scan_pass, today, batch, report)
    if report.warned or report.overdue or report.failed:
        logger.info("deadline scan %s", report.as_dict())
    return report


def _run(scan_pass: _Pass, today: dt.date, batch: int, report: ScanReport) -> None:
    position: tuple[dt.date, int] | None = None
    while True:
        rows = Deadline.objects.filter(scan_pass.pending(today))
        if position is not None:
            rows = rows.filter(scan_pass.after(*position))
        page = list(rows.select_related("department", "handler").order_by(scan_pass.date_field, "id")[:batch])
        report.examined += len(page)
        _handle_page(scan_pass, page, today, report)
        if len(page) < batch:
            return
        last = page[-1]
        position = (getattr(last, scan_pass.date_field), last.pk)


def _handle_page(scan_pass: _Pass, page: list[Deadline], today: dt.date, report: ScanReport) -> None:
    acting = _acting_handlers(scan_pass, page)
    # Events nobody acts on (no handler for the kind, or none that selects the row) are only recorded, in one update.
    silent = [deadline.pk for deadline in page if not acting.get(deadline.pk)]
    if silent:
        _claim_silent(scan_pass, silent, today, report)
    for deadline in page:
        handlers = acting.get(deadline.pk)
        if handlers:
            _handle_one(scan_pass, deadline, handlers, today, report)


def _acting_handlers(scan_pass: _Pass, page: list[Deadline]) -> dict[int, list[kinds.DeadlineHandler]]:
    """The handlers that act on each row of the page, in registration order (see `kinds.acting_on`)."""
    by_kind: dict[str, list[Deadline]] = {}
    for deadline in page:
        by_kind.setdefault(deadline.kind, []).append(deadline)
    acting: dict[int, list[kinds.DeadlineHandler]] = {}
    for kind, rows in by_kind.items():
        for handler in kinds.handlers_for(kind, scan_pass.event):
            select = getattr(handler, "selects", None)
            chosen = {d.pk for d in rows} if select is None else set(select(rows))
            for deadline in rows:
                if deadline.pk in chosen:
                    acting.setdefault(deadline.pk, []).append(handler)
    return acting


def _claim_silent(scan_pass: _Pass, ids: list[int], today: dt.date, report: ScanReport) -> None:
    batch_handlers = kinds.batch_handlers_for(scan_pass.event)
    try:
        with transaction.atomic():
            _commit_asynchronously()
            pending = Deadline.objects.filter(scan_pass.pending(today), pk__in=ids)
            if not batch_handlers:
                claimed = pending.update(**scan_pass.claim(time.now()))
            else:
                # The rows as they are now, locked, then claimed; the batch handlers see what was claimed.
                rows = list(pending.select_for_update().order_by("id"))
                claimed = Deadline.objects.filter(pk__in=[d.pk for d in rows]).update(**scan_pass.claim(now := time.now()))
                for deadline in rows:
                    scan_pass.mark(deadline, now)
                for handler in batch_handlers:
                    handler(rows, today)
    except Exception:  # e.g. a deadlock with a service holding some of these rows: the next scan retries
        logger.exception("deadlines %s…: recording %s events failed; they will be offered again", ids[0], scan_pass.event)
        report.failed += len(ids)
        return
    report.count(scan_pass.event, claimed)


def _handle_one(scan_pass: _Pass, deadline: Deadline, handlers: list[kinds.DeadlineHandler], today: dt.date, report: ScanReport) -> None:
    try:
        with transaction.atomic():
            _commit_asynchronously()
            _lock_subject(deadline.subject_type, deadline.subject_id)
            current = _claim(scan_pass, deadline, today)
            if current is None:
                return  # handled by another scan, or no longer due
            # The batch handlers (cards) first: they see the event as it came due, before a
            # handler acts on it (a deemed acceptance meets the very timer that ran out).
            for batch_handler in kinds.batch_handlers_for(scan_pass.event):
                batch_handler([current], today)
            for handler in handlers:
                handler(current, today)
    except Exception:
        logger.exception("deadline %s: a %s handler failed; the event will be offered again", deadline.pk, scan_pass.event)
        report.failed += 1
        return
    report.count(scan_pass.event, 1)


def _claim(scan_pass: _Pass, deadline: Deadline, today: dt.date) -> Deadline | None:
    """Claim the event; the row as it is now, or None when it is not ours to handle.

    The claim also requires the `revision` read with the page: then the row read is current
    (every service raises `revision`) and need not be read again.
    """
    now = time.now()
    due = Deadline.objects.filter(scan_pass.pending(today), pk=deadline.pk)
    if due.filter(revision=deadline.revision).update(**scan_pass.claim(now)):
        scan_pass.mark(deadline, now)
        return deadline
    if not due.update(**scan_pass.claim(now)):
        return None
    return Deadline.objects.select_related("department", "handler").get(pk=deadline.pk)


def _commit_asynchronously() -> None:
    """On PostgreSQL, do not wait for this transaction's WAL flush (about 2 ms each).

    Safe here: a crash can only lose a whole recent transaction, claim and handler writes (and
    the notifications they queue in the database) together, and the next scan offers the event
    again; it is never handled twice nor lost.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit = off")


def _lock_subject(subject_type: str, subject_id: str) -> None:
    """Lock the subject row before the deadline, the order the owning apps' services use (subject, then
    its timers), so a handler and a service working on the same subject queue instead of deadlocking."""
    try:
        subject = apps.get_model(subject_type)._default_manager.select_for_update().filter(pk=subject_id)
    except (LookupError, ValueError, ValidationError):
        return  # not a model row: nothing to order against
    list(subject.values_list("pk", flat=True))
