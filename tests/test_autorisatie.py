"""The authorization matrix: EVERY URL pattern of the project × five personas × GET and POST,
against an explicit table of expected statuses. A URL without an entry fails the test: add one
to VERWACHT (and an example value to VOORBEELDEN when the URL has parameters).

Personas: anonymous; partner of network A; regisseur of A; regisseur of B (must never reach
A's data: 404); staff (admin only, member of no network). Each request runs in its own client
and its own rolled-back transaction, so a POST that deletes or publishes changes nothing for
the next one.
"""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.db import transaction
from django.test import Client
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from afspraken.models import Evaluatie, Lidmaatschap, SoortCasus
from afspraken.views.publiceren import LINK_SALT
from casussen.models import Casus, Fenomeen
from contacten.models import Contact
from kern import rem
from leden import uitnodigingen
from leden.models import Herinnering
from routekaart.models import Actie, Pagina, PartnerRol, Stap
from tests.afspraken.personas import *  # noqa: F403 (the persona fixtures)
from tests.afspraken.personas import maak_afspraak, publiceer
from tests.afspraken.sessie_hulp import maak_sessie

PERSONAS = ("anoniem", "partner_a", "regisseur_a", "regisseur_b", "staff")


def overal(get: int, post: int) -> dict[str, tuple[int, int]]:
    """The same answer for every persona."""
    return dict.fromkeys(PERSONAS, (get, post))


def per_persona(get: tuple[int, ...], post: tuple[int, ...]) -> dict[str, tuple[int, int]]:
    """Statuses in PERSONAS order: anoniem, partner_a, regisseur_a, regisseur_b, staff."""
    return {p: (g, q) for p, g, q in zip(PERSONAS, get, post, strict=True)}


def alleen_staff(get: int, post: int) -> dict[str, tuple[int, int]]:
    """Admin pages: everyone but staff is sent to the admin login."""
    return per_persona((302, 302, 302, 302, get), (302, 302, 302, 302, post))


# -- example values for URL parameters, by URL name (d = the test data below) -------------------

VOORBEELDEN = {
    "casussen:fenomeen": lambda d: {"slug": "fraude"},
    "routekaart:uitleg": lambda d: {"slug": "bericht-duiden"},
    "routekaart:partner": lambda d: {"slug": "politie"},
    "routekaart:stap": lambda d: {"slug": "bericht-duiden"},
    # The report needs a finished path in the query string (the route keeps no state).
    "routekaart:verslag": lambda d: "?partners=nee&ingrijpen=nee",
    "routekaart:verslag-pdf": lambda d: "?partners=nee&ingrijpen=nee",
    "routekaart:pagina": lambda d: {"slug": "colofon"},
    "afspraken:gedeelde-pdf": lambda d: {"token": d.token},
    "afspraken:netwerk": lambda d: {"netwerk": "gemeente-a"},
    "afspraken:nieuw": lambda d: {"netwerk": "gemeente-a"},
    "afspraken:soorten": lambda d: {"netwerk": "gemeente-a"},
    "afspraken:publiceren": lambda d: {"netwerk": "gemeente-a"},
    "afspraken:rij": lambda d: {"netwerk": "gemeente-a", "pk": d.afspraak.pk},
    "afspraken:wijzigen": lambda d: {"netwerk": "gemeente-a", "pk": d.afspraak.pk},
    "afspraken:verwijderen": lambda d: {"netwerk": "gemeente-a", "pk": d.afspraak.pk},
    "afspraken:verplaatsen": lambda d: {"netwerk": "gemeente-a", "pk": d.afspraak.pk},
    "afspraken:geschiedenis": lambda d: {"netwerk": "gemeente-a", "pk": d.afspraak.pk},
    "afspraken:versies": lambda d: {"netwerk": "gemeente-a"},
    "afspraken:versie": lambda d: {"netwerk": "gemeente-a", "nummer": 1},
    "afspraken:pdf": lambda d: {"netwerk": "gemeente-a", "nummer": 1},
    "afspraken:link": lambda d: {"netwerk": "gemeente-a", "nummer": 1},
    "afspraken:sessies": lambda d: {"netwerk": "gemeente-a"},
    "afspraken:sessie-nieuw": lambda d: {"netwerk": "gemeente-a"},
    "afspraken:evaluaties": lambda d: {"netwerk": "gemeente-a"},
    "afspraken:evaluatie-nieuw": lambda d: {"netwerk": "gemeente-a"},
    "afspraken:evaluatie": lambda d: {"netwerk": "gemeente-a", "pk": d.evaluatie.pk},
    "afspraken:evaluatie-aanpassen": lambda d: {
        "netwerk": "gemeente-a",
        "pk": d.evaluatie.pk,
        "afspraak": d.afspraak.pk,
    },
    "afspraken:sessie-handout": lambda d: {
        "netwerk": "gemeente-a",
        "pk": d.sessie.pk,
        "deelnemer": d.sessie.deelnemers.first().pk,
    },
    "afspraken:sessie-casus": lambda d: {
        "netwerk": "gemeente-a",
        "pk": d.sessie.pk,
        "casus": d.sessie.eerste_casus().casus.slug,
    },
    "afspraken:sessie-afspraak": lambda d: {
        "netwerk": "gemeente-a",
        "pk": d.sessie.pk,
        "casus": d.sessie.eerste_casus().casus.slug,
    },
    **{
        f"afspraken:{naam}": lambda d: {"netwerk": "gemeente-a", "pk": d.sessie.pk}
        for naam in (
            "sessie",
            "sessie-verdelen",
            "sessie-handouts",
            "sessie-handouts-pdf",
            "sessie-bedenktijd",
            "sessie-afspraken",
            "sessie-afronden",
            "sessie-samenvatting",
            "sessie-samenvatting-pdf",
            # the live meeting (afspraken/urls_live.py)
            "sessie-beamer",
            "sessie-beamer-casus",
            "sessie-beamer-verschillen",
            "sessie-klok",
        )
    },
    # Meedoen op je telefoon (afspraken/urls_deelname.py): by the session's code.
    **{
        f"afspraken:{naam}": lambda d: {"code": _code(d)}
        for naam in ("doe-mee-wie", "doe-mee-casussen", "doe-mee-status")
    },
    "afspraken:doe-mee-inbreng": lambda d: {
        "code": _code(d),
        "casus": d.sessie.eerste_casus().casus.slug,
    },
    "afspraken:sessie-code": lambda d: {"netwerk": "gemeente-a", "pk": d.sessie.pk},
    "afspraken:sessie-vrijgeven": lambda d: {
        "netwerk": "gemeente-a",
        "pk": d.sessie.pk,
        "deelnemer": d.sessie.deelnemers.first().pk,
    },
    "afspraken:sessie-casus-sluiten": lambda d: {
        "netwerk": "gemeente-a",
        "pk": d.sessie.pk,
        "casus": d.sessie.eerste_casus().casus.slug,
    },
    **{
        f"contacten:{naam}": lambda d: {"netwerk": "gemeente-a"}
        for naam in ("lijst", "nieuw", "kaart", "kaart-pdf")
    },
    **{
        f"contacten:{naam}": lambda d: {
            "netwerk": "gemeente-a",
            "pk": Contact.objects.get_or_create(
                netwerk=d.afspraak.netwerk,
                organisatie="Politie",
                functie="jeugdagent",
                defaults={"telefoon": "0612345678"},
            )[0].pk,
        }
        for naam in ("rij", "wijzigen", "verwijderen", "gecontroleerd")
    },
    # Accounts and members (leden/urls.py). The throttled links start with a clean count.
    "leden:wachtwoord-vergeten": lambda d: _zonder_rem("wachtwoord-formulier", {}),
    "leden:wachtwoord-link": lambda d: _zonder_rem(
        "wachtwoord-link", {"uidb64": "MQ", "token": "ongeldig-token"}
    ),
    "leden:uitnodiging": lambda d: _zonder_rem("uitnodiging", {"token": d.uitnodiging_token}),
    "leden:leden": lambda d: {"netwerk": "gemeente-a"},
    **{
        f"leden:{naam}": lambda d: {"netwerk": "gemeente-a", "pk": d.lid_partner_a.pk}
        for naam in ("lid-rol", "lid-verwijderen")
    },
    **{
        f"leden:{naam}": lambda d: {"netwerk": "gemeente-a", "pk": d.uitnodiging.pk}
        for naam in ("uitnodiging-opnieuw", "uitnodiging-intrekken")
    },
    "admin:view_on_site": lambda d: {
        "content_type_id": ContentType.objects.get_for_model(Stap).pk,
        "object_id": d.objecten["routekaart_stap"],
    },
    "admin:app_list": lambda d: {"app_label": "afspraken"},
    "admin:auth_user_password_change": lambda d: {"id": d.objecten["auth_user"]},
    "admin:afspraken_afspraak_simple_history": lambda d: [
        d.afspraak.pk,
        d.afspraak.history.first().pk,
    ],
}

# -- expected statuses, by URL name ---------------------------------------------------------------

# Persona order in per_persona(): anoniem, partner_a, regisseur_a, regisseur_b, staff. The rows
# that recur, named by who gets through:
NIEMAND = (405,) * 5  # the method is not allowed
LEDEN_A = (302, 200, 200, 404, 404)  # A's partner and regisseur (anonymous: login; others: 404)
REGIE_A = (302, 403, 200, 404, 404)  # A's regisseur only (the partner: 403)
REGIE_A_DOOR = (302, 403, 302, 404, 404)  # A's regisseur only, who is sent on (302)
VERWACHT: dict[str, dict[str, tuple[int, int]]] = {
    # Login and logout (logout is POST only; anyone may post it).
    "login": overal(200, 200),
    "logout": overal(405, 200),
    # The health check for load balancers: anyone may ask, nobody posts.
    "gezond": overal(200, 405),
    # Public pages: everyone reads, nobody posts.
    "routekaart:start": overal(200, 405),
    "routekaart:uitleg": overal(200, 405),
    "routekaart:partners": overal(200, 405),
    "routekaart:partner": overal(200, 405),
    "routekaart:afspraken-maken": overal(200, 405),
    "routekaart:pagina": overal(200, 405),
    "casussen:lijst": overal(200, 405),
    "casussen:fenomeen": overal(200, 405),
    # The route walk is public; its forms post and redirect (303, post/redirect/get).
    "routekaart:route": overal(200, 303),
    "routekaart:stap": overal(200, 303),
    "routekaart:opnieuw": overal(200, 303),  # GET asks first; POST wipes
    "routekaart:verslag": overal(200, 405),
    "routekaart:verslag-pdf": overal(200, 405),
    # The OOV area. Anonymous: to the login page. Another network (regisseur_b) and staff: 404.
    # Partners read published versions; only the regisseur of A edits (partner: 403).
    "afspraken:overzicht": per_persona((302, 302, 302, 302, 200), NIEMAND),
    "afspraken:netwerk": per_persona(LEDEN_A, NIEMAND),
    "afspraken:versies": per_persona(LEDEN_A, NIEMAND),
    "afspraken:versie": per_persona(LEDEN_A, NIEMAND),
    "afspraken:pdf": per_persona(LEDEN_A, NIEMAND),
    "afspraken:nieuw": per_persona(REGIE_A, REGIE_A),
    "afspraken:soorten": per_persona(REGIE_A, REGIE_A),
    "afspraken:wijzigen": per_persona(REGIE_A, REGIE_A),
    "afspraken:publiceren": per_persona(REGIE_A, REGIE_A_DOOR),
    "afspraken:verwijderen": per_persona(REGIE_A, REGIE_A_DOOR),
    "afspraken:geschiedenis": per_persona(REGIE_A, NIEMAND),
    # Without htmx the row view sends the regisseur back to the table.
    "afspraken:rij": per_persona(REGIE_A_DOOR, NIEMAND),
    "afspraken:verplaatsen": per_persona(NIEMAND, REGIE_A_DOOR),
    "afspraken:link": per_persona(NIEMAND, REGIE_A_DOOR),
    # The vredestijd session and the evaluations: the regisseur of A only. Pages that only
    # show something refuse POST; the forms answer an empty POST with their errors (200) or,
    # where empty is valid (the deal's "Opslaan", no answers, closing), redirect.
    "afspraken:sessies": per_persona(REGIE_A, NIEMAND),
    "afspraken:sessie-nieuw": per_persona(REGIE_A, REGIE_A),
    "afspraken:sessie": per_persona(REGIE_A, NIEMAND),
    "afspraken:sessie-verdelen": per_persona(REGIE_A, REGIE_A_DOOR),
    "afspraken:sessie-handouts": per_persona(REGIE_A, NIEMAND),
    "afspraken:sessie-handouts-pdf": per_persona(REGIE_A, NIEMAND),
    "afspraken:sessie-handout": per_persona(REGIE_A, NIEMAND),
    "afspraken:sessie-bedenktijd": per_persona(REGIE_A, NIEMAND),
    "afspraken:sessie-casus": per_persona(REGIE_A, REGIE_A_DOOR),
    "afspraken:sessie-afspraak": per_persona(REGIE_A, REGIE_A),
    "afspraken:sessie-afspraken": per_persona(REGIE_A, NIEMAND),
    # Closing asks first (GET, or POST without bevestigd).
    "afspraken:sessie-afronden": per_persona(REGIE_A, REGIE_A),
    "afspraken:sessie-samenvatting": per_persona(REGIE_A, NIEMAND),
    "afspraken:sessie-samenvatting-pdf": per_persona(REGIE_A, NIEMAND),
    # The live meeting: the beamer (the regisseur's own page, projected) and its controls, which
    # post and go back (an empty POST changes nothing).
    "afspraken:sessie-beamer": per_persona(REGIE_A, NIEMAND),
    "afspraken:sessie-beamer-casus": per_persona(NIEMAND, REGIE_A_DOOR),
    "afspraken:sessie-beamer-verschillen": per_persona(NIEMAND, REGIE_A_DOOR),
    "afspraken:sessie-klok": per_persona(NIEMAND, REGIE_A_DOOR),
    "afspraken:sessie-casus-sluiten": per_persona(NIEMAND, REGIE_A_DOOR),
    # Meedoen op je telefoon: no account; a logged-in user is no participant either (only the
    # claim cookie is, tests/afspraken/test_deelname_toegang.py). The code form and "Wie ben
    # jij?" answer an empty POST with their Dutch error; without a claim the own page sends
    # to "Wie ben jij?", the status fragment and saving an answer are refused. The regisseur's
    # "Nieuwe code" and "Vrijgeven" post and go back.
    "afspraken:doe-mee": overal(200, 200),
    "afspraken:doe-mee-wie": overal(200, 200),
    "afspraken:doe-mee-casussen": overal(302, 405),
    "afspraken:doe-mee-status": overal(403, 405),
    "afspraken:doe-mee-inbreng": overal(405, 403),
    "afspraken:sessie-code": per_persona(NIEMAND, REGIE_A_DOOR),
    "afspraken:sessie-vrijgeven": per_persona(NIEMAND, REGIE_A_DOOR),
    "afspraken:evaluaties": per_persona(REGIE_A, NIEMAND),
    "afspraken:evaluatie-nieuw": per_persona(REGIE_A, REGIE_A),
    "afspraken:evaluatie": per_persona(REGIE_A, NIEMAND),
    "afspraken:evaluatie-aanpassen": per_persona(REGIE_A, REGIE_A),
    # The contact list ("Wie bel ik?"): A's members read it and its Contactkaart; only the
    # regisseur of A edits. An empty "Gecontroleerd" has no versie: nothing saved, back to the list.
    "contacten:lijst": per_persona(LEDEN_A, NIEMAND),
    "contacten:kaart": per_persona(LEDEN_A, NIEMAND),
    "contacten:kaart-pdf": per_persona(LEDEN_A, NIEMAND),
    "contacten:nieuw": per_persona(REGIE_A, REGIE_A),
    "contacten:rij": per_persona(REGIE_A_DOOR, NIEMAND),
    "contacten:wijzigen": per_persona(REGIE_A, REGIE_A),
    "contacten:verwijderen": per_persona(REGIE_A, REGIE_A_DOOR),
    "contacten:gecontroleerd": per_persona(NIEMAND, REGIE_A_DOOR),
    # Accounts: password reset (anyone; an empty form answers with its errors, a wrong link
    # with its Dutch page), password change and "Mijn account" (logged in).
    "leden:wachtwoord-vergeten": overal(200, 200),
    "leden:wachtwoord-verstuurd": overal(200, 405),
    "leden:wachtwoord-link": overal(200, 200),
    "leden:wachtwoord-ingesteld": overal(200, 405),
    "leden:wachtwoord-wijzigen": per_persona((302, 200, 200, 200, 200), (302, 200, 200, 200, 200)),
    "leden:wachtwoord-gewijzigd": per_persona((302, 200, 200, 200, 200), (302, 405, 405, 405, 405)),
    "leden:account": per_persona((302, 200, 200, 200, 200), (302, 200, 200, 200, 200)),
    # An invitation link is the permission itself (to a new account: anyone else logged in is
    # told to log out first); an empty POST shows the form's errors.
    "leden:uitnodiging": overal(200, 200),
    # The "Leden" page: the regisseur of A only. Role and removal post and go back.
    "leden:leden": per_persona(REGIE_A, REGIE_A),
    "leden:lid-rol": per_persona(NIEMAND, REGIE_A_DOOR),
    "leden:lid-verwijderen": per_persona(REGIE_A, REGIE_A_DOOR),
    "leden:uitnodiging-opnieuw": per_persona(NIEMAND, REGIE_A_DOOR),
    "leden:uitnodiging-intrekken": per_persona(NIEMAND, REGIE_A_DOOR),
    # "Nieuw netwerk": staff only, like the admin (everyone else to the admin login).
    "leden:nieuw-netwerk": alleen_staff(200, 200),
    # A signed link is the permission itself: anyone holding it may download.
    "afspraken:gedeelde-pdf": overal(200, 405),
    # The admin: staff only; everyone else is sent to the admin login (a logged-in non-staff
    # user too). The admin login itself is open, and sends staff on to the index.
    "admin:login": per_persona((200, 200, 200, 200, 302), (200,) * 5),
    "admin:index": alleen_staff(200, 200),
    "admin:logout": alleen_staff(405, 200),
    "admin:password_change": alleen_staff(200, 200),
    "admin:password_change_done": alleen_staff(200, 405),
    "admin:autocomplete": alleen_staff(403, 405),
    "admin:jsi18n": alleen_staff(200, 405),
    "admin:view_on_site": alleen_staff(404, 404),  # content has no public object URL
    "admin:app_list": alleen_staff(200, 200),
    "admin/(?P<url>.*)$": alleen_staff(404, 404),
    "admin:auth_user_password_change": alleen_staff(200, 200),
    "admin:afspraken_afspraak_simple_history": alleen_staff(200, 200),
}

# Admin model pages: one row per registered model, statuses for staff per view
# (changelist, add, change, delete, history, and the redirect /<id>/ → /<id>/change/).
BEWERKBAAR = {
    "changelist": (200, 200),
    "add": (200, 200),
    "change": (200, 200),
    "delete": (200, 200),  # an empty POST only shows the question again
    "history": (200, 200),
    "doorverwijzing": (302, 302),
}
# Content comes from files, axes' logs from logins, publications are frozen: view only.
ALLEEN_LEZEN = BEWERKBAAR | {"add": (403, 403), "change": (200, 403), "delete": (403, 403)}
# Axes lets staff delete attempts (to lift a lockout), not add them; its change form is all
# read-only, so a POST saves nothing and redirects.
AXES = BEWERKBAAR | {"add": (403, 403), "change": (200, 302)}
ADMIN_MODELLEN: dict[str, dict[str, tuple[int, int]]] = {
    "auth_group": BEWERKBAAR,
    "auth_user": BEWERKBAAR,
    "axes_accessattempt": AXES,
    "axes_accesslog": AXES,
    "axes_accessfailurelog": AXES,
    "routekaart_stap": ALLEEN_LEZEN,
    "routekaart_partnerrol": ALLEEN_LEZEN,
    "routekaart_actie": ALLEEN_LEZEN,
    "routekaart_pagina": ALLEEN_LEZEN,
    "casussen_fenomeen": ALLEEN_LEZEN,
    "casussen_casus": ALLEEN_LEZEN,
    "afspraken_netwerk": BEWERKBAAR,
    "afspraken_lidmaatschap": BEWERKBAAR,
    "afspraken_soortcasus": BEWERKBAAR,
    "afspraken_afspraak": BEWERKBAAR,
    "afspraken_publicatie": BEWERKBAAR | {"add": (403, 403), "change": (200, 403)},
    # Invitations are made on the Leden page, reminders by a command: view only.
    "leden_uitnodiging": ALLEEN_LEZEN,
    "leden_herinnering": ALLEEN_LEZEN,
}


def _zonder_rem(soort: str, waarden):
    """The example values of a throttled URL, its count for the test client's address reset
    (earlier tests in this process may have used it)."""
    rem.vergeet(soort, "127.0.0.1")
    return waarden


def _code(d) -> str:
    """The example session's join code (made once); the code form's count starts clean."""
    from afspraken import deelname

    rem.vergeet(deelname.REM_SOORT, "127.0.0.1")
    return deelname.zorg_voor_code(d.sessie)


def _admin_verwachting(naam: str) -> dict[str, tuple[int, int]] | None:
    m = re.fullmatch(r"admin:([a-z]+_[a-z]+)_(changelist|add|change|delete|history)", naam)
    if m and m[1] in ADMIN_MODELLEN:
        return alleen_staff(*ADMIN_MODELLEN[m[1]][m[2]])
    return None


# -- walking the URL patterns ---------------------------------------------------------------------


def _patronen(patterns=None, prefix: str = "", ns: str | None = None):
    """(key, route) for every URL pattern; key is "namespace:name", or the route when unnamed."""
    for p in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(p, URLResolver):
            sub = f"{ns}:{p.namespace}" if ns and p.namespace else (p.namespace or ns)
            yield from _patronen(p.url_patterns, prefix + str(p.pattern), sub)
        elif isinstance(p, URLPattern):
            route = prefix + str(p.pattern)
            sleutel = (f"{ns}:{p.name}" if ns else p.name) if p.name else route
            yield sleutel, route


def _url(sleutel: str, route: str, d) -> str:
    if sleutel in VOORBEELDEN:
        waarden = VOORBEELDEN[sleutel](d)
        if isinstance(waarden, str):  # a query string
            return reverse(sleutel) + waarden
        if isinstance(waarden, list):
            return reverse(sleutel, args=waarden)
        return reverse(sleutel, kwargs=waarden)
    m = re.fullmatch(r"admin:([a-z]+_[a-z]+)_(change|delete|history)", sleutel)
    if m and m[1] in d.objecten:
        return reverse(sleutel, kwargs={"object_id": d.objecten[m[1]]})
    # Unnamed admin patterns: "admin/<app>/<model>/<path:object_id>/" and the catch-all.
    m = re.fullmatch(r"admin/([a-z]+)/([a-z]+)/<path:object_id>/", route)
    if m:
        return f"/admin/{m[1]}/{m[2]}/{d.objecten[f'{m[1]}_{m[2]}']}/"
    if route == "admin/(?P<url>.*)$":
        return "/admin/bestaat-niet/"
    if sleutel == route:
        raise AssertionError(f"Geen voorbeeld-URL voor het naamloze patroon {route!r}")
    try:
        return reverse(sleutel)
    except NoReverseMatch:
        pass
    raise AssertionError(f"Geen voorbeeld-URL voor {sleutel!r}: voeg er een toe aan VOORBEELDEN")


def _verwachting(sleutel: str, route: str):
    if sleutel in VERWACHT:
        return VERWACHT[sleutel]
    if (admin := _admin_verwachting(sleutel)) is not None:
        return admin
    m = re.fullmatch(r"admin/([a-z]+)/([a-z]+)/<path:object_id>/", route)
    if m and f"{m[1]}_{m[2]}" in ADMIN_MODELLEN:
        return alleen_staff(*ADMIN_MODELLEN[f"{m[1]}_{m[2]}"]["doorverwijzing"])
    return None


@pytest.fixture
def data(content, netwerk_a, netwerk_b, partner_a, regisseur_a, regisseur_b, staff):
    afspraak = maak_afspraak(netwerk_a, gewijzigd_door=regisseur_a)
    maak_afspraak(netwerk_b, tekst="Van B")
    publicatie = publiceer(netwerk_a, door=regisseur_a)
    publicatie.pdf = b"%PDF-1.7 matrix"  # access is tested here, rendering in tests/afspraken
    publicatie.save()
    AccessAttempt.objects.create(username="x", ip_address="127.0.0.1", failures_since_start=1)
    AccessLog.objects.create(username="x", ip_address="127.0.0.1")
    AccessFailureLog.objects.create(username="x", ip_address="127.0.0.1")
    uitnodiging, uitnodiging_token = uitnodigingen.maak(
        netwerk_a, email="nieuw@example.org", rol="partner", organisatie="Politie", door=None
    )
    objecten = {
        "auth_group": Group.objects.create(name="Groep").pk,
        "auth_user": partner_a.pk,
        "axes_accessattempt": AccessAttempt.objects.first().pk,
        "axes_accesslog": AccessLog.objects.first().pk,
        "axes_accessfailurelog": AccessFailureLog.objects.first().pk,
        "routekaart_stap": Stap.objects.first().pk,
        "routekaart_partnerrol": PartnerRol.objects.first().pk,
        "routekaart_actie": Actie.objects.first().pk,
        "routekaart_pagina": Pagina.objects.first().pk,
        "casussen_fenomeen": Fenomeen.objects.first().pk,
        "casussen_casus": Casus.objects.first().pk,
        "afspraken_netwerk": netwerk_a.pk,
        "afspraken_lidmaatschap": Lidmaatschap.objects.first().pk,
        "afspraken_soortcasus": SoortCasus.objects.first().pk,
        "afspraken_afspraak": afspraak.pk,
        "afspraken_publicatie": publicatie.pk,
        "leden_uitnodiging": uitnodiging.pk,
        "leden_herinnering": Herinnering.objects.create(
            user=regisseur_a,
            netwerk=netwerk_a,
            soort="evaluatie",
            object_id=afspraak.pk,
            verstuurd_op=timezone.localdate(),
        ).pk,
    }
    sessie = maak_sessie(netwerk_a)
    evaluatie = Evaluatie.objects.create(
        netwerk=netwerk_a, datum=sessie.datum, conclusie=Evaluatie.Conclusie.AANPASSEN
    )
    evaluatie.afspraken.add(afspraak)
    return SimpleNamespace(
        afspraak=afspraak,
        uitnodiging=uitnodiging,
        uitnodiging_token=uitnodiging_token,
        lid_partner_a=Lidmaatschap.objects.get(user=partner_a),
        sessie=sessie,
        evaluatie=evaluatie,
        objecten=objecten,
        token=signing.TimestampSigner(salt=LINK_SALT).sign(str(publicatie.pk)),
        personas={
            "anoniem": None,
            "partner_a": partner_a,
            "regisseur_a": regisseur_a,
            "regisseur_b": regisseur_b,
            "staff": staff,
        },
    )


def _status(user, methode: str, url: str) -> int:
    client = Client()
    if user is not None:
        client.force_login(user)
    with transaction.atomic():
        response = client.get(url) if methode == "GET" else client.post(url, {})
        transaction.set_rollback(True)
    return response.status_code


class TestAutorisatie:
    def test_every_url_pattern_has_an_entry_in_the_table(self):
        ontbrekend = [s for s, r in _patronen() if _verwachting(s, r) is None]
        assert not ontbrekend, (
            "Deze URL's staan niet in de autorisatietabel van tests/test_autorisatie.py; voeg ze "
            f"toe aan VERWACHT (of ADMIN_MODELLEN), met voorbeeldwaarden in VOORBEELDEN: {ontbrekend}"
        )

    def test_every_url_answers_every_persona_as_the_table_says(self, data):
        fouten = []
        for sleutel, route in _patronen():
            verwacht = _verwachting(sleutel, route)
            if verwacht is None:
                fouten.append(f"{sleutel}: ontbreekt in de tabel")
                continue
            url = _url(sleutel, route, data)
            for persona, user in data.personas.items():
                for i, methode in enumerate(("GET", "POST")):
                    status = _status(user, methode, url)
                    if status != verwacht[persona][i]:
                        fouten.append(
                            f"{sleutel} {methode} {url} als {persona}: {status}, verwacht {verwacht[persona][i]}"
                        )
        assert not fouten, "\n".join(fouten)
