"""Django admin for the lists: reference data is edited through services; list entries are
read-only here because every change to a published list goes through a change request."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from onewindow.catalog import models
from onewindow.catalog.services import theme_save


class ReadOnlyAdmin(admin.ModelAdmin):
    """Published rows have legal weight: the admin may look, never touch."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(models.Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "kind", "audience", "sort")
    list_filter = ("kind", "audience")
    search_fields = ("code", "name")

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        theme_save(actor=request.user, code=obj.code, name=obj.name, kind=obj.kind, audience=obj.audience, sort=obj.sort)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(models.ServiceItemVersion)
class ServiceItemVersionAdmin(ReadOnlyAdmin):
    list_display = ("name", "service_item", "category", "state", "valid_from", "valid_to", "is_cancellation")
    list_filter = ("state", "category", "kind", "is_cancellation")
    search_fields = ("name", "service_item__implementation_code")
    list_select_related = ("service_item",)


@admin.register(models.PowerItemVersion)
class PowerItemVersionAdmin(ReadOnlyAdmin):
    list_display = ("name", "power_item", "category", "state", "valid_from", "valid_to", "is_cancellation")
    list_filter = ("state", "category", "is_cancellation")
    search_fields = ("name", "power_item__code")
    list_select_related = ("power_item",)


@admin.register(models.ChangeRequest)
class ChangeRequestAdmin(ReadOnlyAdmin):
    list_display = ("title", "list_kind", "kind", "status", "department", "drafted_by", "created_at")
    list_filter = ("status", "list_kind", "kind")
    search_fields = ("title",)


@admin.register(models.CatalogVersion)
class CatalogVersionAdmin(ReadOnlyAdmin):
    list_display = ("number", "region", "summary", "published_by", "published_at")
    list_filter = ("region",)


for model in (models.ServiceItem, models.PowerItem, models.FeeEntryVersion, models.IntermediaryServiceVersion, models.DutyBoundaryVersion):
    admin.site.register(model, ReadOnlyAdmin)
