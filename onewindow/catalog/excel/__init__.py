"""Excel import and export of every list in the column layout counties publish (issue 3 §7).

One workbook per list: a main sheet with one row per entry and child sheets with one row per
situation, material, fee, stage …, Chinese headers and labels, and a 说明 sheet. `layouts.py`
is the one column table both directions use, so an export imported again is no change at all.
"""

from onewindow.catalog.excel.export import XLSX_CONTENT_TYPE, export_workbook, workbook_title
from onewindow.catalog.excel.importer import ImportResult, import_workbook
from onewindow.catalog.excel.problems import ImportProblem

__all__ = ["XLSX_CONTENT_TYPE", "ImportProblem", "ImportResult", "export_workbook", "import_workbook", "workbook_title"]
