"""Deadlines in the Django admin: read-only, through `visible_to`; timers change only through the services."""

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from onewindow.deadlines import kinds
from onewindow.deadlines.models import Deadline, PauseInterval


class PauseIntervalInline(admin.TabularInline):
    model = PauseInterval
    fields = ("paused_at", "resumed_at", "days", "reason")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class KindFilter(admin.SimpleListFilter):
    """The registered kinds (not a DISTINCT over the whole table)."""

    title = "期限类型"
    parameter_name = "kind"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [(kind.key, str(kind.label)) for kind in kinds.all_kinds()]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Deadline]) -> QuerySet[Deadline]:
        return queryset.filter(kind=self.value()) if self.value() else queryset


@admin.register(Deadline)
class DeadlineAdmin(admin.ModelAdmin):
    list_display = (
        "id",
        "kind_label",
        "subject_type",
        "subject_id",
        "department",
        "handler",
        "started_at",
        "due_on",
        "state",
        "provisional",
    )
    list_filter = ("state", KindFilter, "provisional")
    search_fields = ("=subject_id",)
    list_select_related = ("department", "handler")
    show_full_result_count = False
    inlines = (PauseIntervalInline,)

    @admin.display(description="期限类型")
    def kind_label(self, obj: Deadline) -> str:
        return obj.kind_label

    def get_queryset(self, request: HttpRequest) -> QuerySet[Deadline]:
        return Deadline.objects.visible_to(request.user).select_related("department", "handler")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
