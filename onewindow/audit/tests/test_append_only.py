"""The database itself refuses to change or delete audit events (PostgreSQL and SQLite triggers)."""

import pytest
from django.db import IntegrityError, connection, transaction

from onewindow.audit.models import AuditEvent
from onewindow.audit.services import audit_record

MESSAGE = "审计事件只能追加,不能修改或删除"


@pytest.fixture
def event(db):
    return audit_record(actor=None, action="audit.probe.record", object_type="probe", object_id="1", after={"a": 1})


def test_saving_a_changed_event_is_refused(event):
    event.object_repr = "forged"
    with pytest.raises(IntegrityError, match=MESSAGE), transaction.atomic():
        event.save()
    assert AuditEvent.objects.get(pk=event.pk).object_repr == ""


def test_a_queryset_update_is_refused(event):
    with pytest.raises(IntegrityError, match=MESSAGE), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(action="audit.probe.forged")
    assert AuditEvent.objects.get(pk=event.pk).action == "audit.probe.record"


def test_deleting_an_event_is_refused(event):
    with pytest.raises(IntegrityError, match=MESSAGE), transaction.atomic():
        event.delete()
    with pytest.raises(IntegrityError, match=MESSAGE), transaction.atomic():
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.filter(pk=event.pk).exists()


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="TRUNCATE triggers exist on PostgreSQL only")
def test_truncating_the_table_is_refused(event):
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # TRUNCATE refuses to run with deferred checks pending
    with pytest.raises(IntegrityError, match=MESSAGE), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("TRUNCATE audit_auditevent")
    assert AuditEvent.objects.filter(pk=event.pk).exists()


@pytest.mark.django_db
def test_appending_is_allowed():
    audit_record(actor=None, action="audit.probe.record")
    audit_record(actor=None, action="audit.probe.record")
    assert AuditEvent.objects.count() == 2


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite rebuilds tables on ALTER, dropping their triggers")
def test_sqlite_triggers_are_reinstalled_after_migrate_if_a_table_rebuild_dropped_them(event):
    from onewindow.audit.append_only import ensure_sqlite_triggers

    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER audit_event_no_update")
        cursor.execute("DROP TRIGGER audit_event_no_delete")
    ensure_sqlite_triggers(connection)
    with pytest.raises(IntegrityError, match=MESSAGE), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(action="audit.probe.forged")
    with pytest.raises(IntegrityError, match=MESSAGE), transaction.atomic():
        event.delete()
