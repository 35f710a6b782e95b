"""Documents of the smaller lists: fee catalog, intermediary services, duty boundaries."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from onewindow.catalog.choices import FeeCategory
from onewindow.catalog.documents.base import Problems, Reader, References, check_code
from onewindow.catalog.models import (
    DutyBoundaryVersion,
    DutyShare,
    FeeEntryVersion,
    IntermediaryServiceVersion,
)
from onewindow.orgs.models import Department


@dataclass
class ResolvedEntry:
    """A valid small-list document: its code, owning department (fees) and version values."""

    code: str
    department: Department | None
    values: dict[str, Any]
    shares: list[dict[str, Any]]


def validate_fee(doc: Any, refs: References) -> ResolvedEntry:
    problems = Problems()
    r = Reader(doc, problems)
    resolved = ResolvedEntry(
        code=check_code(r, "code", label=_("编码")),
        department=refs.department(r, "department"),
        values={
            "name": r.text("name", max_length=200),
            "category": r.choice("category", FeeCategory),
            "standard": r.text("standard", max_length=300),
            "basis": r.text("basis"),
            "reducible": r.boolean("reducible"),
            "remarks": r.text("remarks", required=False),
        },
        shares=[],
    )
    problems.raise_if_any()
    return resolved


def validate_intermediary(doc: Any, refs: References) -> ResolvedEntry:
    problems = Problems()
    r = Reader(doc, problems)
    department = refs.department(r, "department")
    resolved = ResolvedEntry(
        code=check_code(r, "code", label=_("编码")),
        department=None,
        values={
            "name": r.text("name", max_length=200),
            "department": department,
            "basis": r.text("basis"),
            "qualification": r.text("qualification", required=False, max_length=300),
            "fee_basis": r.text("fee_basis", required=False, max_length=300),
            "time_limit": r.text("time_limit", required=False, max_length=100),
        },
        shares=[],
    )
    problems.raise_if_any()
    return resolved


def validate_duty_boundary(doc: Any, refs: References) -> ResolvedEntry:
    problems = Problems()
    r = Reader(doc, problems)
    lead = refs.department(r, "lead_department")
    shares = []
    for index, raw in enumerate(r.rows("shares")):
        s = Reader(raw, problems, f"shares[{index}]")
        department = refs.department(s, "department")
        if lead is not None and department == lead:
            problems.add(s.path("department"), _("配合部门不能与牵头部门相同。"))
        shares.append({"department": department, "duty": s.text("duty")})
    if not shares:
        problems.add("shares", _("职责边界事项应至少有一个配合部门。"))
    resolved = ResolvedEntry(
        code=check_code(r, "code", label=_("编码")),
        department=None,
        values={
            "matter": r.text("matter", max_length=200),
            "lead_department": lead,
            "lead_duty": r.text("lead_duty"),
            "basis": r.text("basis"),
        },
        shares=shares,
    )
    problems.raise_if_any()
    return resolved


def write_fee_version(resolved: ResolvedEntry, *, entry: Any, change_request: Any) -> FeeEntryVersion:
    return FeeEntryVersion.objects.create(entry=entry, change_request=change_request, **resolved.values)


def write_intermediary_version(resolved: ResolvedEntry, *, entry: Any, change_request: Any) -> IntermediaryServiceVersion:
    return IntermediaryServiceVersion.objects.create(service=entry, change_request=change_request, **resolved.values)


def write_duty_boundary_version(resolved: ResolvedEntry, *, entry: Any, change_request: Any) -> DutyBoundaryVersion:
    version = DutyBoundaryVersion.objects.create(boundary=entry, change_request=change_request, **resolved.values)
    DutyShare.objects.bulk_create(DutyShare(version=version, sort=i, **share) for i, share in enumerate(resolved.shares))
    return version


def fee_document(version: FeeEntryVersion) -> dict[str, Any]:
    return {
        "department": version.entry.department.name,
        "code": version.entry.code,
        "name": version.name,
        "category": version.category,
        "standard": version.standard,
        "basis": version.basis,
        "reducible": version.reducible,
        "remarks": version.remarks,
    }


def intermediary_document(version: IntermediaryServiceVersion) -> dict[str, Any]:
    return {
        "code": version.service.code,
        "name": version.name,
        "department": version.department.name,
        "basis": version.basis,
        "qualification": version.qualification,
        "fee_basis": version.fee_basis,
        "time_limit": version.time_limit,
    }


def duty_boundary_document(version: DutyBoundaryVersion) -> dict[str, Any]:
    return {
        "code": version.boundary.code,
        "matter": version.matter,
        "lead_department": version.lead_department.name,
        "lead_duty": version.lead_duty,
        "basis": version.basis,
        "shares": [{"department": s.department.name, "duty": s.duty} for s in version.shares.all()],
    }
