"""Public read API of the published lists (no login): items and their guides, powers, departments.

Every endpoint shows the current version of the lists of one region: the deployment's (the top
region that has published, see `onewindow.catalog.public`), or the one named by `region` (a
code). Writes to the lists go through change requests, not through this API.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

from django.conf import settings
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.http import content_disposition_header
from ninja import Field, Query, Router, Schema

from onewindow.accounts.choices import Role
from onewindow.catalog import public
from onewindow.catalog.choices import ListKind
from onewindow.catalog.excel import XLSX_CONTENT_TYPE
from onewindow.catalog.models import MaterialRequirement, PowerItemVersion, ServiceItemVersion, Stage
from onewindow.catalog.search import search_items
from onewindow.catalog.selectors import current_items
from onewindow.common.api import ErrorOut
from onewindow.common.pagination import paginate
from onewindow.orgs.models import Department

router = Router(tags=["catalog"])

MAX_SEARCH_LIMIT = 50


def absolute(path: str) -> str:
    """A URL on the public site (`SITE_URL`), as links in the data must work from anywhere."""
    return urljoin(settings.SITE_URL.rstrip("/") + "/", path.lstrip("/"))


# ---- output schemas -----------------------------------------------------------------------------


class DepartmentRef(Schema):
    id: int
    name: str


class SituationOut(Schema):
    code: str
    name: str
    description: str


class GuideMaterialOut(Schema):
    """A material; `situation` is the code of the situation it belongs to, empty when common to all."""

    code: str
    name: str
    situation: str
    form: str
    form_label: str
    copies: int
    necessity: str
    necessity_label: str
    source: str
    source_label: str
    license_type: str
    license_type_name: str
    shared_license: bool = Field(description="政府部门核发、可通过电子证照共享获取,申请人无需提交")
    requirements: str
    blank_form_url: str | None
    example_url: str | None

    @staticmethod
    def resolve_situation(obj: MaterialRequirement) -> str:
        return obj.situation.code if obj.situation else ""

    @staticmethod
    def resolve_form_label(obj: MaterialRequirement) -> str:
        return obj.get_form_display()

    @staticmethod
    def resolve_necessity_label(obj: MaterialRequirement) -> str:
        return obj.get_necessity_display()

    @staticmethod
    def resolve_source_label(obj: MaterialRequirement) -> str:
        return obj.get_source_display()

    @staticmethod
    def resolve_license_type(obj: MaterialRequirement) -> str:
        return obj.license_type.code if obj.license_type else ""

    @staticmethod
    def resolve_license_type_name(obj: MaterialRequirement) -> str:
        return obj.license_type.name if obj.license_type else ""

    @staticmethod
    def resolve_shared_license(obj: MaterialRequirement) -> bool:
        return obj.source == "government" and obj.license_type_id is not None

    @staticmethod
    def resolve_blank_form_url(obj: MaterialRequirement) -> str | None:
        return absolute(obj.blank_form.url) if obj.blank_form else None

    @staticmethod
    def resolve_example_url(obj: MaterialRequirement) -> str | None:
        return absolute(obj.example.url) if obj.example else None


class ItemOut(Schema):
    """A current service item with its situations and materials."""

    code: str = Field(description="实施编码")
    basic_code: str
    name: str
    department: DepartmentRef
    category: str
    category_label: str
    audience: str
    kind: str = Field(description="on_the_spot 即办件 | promised 承诺件")
    statutory_limit_days: int
    promised_limit_days: int
    on_site_visits: int
    online_depth: int
    online_depth_label: str
    fully_online: bool = Field(description="全程网办")
    is_free: bool
    catalog_version: int | None = Field(description="the catalog version this content was published in")
    guide_url: str
    situations: list[SituationOut]
    materials: list[GuideMaterialOut]

    @staticmethod
    def resolve_code(obj: ServiceItemVersion) -> str:
        return obj.service_item.implementation_code

    @staticmethod
    def resolve_basic_code(obj: ServiceItemVersion) -> str:
        return obj.service_item.basic_code

    @staticmethod
    def resolve_department(obj: ServiceItemVersion) -> Department:
        return obj.service_item.department

    @staticmethod
    def resolve_category_label(obj: ServiceItemVersion) -> str:
        return obj.get_category_display()

    @staticmethod
    def resolve_online_depth_label(obj: ServiceItemVersion) -> str:
        return obj.get_online_depth_display()

    @staticmethod
    def resolve_fully_online(obj: ServiceItemVersion) -> bool:
        return obj.is_fully_online

    @staticmethod
    def resolve_catalog_version(obj: ServiceItemVersion) -> int | None:
        return obj.valid_from

    @staticmethod
    def resolve_guide_url(obj: ServiceItemVersion) -> str:
        return absolute(reverse("catalog:guide", args=[obj.service_item.implementation_code]))

    @staticmethod
    def resolve_situations(obj: ServiceItemVersion) -> list:
        return list(obj.situations.all())

    @staticmethod
    def resolve_materials(obj: ServiceItemVersion) -> list:
        return list(obj.materials.all())


class CodeName(Schema):
    code: str
    name: str


class FeeOut(Schema):
    name: str
    standard: str
    basis: str
    reducible: bool


class StageOut(Schema):
    """A stage of the flow; special-procedure time does not count toward the limit."""

    sequence: int
    kind: str
    name: str
    role: str
    role_label: str
    unit: str
    days: int
    countersign_units: list[str]
    special_procedure: bool
    standard: str

    @staticmethod
    def resolve_role_label(obj: Stage) -> str:
        return str(Role(obj.role).label) if obj.role in Role.values else obj.role

    @staticmethod
    def resolve_unit(obj: Stage) -> str:
        return obj.unit.name if obj.unit else ""

    @staticmethod
    def resolve_countersign_units(obj: Stage) -> list[str]:
        return [unit.name for unit in obj.countersign_units.all()]


class ItemDetailOut(ItemOut):
    """Everything the guide says about a current item (risk points are for staff, not here)."""

    power_code: str
    implementing_body: str
    unit: str
    legal_basis: str
    acceptance_conditions: str
    visit_reason: str
    places: str
    hours: str
    phone: str
    complaint_phone: str
    result_name: str
    result_license_type: str
    deemed_approval: bool
    joint_handling: bool
    themes: list[CodeName]
    intermediaries: list[CodeName]
    fees: list[FeeOut]
    stages: list[StageOut]

    @staticmethod
    def resolve_power_code(obj: ServiceItemVersion) -> str:
        return obj.power_item.code if obj.power_item else ""

    @staticmethod
    def resolve_unit(obj: ServiceItemVersion) -> str:
        return obj.unit.name if obj.unit else ""

    @staticmethod
    def resolve_result_license_type(obj: ServiceItemVersion) -> str:
        return obj.result_license_type.code if obj.result_license_type else ""

    @staticmethod
    def resolve_themes(obj: ServiceItemVersion) -> list:
        return list(obj.themes.all())

    @staticmethod
    def resolve_intermediaries(obj: ServiceItemVersion) -> list[dict[str, str]]:
        return [{"code": s.code, "name": s.current.name if s.current else s.code} for s in obj.intermediaries.all()]

    @staticmethod
    def resolve_fees(obj: ServiceItemVersion) -> list:
        return list(obj.fees.all())

    @staticmethod
    def resolve_stages(obj: ServiceItemVersion) -> list:
        return list(obj.stages.all())


class ItemPage(Schema):
    items: list[ItemOut]
    next_cursor: str | None = Field(description="browse mode only; ranked search results come in one page")


class LegalBasisOut(Schema):
    law: str
    article: str
    text: str


class ResponsibilityOut(Schema):
    stage: str
    content: str


class PowerOut(Schema):
    """A current power item of the power and responsibility list (权责清单)."""

    code: str
    parent_code: str
    name: str
    category: str
    category_label: str
    department: DepartmentRef
    levels: list[str]
    content: str
    implementing_body: str
    remarks: str
    catalog_version: int | None
    legal_bases: list[LegalBasisOut]
    responsibilities: list[ResponsibilityOut]
    accountability_rules: list[str]

    @staticmethod
    def resolve_code(obj: PowerItemVersion) -> str:
        return obj.power_item.code

    @staticmethod
    def resolve_category_label(obj: PowerItemVersion) -> str:
        return obj.get_category_display()

    @staticmethod
    def resolve_department(obj: PowerItemVersion) -> Department:
        return obj.power_item.department

    @staticmethod
    def resolve_catalog_version(obj: PowerItemVersion) -> int | None:
        return obj.valid_from

    @staticmethod
    def resolve_legal_bases(obj: PowerItemVersion) -> list:
        return list(obj.legal_bases.all())

    @staticmethod
    def resolve_responsibilities(obj: PowerItemVersion) -> list:
        return list(obj.responsibilities.all())

    @staticmethod
    def resolve_accountability_rules(obj: PowerItemVersion) -> list[str]:
        return [rule.text for rule in obj.accountability_rules.all()]


class PowerPage(Schema):
    items: list[PowerOut]
    next_cursor: str | None


class CatalogDepartmentOut(Schema):
    id: int
    name: str
    short_name: str
    phone: str
    address: str
    region_code: str
    item_count: int = Field(description="current service items")
    items_url: str

    @staticmethod
    def resolve_region_code(obj: Department) -> str:
        return obj.region.code

    @staticmethod
    def resolve_items_url(obj: Department) -> str:
        return absolute(reverse("catalog:department_items", args=[obj.pk]))


class CatalogDepartmentPage(Schema):
    items: list[CatalogDepartmentOut]
    next_cursor: str | None


# ---- input schemas ------------------------------------------------------------------------------


class RegionIn(Schema):
    region: str | None = Field(None, description="行政区划代码;默认为本平台发布清单的区划")


class PageIn(RegionIn):
    cursor: str | None = None
    limit: int = Field(50, ge=1, le=200)


class ItemFiltersIn(PageIn):
    q: str = Field("", max_length=100, description="搜索词,一个字起即可(护照、社保、spjy);有搜索词时按相关度排序,最多返回50项")
    department: str | None = Field(None, description="部门 id 或名称")
    category: str | None = Field(None, description="事项类型,如 licensing")
    theme: str | None = Field(None, description="主题代码,如 kaiban-qiye")
    audience: str | None = Field(None, description="person(个人)或 enterprise(法人)")


class PowerFiltersIn(PageIn):
    department: str | None = Field(None, description="部门 id 或名称")
    category: str | None = None


# ---- endpoints ----------------------------------------------------------------------------------


@router.get("/items", response={200: ItemPage, 400: ErrorOut}, auth=None, summary="政务服务事项")
def list_items(request: HttpRequest, filters: Query[ItemFiltersIn]) -> dict[str, Any]:
    """Search (`q`, ranked, at most 50) or browse (by implementation code, with a cursor) the current items."""
    checked = public.item_filters(
        region=public.public_region(filters.region),
        department=filters.department,
        category=filters.category or "",
        theme=filters.theme or "",
        audience=filters.audience or "",
    )
    if filters.q.strip():
        return {"items": _search(filters, checked), "next_cursor": None}
    rows = checked.apply(current_items()).select_related("service_item__department").prefetch_related(*public.LIST_PREFETCH)
    page = paginate(
        rows.annotate(item_code=F("service_item__implementation_code")),
        ordering=("item_code", "id"),
        cursor=filters.cursor,
        limit=filters.limit,
    )
    return {"items": page.items, "next_cursor": page.next_cursor}


def _search(filters: ItemFiltersIn, checked: public.ItemFilters) -> list[ServiceItemVersion]:
    hits = search_items(
        query=filters.q,
        region=checked.region,
        department=checked.department,
        category=checked.category or None,
        theme=checked.theme,
        audience=checked.audience or None,
        limit=min(filters.limit, MAX_SEARCH_LIMIT),
    )
    versions = [hit.version for hit in hits]
    public.prefetch_for_list(versions)
    return versions


@router.get("/items.xlsx", response={200: None, 404: ErrorOut}, auth=None, summary="政务服务事项清单(Excel)")
def items_workbook(request: HttpRequest, filters: Query[RegionIn]) -> HttpResponse:
    """The current service item list as the Excel workbook counties publish (one row per item, material, fee, stage …)."""
    filename, content = public.list_workbook(public.published_region(filters.region), ListKind.SERVICE)
    response = HttpResponse(content, content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


@router.get("/items/{code}", response={200: ItemDetailOut, 404: ErrorOut}, auth=None, summary="事项办事指南")
def get_item(request: HttpRequest, code: str) -> ServiceItemVersion:
    """The current guide of an item by implementation code (404 `item_not_found` when unknown or cancelled)."""
    return public.guide(code=code)


@router.get("/powers", response={200: PowerPage, 400: ErrorOut}, auth=None, summary="权责清单")
def list_powers(request: HttpRequest, filters: Query[PowerFiltersIn]) -> dict[str, Any]:
    """The current power items with their legal bases, responsibilities and accountability rules, by code."""
    checked = public.item_filters(
        region=public.public_region(filters.region), department=filters.department, category=filters.category or ""
    )
    page = paginate(public.current_powers(checked), ordering=("power_code", "id"), cursor=filters.cursor, limit=filters.limit)
    return {"items": page.items, "next_cursor": page.next_cursor}


@router.get("/departments", response={200: CatalogDepartmentPage, 400: ErrorOut}, auth=None, summary="部门及事项数量")
def list_departments(request: HttpRequest, filters: Query[PageIn]) -> dict[str, Any]:
    """Active departments of the region, each with the number of its current service items."""
    rows = public.departments_with_counts(public.public_region(filters.region))
    page = paginate(rows, ordering=("sort_order", "id"), cursor=filters.cursor, limit=filters.limit)
    return {"items": page.items, "next_cursor": page.next_cursor}
