from django.apps import AppConfig


class DeadlinesConfig(AppConfig):
    name = "onewindow.deadlines"
    verbose_name = "期限"
