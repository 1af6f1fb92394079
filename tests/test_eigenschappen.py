"""No input makes the site answer 500: a property-based test (Hypothesis) over EVERY URL pattern
outside the admin.

Each example picks a URL pattern, fills its path converters with a real object of the test data
(network "gemeente-a", its agreements, a session with cases and participants, a publication, an
evaluation, the shipped content) or a generated value (huge integers included), and sends a GET
or a POST (CSRF checks off, as Django's test client does), as the network's regisseur or
anonymously, with query parameters and form fields filled with arbitrary text, Unicode digits
("²", "٣"), 25-digit numbers and extreme dates.

The field names are the ones the pages really have: before generating, the test reads every
page once and collects, per URL pattern, the names of the form fields that post to it and the
query keys of the links that point to it (so `a<pk>-versie`, `casus-<pk>`,
`deelnemers-TOTAL_FORMS` come from the forms themselves), plus the query keys views read.

Every 500 found is collected (one per URL pattern and exception site) and reported at the end
with the request and the last lines of the traceback, rather than stopping at the first one.
"""

from __future__ import annotations

import itertools
import re
import traceback
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import parse_qsl, quote, urlencode, urlsplit

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.urls.exceptions import Resolver404
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from afspraken.models import Evaluatie
from casussen.models import Casus, Fenomeen
from routekaart.models import Pagina, PartnerRol, Stap
from tests.afspraken.personas import *  # noqa: F403 (the persona fixtures)
from tests.afspraken.personas import maak_afspraak, publiceer
from tests.afspraken.sessie_hulp import maak_sessie

PER_PATROON = 15  # examples per URL pattern: about 15 s for all of them
CSRF = "csrfmiddlewaretoken"  # the test client skips the CSRF check
# Query keys the views read, besides those found in links; and form fields of every form.
QUERY_SLEUTELS = [
    *("modus", "rol", "fenomeen", "casus", "partners", "ingrijpen", "alarm"),
    *("sessie", "afspraak", "start", "stap", "kopie", "weergave", "next", "pagina"),
]
FORMVELDEN = [
    *("sessie", "afspraak", "start", "stap", "datum", "casussen", "afspraken", "notitie"),
    *("vragen", "antwoord", "beslissing", "modus", "rol", "fenomeen", "richting", "versie"),
    "actie",
    *("deelnemers-TOTAL_FORMS", "deelnemers-INITIAL_FORMS", "deelnemers", "conclusie"),
    *("meer_rijen", "weergave", "naam", "username", "password", "alarm"),
]
VREEMD = [
    *("", "0", "-1", "1", "2", "²", "٣", "1²", "³", "1.5", "1e400", "nan", " 1"),
    *("9" * 25, "-" + "9" * 25, "1" + "0" * 24, "9223372036854775808"),
    *("9999-12-31", "0001-01-01", "2026-02-30", "31-12-9999", "9999-12-31T23:59:59"),
    *("0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59+00:00", "9999-12-31T23:59:59-14:00"),
    *("nu", "ja", "nee", "op", "neer", "online", "offline", "boa", "politie", "onbekend"),
    *("verdeel", "concept", "vastgesteld", "blijft", "aanpassen", "tabel", "on", "true"),
    *("fraude", "bericht-duiden", "\x00", "<script>alert(1)</script>", "%", "é" * 3000),
]


# -- the URL patterns -------------------------------------------------------------------------


def _patronen(patterns=None, prefix: str = ""):
    """(route, converters) of every URL pattern outside the admin and the static files."""
    for p in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(p.pattern)
        if route.startswith(("admin/", "static/")):
            continue
        if isinstance(p, URLResolver):
            yield from _patronen(p.url_patterns, route)
        elif isinstance(p, URLPattern):
            yield route


BASE_DIR = Path(__file__).resolve().parent.parent
PARAMETER = re.compile(r"<(?:(?P<soort>\w+):)?(?P<naam>\w+)>")


def _vul(route: str, waarden: dict[str, str]) -> str:
    return "/" + PARAMETER.sub(lambda m: quote(waarden[m["naam"]], safe=""), route)


def _patroon_van(pad: str) -> str | None:
    try:
        return resolve(pad).route
    except Resolver404:
        return None


# -- the field names the pages really have --------------------------------------------------------


class _Velden(HTMLParser):
    """Form field names per form action, and query keys per link target ("?" + target), of one
    page."""

    def __init__(self, pagina: str):
        super().__init__()
        self.pagina = pagina
        self.formulier: str | None = None
        self.per_doel: dict[str, set[str]] = defaultdict(set)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.formulier = a.get("action") or self.pagina
        for attribuut in ("href", "hx-get", "hx-post", "action"):
            if doel := a.get(attribuut):
                delen = urlsplit(doel)
                sleutels = {k for k, _ in parse_qsl(delen.query)}
                self.per_doel["?" + (delen.path or self.pagina)] |= sleutels
        naam = a.get("name")
        if tag in ("input", "select", "textarea", "button") and naam and naam != CSRF:
            self.per_doel[a.get("hx-post") or self.formulier or self.pagina].add(naam)

    def handle_endtag(self, tag):
        if tag == "form":
            self.formulier = None


def _oogst(client: Client, urls: list[str]) -> dict[str, set[str]]:
    """GET every URL and collect, per URL pattern, the field and query names aimed at it."""
    per_patroon: dict[str, set[str]] = defaultdict(set)
    for url in urls:
        response = client.get(url)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        parser = _Velden(urlsplit(url).path)
        parser.feed(response.content.decode())
        for doel, namen in parser.per_doel.items():
            vraag, pad = ("?", doel[1:]) if doel.startswith("?") else ("", doel)
            if pad.startswith("/") and (patroon := _patroon_van(pad)) is not None:
                per_patroon[vraag + patroon] |= namen
    return per_patroon


# -- the test data ------------------------------------------------------------------------------


@pytest.fixture
def data(content, netwerk_a, regisseur_a, partner_a):
    afspraak = maak_afspraak(netwerk_a, gewijzigd_door=regisseur_a)
    maak_afspraak(netwerk_a, soort="Drugs", tekst="Bel de wijkagent.", gewijzigd_door=regisseur_a)
    publicatie = publiceer(netwerk_a, door=regisseur_a)
    sessie = maak_sessie(netwerk_a)
    evaluatie = Evaluatie.objects.create(
        netwerk=netwerk_a, datum=sessie.datum, conclusie=Evaluatie.Conclusie.AANPASSEN
    )
    evaluatie.afspraken.add(afspraak)
    stappen = list(Stap.objects.values_list("slug", flat=True))
    # A `<slug:slug>` names a different kind of object under each prefix.
    slugs = {
        "casussen": list(Fenomeen.objects.values_list("slug", flat=True)),
        "partners": list(PartnerRol.objects.values_list("slug", flat=True)),
        "stappen": stappen,
        "route": stappen,
        "": list(Pagina.objects.values_list("slug", flat=True)),
    }
    echt = {
        "netwerk": [netwerk_a.slug],
        "pk": [afspraak.pk, sessie.pk, evaluatie.pk],
        "afspraak": [afspraak.pk],
        "nummer": [publicatie.nummer],
        "deelnemer": list(sessie.deelnemers.values_list("pk", flat=True)),
        "casus": list(Casus.objects.values_list("slug", flat=True)),
        **{f"slug:{voorvoegsel}": waarden for voorvoegsel, waarden in slugs.items()},
        "token": _gedeelde_link(regisseur_a, netwerk_a.slug, publicatie.nummer),
    }
    return SimpleNamespace(
        regisseur=regisseur_a,
        echt={naam: [str(w) for w in waarden] for naam, waarden in echt.items()},
        # Real primary keys as field values too: `afspraken=<pk>`, `sessie=<pk>`.
        pks=[str(w) for w in (*echt["pk"], *echt["deelnemer"])],
    )


def _gedeelde_link(regisseur, netwerk: str, nummer: int) -> list[str]:
    """The token of a signed PDF link, made as the regisseur makes one: through HTTP."""
    client = Client()
    client.force_login(regisseur)
    html = client.post(reverse("afspraken:link", args=[netwerk, nummer]), follow=True)
    pad = reverse("afspraken:gedeelde-pdf", args=["TOKEN"]).replace("TOKEN", '([^/"]+)')
    return re.findall(pad, html.content.decode())[:1]


def _echt(echt: dict[str, list[str]], naam: str, voorvoegsel: str) -> list[str]:
    """The real values for a path parameter of a pattern that starts with `voorvoegsel`."""
    if naam == "slug":
        return echt.get(f"slug:{voorvoegsel}", [])
    return echt.get(naam, [])


def _echte_urls(routes: list[str], echt: dict[str, list[str]]) -> list[str]:
    """Every URL pattern with every combination of real values (for harvesting field names)."""
    urls = []
    for route in routes:
        namen = [m["naam"] for m in PARAMETER.finditer(route)]
        if route.endswith(("pdf/", ".pdf")):
            continue  # no fields, and slow
        voorvoegsel = "" if route.startswith("<") else route.split("/")[0]
        waarden = [_echt(echt, n, voorvoegsel) or ["1"] for n in namen]
        for combinatie in itertools.product(*waarden):
            urls.append(_vul(route, dict(zip(namen, combinatie, strict=True))))
    return urls


# -- strategies ---------------------------------------------------------------------------------


def _waarde(pks: list[str]) -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(VREEMD + pks),
        st.text(max_size=40),
        st.integers(min_value=-(10**30), max_value=10**30).map(str),
        st.dates().map(str),
    )


def _pad_waarde(soort: str | None, echt: list[str]) -> st.SearchStrategy[str]:
    """A real object's key most of the time, else a generated value the converter accepts."""
    if soort == "int":
        gemaakt = st.integers(min_value=0, max_value=10**30).map(str)
    elif soort == "slug":
        gemaakt = st.from_regex(r"[-a-zA-Z0-9_]{1,40}", fullmatch=True)
    else:
        gemaakt = st.text(min_size=1, max_size=40).filter(lambda t: "/" not in t)
    # Mostly real, so that the view gets past its lookups to the query and the form.
    return st.one_of(st.sampled_from(echt), st.sampled_from(echt), gemaakt) if echt else gemaakt


def _meervoud(waarde: st.SearchStrategy[str]) -> st.SearchStrategy[list[str]]:
    return st.lists(waarde, min_size=1, max_size=3)


def _velden(namen: list[str], waarde: st.SearchStrategy[str]):
    """A few of the fields, or all of them at once (every parser of the view gets a value)."""
    meervoud = _meervoud(waarde)
    return st.one_of(
        st.dictionaries(st.sampled_from(namen), meervoud, max_size=4),
        st.fixed_dictionaries(dict.fromkeys(namen, meervoud)),
    )


def _plek(exc: BaseException) -> str:
    """Where our code raised: the innermost frame in the project (not in a library), and the
    exception itself."""
    frames = traceback.extract_tb(exc.__traceback__)
    eigen = [
        f for f in frames if f.filename.startswith(str(BASE_DIR)) and ".venv" not in f.filename
    ]
    f = (eigen or frames)[-1]
    pad = Path(f.filename).resolve()
    pad = pad.relative_to(BASE_DIR) if pad.is_relative_to(BASE_DIR) else pad
    return f"{pad}:{f.lineno} in {f.name}: {f.line}\n    {type(exc).__name__}: {exc}"


def _querystring(query: dict[str, list[str]]) -> str:
    return urlencode([(k, v) for k, waarden in query.items() for v in waarden])


class TestEigenschappen:
    def test_no_url_answers_500_whatever_the_input(self, data):
        routes = list(_patronen())
        assert len(routes) > 30
        regisseur = Client(raise_request_exception=False)
        regisseur.force_login(data.regisseur)
        velden = _oogst(regisseur, _echte_urls(routes, data.echt))
        anoniem = Client(raise_request_exception=False)
        waarde = _waarde(data.pks)
        fouten: dict[tuple[str, str], str] = {}

        def verken(route: str) -> None:
            """PER_PATROON generated requests to one URL pattern."""
            voorvoegsel = "" if route.startswith("<") else route.split("/")[0]
            paden = {
                m["naam"]: _pad_waarde(m["soort"], _echt(data.echt, m["naam"], voorvoegsel))
                for m in PARAMETER.finditer(route)
            }
            query_namen = sorted(velden["?" + route] | set(QUERY_SLEUTELS))
            form_namen = sorted(velden[route] | set(FORMVELDEN))

            @settings(
                max_examples=PER_PATROON,
                deadline=None,
                database=None,
                phases=[Phase.generate],  # every failure is collected below, none shrunk
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
            )
            @given(
                waarden=st.fixed_dictionaries(paden),
                query=_velden(query_namen, waarde),
                methode=st.sampled_from(["GET", "POST"]),
                formulier=_velden(form_namen, waarde),
                ingelogd=st.booleans(),
                htmx=st.booleans(),
            )
            def verzoek(waarden, query, methode, formulier, ingelogd, htmx):
                client = regisseur if ingelogd else anoniem
                if ingelogd:
                    client.force_login(data.regisseur)  # a POST to /uitloggen/ logs out
                url = _vul(route, waarden) + ("?" + _querystring(query) if query else "")
                koppen = {"HTTP_HX_REQUEST": "true"} if htmx else {}
                # Each request in its own rolled-back transaction: a POST that deletes or
                # publishes changes nothing for the next example.
                with transaction.atomic():
                    if methode == "GET":
                        response = client.get(url, **koppen)
                    else:
                        response = client.post(url, formulier, **koppen)
                    transaction.set_rollback(True)
                if response.status_code < 500:
                    return
                exc_info = getattr(response, "exc_info", None)
                plek = _plek(exc_info[1]) if exc_info else "(geen exception opgevangen)"
                fouten.setdefault(
                    (route, plek.split("\n")[0]),
                    f"{methode} {url} {'als regisseur' if ingelogd else 'anoniem'}"
                    f"{' (htmx)' if htmx else ''}"
                    f"{f' formulier={formulier!r}' if methode == 'POST' else ''}"
                    f" -> {response.status_code}\n    {plek}",
                )

            verzoek()

        for route in routes:
            verken(route)
        assert not fouten, f"{len(fouten)} soorten 500:\n" + "\n\n".join(fouten.values())
