"""Reads of the public catalog (pages and API): the deployment's region, validated filters, item
lists, the guide with everything it shows, and the open-data documents of each list.

Everything here is public: only published current rows (`VersionedRow.current_q()`) are read,
and every read costs a fixed number of queries, whatever the number of items.

The region: a deployment serves one county (or city). Pages and API show the lists of the top
region that has published catalog versions (`public_region()`); the API's `region` parameter
names another by code. On a fresh install with nothing published there is no region and the
lists are simply empty.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, F, Prefetch, Q, QuerySet, prefetch_related_objects
from django.utils.translation import gettext as _

from onewindow.catalog.choices import Audience, ListKind, PowerCategory
from onewindow.catalog.documents.registry import ListSpec, spec_for
from onewindow.catalog.models import (
    CatalogVersion,
    IntermediaryService,
    MaterialRequirement,
    PowerItemVersion,
    ServiceItemVersion,
    Situation,
    Stage,
    Theme,
    VersionedRow,
)
from onewindow.catalog.selectors import current_items
from onewindow.common.codes import parse_id
from onewindow.common.errors import InvalidInput, NotFound
from onewindow.orgs.choices import PREFIX_LENGTH, RegionLevel
from onewindow.orgs.models import Department, Region

PUBLIC = AnonymousUser()
AUDIENCES = (Audience.PERSON, Audience.ENTERPRISE)  # what a visitor filters by; items for both count for each

# A list row needs its department; the API's list also carries situations and materials.
MATERIALS = Prefetch("materials", queryset=MaterialRequirement.objects.select_related("license_type", "situation"))
LIST_PREFETCH = ("situations", MATERIALS)
GUIDE_PREFETCH = (
    "themes",
    "situations",
    "fees",
    MATERIALS,
    Prefetch("intermediaries", queryset=IntermediaryService.objects.select_related("current")),
    Prefetch("stages", queryset=Stage.objects.select_related("unit").prefetch_related("countersign_units")),
)
# The reverse one-to-one brings the catalog version the row was published in, in the same query.
GUIDE_SELECT = ("service_item__department__region", "power_item", "unit", "result_license_type", "change_request__published_version")


def public_region(code: str | None = None) -> Region | None:
    """The region whose lists are shown: the one of `code`, or else the top region that published."""
    if code:
        region = Region.objects.filter(code=code).first()
        if region is None:
            raise InvalidInput(_("行政区划代码“%(c)s”不存在。") % {"c": code}, code="unknown_region")
        return region
    published = Region.objects.filter(pk__in=CatalogVersion.objects.values("region_id"))
    return min(published, key=_rank, default=None)


def published_region(code: str | None = None) -> Region:
    """`public_region`, or NotFound `catalog_not_published` when nothing has been published yet."""
    region = public_region(code)
    if region is None:
        raise NotFound(_("尚未发布清单。"), code="catalog_not_published")
    return region


def _rank(region: Region) -> tuple[int, str]:
    return PREFIX_LENGTH[RegionLevel(region.level)], region.code


def _in_region(region: Region | None, field: str = "service_item__department__region__code") -> Q:
    return Q(**{f"{field}__startswith": region.prefix}) if region is not None else Q()


@dataclass(frozen=True)
class ItemFilters:
    """What a visitor narrowed the items to, each checked to exist."""

    region: Region | None = None
    department: Department | None = None
    category: str = ""
    theme: Theme | None = None
    audience: str = ""

    def apply(self, rows: QuerySet[ServiceItemVersion]) -> QuerySet[ServiceItemVersion]:
        rows = rows.filter(_in_region(self.region))
        if self.department is not None:
            rows = rows.filter(service_item__department=self.department)
        if self.category:
            rows = rows.filter(category=self.category)
        if self.theme is not None:
            rows = rows.filter(themes=self.theme)
        if self.audience:
            rows = rows.filter(audience__in=(self.audience, Audience.BOTH))
        return rows


def item_filters(
    *, region: Region | None, department: str | int | None = None, category: str = "", theme: str = "", audience: str = ""
) -> ItemFilters:
    """Check the filters a visitor sent (InvalidInput with a code naming the unknown one)."""
    return ItemFilters(
        region=region,
        department=find_department(region, department) if department not in (None, "") else None,
        category=check_category(category),
        theme=find_theme(theme) if theme else None,
        audience=_check_audience(audience),
    )


def find_department(region: Region | None, value: str | int) -> Department:
    """An active department by id, or by name within the region."""
    rows = Department.objects.visible_to(PUBLIC).filter(_in_region(region, "region__code")).select_related("region")
    text = str(value).strip()
    pk = parse_id(text)
    department = rows.filter(pk=pk).first() if pk is not None else rows.filter(name=text).first()
    if department is None:
        raise InvalidInput(_("部门“%(d)s”不存在。") % {"d": text}, code="unknown_department")
    return department


def check_category(value: str | None) -> str:
    if value and value not in PowerCategory.values:
        raise InvalidInput(
            _("事项类型“%(c)s”无效,应为:%(v)s。") % {"c": value, "v": "、".join(PowerCategory.values)}, code="unknown_category"
        )
    return value or ""


def find_theme(code: str) -> Theme:
    theme = Theme.objects.filter(code=code).first()
    if theme is None:
        raise InvalidInput(_("主题“%(c)s”不存在。") % {"c": code}, code="unknown_theme")
    return theme


def _check_audience(value: str | None) -> str:
    if value and value not in AUDIENCES:
        raise InvalidInput(_("服务对象应为 person(个人)或 enterprise(法人)。"), code="unknown_audience")
    return value or ""


def browse_items(filters: ItemFilters, *, first_by: tuple[str, ...] = ()) -> QuerySet[ServiceItemVersion]:
    """The current items within the filters, each with its department, by `first_by` and then name."""
    rows = filters.apply(current_items()).select_related("service_item__department")
    return rows.annotate(item_code=F("service_item__implementation_code")).order_by(*first_by, "name", "item_code", "id")


def prefetch_for_list(versions: list[ServiceItemVersion]) -> None:
    """Load the situations and materials of found versions (two queries for all of them)."""
    prefetch_related_objects(versions, *LIST_PREFETCH)


def departments_with_counts(region: Region | None, *, only_with_items: bool = False) -> QuerySet[Department]:
    """Active departments of the region, each with `item_count` (its current service items): one query."""
    current = Q(service_items__current__isnull=False)
    rows = (
        Department.objects.visible_to(PUBLIC)
        .filter(_in_region(region, "region__code"))
        .select_related("region")
        .annotate(item_count=Count("service_items", filter=current))
    )
    if only_with_items:
        rows = rows.filter(item_count__gt=0)
    return rows.order_by("region__code", "sort_order", "id")


def themes_with_counts(region: Region | None) -> QuerySet[Theme]:
    """Every theme with `item_count` (current items of the region under it): one query."""
    current = Q(
        item_versions__state="published",
        item_versions__valid_to__isnull=True,
        item_versions__is_cancellation=False,
    ) & _in_region(region, "item_versions__service_item__department__region__code")
    return Theme.objects.annotate(item_count=Count("item_versions", filter=current)).order_by("sort", "id")


def guide(*, code: str) -> ServiceItemVersion:
    """The current guide of an item by implementation code, with everything its page shows (8 queries)."""
    row = (
        current_items()
        .filter(service_item__implementation_code=code)
        .select_related(*GUIDE_SELECT)
        .prefetch_related(*GUIDE_PREFETCH)
        .first()
    )
    if row is None:
        raise NotFound(_("事项不存在或已取消。"), code="item_not_found")
    return row


def published_in(version: VersionedRow) -> CatalogVersion | None:
    """The catalog version a published row came with (loaded with `GUIDE_SELECT`)."""
    try:
        return version.change_request.published_version
    except CatalogVersion.DoesNotExist:
        return None


@dataclass(frozen=True)
class SituationMaterials:
    """A handling situation and the materials it needs: the common ones and its own."""

    situation: Situation
    materials: list[MaterialRequirement]


def situation_materials(version: ServiceItemVersion) -> list[SituationMaterials]:
    materials = list(version.materials.all())
    common = [m for m in materials if m.situation_id is None]
    return [
        SituationMaterials(situation, common + [m for m in materials if m.situation_id == situation.pk])
        for situation in version.situations.all()
    ]


def current_powers(filters: ItemFilters) -> QuerySet[PowerItemVersion]:
    """The current power items within the department and category filters, with their bases."""
    rows = PowerItemVersion.objects.filter(VersionedRow.current_q(), _in_region(filters.region, "power_item__department__region__code"))
    if filters.department is not None:
        rows = rows.filter(power_item__department=filters.department)
    if filters.category:
        rows = rows.filter(category=filters.category)
    return (
        rows.select_related("power_item__department")
        .prefetch_related("legal_bases", "responsibilities", "accountability_rules")
        .annotate(power_code=F("power_item__code"))
    )


# ---- open data --------------------------------------------------------------------------------


@dataclass(frozen=True)
class OpenList:
    """One published list as offered for download."""

    kind: str
    label: str
    count: int


def latest_version(region: Region | None) -> CatalogVersion | None:
    if region is None:
        return None
    return CatalogVersion.objects.filter(region=region).order_by("-number").first()


def open_lists(region: Region | None) -> list[OpenList]:
    """Each list with the number of its current entries (one query per list)."""
    return [OpenList(kind.value, str(kind.label), _current_rows(spec_for(kind), region).count()) for kind in ListKind]


def list_documents(region: Region | None, list_kind: str) -> list[dict[str, Any]]:
    """The current entries of a list as documents (see docs/catalog-documents.md), by code."""
    spec = spec_for(list_kind)
    key = "implementation_code" if spec.kind == ListKind.SERVICE else "code"
    rows = _current_rows(spec, region).select_related(*spec.select).prefetch_related(*spec.prefetch)
    return [spec.read(row) for row in rows.order_by(f"{spec.identity_field}__{key}", "id")]


def _current_rows(spec: ListSpec, region: Region | None) -> QuerySet:
    owner = "region" if spec.kind in (ListKind.INTERMEDIARY, ListKind.DUTY_BOUNDARY) else "department__region"
    return spec.version._default_manager.filter(VersionedRow.current_q(), _in_region(region, f"{spec.identity_field}__{owner}__code"))


def list_workbook(region: Region, list_kind: str) -> tuple[str, bytes]:
    """The current list as the Excel workbook counties publish: its file name and content."""
    from onewindow.catalog.excel import export_workbook, workbook_title

    latest = latest_version(region)
    title = workbook_title(region, list_kind, latest.number if latest else 0)
    return f"{title}.xlsx", export_workbook(region=region, list_kind=list_kind)
