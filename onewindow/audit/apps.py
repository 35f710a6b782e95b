from typing import Any

from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import post_migrate


class AuditConfig(AppConfig):
    name = "onewindow.audit"
    verbose_name = "审计"

    def ready(self) -> None:
        post_migrate.connect(_ensure_triggers, sender=self, dispatch_uid="audit_ensure_sqlite_triggers")


def _ensure_triggers(using: str = "default", **kwargs: Any) -> None:
    from onewindow.audit.append_only import ensure_sqlite_triggers

    ensure_sqlite_triggers(connections[using])
