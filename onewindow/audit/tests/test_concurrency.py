"""Concurrent writers on PostgreSQL still build one unbroken chain (the head row serializes them)."""

import threading

import pytest
from django.db import connection, connections, transaction

from onewindow.audit.chain import chain_verify
from onewindow.audit.models import AuditChainHead, AuditEvent
from onewindow.audit.services import audit_record

THREADS = 8
EVENTS_PER_THREAD = 10


def _write(thread: int, barrier: threading.Barrier, errors: list[BaseException]) -> None:
    try:
        barrier.wait()
        for n in range(EVENTS_PER_THREAD):
            with transaction.atomic():
                audit_record(actor=None, action="audit.probe.record", object_type="probe", object_id=f"{thread}-{n}")
    except BaseException as error:  # noqa: BLE001 - reported to the main thread
        errors.append(error)
    finally:
        connections.close_all()


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks and real concurrency")
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("head_exists", [True, False], ids=["head", "no-head"])
def test_concurrent_writers_build_one_chain(head_exists):
    if not head_exists:
        AuditChainHead.objects.all().delete()
    assert not AuditEvent.objects.exists()
    barrier = threading.Barrier(THREADS)
    errors: list[BaseException] = []
    threads = [threading.Thread(target=_write, args=(n, barrier, errors)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert list(AuditEvent.objects.order_by("seq").values_list("seq", flat=True)) == list(range(1, THREADS * EVENTS_PER_THREAD + 1))
    for number in range(THREADS):
        ids = list(AuditEvent.objects.filter(object_id__startswith=f"{number}-").order_by("seq").values_list("object_id", flat=True))
        assert ids == [f"{number}-{n}" for n in range(EVENTS_PER_THREAD)]
    report = chain_verify()
    assert (report.ok, report.checked) == (True, THREADS * EVENTS_PER_THREAD)
