"""Repair and rebuild the search index of the service items."""

from typing import Any

from django.core.management.base import BaseCommand
from django.db import connections, router

from onewindow.catalog.models import ServiceItemVersion
from onewindow.catalog.search.index import index_rebuild, install_search_schema, missing_search_schema


class Command(BaseCommand):
    help = "Recreate missing search index structures, then rebuild the SQLite full-text rows from the current item versions."

    def handle(self, *args: Any, **options: Any) -> None:
        connection = connections[router.db_for_write(ServiceItemVersion)]
        missing = missing_search_schema(connection)
        if missing:
            install_search_schema(connection)
            self.stdout.write(f"Recreated: {', '.join(missing)}")
        if connection.vendor == "sqlite":
            self.stdout.write(self.style.SUCCESS(f"Indexed {index_rebuild()} current item versions."))
        else:
            self.stdout.write(self.style.SUCCESS("PostgreSQL maintains the search indexes itself; nothing to rebuild."))
