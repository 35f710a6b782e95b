"""Excel pages under /workbench/catalog/: download a list, import a workbook as a change request."""

from django.urls import path

from onewindow.catalog.views import excel

urlpatterns = [
    path("excel/export/", excel.excel_export, name="excel_export"),
    path("excel/import/", excel.excel_import, name="excel_import"),
]
