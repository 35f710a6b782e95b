from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from onewindow.licenses.models import LicenseType
from onewindow.licenses.services import license_type_save


@admin.register(LicenseType)
class LicenseTypeAdmin(admin.ModelAdmin):
    """The license catalog; saving goes through `license_type_save` (validated and audited)."""

    list_display = ("code", "name", "issuing_department", "holder_kind", "validity_years", "is_active")
    list_filter = ("holder_kind", "is_active")
    search_fields = ("code", "name")

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        license_type_save(
            actor=request.user,
            code=obj.code,
            name=obj.name,
            holder_kind=obj.holder_kind,
            issuing_department=obj.issuing_department,
            validity_years=obj.validity_years,
            fields=obj.fields,
        )

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
