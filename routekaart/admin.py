"""Content lives in files (`content/`, loaded by `manage.py load_content`): read-only here."""

from django.contrib import admin

from kern.admin import AlleenLezen
from routekaart.models import Actie, Pagina, PartnerRol, Stap


@admin.register(Stap)
class StapAdmin(AlleenLezen):
    list_display = ["titel", "slug", "aard", "nummer"]


@admin.register(PartnerRol)
class PartnerRolAdmin(AlleenLezen):
    list_display = ["titel", "slug"]


@admin.register(Actie)
class ActieAdmin(AlleenLezen):
    list_display = ["titel", "modus"]


@admin.register(Pagina)
class PaginaAdmin(AlleenLezen):
    list_display = ["titel", "slug"]
