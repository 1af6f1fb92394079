"""Content lives in files (`content/`, loaded by `manage.py load_content`): read-only here."""

from django.contrib import admin

from casussen.models import Casus, Fenomeen
from kern.admin import AlleenLezen


@admin.register(Fenomeen)
class FenomeenAdmin(AlleenLezen):
    list_display = ["kort", "slug"]


@admin.register(Casus)
class CasusAdmin(AlleenLezen):
    list_display = ["titel", "fenomeen", "modus"]
    list_filter = ["modus", "fenomeen"]
