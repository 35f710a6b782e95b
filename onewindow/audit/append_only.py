"""Database triggers that make `audit_auditevent` append-only, on PostgreSQL and on SQLite.

The triggers stop the application (or a careless `manage.py shell`) from rewriting history; the
hash chain is what reveals tampering by someone who can also disable triggers. A future
migration that must rewrite rows of this table (say, an `AlterField` that fills NULLs) has to
disable the triggers inside that migration, on purpose and in review.

On SQLite, Django alters a table by copying it into a new one, which drops its triggers, so
`ensure_sqlite_triggers` reinstalls them after every `migrate` (see `apps.AuditConfig`).
"""

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.recorder import MigrationRecorder

TABLE = "audit_auditevent"
MESSAGE = "审计事件只能追加,不能修改或删除"
MIGRATION = ("audit", "0003_append_only_triggers")

# A TRUNCATE of an empty table destroys nothing; allowing it lets `manage.py flush` (and test
# teardown) work once the events are gone. A non-empty table can never be truncated.
POSTGRES_INSTALL = [
    f"""
    CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'TRUNCATE' AND NOT EXISTS (SELECT 1 FROM {TABLE}) THEN
            RETURN NULL;
        END IF;
        RAISE EXCEPTION USING
            MESSAGE = '{MESSAGE}',
            DETAIL = TG_OP || ' on ' || TG_TABLE_NAME || ' rejected',
            ERRCODE = 'restrict_violation';
    END;
    $$
    """,
    f"""
    CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON {TABLE}
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()
    """,
    f"""
    CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON {TABLE}
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()
    """,
]
POSTGRES_REMOVE = [
    f"DROP TRIGGER IF EXISTS audit_event_no_truncate ON {TABLE}",
    f"DROP TRIGGER IF EXISTS audit_event_no_update_delete ON {TABLE}",
    "DROP FUNCTION IF EXISTS audit_event_append_only()",
]

# RAISE(ABORT, ...) fails the statement with SQLITE_CONSTRAINT: Django raises IntegrityError.
SQLITE_INSTALL = [
    f"CREATE TRIGGER IF NOT EXISTS audit_event_no_update BEFORE UPDATE ON {TABLE} BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
    f"CREATE TRIGGER IF NOT EXISTS audit_event_no_delete BEFORE DELETE ON {TABLE} BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
]
SQLITE_REMOVE = [
    "DROP TRIGGER IF EXISTS audit_event_no_update",
    "DROP TRIGGER IF EXISTS audit_event_no_delete",
]


def install(schema_editor: BaseDatabaseSchemaEditor) -> None:
    """Create the triggers for the database in use (other databases get none)."""
    for statement in _statements(schema_editor.connection.vendor, install=True):
        schema_editor.execute(statement, params=None)


def remove(schema_editor: BaseDatabaseSchemaEditor) -> None:
    """Drop the triggers (the reverse of `install`)."""
    for statement in _statements(schema_editor.connection.vendor, install=False):
        schema_editor.execute(statement, params=None)


def ensure_sqlite_triggers(connection: BaseDatabaseWrapper) -> None:
    """Reinstall the SQLite triggers if a table rebuild dropped them (only once they are due)."""
    if connection.vendor != "sqlite" or MIGRATION not in MigrationRecorder(connection).applied_migrations():
        return
    with connection.cursor() as cursor:
        for statement in SQLITE_INSTALL:
            cursor.execute(statement)


def _statements(vendor: str, *, install: bool) -> list[str]:
    if vendor == "postgresql":
        return POSTGRES_INSTALL if install else POSTGRES_REMOVE
    if vendor == "sqlite":
        return SQLITE_INSTALL if install else SQLITE_REMOVE
    return []
