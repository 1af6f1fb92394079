from django.apps import AppConfig


class ContactenConfig(AppConfig):
    name = "contacten"
    verbose_name = "Contacten"
