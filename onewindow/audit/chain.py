"""Verifying the hash chain: every event links to the one before it, and the head to the last one.

The walk streams the events in `seq` order in constant memory, so it scales to any table size;
it is run by `manage.py audit_verify` (from cron or a systemd timer), not on page views.
"""

from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import Max

from onewindow.audit.models import AuditChainHead, AuditEvent
from onewindow.audit.services import GENESIS_HASH, HEAD_PK, event_content, event_hash

CHUNK_SIZE = 2000


@dataclass(frozen=True)
class ChainReport:
    """The outcome of a verification: `checked` events were intact before `first_broken_seq`."""

    ok: bool
    checked: int
    first_broken_seq: int | None = None
    reason: str = ""


@dataclass
class _Walk:
    """How far the walk got: the last intact event and its hash."""

    last_seq: int = 0
    last_hash: str = GENESIS_HASH
    checked: int = 0

    def step(self, event: AuditEvent) -> str:
        """Check `event` against the previous one; the reason it is broken, or "" if intact."""
        expected = self.last_seq + 1
        if event.seq != expected:
            return f"sequence jumps from #{self.last_seq} to #{event.seq}: event #{expected} is missing (deleted)"
        if event.prev_hash != self.last_hash:
            return f"its prev_hash does not match the hash of event #{self.last_seq} (an event was changed, replaced or inserted)"
        if event_hash(event.prev_hash, event_content(event)) != event.hash:
            return "its content does not match its hash (the event was modified)"
        self.last_seq, self.last_hash, self.checked = event.seq, event.hash, self.checked + 1
        return ""

    def broken(self, seq: int, reason: str) -> ChainReport:
        return ChainReport(ok=False, checked=self.checked, first_broken_seq=seq, reason=reason)


def chain_verify() -> ChainReport:
    """Walk the whole chain and report the first broken link, if any."""
    if connection.vendor == "sqlite":
        # An SQLite transaction here would start with BEGIN IMMEDIATE and block every writer.
        return _verify()
    with transaction.atomic():  # PostgreSQL streams through a server-side cursor only inside a transaction
        return _verify()


def _verify() -> ChainReport:
    # The head is read first and only events up to it are walked: events appended meanwhile are
    # left for the next run, and each one visible below the head was committed with it.
    head = AuditChainHead.objects.filter(pk=HEAD_PK).first()
    events = AuditEvent.objects.order_by("seq")
    if head is not None:
        events = events.filter(seq__lte=head.last_seq)
    walk = _Walk()
    for event in events.iterator(chunk_size=CHUNK_SIZE):
        reason = walk.step(event)
        if reason:
            return walk.broken(event.seq, reason)
    if head is None:
        if walk.checked:
            return walk.broken(walk.last_seq, "the chain head row is missing, so removal of the newest events cannot be ruled out")
        return ChainReport(ok=True, checked=0)
    return _check_head(walk, head) or _check_beyond_head(walk) or ChainReport(ok=True, checked=walk.checked)


def _check_head(walk: _Walk, head: AuditChainHead) -> ChainReport | None:
    """The last event must be the one the head records."""
    if walk.last_seq < head.last_seq:
        return walk.broken(
            walk.last_seq + 1, f"the chain head records event #{head.last_seq} but the trail ends at #{walk.last_seq} (events were deleted)"
        )
    if walk.last_hash != head.last_hash:
        return walk.broken(walk.last_seq, "its hash does not match the hash recorded in the chain head")
    return None


def _check_beyond_head(walk: _Walk) -> ChainReport | None:
    """No event may lie beyond the head: `audit_record` moves the head with every event it adds."""
    highest = AuditEvent.objects.aggregate(highest=Max("seq"))["highest"] or 0
    # Read after the events: every event committed by a writer is covered by this head.
    head = AuditChainHead.objects.filter(pk=HEAD_PK).first()
    head_seq = head.last_seq if head else 0
    if highest <= head_seq:
        return None
    stray = AuditEvent.objects.filter(seq__gt=head_seq).order_by("seq").values_list("seq", flat=True).first()
    return walk.broken(stray or highest, f"the event lies beyond the chain head #{head_seq} (inserted outside audit_record)")
