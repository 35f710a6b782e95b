"""portal URLs of the cases app (see urls/__init__.py)."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
