from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "onewindow.cases"
    verbose_name = "办件"

    def ready(self) -> None:
        from onewindow.cases import scan_handlers

        scan_handlers.register()
