"""The search index: an FTS5 trigram table kept by triggers on SQLite, pg_trgm GIN indexes on PostgreSQL."""

from django.db import migrations

from onewindow.catalog.search.index import install_search_schema, remove_search_schema


def install(apps, schema_editor):
    install_search_schema(schema_editor.connection)


def remove(apps, schema_editor):
    remove_search_schema(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("catalog", "0001_initial")]

    operations = [migrations.RunPython(install, remove)]
