"""Staff pages for Excel: download any list (public data), and import a workbook as a change request.

Downloads are open to every staff member; imports to department admins (their department's
entries) and list managers. The import page shows every problem by sheet, row and column, or
the change request created from the entries that differ.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET, require_http_methods

from onewindow.accounts.access import regions_of
from onewindow.accounts.decorators import page_for
from onewindow.catalog import excel
from onewindow.catalog.choices import ListKind
from onewindow.catalog.excel import XLSX_CONTENT_TYPE
from onewindow.catalog.excel.forms import ExportForm, ImportForm
from onewindow.catalog.models import CatalogVersion
from onewindow.catalog.permissions import may_export, may_import
from onewindow.common.errors import DomainError, NotFound
from onewindow.orgs.models import Region


@page_for(may_export)
@require_GET
def excel_export(request: HttpRequest) -> HttpResponse:
    """`?list=<kind>[&version=N][&region=<code>]` downloads the workbook; without `list`, the choices."""
    regions = regions_of(request.user)
    region = _export_region(request, regions)
    if "list" not in request.GET:
        return _export_page(request, regions, region, ExportForm())
    form = ExportForm(request.GET)
    if not form.is_valid() or region is None:
        return _export_page(request, regions, region, form, status=400)
    list_kind, version = form.cleaned_data["list"], form.cleaned_data["version"]
    try:
        content = excel.export_workbook(region=region, list_kind=list_kind, version_number=version)
    except NotFound as error:
        raise Http404(error.message) from None
    number = version or _latest(region)
    response = HttpResponse(content, content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, f"{excel.workbook_title(region, list_kind, number)}.xlsx")
    return response


def _export_region(request: HttpRequest, regions: list[Region]) -> Region | None:
    """The region asked for by `?region=<code>` (the lists of every region are public), else the user's first."""
    code = request.GET.get("region")
    if code:
        region = Region.objects.filter(code=code).first()
        if region is None:
            raise Http404
        return region
    return regions[0] if regions else None


def _latest(region: Region) -> int:
    return CatalogVersion.objects.filter(region=region).order_by("-number").values_list("number", flat=True).first() or 0


def _export_page(request: HttpRequest, regions: list[Region], region: Region | None, form: ExportForm, status: int = 200) -> HttpResponse:
    context = {"regions": regions, "region": region, "form": form, "lists": ListKind.choices, "latest": _latest(region) if region else 0}
    return render(request, "catalog/excel/export.html", context, status=status)


@page_for(may_import)
@require_http_methods(["GET", "POST"])
def excel_import(request: HttpRequest) -> HttpResponse:
    """Upload a workbook; its differences from the current list become one change request (or nothing)."""
    form = ImportForm(request.POST or None, request.FILES or None, user=request.user)
    result = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            result = excel.import_workbook(
                actor=request.user,
                region=data["region"],
                list_kind=data["list_kind"],
                data=data["file"].read(),
                department=data.get("department"),
                title=data["title"],
                reason=data["reason"],
                legal_basis=data["legal_basis"],
                cancel_missing=data["cancel_missing"],
            )
        except DomainError as error:
            form.add_error(None, error.message)
    status = 400 if form.errors or (result is not None and not result.ok) else 200
    return render(request, "catalog/excel/import.html", {"form": form, "result": result}, status=status)
