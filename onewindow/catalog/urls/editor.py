"""The draft editor of change requests (under /workbench/catalog/)."""

from django.urls import path

from onewindow.catalog.views import editor

urlpatterns = [
    path("requests/<int:cr_pk>/entry/", editor.editor_item, name="editor_item"),
    path("requests/<int:cr_pk>/entry/<str:code>/", editor.editor_item, name="editor_item"),
    path("requests/<int:cr_pk>/entry-rows/<slug:section>/", editor.editor_row, name="editor_row"),
]
