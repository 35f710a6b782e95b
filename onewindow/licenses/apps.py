from django.apps import AppConfig


class LicensesConfig(AppConfig):
    name = "onewindow.licenses"
    verbose_name = "电子证照"
