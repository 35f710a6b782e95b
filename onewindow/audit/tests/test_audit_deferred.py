"""`audit_deferred` / `atomic_audited`: a service's events are appended together at its end, or not at all."""

import pytest
from django.db import transaction

from onewindow.audit.chain import chain_verify
from onewindow.audit.models import AuditChainHead, AuditEvent
from onewindow.audit.services import GENESIS_HASH, atomic_audited, audit_deferred, audit_record

pytestmark = pytest.mark.django_db


def _record(n: int):
    return audit_record(actor=None, action="audit.probe.record", object_type="probe", object_id=str(n))


def test_events_wait_for_the_end_of_the_block_and_are_then_chained_in_order():
    with transaction.atomic(), audit_deferred():
        first, second = _record(1), _record(2)
        assert first.seq is None and not AuditEvent.objects.exists()
        assert AuditChainHead.objects.get(pk=1).last_seq == 0

    assert [(e.seq, e.object_id) for e in AuditEvent.objects.order_by("seq")] == [(1, "1"), (2, "2")]
    assert (first.seq, first.prev_hash, second.prev_hash) == (1, GENESIS_HASH, first.hash)
    assert AuditChainHead.objects.get(pk=1).last_hash == second.hash
    assert chain_verify().ok


def test_a_block_that_raises_appends_nothing_and_the_chain_goes_on():
    with pytest.raises(RuntimeError), transaction.atomic(), audit_deferred():
        _record(1)
        raise RuntimeError("the service failed")

    assert not AuditEvent.objects.exists()
    assert _record(2).seq == 1 and chain_verify().ok


def test_nested_blocks_join_the_outermost_and_plain_records_around_it_are_immediate():
    before = _record(0)
    with transaction.atomic(), audit_deferred():
        _record(1)
        with audit_deferred():
            _record(2)
        assert AuditEvent.objects.count() == 1
    assert list(AuditEvent.objects.order_by("seq").values_list("object_id", flat=True)) == ["0", "1", "2"]
    assert before.seq == 1 and chain_verify().ok


def test_atomic_audited_wraps_a_service_in_its_transaction():
    @atomic_audited
    def service(fail: bool) -> int:
        _record(1)
        _record(2)
        if fail:
            raise ValueError("bad input")
        return 7

    with pytest.raises(ValueError):
        service(True)
    assert not AuditEvent.objects.exists()
    assert service(False) == 7 and AuditEvent.objects.count() == 2 and chain_verify().ok


@pytest.mark.django_db(transaction=True)
def test_outside_a_transaction_the_block_refuses_to_start():
    with pytest.raises(RuntimeError, match="inside the service's transaction"), audit_deferred():
        pass
