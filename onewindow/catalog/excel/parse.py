"""Reading a list's workbook back into documents, each with the map of where its values came from."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from onewindow.catalog.choices import ListKind
from onewindow.catalog.excel.archive import MAX_DATA_ROWS
from onewindow.catalog.excel.cells import OMIT, CellError, is_blank, raw_text
from onewindow.catalog.excel.layouts import LAYOUTS, ChildSheet, Column, Layout
from onewindow.catalog.excel.problems import Location, ProblemList, SourceMap

_HEADER_SEARCH_ROWS = 5
_MAX_SCANNED_ROWS = MAX_DATA_ROWS * 5  # blank or formatted-only rows count here, so a sheet of empty rows ends too
_VERSION = re.compile(r"第(\d{1,6})版")


class TooManyRows(Exception):
    """The workbook has more rows than an import accepts."""


@dataclass
class ParsedEntry:
    """One entry of the main sheet: its document and where each value came from."""

    doc: dict[str, Any]
    source: SourceMap


@dataclass
class ParsedWorkbook:
    """The entries read, the problems found, and the catalog version named in the title row."""

    entries: list[ParsedEntry] = field(default_factory=list)
    problems: ProblemList = field(default_factory=ProblemList)
    structure_ok: bool = True
    version_number: int | None = None


@dataclass
class _Budget:
    data_rows: int = 0
    scanned_rows: int = 0

    def scan(self) -> None:
        self.scanned_rows += 1
        if self.scanned_rows > _MAX_SCANNED_ROWS:
            raise TooManyRows

    def take(self) -> None:
        self.data_rows += 1
        if self.data_rows > MAX_DATA_ROWS:
            raise TooManyRows


@dataclass
class _Sheet:
    """A sheet found in the workbook, with the position of each column header."""

    name: str
    positions: dict[str, int]
    rows: Iterator[tuple[int, tuple[Any, ...]]]
    title: str = ""


def parse_workbook(workbook: Any, layout: Layout) -> ParsedWorkbook:
    """Documents of the main sheet's rows, with the child sheets' rows attached to them."""
    parsed = ParsedWorkbook()
    budget = _Budget()
    other = _other_list(workbook, layout)
    if other is not None:
        message = _("所选清单是“%(a)s”,但该工作簿是“%(b)s”,请选择正确的清单。") % {"a": _list_label(layout), "b": _list_label(other)}
        parsed.problems.add(Location(), message)
        parsed.structure_ok = False
        return parsed
    try:
        main = _open_sheet(workbook, layout.main_sheet, layout.columns, parsed, budget)
        children = [
            (child, _open_sheet(workbook, child.name, layout.key_columns + child.columns, parsed, budget)) for child in layout.children
        ]
        if not parsed.structure_ok or main is None:
            return parsed
        match = _VERSION.search(main.title)
        parsed.version_number = int(match.group(1)) if match else None
        by_key = _read_main(main, layout, parsed, budget)
        for child, sheet in children:
            _read_child(sheet, child, layout, by_key, parsed, budget)  # type: ignore[arg-type]
    except TooManyRows:
        parsed.problems.add(Location(), _("数据超过%(n)d行,请分部门或分批导入。") % {"n": MAX_DATA_ROWS})
        parsed.structure_ok = False
    return parsed


def _other_list(workbook: Any, layout: Layout) -> Layout | None:
    """The layout of another list whose main sheet the workbook has instead of this one's."""
    if layout.main_sheet in workbook.sheetnames:
        return None
    return next((other for other in LAYOUTS.values() if other.main_sheet in workbook.sheetnames), None)


def _list_label(layout: Layout) -> str:
    return str(ListKind(layout.list_kind).label)


def _open_sheet(workbook: Any, name: str, columns: tuple[Column, ...], parsed: ParsedWorkbook, budget: _Budget) -> _Sheet | None:
    if name not in workbook.sheetnames:
        parsed.problems.add(Location(name), _("缺少工作表“%(s)s”。") % {"s": name})
        parsed.structure_ok = False
        return None
    worksheet = workbook[name]
    if not hasattr(worksheet, "iter_rows"):  # a chart sheet
        parsed.problems.add(Location(name), _("“%(s)s”不是数据工作表。") % {"s": name})
        parsed.structure_ok = False
        return None
    worksheet.reset_dimensions()  # files saved by some tools declare wrong dimensions
    rows = _numbered_rows(worksheet, budget)
    headers = {c.header for c in columns}
    title = ""
    for number, cells in rows:
        texts = [_header_text(cell) for cell in cells]
        if headers & set(texts):
            positions = {text: index for index, text in reversed(list(enumerate(texts))) if text in headers}
            missing = [c.header for c in columns if c.header not in positions]
            for header in missing:
                parsed.problems.add(Location(name, number), _("缺少列“%(c)s”。") % {"c": header})
                parsed.structure_ok = False
            return _Sheet(name, positions, rows, title)
        title = title or next((t for t in texts if t), "")
        if number >= _HEADER_SEARCH_ROWS:
            break
    message = _("找不到列名行(前%(n)d行中没有“%(c)s”等列名)。") % {"n": _HEADER_SEARCH_ROWS, "c": columns[0].header}
    parsed.problems.add(Location(name), message)
    parsed.structure_ok = False
    return None


def _header_text(cell: Any) -> str:
    return cell.value.strip() if isinstance(cell.value, str) else ""


def _numbered_rows(worksheet: Any, budget: _Budget) -> Iterator[tuple[int, tuple[Any, ...]]]:
    for number, cells in enumerate(worksheet.iter_rows(), start=1):
        budget.scan()
        yield number, cells


def _data_rows(sheet: _Sheet, budget: _Budget) -> Iterator[tuple[int, dict[str, Any]]]:
    """Non-blank rows after the header, as header → cell."""
    for number, cells in sheet.rows:
        row = {header: cells[index] if index < len(cells) else None for header, index in sheet.positions.items()}
        if all(cell is None or is_blank(cell.value) for cell in row.values()):
            continue
        budget.take()
        yield number, row


def _read_value(column: Column, cell: Any, location: Location, parsed: ParsedWorkbook) -> Any:
    """The document value of one cell; a problem (and None) if it cannot be read."""
    try:
        if cell is not None and cell.data_type == "f":
            raise CellError(_("不能使用公式,请直接填写内容。"))
        if cell is not None and cell.data_type == "e":
            raise CellError(_("单元格的值是错误值“%(v)s”。") % {"v": cell.value})
        return column.cell.from_cell(cell.value if cell is not None else None)
    except CellError as error:
        parsed.problems.add(location, str(error))
        return None


def _read_main(sheet: _Sheet, layout: Layout, parsed: ParsedWorkbook, budget: _Budget) -> dict[tuple[str, ...], ParsedEntry]:
    by_key: dict[tuple[str, ...], ParsedEntry] = {}
    for number, row in _data_rows(sheet, budget):
        source = SourceMap(entry=Location(sheet.name, number))
        doc: dict[str, Any] = {child.key: [] for child in layout.children}
        for column in layout.columns:
            location = Location(sheet.name, number, column.header)
            source.cells[column.key] = location
            value = _read_value(column, row[column.header], location, parsed)
            if value is not OMIT:
                doc[column.key] = value
        key = layout.entry_key(doc)
        if all(key) and key in by_key:
            first = by_key[key].source.entry.row
            parsed.problems.add(source.cells[layout.key[-1]], _("与第%(n)d行重复。") % {"n": first})
            continue
        entry = ParsedEntry(doc, source)
        parsed.entries.append(entry)
        if all(key):
            by_key[key] = entry
    return by_key


def _read_child(
    sheet: _Sheet, child: ChildSheet, layout: Layout, by_key: dict[tuple[str, ...], ParsedEntry], parsed: ParsedWorkbook, budget: _Budget
) -> None:
    for number, row in _data_rows(sheet, budget):
        parent = _parent(sheet, layout, row, number, by_key, parsed)
        if parent is None:
            continue
        elements = parent.doc[child.key]
        prefix = f"{child.key}[{len(elements)}]"
        parent.source.cells[prefix] = Location(sheet.name, number, child.columns[0].header if child.value_key else "")
        element: dict[str, Any] = {}
        for column in child.columns:
            location = Location(sheet.name, number, column.header)
            parent.source.cells[f"{prefix}.{column.key}"] = location
            value = _read_value(column, row[column.header], location, parsed)
            if value is not OMIT:
                element[column.key] = value
        elements.append(element.get(child.value_key) if child.value_key else element)


def _parent(
    sheet: _Sheet, layout: Layout, row: dict[str, Any], number: int, by_key: dict[tuple[str, ...], ParsedEntry], parsed: ParsedWorkbook
) -> ParsedEntry | None:
    """The entry a child row belongs to, by the key columns it repeats."""
    key = []
    for column in layout.key_columns:
        cell = row[column.header]
        try:
            key.append(raw_text(cell.value if cell is not None else None))
        except CellError as error:
            parsed.problems.add(Location(sheet.name, number, column.header), str(error))
            return None
    last = Location(sheet.name, number, layout.key_columns[-1].header)
    if not all(key):
        parsed.problems.add(Location(sheet.name, number, layout.key_columns[0].header), _("不能为空。"))
        return None
    parent = by_key.get(tuple(key))
    if parent is None:
        names = "、".join(f"{c.header}“{k}”" for c, k in zip(layout.key_columns, key, strict=True))
        parsed.problems.add(last, _("“%(s)s”表中没有%(k)s的条目。") % {"s": layout.main_sheet, "k": names})
    return parent
