"""Test support: tamper with the trail past the append-only triggers, and clean up after transactional tests.

`purge_audit_trail_after_transactional_tests` must be visible to every transactional test
that records events (import it into the root conftest): their teardown flush would otherwise
be rejected by the triggers.
"""

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.db import connections, transaction


@contextmanager
def append_only_suspended(using: str = "default") -> Iterator[None]:
    """Run the block with the append-only triggers off, like someone with direct database access.

    PostgreSQL: `session_replication_role = replica` (needs a superuser, as the tests run as)
    for this transaction only. SQLite: the triggers are dropped and recreated as they were.
    If the block fails, rolling back the transaction restores the triggers.
    """
    connection = connections[using]
    with transaction.atomic(using=using), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL session_replication_role = replica")
            yield
            cursor.execute("SET LOCAL session_replication_role = origin")
            return
        cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_auditevent'")
        triggers = cursor.fetchall()
        for name, _sql in triggers:
            cursor.execute(f'DROP TRIGGER "{name}"')
        yield
        for _name, sql in triggers:
            cursor.execute(sql)


def _is_transactional(request: pytest.FixtureRequest) -> bool:
    marker = request.node.get_closest_marker("django_db")
    if marker is not None and (marker.kwargs.get("transaction") or (marker.args and marker.args[0])):
        return True
    return bool({"transactional_db", "live_server"} & set(request.fixturenames))


@pytest.fixture(autouse=True)
def purge_audit_trail_after_transactional_tests(request: pytest.FixtureRequest) -> Iterator[None]:
    """After a transactional test, delete its audit events so the database flush may proceed."""
    if not _is_transactional(request):
        yield
        return
    # Depending on the database fixture makes this teardown run before its flush, whatever
    # order the fixtures were registered in.
    request.getfixturevalue("transactional_db")
    yield
    from onewindow.audit.models import AuditEvent

    with append_only_suspended():
        AuditEvent.objects.all().delete()
