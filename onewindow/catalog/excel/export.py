"""Export a list as the workbook counties publish: title row, Chinese headers, one row per element."""

from __future__ import annotations

import copy
import io
from collections.abc import Iterable, Iterator
from typing import Any

from django.db.models import Max
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from onewindow.catalog.choices import ListKind
from onewindow.catalog.documents.registry import spec_for
from onewindow.catalog.excel.cells import Boolean, Choice, escape_text
from onewindow.catalog.excel.layouts import ChildSheet, Column, Layout, layout_for
from onewindow.catalog.models import CatalogVersion, VersionedRow
from onewindow.common.errors import NotFound
from onewindow.orgs.models import Department, Region

HEADER_ROW, FIRST_DATA_ROW = 2, 3  # row 1 is the title
GUIDE_SHEET = "说明"
_VALIDATED_ROWS = 20000  # drop-down lists cover as many rows as an import accepts

_THIN = Side(style="thin", color="999999")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
# Named styles: assigning one to a cell is cheap, unlike building a style per cell.
_TITLE = NamedStyle("清单标题", font=Font(bold=True, size=14))
_HEADER = NamedStyle(
    "清单列名",
    font=Font(bold=True),
    fill=PatternFill("solid", fgColor="DDE7F0"),
    border=_BORDER,
    alignment=Alignment(wrap_text=True, vertical="center", horizontal="center"),
)
_DATA = NamedStyle("清单数据", border=_BORDER, alignment=Alignment(wrap_text=True, vertical="top"))


def export_workbook(*, region: Region, list_kind: str, version_number: int | None = None) -> bytes:
    """The region's list (current, or as of catalog version `version_number`) as .xlsx bytes (public data)."""
    layout = layout_for(list_kind)
    number = _version_number(region, version_number)
    documents = list(list_documents(region=region, list_kind=list_kind, version_number=version_number))
    title = workbook_title(region, list_kind, number)
    workbook = Workbook(write_only=True)
    for style in (_TITLE, _HEADER, _DATA):
        workbook.add_named_style(copy.copy(style))
    _write_sheet(workbook, title, layout.main_sheet, layout.columns, (_main_row(layout, doc) for doc in documents))
    for child in layout.children:
        columns = layout.key_columns + child.columns
        _write_sheet(workbook, f"{title} {child.name}", child.name, columns, _child_rows(layout, child, documents))
    _write_guide(workbook, title, layout)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def workbook_title(region: Region, list_kind: str, number: int) -> str:
    """示范县政务服务事项清单(第3版): the title row that import also reads the version from."""
    return f"{region.name}{ListKind(list_kind).label}(第{number}版)"


def list_documents(
    *, region: Region, list_kind: str, version_number: int | None = None, department: Department | None = None
) -> Iterator[dict[str, Any]]:
    """Documents of the list's entries in force (now, or in version `version_number`), in publication order;
    only `department`'s entries if given (for the lists whose entries belong to a department)."""
    spec = spec_for(list_kind)
    condition = VersionedRow.current_q() if version_number is None else VersionedRow.as_of(version_number)
    identities = spec.identities(region)
    if department is not None:
        identities = identities.filter(department=department)
    rows = (
        spec.version._default_manager.filter(condition, **{f"{spec.identity_field}__in": identities})
        .select_related(*spec.select)
        .prefetch_related(*spec.prefetch)
        .order_by(*layout_for(list_kind).order_by)
    )
    for row in rows.iterator(chunk_size=500):
        yield spec.read(row)


def _version_number(region: Region, requested: int | None) -> int:
    latest = CatalogVersion.objects.filter(region=region).aggregate(n=Max("number"))["n"] or 0
    if requested is not None and not 1 <= requested <= latest:
        raise NotFound(_("清单第%(n)d版不存在。") % {"n": requested}, code="catalog_version_not_found")
    return latest if requested is None else requested


def _main_row(layout: Layout, doc: dict[str, Any]) -> list[Any]:
    return [column.cell.to_cell(doc.get(column.key)) for column in layout.columns]


def _child_rows(layout: Layout, child: ChildSheet, documents: list[dict[str, Any]]) -> Iterator[list[Any]]:
    for doc in documents:
        key_cells = [column.cell.to_cell(doc.get(column.key)) for column in layout.key_columns]
        for element in doc.get(child.key) or []:
            values = {child.value_key: element} if child.value_key else element
            yield key_cells + [column.cell.to_cell(values.get(column.key)) for column in child.columns]


def _write_sheet(workbook: Workbook, title: str, name: str, columns: Iterable[Column], rows: Iterable[list[Any]]) -> None:
    columns = tuple(columns)
    sheet = workbook.create_sheet(name)
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = f"A{FIRST_DATA_ROW}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    _add_drop_downs(sheet, columns)
    sheet.append([_cell(sheet, title, _TITLE.name)])
    sheet.append([_cell(sheet, column.header, _HEADER.name) for column in columns])
    for values in rows:
        sheet.append([_cell(sheet, value, _DATA.name) for value in values])


def _cell(sheet: Any, value: Any, style: str) -> WriteOnlyCell:
    """A styled cell; text is stored as text (`data_type` s), never as a formula."""
    if isinstance(value, str):
        value = escape_text(value) or None
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
    cell.style = style
    return cell


def _add_drop_downs(sheet: Any, columns: tuple[Column, ...]) -> None:
    """In-cell lists of the allowed labels for choice and 是/否 columns (a help, import checks anyway)."""
    for index, column in enumerate(columns, start=1):
        if not isinstance(column.cell, Choice | Boolean):
            continue
        allowed = column.cell.allowed().replace("、", ",")
        if len(allowed) > 250:  # Excel's limit on an inline list
            continue
        validation = DataValidation(type="list", formula1=f'"{allowed}"', allow_blank=True, showErrorMessage=False)
        letter = get_column_letter(index)
        validation.add(f"{letter}{FIRST_DATA_ROW}:{letter}{_VALIDATED_ROWS}")
        sheet.data_validations.append(validation)


def _write_guide(workbook: Workbook, title: str, layout: Layout) -> None:
    """The 说明 sheet: what each column holds and which values it accepts."""
    columns = (Column("工作表", "", None, 16), Column("列名", "", None, 24), Column("取值", "", None, 50), Column("说明", "", None, 60))
    _write_sheet(workbook, f"{title} 填写说明", GUIDE_SHEET, columns, _guide_rows(layout))


def _guide_rows(layout: Layout) -> Iterator[list[Any]]:
    everywhere = _("全部工作表")
    yield [everywhere, "", "", _("导入时按列名识别各列,前两行(标题和列名)不是数据;请勿修改工作表名称和列名,不要使用公式。")]
    yield [everywhere, "", "", _("各子表以%(k)s关联到“%(s)s”表中的条目,每个办事情形、材料、收费项目等各占一行。") % _key_text(layout)]
    yield [everywhere, "", "", _("导入时与现行清单逐条比较,有变化的条目生成一个变更申请;发现任何错误都不会导入任何内容。")]
    yield [everywhere, "", "", _("以“'”开头的文本在导入时去掉开头的“'”(导出时为防止被当作公式而添加)。")]
    for column in layout.columns:
        yield [layout.main_sheet, column.header, column.cell.allowed(), column.note]
    for child in layout.children:
        for column in layout.key_columns + child.columns:
            yield [child.name, column.header, column.cell.allowed(), column.note]


def _key_text(layout: Layout) -> dict[str, str]:
    return {"k": "+".join(c.header for c in layout.key_columns), "s": layout.main_sheet}
