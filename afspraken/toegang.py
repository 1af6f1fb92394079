"""Who may do what in the OOV area: the one place that checks membership and role.

Every view under /afspraken/<netwerk>/ is wrapped in `lid_van_netwerk`. It resolves the network
from the URL, and answers:
- anonymous: a redirect to the login page;
- not a member of *this* network (also staff): 404, so nobody learns which networks exist;
- member with the wrong role: 403 with a Dutch page.
The view then receives the network and the membership; it must fetch every object through that
network (`get_object_or_404(Afspraak, netwerk=netwerk, pk=pk)`), so another network's id is a 404;
for a view of one object (a session, an agreement, a contact), `regisseur_van` makes the
decorator that does that after this check (`afspraken.views.hulp.regisseur_sessie` and the
like, `contacten.views.regisseur_contact`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse
from django.shortcuts import render

from afspraken.models import Lidmaatschap, Lidrol, Netwerk

ALLEEN = {
    Lidrol.REGISSEUR: "Dit kan alleen de regisseur (OOV-er)",
    Lidrol.PARTNER: "Dit kan alleen een partner",
}


def geweigerd(request, reden: str) -> HttpResponse:
    """The Dutch 403 page."""
    return render(request, "afspraken/geweigerd.html", {"reden": reden}, status=403)


def lid_van_netwerk(rol: str | None = None) -> Callable:
    """Decorator: the user must be a member of the URL's network, with `rol` when given.

    The wrapped view is called as view(request, netwerk, lid, **kwargs)."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(request, netwerk: str, *args, **kwargs) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            lid = (
                Lidmaatschap.objects.select_related("netwerk")
                .filter(user=request.user, netwerk__slug=netwerk)
                .first()
            )
            if lid is None:
                raise Http404("Dit netwerk bestaat niet of je bent er geen lid van.")
            if rol is not None and lid.rol != rol:
                return geweigerd(request, f"{ALLEEN[rol]} van {lid.netwerk.naam}.")
            return view(request, lid.netwerk, lid, *args, **kwargs)

        return wrapper

    return decorator


regisseur = lid_van_netwerk(rol=Lidrol.REGISSEUR)
lid = lid_van_netwerk()


def regisseur_van(haal: Callable[[Netwerk, int], object]) -> Callable:
    """Decorator for a regisseur's view of one object of the network: `regisseur` decides access
    first (so a stranger never learns whether the id exists), then `haal` finds the URL's `pk`
    within the network. The view is called as view(request, netwerk, lid, object, **kwargs)."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def met_object(request, netwerk: Netwerk, lid_, pk: int, **kwargs) -> HttpResponse:
            return view(request, netwerk, lid_, haal(netwerk, pk), **kwargs)

        return regisseur(met_object)

    return decorator
