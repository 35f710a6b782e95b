"""Read-only view of the audit trail in the Django admin: nothing can be added, changed or deleted."""

from django.contrib import admin
from django.http import HttpRequest

from onewindow.audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Browse and search events; the table is append-only (and the database enforces it)."""

    list_display = ("seq", "occurred_at", "actor_label", "action", "object_type", "object_id", "object_repr", "ip")
    list_filter = ("action", "object_type")
    search_fields = ("=object_id", "=actor_label")  # exact: a substring search scans the whole trail
    ordering = ("-seq",)
    show_full_result_count = False  # a COUNT(*) over millions of events on every search is not worth it
    readonly_fields = [field.name for field in AuditEvent._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: AuditEvent | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: AuditEvent | None = None) -> bool:
        return False
