"""Cases in the Django admin: read-only, through `visible_to`; cases change only through the services."""

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from onewindow.cases.models import Case, CaseDocument, CaseMaterial, CaseStep, StageTask


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class MaterialInline(ReadOnlyInline):
    model = CaseMaterial
    fields = ("code", "name", "necessity", "provision", "original_name", "pledge_status", "problem", "gap_supplied_at")
    readonly_fields = fields


class StepInline(ReadOnlyInline):
    model = CaseStep
    fields = ("at", "action", "from_status", "to_status", "actor_name", "unit_name", "comment")
    readonly_fields = fields


class TaskInline(ReadOnlyInline):
    model = StageTask
    fields = ("sequence", "name", "role", "unit", "state", "handler", "due_on", "completed_at")
    readonly_fields = fields


class DocumentInline(ReadOnlyInline):
    model = CaseDocument
    fields = ("kind", "number", "state", "generated_at")
    readonly_fields = fields


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):
    list_display = ("number", "item_name", "department", "status", "channel", "submitted_at", "due_on")
    list_filter = ("status", "channel")
    search_fields = ("=number",)
    list_select_related = ("department",)
    show_full_result_count = False
    inlines = (MaterialInline, TaskInline, StepInline, DocumentInline)
    exclude = ("query_code",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Case]:
        return Case.objects.visible_to(request.user).select_related("department")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
