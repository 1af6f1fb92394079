"""Content lives in files (`content/`, loaded by `manage.py load_content`): read-only here."""

from django.contrib import admin

from routekaart.models import Actie, Pagina, PartnerRol, Stap


class AlleenLezen(admin.ModelAdmin):
    """Staff may look, never edit: the next `load_content` would overwrite any change."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


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
