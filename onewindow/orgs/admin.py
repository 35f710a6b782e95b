"""Django admin of the organization structure. Saves go through the orgs services, so the same
permission checks, validation and audit events apply as everywhere else; nothing is deleted
here (rows carry legal history: deactivate a department, hall or window instead)."""

from typing import Any

from django.contrib import admin
from django.db import models
from django.forms import BaseInlineFormSet, ModelForm
from django.http import HttpRequest

from onewindow.accounts.access import has_role, jurisdiction_q
from onewindow.accounts.choices import Role
from onewindow.orgs import permissions, services
from onewindow.orgs.models import Department, Region, ServiceHall, Unit, Window


def _adopt(obj: models.Model, saved: models.Model) -> None:
    """Make the admin's instance the row the service saved (the admin goes on using it)."""
    for field in obj._meta.concrete_fields:
        setattr(obj, field.attname, getattr(saved, field.attname))
    obj._state.adding = False
    obj._state.db = saved._state.db


def _values(obj: models.Model, fields: list[str] | tuple[str, ...]) -> dict[str, Any]:
    return {name: getattr(obj, name) for name in fields}


class ServiceAdmin(admin.ModelAdmin):
    """Adds and changes through services; never deletes."""

    create_fields: tuple[str, ...] = ()
    update_fields: tuple[str, ...] = ()

    def get_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return self.create_fields

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return super().has_add_permission(request) and has_role(request.user, Role.SYSTEM_ADMIN)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        fixed = [name for name in self.create_fields if name not in self.update_fields]
        return fixed if obj is not None else []

    def save_model(self, request: HttpRequest, obj: Any, form: ModelForm, change: bool) -> None:
        if change:
            changes = _values(obj, [name for name in form.changed_data if name in self.update_fields])
            saved = self.update(actor=request.user, obj=obj, changes=changes)
        else:
            saved = self.create(actor=request.user, values=_values(obj, self.create_fields))
        _adopt(obj, saved)

    def create(self, *, actor: Any, values: dict[str, Any]) -> models.Model:
        raise NotImplementedError

    def update(self, *, actor: Any, obj: Any, changes: dict[str, Any]) -> models.Model:
        raise NotImplementedError

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.related_model is Region and db_field.name == "region":
            kwargs["queryset"] = Region.objects.filter(jurisdiction_q(request.user, [Role.SYSTEM_ADMIN], region_code_field="code"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Region)
class RegionAdmin(ServiceAdmin):
    list_display = ("code", "name", "level", "parent")
    list_filter = ("level",)
    search_fields = ("code", "name")
    list_select_related = ("parent",)
    autocomplete_fields = ("parent",)
    create_fields = ("code", "name", "level", "parent")
    update_fields = ("name",)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or permissions.can_add_region(request.user, obj.parent))

    def create(self, *, actor: Any, values: dict[str, Any]) -> models.Model:
        return services.region_create(actor=actor, **values)

    def update(self, *, actor: Any, obj: Any, changes: dict[str, Any]) -> models.Model:
        return services.region_update(actor=actor, region=obj, **changes)


_UNIT_FIELDS = ("name", "duties", "sort_order")


class UnitFormSet(BaseInlineFormSet):
    """Units edited under their department are saved through the unit services."""

    def save_through_services(self, actor: Any) -> None:
        self.save(commit=False)  # fills new_objects / changed_objects for the admin's change message
        for unit in self.new_objects:
            saved = services.unit_create(actor=actor, department=self.instance, **_values(unit, ("name", "duties", "sort_order")))
            _adopt(unit, saved)
        for unit, changed in self.changed_objects:
            services.unit_update(
                actor=actor, unit=unit, **_values(unit, [name for name in changed if name in ("name", "duties", "sort_order")])
            )


class UnitInline(admin.TabularInline):
    model = Unit
    formset = UnitFormSet
    fields = _UNIT_FIELDS
    extra = 0
    can_delete = False


@admin.register(Department)
class DepartmentAdmin(ServiceAdmin):
    list_display = ("name", "short_name", "region", "uscc", "phone", "is_active")
    list_filter = ("is_active", "region__level")
    search_fields = ("name", "short_name", "uscc", "region__name")
    list_select_related = ("region",)
    inlines = (UnitInline,)
    create_fields = ("region", "name", "short_name", "uscc", "phone", "address", "sort_order", "is_active")
    update_fields = ("name", "short_name", "uscc", "phone", "address", "sort_order", "is_active")

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or permissions.can_manage_department(request.user, obj))

    def create(self, *, actor: Any, values: dict[str, Any]) -> models.Model:
        return services.department_create(actor=actor, **values)

    def update(self, *, actor: Any, obj: Any, changes: dict[str, Any]) -> models.Model:
        return services.department_update(actor=actor, department=obj, **changes)

    def save_formset(self, request: HttpRequest, form: ModelForm, formset: Any, change: bool) -> None:
        formset.save_through_services(request.user)


@admin.register(Unit)
class UnitAdmin(ServiceAdmin):
    list_display = ("name", "department", "sort_order")
    list_filter = ("department__region",)
    search_fields = ("name", "department__name")
    list_select_related = ("department",)
    autocomplete_fields = ("department",)
    create_fields = ("department", "name", "duties", "sort_order")
    update_fields = ("name", "duties", "sort_order")

    def has_add_permission(self, request: HttpRequest) -> bool:
        allowed = admin.ModelAdmin.has_add_permission(self, request)
        return allowed and has_role(request.user, Role.SYSTEM_ADMIN, Role.DEPARTMENT_ADMIN)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or permissions.can_manage_units(request.user, obj.department))

    def create(self, *, actor: Any, values: dict[str, Any]) -> models.Model:
        return services.unit_create(actor=actor, **values)

    def update(self, *, actor: Any, obj: Any, changes: dict[str, Any]) -> models.Model:
        return services.unit_update(actor=actor, unit=obj, **changes)


_WINDOW_FIELDS = ("number", "name", "kind", "department", "is_active")


class WindowFormSet(BaseInlineFormSet):
    """Windows edited under their hall are saved through the window services."""

    def save_through_services(self, actor: Any) -> None:
        self.save(commit=False)
        for window in self.new_objects:
            _adopt(window, services.window_create(actor=actor, hall=self.instance, **_values(window, _WINDOW_FIELDS)))
        for window, changed in self.changed_objects:
            services.window_update(actor=actor, window=window, **_values(window, [name for name in changed if name in _WINDOW_FIELDS]))


class WindowInline(admin.TabularInline):
    model = Window
    formset = WindowFormSet
    fields = _WINDOW_FIELDS
    autocomplete_fields = ("department",)
    extra = 0
    can_delete = False


@admin.register(ServiceHall)
class ServiceHallAdmin(ServiceAdmin):
    list_display = ("name", "kind", "region", "parent", "phone", "is_active")
    list_filter = ("kind", "is_active")
    search_fields = ("name", "address", "region__name")
    list_select_related = ("region", "parent")
    autocomplete_fields = ("parent",)
    inlines = (WindowInline,)
    create_fields = ("region", "parent", "name", "kind", "address", "hours", "phone", "is_active")
    update_fields = ("name", "address", "hours", "phone", "is_active")

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or permissions.can_manage_hall(request.user, obj))

    def create(self, *, actor: Any, values: dict[str, Any]) -> models.Model:
        return services.hall_create(actor=actor, **values)

    def update(self, *, actor: Any, obj: Any, changes: dict[str, Any]) -> models.Model:
        return services.hall_update(actor=actor, hall=obj, **changes)

    def save_formset(self, request: HttpRequest, form: ModelForm, formset: Any, change: bool) -> None:
        formset.save_through_services(request.user)


@admin.register(Window)
class WindowAdmin(ServiceAdmin):
    list_display = ("number", "name", "hall", "kind", "department", "is_active")
    list_filter = ("kind", "is_active", "hall__kind")
    search_fields = ("number", "name", "hall__name", "department__name")
    list_select_related = ("hall", "department")
    autocomplete_fields = ("hall", "department")
    create_fields = ("hall", "number", "name", "kind", "department", "is_active")
    update_fields = _WINDOW_FIELDS

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or permissions.can_manage_hall(request.user, obj.hall))

    def create(self, *, actor: Any, values: dict[str, Any]) -> models.Model:
        return services.window_create(actor=actor, **values)

    def update(self, *, actor: Any, obj: Any, changes: dict[str, Any]) -> models.Model:
        return services.window_update(actor=actor, window=obj, **changes)
