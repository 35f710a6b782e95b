"""Reads of the lists: the current (public) entries, versions, change requests and diffs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from onewindow.accounts.access import access_of, jurisdiction_q
from onewindow.accounts.choices import Role
from onewindow.catalog.choices import ListKind
from onewindow.catalog.documents.diff import FieldChange, diff_documents
from onewindow.catalog.documents.registry import SPECS, ListSpec, spec_for
from onewindow.catalog.documents.service_item import ITEM_PREFETCH, ITEM_SELECT
from onewindow.catalog.models import CatalogVersion, ChangeRequest, ServiceItemVersion, VersionedRow
from onewindow.common.errors import NotFound
from onewindow.orgs.models import Region


def current_items(*, region: Region | None = None) -> QuerySet[ServiceItemVersion]:
    """The current version rows of the published service items (public)."""
    rows = ServiceItemVersion.objects.filter(VersionedRow.current_q())
    if region is not None:
        rows = rows.filter(service_item__department__region__code__startswith=region.prefix)
    return rows


def item_guide(*, code: str) -> ServiceItemVersion:
    """The current guide of an item by implementation code, with everything a guide page shows."""
    row = (
        current_items()
        .filter(service_item__implementation_code=code)
        .select_related(*ITEM_SELECT, "service_item__department__region")
        .prefetch_related(*ITEM_PREFETCH, "materials__situation", "stages__countersign_units")
        .first()
    )
    if row is None:
        raise NotFound(_("事项不存在或已取消。"), code="item_not_found")
    return row


def item_version(*, version_id: int) -> ServiceItemVersion:
    """Any published version row (cases pin one); drafts are not public."""
    row = (
        ServiceItemVersion.objects.filter(pk=version_id, state="published")
        .select_related(*ITEM_SELECT)
        .prefetch_related(*ITEM_PREFETCH)
        .first()
    )
    if row is None:
        raise NotFound(_("事项版本不存在。"), code="item_version_not_found")
    return row


def catalog_versions(*, region: Region) -> QuerySet[CatalogVersion]:
    return CatalogVersion.objects.filter(region=region).select_related("change_request", "published_by").order_by("-number")


def change_requests_visible_to(user: Any) -> QuerySet[ChangeRequest]:
    """List managers see their regions' requests; department admins their department's."""
    access = access_of(user)
    if not access.is_staff_member:
        return ChangeRequest.objects.none()
    region_q = Q()
    prefixes = access.region_prefixes.get(Role.LIST_MANAGER, ())
    if access.is_superuser:
        return ChangeRequest.objects.all()
    condition = jurisdiction_q(user, [Role.DEPARTMENT_ADMIN])
    for prefix in prefixes:
        region_q |= Q(region__code__startswith=prefix)
    return ChangeRequest.objects.filter(condition | region_q) if prefixes else ChangeRequest.objects.filter(condition)


def change_request_get(*, user: Any, pk: int) -> ChangeRequest:
    row = change_requests_visible_to(user).select_related("region", "department", "drafted_by", "reviewed_by").filter(pk=pk).first()
    if row is None:
        raise NotFound(_("变更申请不存在或无权查看。"), code="change_request_not_found")
    return row


@dataclass(frozen=True)
class EntryDiff:
    """One entry's change between two states of a list."""

    list_kind: str
    key: str
    name: str
    status: str  # added | removed | changed
    changes: list[FieldChange]
    old: dict[str, Any] | None
    new: dict[str, Any] | None


def _documents(spec: ListSpec, rows: QuerySet) -> dict[int, dict[str, Any]]:
    rows = rows.select_related(*spec.select).prefetch_related(*spec.prefetch)
    return {getattr(row, f"{spec.identity_field}_id"): spec.read(row) for row in rows}


def _entry_name(doc: dict[str, Any]) -> str:
    return str(doc.get("name") or doc.get("matter") or "")


def _entry_key(doc: dict[str, Any]) -> str:
    return str(doc.get("implementation_code") or doc.get("code") or "")


def _compare(spec: ListSpec, old: dict[int, dict[str, Any]], new: dict[int, dict[str, Any]]) -> list[EntryDiff]:
    out = []
    for identity_id in sorted(set(old) | set(new)):
        before, after = old.get(identity_id), new.get(identity_id)
        changes = diff_documents(before, after)
        if not changes:
            continue
        status = "added" if before is None else "removed" if after is None else "changed"
        doc = after or before or {}
        out.append(EntryDiff(spec.kind, _entry_key(doc), _entry_name(doc), status, changes, before, after))
    return out


def version_diff(*, region: Region, old_number: int, new_number: int, list_kind: str | None = None) -> list[EntryDiff]:
    """What changed in the region's lists from version `old_number` to `new_number` (public)."""
    specs = [spec_for(list_kind)] if list_kind else list(SPECS.values())
    touched = _touched_identities(region, old_number, new_number)
    out: list[EntryDiff] = []
    for spec in specs:
        ids = touched.get(spec.kind, set())
        if not ids:
            continue
        rows = spec.version.objects.filter(**{f"{spec.identity_field}_id__in": ids})
        out += _compare(
            spec,
            _documents(spec, rows.filter(VersionedRow.as_of(old_number))),
            _documents(spec, rows.filter(VersionedRow.as_of(new_number))),
        )
    return out


def _touched_identities(region: Region, low: int, high: int) -> dict[str, set[int]]:
    """Entries whose rows start or end between the two versions: only they can differ."""
    low, high = min(low, high), max(low, high)
    touched: dict[str, set[int]] = {}
    for spec in SPECS.values():
        field = f"{spec.identity_field}_id"
        rows = spec.version.objects.filter(state="published").filter(
            Q(valid_from__gt=low, valid_from__lte=high) | Q(valid_to__gt=low, valid_to__lte=high)
        )
        rows = rows.filter(**_region_filter(spec, region))
        touched[spec.kind] = set(rows.values_list(field, flat=True))
    return touched


def _region_filter(spec: ListSpec, region: Region) -> dict[str, str]:
    if spec.kind in (ListKind.INTERMEDIARY, ListKind.DUTY_BOUNDARY):
        return {f"{spec.identity_field}__region__code__startswith": region.prefix}
    return {f"{spec.identity_field}__department__region__code__startswith": region.prefix}


def change_request_diff(*, change_request: ChangeRequest) -> list[EntryDiff]:
    """Each drafted entry of a request against the entry's current published row."""
    spec = spec_for(change_request.list_kind)
    drafts = spec.version.objects.filter(change_request=change_request, state="draft")
    new: dict[int, dict[str, Any]] = {}
    cancelled: set[int] = set()
    for row in drafts.select_related(*spec.select).prefetch_related(*spec.prefetch):
        identity_id = getattr(row, f"{spec.identity_field}_id")
        if row.is_cancellation:
            cancelled.add(identity_id)
        else:
            new[identity_id] = spec.read(row)
    identity_ids = set(new) | cancelled
    old = _documents(spec, spec.version.objects.filter(VersionedRow.current_q(), **{f"{spec.identity_field}_id__in": identity_ids}))
    return _compare(spec, old, new)
