"""Excel import and export of every list in the column layout counties publish (issue 3 §7).

One workbook per list: a main sheet with one row per entry and child sheets with one row per
situation, material, fee, stage …, Chinese headers and labels, and a 说明 sheet. `layouts.py`
is the one column table both directions use, so an export imported again is no change at all.
"""

from typing import Any

from onewindow.catalog.excel.problems import ImportProblem

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# openpyxl (18 MB) is loaded when a workbook is written or read, not by every worker at start:
# the export and import modules are imported on first use of their names.
_LAZY = {"export_workbook": "export", "workbook_title": "export", "ImportResult": "importer", "import_workbook": "importer"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["XLSX_CONTENT_TYPE", "ImportProblem", "ImportResult", "export_workbook", "import_workbook", "workbook_title"]
