from django.apps import AppConfig


class WorkdaysConfig(AppConfig):
    name = "onewindow.workdays"
    verbose_name = "工作日"
