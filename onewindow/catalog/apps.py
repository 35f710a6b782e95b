from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "onewindow.catalog"
    verbose_name = "事项清单"

    def ready(self) -> None:
        from onewindow.catalog import checks  # noqa: F401  (registers catalog.E001/W001)
