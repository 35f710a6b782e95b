"""Notifications in the Django admin: a read-only view of the outbox for superusers; rows change only through the services."""

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from onewindow.common.identity import mask_phone
from onewindow.notifications.models import Notification


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = (
        "id",
        "created_at",
        "channel",
        "recipient",
        "masked_phone",
        "email",
        "title",
        "status",
        "attempts",
        "sent_at",
        "read_at",
    )
    list_filter = ("status", "channel")
    search_fields = ("=subject_id", "title")
    list_select_related = ("recipient",)
    show_full_result_count = False
    exclude = ("phone",)
    readonly_fields = (
        "recipient",
        "masked_phone",
        "email",
        "channel",
        "title",
        "body",
        "link",
        "subject_type",
        "subject_id",
        "status",
        "attempts",
        "last_error",
        "next_attempt_at",
        "created_at",
        "sent_at",
        "read_at",
    )

    @admin.display(description="手机号码")
    def masked_phone(self, obj: Notification) -> str:
        return mask_phone(obj.phone)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Notification]:
        return super().get_queryset(request).select_related("recipient")

    # Messages carry personal data of any user: only superusers read the outbox.
    def has_module_permission(self, request: HttpRequest) -> bool:
        return bool(request.user.is_active and request.user.is_superuser)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return bool(request.user.is_active and request.user.is_superuser)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
