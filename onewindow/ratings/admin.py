"""Ratings, rectifications, window visits and complaints in the Django admin: read-only, through `visible_to`;
they change only through the services."""

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from onewindow.ratings.models import Complaint, Rating, Rectification, WindowVisit


class ReadOnlyAdmin(admin.ModelAdmin):
    show_full_result_count = False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Rating)
class RatingAdmin(ReadOnlyAdmin):
    list_display = ("id", "case", "visit", "department", "level", "is_bad", "channel", "created_at", "voided_at")
    list_filter = ("level", "is_bad", "channel")
    list_select_related = ("case", "visit", "department")
    exclude = ("contact_phone",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Rating]:
        return Rating.objects.visible_to(request.user).select_related("case", "visit", "department")


@admin.register(Rectification)
class RectificationAdmin(ReadOnlyAdmin):
    list_display = ("id", "rating", "department", "state", "due_on", "created_at")
    list_filter = ("state",)
    list_select_related = ("rating__case", "department")

    def get_queryset(self, request: HttpRequest) -> QuerySet[Rectification]:
        return Rectification.objects.visible_to(request.user).select_related("rating__case", "department")


@admin.register(WindowVisit)
class WindowVisitAdmin(ReadOnlyAdmin):
    list_display = ("id", "window", "clerk", "department", "case", "started_at")
    list_select_related = ("window__hall", "clerk", "department", "case")
    exclude = ("token",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[WindowVisit]:
        return WindowVisit.objects.visible_to(request.user).select_related("window__hall", "clerk", "department", "case")


@admin.register(Complaint)
class ComplaintAdmin(ReadOnlyAdmin):
    list_display = ("number", "category", "channel", "state", "department", "created_at", "due_on")
    list_filter = ("state", "category", "channel")
    search_fields = ("=number",)
    list_select_related = ("department",)
    exclude = ("query_code", "name", "phone")

    def get_queryset(self, request: HttpRequest) -> QuerySet[Complaint]:
        return Complaint.objects.visible_to(request.user).select_related("department")
