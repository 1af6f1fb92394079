"""The one read-only admin base: rows written by a command or a flow of their own, never edited
in the admin."""

from django.contrib import admin


class AlleenLezen(admin.ModelAdmin):
    """Staff may look, never edit (content: the next `load_content` would overwrite any change)."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
