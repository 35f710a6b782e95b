"""Read-only Django admin views of the calendar: entries change only through the workbench entry page,
whose service validates them and writes the audit trail."""

from django.contrib import admin
from django.http import HttpRequest

from onewindow.workdays.models import CalendarOverride, YearSchedule


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(YearSchedule)
class YearScheduleAdmin(ReadOnlyAdmin):
    list_display = ["year", "notice", "notice_date", "entered_by", "updated_at"]
    search_fields = ["notice"]
    list_select_related = ["entered_by"]


@admin.register(CalendarOverride)
class CalendarOverrideAdmin(ReadOnlyAdmin):
    list_display = ["date", "kind", "name", "notice", "entered_by"]
    list_filter = ["kind", "name"]
    search_fields = ["name", "notice"]
    date_hierarchy = "date"
    list_select_related = ["entered_by"]
