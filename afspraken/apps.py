from django.apps import AppConfig


class AfsprakenConfig(AppConfig):
    name = "afspraken"
    verbose_name = "Afspraken"
