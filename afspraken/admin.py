"""Staff manage networks, memberships and case types here; agreements keep their history."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from afspraken.models import Afspraak, Lidmaatschap, Netwerk, Publicatie, SoortCasus


class LidmaatschapInline(admin.TabularInline):
    model = Lidmaatschap
    extra = 1
    autocomplete_fields = ["user"]


class SoortCasusInline(admin.TabularInline):
    model = SoortCasus
    extra = 0
    fields = ["naam", "fenomeen", "volgorde"]


@admin.register(Netwerk)
class NetwerkAdmin(admin.ModelAdmin):
    list_display = ["naam", "slug"]
    search_fields = ["naam", "slug"]
    prepopulated_fields = {"slug": ["naam"]}
    inlines = [LidmaatschapInline, SoortCasusInline]


@admin.register(Lidmaatschap)
class LidmaatschapAdmin(admin.ModelAdmin):
    list_display = ["user", "netwerk", "rol", "organisatie"]
    list_filter = ["netwerk", "rol"]
    search_fields = ["user__username", "organisatie"]
    autocomplete_fields = ["user", "netwerk"]


@admin.register(SoortCasus)
class SoortCasusAdmin(admin.ModelAdmin):
    list_display = ["naam", "netwerk", "fenomeen", "volgorde"]
    list_filter = ["netwerk"]
    search_fields = ["naam"]


@admin.register(Afspraak)
class AfspraakAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "netwerk", "status", "evaluatiedatum", "gewijzigd_op"]
    list_filter = ["netwerk", "status"]
    search_fields = ["tekst", "wie"]
    readonly_fields = ["revisie", "gewijzigd_op", "gewijzigd_door"]


@admin.register(Publicatie)
class PublicatieAdmin(admin.ModelAdmin):
    """Published versions are frozen: viewable, not editable."""

    list_display = ["__str__", "gepubliceerd_op", "door"]
    list_filter = ["netwerk"]
    readonly_fields = ["netwerk", "nummer", "gepubliceerd_op", "door", "notitie", "rijen"]

    def get_queryset(self, request):
        return super().get_queryset(request).defer("pdf")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
