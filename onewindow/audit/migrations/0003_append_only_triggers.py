"""Reject UPDATE, DELETE (and TRUNCATE of a non-empty table) on audit_auditevent.

PostgreSQL: a PL/pgSQL trigger function, a row trigger and a statement (TRUNCATE) trigger.
SQLite (the embedded default): BEFORE UPDATE / BEFORE DELETE triggers that RAISE(ABORT).
Other databases get nothing; the hash chain still reveals any change.
"""

from django.db import migrations

from onewindow.audit import append_only


def install(apps, schema_editor):
    append_only.install(schema_editor)


def remove(apps, schema_editor):
    append_only.remove(schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0002_chain_head"),
    ]

    operations = [
        migrations.RunPython(install, remove),
    ]
