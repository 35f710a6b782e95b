"""Writes to the organization structure: regions, departments, units, service halls, windows.

Each service checks who may write (`permissions.py`), validates through the model's
`full_clean()` (its errors become `InvalidInput` with the Chinese messages and a per-field
`details` dict), saves, and records the audit event in the same transaction. Update services
take only the fields to change (`None` = keep) and write nothing, not even an audit event, when
nothing changes. `actor` is the acting user; None is the system itself (management commands such
as `load_demo`).
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _

from onewindow.audit.services import audit_record, audit_snapshot
from onewindow.common import time
from onewindow.common.errors import Conflict, Forbidden, InvalidInput
from onewindow.orgs import permissions
from onewindow.orgs.choices import HallKind, RegionLevel, WindowKind
from onewindow.orgs.models import Department, Region, ServiceHall, Unit, Window

M = TypeVar("M", bound=models.Model)

# In `changes`, None keeps a field; CLEAR sets a nullable field to None.
CLEAR = object()


def _validate(obj: models.Model, noun: str) -> None:
    try:
        obj.full_clean()
    except ValidationError as error:
        raise InvalidInput("".join(error.messages), code=f"{noun}_invalid", details=error.message_dict) from None


def _save(obj: models.Model, noun: str) -> None:
    """Save; a unique or check constraint hit by a concurrent writer becomes a Conflict."""
    try:
        with transaction.atomic():
            obj.save()
    except IntegrityError:
        raise Conflict(_("保存失败:与现有记录重复或已被他人修改,请刷新后重试。"), code=f"{noun}_conflict") from None


def _create(obj: M, *, actor: Any, noun: str) -> M:
    _validate(obj, noun)
    _save(obj, noun)
    audit_record(actor=actor, action=f"orgs.{noun}.create", obj=obj, after=audit_snapshot(obj))
    return obj


def _update(obj: M, *, actor: Any, noun: str, changes: dict[str, Any]) -> M:
    """Apply the non-None `changes` (CLEAR empties a field); save and audit only what actually changed."""
    before = audit_snapshot(obj)
    for name, value in changes.items():
        if value is not None:
            setattr(obj, name, None if value is CLEAR else value)
    _validate(obj, noun)
    after = audit_snapshot(obj)
    changed = sorted(name for name in after if after[name] != before[name])
    if not changed:
        return obj
    obj.updated_at = time.now()  # type: ignore[attr-defined]
    _save(obj, noun)
    audit_record(
        actor=actor,
        action=f"orgs.{noun}.update",
        obj=obj,
        before={name: before[name] for name in changed},
        after={name: after[name] for name in changed},
    )
    return obj


def _locked(model: type[M], pk: Any) -> M:
    """A fresh copy of the row, locked for the rest of the transaction (the caller's may be stale)."""
    return model._default_manager.select_for_update(of=("self",)).get(pk=pk)


# Regions -------------------------------------------------------------------------------------


@transaction.atomic
def region_create(*, actor: Any, code: str, name: str, level: RegionLevel | str, parent: Region | None = None) -> Region:
    """Add a region below `parent` (a system admin over the parent; top-level regions: superusers)."""
    if not permissions.can_add_region(actor, parent):
        raise Forbidden(_("只有上级区划的系统管理员可以新增行政区划。"))
    return _create(Region(code=code.strip(), name=name.strip(), level=level, parent=parent), actor=actor, noun="region")


@transaction.atomic
def region_update(*, actor: Any, region: Region, name: str | None = None) -> Region:
    """Rename a region. Code, level and parent identify it (descendants' codes depend on them) and do not change."""
    region = _locked(Region, region.pk)
    if not permissions.can_add_region(actor, region.parent):
        raise Forbidden(_("只有上级区划的系统管理员可以修改行政区划。"))
    return _update(region, actor=actor, noun="region", changes={"name": name.strip() if name is not None else None})


# Departments and units -------------------------------------------------------------------------


@transaction.atomic
def department_create(
    *,
    actor: Any,
    region: Region,
    name: str,
    uscc: str,
    short_name: str = "",
    phone: str = "",
    address: str = "",
    sort_order: int = 100,
    is_active: bool = True,
) -> Department:
    """Add a department to `region` (system admin over the region); the USCC is validated and normalised."""
    if not permissions.can_manage_region(actor, region):
        raise Forbidden(_("只有本区划的系统管理员可以维护部门信息。"))
    department = Department(
        region=region,
        name=name.strip(),
        uscc=uscc.strip(),
        short_name=short_name,
        phone=phone,
        address=address,
        sort_order=sort_order,
        is_active=is_active,
    )
    return _create(department, actor=actor, noun="department")


@transaction.atomic
def department_update(
    *,
    actor: Any,
    department: Department,
    name: str | None = None,
    uscc: str | None = None,
    short_name: str | None = None,
    phone: str | None = None,
    address: str | None = None,
    sort_order: int | None = None,
    is_active: bool | None = None,
) -> Department:
    """Change a department's particulars (system admin over its region); `is_active=False` retires it."""
    department = _locked(Department, department.pk)
    if not permissions.can_manage_department(actor, department):
        raise Forbidden(_("只有本区划的系统管理员可以维护部门信息。"))
    changes = {
        "name": name.strip() if name is not None else None,
        "uscc": uscc.strip() if uscc is not None else None,
        "short_name": short_name,
        "phone": phone,
        "address": address,
        "sort_order": sort_order,
        "is_active": is_active,
    }
    return _update(department, actor=actor, noun="department", changes=changes)


@transaction.atomic
def unit_create(*, actor: Any, department: Department, name: str, duties: str = "", sort_order: int = 100) -> Unit:
    """Add an internal unit (内设机构) to a department (its department admin, or a system admin over its region)."""
    if not permissions.can_manage_units(actor, department):
        raise Forbidden(_("只有本部门的部门管理员或本区划的系统管理员可以维护内设机构。"))
    return _create(Unit(department=department, name=name.strip(), duties=duties, sort_order=sort_order), actor=actor, noun="unit")


@transaction.atomic
def unit_update(*, actor: Any, unit: Unit, name: str | None = None, duties: str | None = None, sort_order: int | None = None) -> Unit:
    """Change a unit's name, duties or position (same people as `unit_create`)."""
    unit = _locked(Unit, unit.pk)
    if not permissions.can_manage_units(actor, unit.department):
        raise Forbidden(_("只有本部门的部门管理员或本区划的系统管理员可以维护内设机构。"))
    changes = {"name": name.strip() if name is not None else None, "duties": duties, "sort_order": sort_order}
    return _update(unit, actor=actor, noun="unit", changes=changes)


# Service halls and windows -----------------------------------------------------------------------


@transaction.atomic
def hall_create(
    *,
    actor: Any,
    region: Region,
    name: str,
    kind: HallKind | str,
    address: str,
    hours: str,
    parent: ServiceHall | None = None,
    phone: str = "",
    is_active: bool = True,
) -> ServiceHall:
    """Open a service hall in `region` (system admin over the region)."""
    if not permissions.can_manage_region(actor, region):
        raise Forbidden(_("只有本区划的系统管理员可以维护服务大厅和窗口。"))
    hall = ServiceHall(
        region=region,
        name=name.strip(),
        kind=kind,
        address=address,
        hours=hours,
        parent=parent,
        phone=phone,
        is_active=is_active,
    )
    return _create(hall, actor=actor, noun="hall")


@transaction.atomic
def hall_update(
    *,
    actor: Any,
    hall: ServiceHall,
    name: str | None = None,
    address: str | None = None,
    hours: str | None = None,
    phone: str | None = None,
    is_active: bool | None = None,
) -> ServiceHall:
    """Change a hall's particulars (system admin over its region). Region, kind and parent place it and do not change."""
    hall = _locked(ServiceHall, hall.pk)
    if not permissions.can_manage_hall(actor, hall):
        raise Forbidden(_("只有本区划的系统管理员可以维护服务大厅和窗口。"))
    changes = {
        "name": name.strip() if name is not None else None,
        "address": address,
        "hours": hours,
        "phone": phone,
        "is_active": is_active,
    }
    return _update(hall, actor=actor, noun="hall", changes=changes)


@transaction.atomic
def window_create(
    *,
    actor: Any,
    hall: ServiceHall,
    number: str,
    name: str,
    kind: WindowKind | str,
    department: Department | None = None,
    is_active: bool = True,
) -> Window:
    """Open a window in a hall (system admin over the hall's region); a departmental window names its department."""
    if not permissions.can_manage_hall(actor, hall):
        raise Forbidden(_("只有本区划的系统管理员可以维护服务大厅和窗口。"))
    window = Window(hall=hall, number=number.strip(), name=name.strip(), kind=kind, department=department, is_active=is_active)
    return _create(window, actor=actor, noun="window")


@transaction.atomic
def window_update(
    *,
    actor: Any,
    window: Window,
    number: str | None = None,
    name: str | None = None,
    kind: WindowKind | str | None = None,
    department: Department | None = None,
    is_active: bool | None = None,
) -> Window:
    """Change a window (system admin over its hall's region). Turning it into a comprehensive or
    delivery window without naming a department drops its department."""
    window = _locked(Window, window.pk)
    if not permissions.can_manage_hall(actor, window.hall):
        raise Forbidden(_("只有本区划的系统管理员可以维护服务大厅和窗口。"))
    if department is None and kind is not None and kind != WindowKind.DEPARTMENTAL:
        department_change: Any = CLEAR
    else:
        department_change = department
    changes = {
        "number": number.strip() if number is not None else None,
        "name": name.strip() if name is not None else None,
        "kind": kind,
        "department": department_change,
        "is_active": is_active,
    }
    return _update(window, actor=actor, noun="window", changes=changes)
