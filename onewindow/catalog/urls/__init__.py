"""Catalog URLs: public guide pages at the site root, staff pages under /workbench/catalog/."""

from django.urls import include, path

from onewindow.catalog.urls import editor, excel, files, public, workbench

app_name = "catalog"

urlpatterns = [
    *public.urlpatterns,
    path("workbench/catalog/", include(workbench.urlpatterns)),
    path("workbench/catalog/", include(editor.urlpatterns)),
    path("workbench/catalog/", include(excel.urlpatterns)),
    path("workbench/catalog/", include(files.urlpatterns)),
]
