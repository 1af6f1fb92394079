"""Invitations and sent reminders in the admin: to look up, not to edit. An invitation is made on
the Leden page or with "Nieuw netwerk" (its link exists only in the mail; the admin shows the
token's hash)."""

from django.contrib import admin

from kern.admin import AlleenLezen
from leden.models import Herinnering, Uitnodiging


@admin.register(Uitnodiging)
class UitnodigingAdmin(AlleenLezen):
    list_display = ["email", "netwerk", "rol", "organisatie", "gemaakt_op", "verloopt_op", "stand"]
    list_filter = ["netwerk", "rol"]
    search_fields = ["email", "organisatie"]
    readonly_fields = [
        "netwerk",
        "email",
        "rol",
        "organisatie",
        "uitgenodigd_door",
        "gemaakt_op",
        "verloopt_op",
        "gebruikt_op",
        "gebruikt_door",
        "ingetrokken_op",
        "token_hash",
    ]

    @admin.display(description="stand")
    def stand(self, obj: Uitnodiging) -> str:
        return Uitnodiging.Stand(obj.stand).label


@admin.register(Herinnering)
class HerinneringAdmin(AlleenLezen):
    list_display = ["verstuurd_op", "user", "netwerk", "soort", "object_id"]
    list_filter = ["soort", "netwerk"]
    readonly_fields = ["user", "netwerk", "soort", "object_id", "verstuurd_op"]
