"""What the route (routekaart) may ask of the contact lists: one public function, so the route
never queries Contact itself."""

from __future__ import annotations

from afspraken.models import Netwerk
from contacten.models import Contact


def contacten_voor_route(user) -> list[Contact]:
    """The contacts of every network `user` is a member of (any role), ordered by network name,
    then organisation and function; each contact has `netwerk` loaded. An anonymous user, or a
    user in no network (staff), gets an empty list. Only the contacts a member may see anyway
    (any member of a network reads its whole list), so the route can show them as they are."""
    if not user.is_authenticated:
        return []
    return list(
        Contact.objects.filter(netwerk__in=Netwerk.objects.van(user))
        .select_related("netwerk")
        .order_by("netwerk__naam", "netwerk_id", "organisatie", "functie", "pk")
    )
