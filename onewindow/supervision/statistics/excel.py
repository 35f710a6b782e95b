"""Excel (xlsx) exports of the statistics tables.

Text cells go through the catalog export's `escape_text`, so a department, item or staff name
starting with = + - @ is never read as a formula (CSV/Excel injection); rates are numbers
formatted as percentages.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from onewindow.catalog.excel.cells import escape_text
from onewindow.supervision.statistics.tables import DAYS, PERCENT, Column

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Sheet:
    """One worksheet: a title line, the column headers and the rows of values."""

    name: str
    title: str
    headers: Sequence[str]
    rows: Sequence[Sequence[Any]]
    kinds: Sequence[str] = ()


def _cell(sheet: Any, value: Any, kind: str = "", *, bold: bool = False) -> Any:
    # openpyxl (18 MB) is imported when a workbook is written, not by every worker at start.
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    if isinstance(value, str):
        value = escape_text(value)
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # stored as text, never as a formula
    if kind == PERCENT and value is not None:
        cell.number_format = "0.0%"
    elif kind == DAYS and value is not None:
        cell.number_format = "0.0"
    if bold:
        cell.font = Font(bold=True)
    return cell


def workbook(sheets: Sequence[Sheet]) -> bytes:
    """The xlsx bytes of the sheets."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    for spec in sheets:
        sheet = book.create_sheet(escape_text(spec.name)[:31])
        sheet.append([_cell(sheet, spec.title, bold=True)])
        sheet.append([_cell(sheet, str(h), bold=True) for h in spec.headers])
        kinds = list(spec.kinds) or [""] * len(spec.headers)
        for row in spec.rows:
            sheet.append([_cell(sheet, value, kinds[i] if i < len(kinds) else "") for i, value in enumerate(row)])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def table_sheet(name: str, title: str, first_headers: Sequence[str], columns: Sequence[Column], rows: Sequence[Any]) -> Sheet:
    """A sheet of statistics rows: the name columns, then one column per figure."""
    headers = [*first_headers, *[str(c.label) for c in columns]]
    kinds = [""] * len(first_headers) + [c.kind for c in columns]
    values = []
    for row in rows:
        names = [row.label, row.department][: len(first_headers)]
        values.append([*names, *[c.value(row) for c in columns]])
    return Sheet(name, title, headers, values, kinds)
