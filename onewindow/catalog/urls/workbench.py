"""Staff pages of the catalog under /workbench/catalog/: change requests, versions, reference data, metrics."""

from django.urls import path

from onewindow.catalog.views import workbench

urlpatterns = [
    path("requests/", workbench.cr_list, name="cr_list"),
    path("requests/new/", workbench.cr_create, name="cr_create"),
    path("requests/<int:pk>/", workbench.cr_detail, name="cr_detail"),
    path("requests/<int:pk>/submit/", workbench.cr_submit, name="cr_submit"),
    path("requests/<int:pk>/withdraw/", workbench.cr_withdraw, name="cr_withdraw"),
    path("requests/<int:pk>/return/", workbench.cr_return, name="cr_return"),
    path("requests/<int:pk>/publish/", workbench.cr_publish, name="cr_publish"),
    path("requests/<int:pk>/cancel-entry/", workbench.cr_cancel_entry, name="cr_cancel_entry"),
    path("requests/<int:pk>/entries/<int:version_id>/remove/", workbench.cr_remove_entry, name="cr_remove_entry"),
    path("versions/", workbench.versions, name="versions"),
    path("versions/diff/", workbench.version_diff, name="version_diff"),
    path("themes/", workbench.theme_list, name="theme_list"),
    path("themes/new/", workbench.theme_edit, name="theme_create"),
    path("themes/<slug:code>/edit/", workbench.theme_edit, name="theme_edit"),
    path("synonyms/", workbench.synonym_list, name="synonym_list"),
    path("synonyms/<int:pk>/delete/", workbench.synonym_delete, name="synonym_delete"),
    path("metrics/", workbench.metrics, name="metrics"),
]
