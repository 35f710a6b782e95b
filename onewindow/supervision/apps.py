from django.apps import AppConfig


class SupervisionConfig(AppConfig):
    name = "onewindow.supervision"
    verbose_name = "电子监察"

    def ready(self) -> None:
        from onewindow.deadlines import kinds
        from onewindow.supervision import services

        kinds.register_batch_handler(on_warning=services.cards_on_warning, on_overdue=services.cards_on_overdue)
        kinds.register_change_listener(services.cards_on_deadline_change)
