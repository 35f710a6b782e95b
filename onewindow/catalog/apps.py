from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "onewindow.catalog"
    verbose_name = "事项清单"
