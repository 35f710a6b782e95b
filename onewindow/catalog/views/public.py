"""The public face of the catalog: item search and browsing, themes, department lists, the guide
(办事指南) with its flow chart and print version, and the open data of the published lists."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.html import conditional_escape
from django.utils.http import content_disposition_header, quote_etag
from django.utils.safestring import SafeString
from django.views.decorators.http import require_safe

from onewindow.accounts.access import access_of
from onewindow.catalog import public
from onewindow.catalog.choices import Audience, ListKind, PowerCategory, ThemeKind
from onewindow.catalog.excel import XLSX_CONTENT_TYPE
from onewindow.catalog.flowchart import flowchart
from onewindow.catalog.models import CatalogVersion, ServiceItemVersion
from onewindow.catalog.search import normalize_query, search_items
from onewindow.catalog.search.ranking import MAX_LIMIT
from onewindow.common import time
from onewindow.common.codes import parse_id
from onewindow.common.errors import InvalidInput, NotFound
from onewindow.orgs.models import Department, Region
from onewindow.portal.kiosk import remember_kiosk_choice

PAGE_SIZE = 20
DEPARTMENT_PAGE_SIZE = 50
MAX_SEARCH_PAGE = MAX_LIMIT // PAGE_SIZE
OPEN_DATA_MAX_AGE = 300  # seconds; the ETag (the version number) revalidates after that


@dataclass(frozen=True)
class ItemRow:
    """One line of an item list: the current version, its name (highlighted when searched), department."""

    version: ServiceItemVersion
    code: str
    name_html: SafeString
    department: Department


def _browse_row(version: ServiceItemVersion) -> ItemRow:
    item = version.service_item
    return ItemRow(version, item.implementation_code, conditional_escape(version.name), item.department)


def _page_number(request: HttpRequest, last: int | None = None) -> int:
    raw = request.GET.get("page", "1")
    number = parse_id(raw) or 1
    return min(number, last) if last else number


# ---- items: search and browse --------------------------------------------------------------------


@require_safe
@remember_kiosk_choice
def items(request: HttpRequest) -> HttpResponse:
    """Search (a query of one character or more) or browse the current items, with filters."""
    region = public.public_region()
    context: dict[str, Any] = {
        "query": normalize_query(request.GET.get("q", "")),
        "departments": public.departments_with_counts(region, only_with_items=True),
        "themes": list(public.themes_with_counts(region)),
        "categories": PowerCategory.choices,
        "audiences": [(a.value, a.label) for a in public.AUDIENCES],
        "selected": {key: request.GET.get(key, "") for key in ("department", "category", "theme", "audience")},
    }
    try:
        filters = public.item_filters(region=region, **context["selected"])
    except InvalidInput as error:
        context.update(error=error.message, rows=[], pager=None)
        return render(request, "catalog/public/items.html", context, status=400)
    context["filters"] = filters
    if context["query"]:
        context.update(_search_page(request, context["query"], filters))
    else:
        page = Paginator(public.browse_items(filters), PAGE_SIZE).get_page(_page_number(request))
        context.update(pager=page, rows=[_browse_row(v) for v in page.object_list], total=page.paginator.count)
    return render(request, "catalog/public/items.html", context)


def _search_page(request: HttpRequest, query: str, filters: public.ItemFilters) -> dict[str, Any]:
    """One page of ranked results; ranking is by relevance, so a page is a slice of the best ones."""
    number = _page_number(request, MAX_SEARCH_PAGE)
    hits = search_items(
        query=query,
        region=filters.region,
        department=filters.department,
        category=filters.category or None,
        theme=filters.theme,
        audience=filters.audience or None,
        limit=number * PAGE_SIZE + 1,
    )
    start = (number - 1) * PAGE_SIZE
    rows = [ItemRow(h.version, h.item.implementation_code, h.name_html, h.item.department) for h in hits[start : start + PAGE_SIZE]]
    has_next = len(hits) > number * PAGE_SIZE and number < MAX_SEARCH_PAGE
    return {"rows": rows, "pager": {"number": number, "has_previous": number > 1, "has_next": has_next}}


@require_safe
@remember_kiosk_choice
def themes(request: HttpRequest) -> HttpResponse:
    """Life events of a person and events of an enterprise, as tiles."""
    rows = list(public.themes_with_counts(public.public_region()))
    groups = [
        (ThemeKind.LIFE_EVENT, Audience.PERSON, [t for t in rows if t.kind == ThemeKind.LIFE_EVENT]),
        (ThemeKind.ENTERPRISE_EVENT, Audience.ENTERPRISE, [t for t in rows if t.kind == ThemeKind.ENTERPRISE_EVENT]),
        (ThemeKind.TOPIC, "", [t for t in rows if t.kind == ThemeKind.TOPIC]),
    ]
    return render(request, "catalog/public/themes.html", {"groups": [g for g in groups if g[2]]})


@require_safe
@remember_kiosk_choice
def theme(request: HttpRequest, code: str) -> HttpResponse:
    """The current items of one theme."""
    try:
        found = public.find_theme(code)
    except InvalidInput:
        raise Http404 from None
    filters = public.ItemFilters(region=public.public_region(), theme=found)
    page = Paginator(public.browse_items(filters), PAGE_SIZE).get_page(_page_number(request))
    context = {"theme": found, "pager": page, "rows": [_browse_row(v) for v in page.object_list], "total": page.paginator.count}
    return render(request, "catalog/public/theme.html", context)


@require_safe
@remember_kiosk_choice
def department_items(request: HttpRequest, pk: int) -> HttpResponse:
    """A department's current items, by category."""
    try:
        department = public.find_department(None, pk)
    except InvalidInput:
        raise Http404 from None
    rows = public.browse_items(public.ItemFilters(department=department), first_by=("category",))
    page = Paginator(rows, DEPARTMENT_PAGE_SIZE).get_page(_page_number(request))
    context = {"department": department, "pager": page, "rows": [_browse_row(v) for v in page.object_list], "total": page.paginator.count}
    return render(request, "catalog/public/department_items.html", context)


# ---- the guide -----------------------------------------------------------------------------------


def _guide_context(request: HttpRequest, code: str) -> dict[str, Any]:
    try:
        version = public.guide(code=code)
    except NotFound:
        raise Http404 from None
    show_risks = access_of(request.user).is_staff_member
    return {
        "version": version,
        "item": version.service_item,
        "situations": public.situation_materials(version),
        "flow": flowchart(version, show_risks=show_risks),
        "catalog_version": public.published_in(version),
    }


@require_safe
@remember_kiosk_choice
def guide(request: HttpRequest, code: str) -> HttpResponse:
    """The service guide (办事指南) of an item: every element a citizen needs, and the flow chart."""
    return render(request, "catalog/public/guide.html", _guide_context(request, code))


@require_safe
def guide_print(request: HttpRequest, code: str) -> HttpResponse:
    """The guide on A4 paper: no navigation, the same content."""
    return render(request, "catalog/public/guide_print.html", _guide_context(request, code))


# ---- open data -----------------------------------------------------------------------------------


@require_safe
@remember_kiosk_choice
def open_data(request: HttpRequest) -> HttpResponse:
    """The current lists, each as JSON (and Excel), with the current version number."""
    region = public.public_region()
    context = {"region": region, "version": public.latest_version(region), "lists": public.open_lists(region), "excel": region is not None}
    return render(request, "catalog/public/open_data.html", context)


@require_safe
def open_data_json(request: HttpRequest, list_kind: str) -> HttpResponse:
    """The current entries of one list as JSON; the ETag is the catalog version number."""
    if list_kind not in ListKind.values:
        raise Http404
    region = public.public_region()
    version = public.latest_version(region)

    def body() -> HttpResponse:
        return HttpResponse(_open_data_body(region, version, list_kind), content_type="application/json; charset=utf-8")

    return _cacheable(request, version, body)


@require_safe
def open_data_xlsx(request: HttpRequest, list_kind: str) -> HttpResponse:
    """The current list as the Excel workbook counties publish; the ETag is the catalog version number."""
    if list_kind not in ListKind.values:
        raise Http404
    region = public.public_region()
    if region is None:
        raise Http404

    def body() -> HttpResponse:
        filename, content = public.list_workbook(region, list_kind)
        response = HttpResponse(content, content_type=XLSX_CONTENT_TYPE)
        response["Content-Disposition"] = content_disposition_header(True, filename)
        return response

    return _cacheable(request, public.latest_version(region), body)


def _cacheable(request: HttpRequest, version: CatalogVersion | None, body: Callable[[], HttpResponse]) -> HttpResponse:
    """`body()`, or 304 Not Modified when the client holds this catalog version already."""
    etag = quote_etag(str(version.number if version else 0))
    response = get_conditional_response(request, etag=etag) or body()
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=OPEN_DATA_MAX_AGE)
    return response


def _open_data_body(region: Region | None, version: CatalogVersion | None, list_kind: str) -> str:
    documents = public.list_documents(region, list_kind)
    with translation.override("zh-hans"):
        payload = {
            "list_kind": list_kind,
            "list_name": str(ListKind(list_kind).label),
            "region": {"code": region.code, "name": region.name} if region else None,
            "version": version.number if version else None,
            "published_at": version.published_at.isoformat() if version else None,
            "generated_at": time.now().isoformat(),
            "count": len(documents),
            "entries": documents,
        }
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
