"""Create the single chain head row (pk=1) that every writer locks to append the next event."""

from django.db import migrations

GENESIS_HASH = "0" * 64


def create_head(apps, schema_editor):
    head_model = apps.get_model("audit", "AuditChainHead")
    event_model = apps.get_model("audit", "AuditEvent")
    using = schema_editor.connection.alias
    if head_model.objects.using(using).filter(pk=1).exists():
        return
    last = event_model.objects.using(using).order_by("-seq").first()
    head_model.objects.using(using).create(pk=1, last_seq=last.seq if last else 0, last_hash=last.hash if last else GENESIS_HASH)


def remove_head(apps, schema_editor):
    apps.get_model("audit", "AuditChainHead").objects.using(schema_editor.connection.alias).filter(pk=1).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create_head, remove_head),
    ]
