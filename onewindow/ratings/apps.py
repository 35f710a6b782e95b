from django.apps import AppConfig


class RatingsConfig(AppConfig):
    name = "onewindow.ratings"
    verbose_name = "好差评与投诉"
