"""Public catalog pages at the site root: items, themes, department lists, guides, open data."""

from django.urls import path

from onewindow.catalog.views import public

urlpatterns = [
    path("items/", public.items, name="items"),
    path("items/<str:code>/", public.guide, name="guide"),
    path("items/<str:code>/print/", public.guide_print, name="guide_print"),
    path("themes/", public.themes, name="themes"),
    path("themes/<slug:code>/", public.theme, name="theme"),
    path("departments/<int:pk>/items/", public.department_items, name="department_items"),
    path("lists/", public.open_data, name="open_data"),
    path("lists/<str:list_kind>.json", public.open_data_json, name="open_data_json"),
    path("lists/<str:list_kind>.xlsx", public.open_data_xlsx, name="open_data_xlsx"),
]
