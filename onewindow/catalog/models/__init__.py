"""The published lists (放): versions and change requests, powers, service items, other lists."""

from onewindow.catalog.models.lists import (
    DutyBoundary,
    DutyBoundaryVersion,
    DutyShare,
    FeeEntry,
    FeeEntryVersion,
    IntermediaryService,
    IntermediaryServiceVersion,
)
from onewindow.catalog.models.powers import AccountabilityRule, LegalBasis, PowerItem, PowerItemVersion, Responsibility
from onewindow.catalog.models.service_items import (
    ItemFee,
    MaterialRequirement,
    ServiceItem,
    ServiceItemVersion,
    Situation,
    Stage,
    Synonym,
    Theme,
)
from onewindow.catalog.models.versions import CatalogVersion, ChangeRequest, VersionedRow

__all__ = [
    "AccountabilityRule",
    "CatalogVersion",
    "ChangeRequest",
    "DutyBoundary",
    "DutyBoundaryVersion",
    "DutyShare",
    "FeeEntry",
    "FeeEntryVersion",
    "IntermediaryService",
    "IntermediaryServiceVersion",
    "ItemFee",
    "LegalBasis",
    "MaterialRequirement",
    "PowerItem",
    "PowerItemVersion",
    "Responsibility",
    "ServiceItem",
    "ServiceItemVersion",
    "Situation",
    "Stage",
    "Synonym",
    "Theme",
    "VersionedRow",
]
