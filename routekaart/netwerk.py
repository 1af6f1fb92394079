"""THE seam between the route and the network apps: the only module of routekaart that imports
`afspraken` or `contacten` (the import-linter contract names it).

The route shows a logged-in member their network where it needs it (step 3, its alarm, the review,
step 5's "partner inschakelen", the report): whom to call and the agreements that match the
chosen phenomenon. What those are is decided by `afspraken.koppeling` and `contacten.koppeling`;
this module only asks them, and tests replace its three names to stand in for them.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest

from afspraken.koppeling import afspraken_voor_route, per_soort
from contacten.koppeling import contacten_voor_route
from kern.adressen import vaste_url

__all__ = ["afspraken_voor_route", "contacten_voor_route", "netwerk", "per_soort"]


def netwerk(request: HttpRequest, fenomeen: str) -> dict:
    """The walker's network for the route (`fenomeen`: the chosen phenomenon's slug, "" when
    not known): whom to call and the matching agreements, for members; for anyone else only
    the way to log in. Context of templates/routekaart/_netwerk.html."""
    ingelogd = request.user.is_authenticated
    afspraken = afspraken_voor_route(request.user, fenomeen) if ingelogd else []
    return {
        "ingelogd": ingelogd,
        "contacten": contacten_voor_route(request.user) if ingelogd else [],
        "afspraken": afspraken,
        # Phenomenon not (yet) known: every agreement, folded per case type.
        "groepen": per_soort(afspraken) if not fenomeen else [],
        "login_url": f"{vaste_url('login')}?{urlencode({'next': request.get_full_path()})}",
    }
