"""One description per list of how its documents map to identity and version rows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import models

from onewindow.catalog.choices import ListKind
from onewindow.catalog.documents import lists, power, service_item
from onewindow.catalog.documents.base import References
from onewindow.catalog.models import (
    DutyBoundary,
    DutyBoundaryVersion,
    FeeEntry,
    FeeEntryVersion,
    IntermediaryService,
    IntermediaryServiceVersion,
    PowerItem,
    PowerItemVersion,
    ServiceItem,
    ServiceItemVersion,
)
from onewindow.orgs.models import Region


@dataclass(frozen=True)
class ListSpec:
    """How one list's documents become rows: identity lookup/creation, validation, writing, reading."""

    kind: ListKind
    identity: Any  # the identity model class (ServiceItem, PowerItem …)
    version: Any  # the version model class (ServiceItemVersion …)
    identity_field: str  # the version row's FK to its identity
    validate: Callable[[Any, References], Any]
    write: Callable[..., Any]
    read: Callable[[Any], dict[str, Any]]
    select: tuple[str, ...]
    prefetch: tuple[str, ...]

    def key(self, resolved: Any) -> str:
        if self.kind == ListKind.SERVICE:
            return resolved.implementation_code
        return resolved.code

    def department(self, resolved: Any) -> Any:
        """The department owning the entry (None for region-wide lists kept by list managers)."""
        if self.kind in (ListKind.SERVICE, ListKind.POWER, ListKind.FEE):
            return resolved.department
        return None

    def identities(self, region: Region) -> models.QuerySet:
        if self.kind in (ListKind.INTERMEDIARY, ListKind.DUTY_BOUNDARY):
            return self.identity.objects.filter(region=region)
        return self.identity.objects.filter(department__region__code__startswith=region.prefix)

    def find(self, region: Region, code: str, department: Any = None) -> Any:
        rows = self.identities(region)
        if self.kind == ListKind.SERVICE:
            return rows.filter(implementation_code=code).first()
        if department is not None and self.kind in (ListKind.POWER, ListKind.FEE):
            rows = rows.filter(department=department)
        return rows.filter(code=code).first()

    def create_identity(self, region: Region, resolved: Any) -> Any:
        if self.kind == ListKind.SERVICE:
            return ServiceItem.objects.create(
                department=resolved.department,
                basic_code=resolved.basic_code,
                implementation_code=resolved.implementation_code,
            )
        if self.kind in (ListKind.POWER, ListKind.FEE):
            return self.identity.objects.create(department=resolved.department, code=resolved.code)
        return self.identity.objects.create(region=region, code=resolved.code)


SPECS: dict[str, ListSpec] = {
    ListKind.SERVICE: ListSpec(
        ListKind.SERVICE,
        ServiceItem,
        ServiceItemVersion,
        "service_item",
        service_item.validate_item,
        service_item.write_item_version,
        service_item.item_document,
        service_item.ITEM_SELECT,
        service_item.ITEM_PREFETCH,
    ),
    ListKind.POWER: ListSpec(
        ListKind.POWER,
        PowerItem,
        PowerItemVersion,
        "power_item",
        power.validate_power,
        power.write_power_version,
        power.power_document,
        power.POWER_SELECT,
        power.POWER_PREFETCH,
    ),
    ListKind.FEE: ListSpec(
        ListKind.FEE,
        FeeEntry,
        FeeEntryVersion,
        "entry",
        lists.validate_fee,
        lists.write_fee_version,
        lists.fee_document,
        ("entry__department",),
        (),
    ),
    ListKind.INTERMEDIARY: ListSpec(
        ListKind.INTERMEDIARY,
        IntermediaryService,
        IntermediaryServiceVersion,
        "service",
        lists.validate_intermediary,
        lists.write_intermediary_version,
        lists.intermediary_document,
        ("service", "department"),
        (),
    ),
    ListKind.DUTY_BOUNDARY: ListSpec(
        ListKind.DUTY_BOUNDARY,
        DutyBoundary,
        DutyBoundaryVersion,
        "boundary",
        lists.validate_duty_boundary,
        lists.write_duty_boundary_version,
        lists.duty_boundary_document,
        ("boundary", "lead_department"),
        ("shares__department",),
    ),
}


def spec_for(list_kind: str) -> ListSpec:
    return SPECS[ListKind(list_kind)]
