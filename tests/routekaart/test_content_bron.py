"""The source document's routekaart, as hard-coded lists: not derived from content/, so that a
file that goes missing or is renamed cannot take its own test with it."""

import pytest

from casussen.models import Casus, Fenomeen
from routekaart.models import Actie, PartnerRol, Stap
from routekaart.route import Route
from tests.hulp_paginas import pagina_tekst

# The route of the source, in the order of its longest path (partners: ja, ingrijpen: ja).
ROUTE_TITELS = [
    "Bericht duiden",
    "Contextinformatie",
    "Partner(s) betrekken?",
    "Doorloop samen stap 1 en 2",
    "Ingrijpen?",
    "Mogelijke online/offline acties",
    "Evalueren",
]
PARTNERS = ["Jongerenwerk", "Politie", "Gemeente boa's", "Gemeente OOV"]
# The eight phenomena (short names) and the mode of the example case the source gives each.
FENOMENEN = {
    "Rivaliserende jeugd": "online",
    "Seksueel grensoverschrijdend gedrag": "offline",
    "Fraude": "online",
    "Aangejaagde ordeverstoringen": "offline",
    "Intimidatie en agressie": "online",
    "Illegale handel": "offline",
    "Radicalisering en extremisme": "online",
    "Cybercriminaliteit": "offline",
}
ONLINE_ACTIES = ["openbare reactie", "direct message", "bellen", "openbaar online bericht"]
OFFLINE_ACTIES = ["opzoeken", "collega of partner", "ouder of voogd", "afwachten", "handhavend"]


def _fenomeen(naam: str) -> Fenomeen:
    (fenomeen,) = [f for f in Fenomeen.objects.all() if naam.lower() in f.titel.lower()]
    return fenomeen


def test_the_longest_path_has_the_sources_steps_in_order(content):
    route = Route.uit_stappen(Stap.objects.all())
    pad = route.pad_naar(
        next(s.slug for s in Stap.objects.filter(aard="evaluatie")),
        {"partners": "ja", "ingrijpen": "ja"},
    )
    assert [route[slug].titel for slug in pad[1:]] == ROUTE_TITELS


def test_the_route_starts_with_the_optional_context_step(content):
    assert Stap.objects.filter(aard="start").count() == 1


def test_steps_3_and_4_are_the_two_decisions(content):
    beslissingen = Stap.objects.filter(aard="beslissing").order_by("nummer")
    assert [(s.nummer, s.titel) for s in beslissingen] == [
        (3, "Partner(s) betrekken?"),
        (4, "Ingrijpen?"),
    ]


@pytest.mark.parametrize("titel", ROUTE_TITELS)
def test_each_route_step_has_its_own_explanation_page(client, content, titel):
    stap = Stap.objects.get(titel=titel)
    assert titel in pagina_tekst(client, f"/stappen/{stap.slug}/")


def test_there_are_exactly_the_four_core_partners(content):
    assert list(PartnerRol.objects.values_list("titel", flat=True)) == PARTNERS


def test_the_four_core_partners_are_on_the_partners_page(client, content):
    tekst = pagina_tekst(client, "/partners/")
    assert [p for p in PARTNERS if p not in tekst] == []


def test_there_are_exactly_the_eight_phenomena(content):
    assert Fenomeen.objects.count() == 8
    assert {_fenomeen(naam).slug for naam in FENOMENEN} == set(
        Fenomeen.objects.values_list("slug", flat=True)
    )


def test_the_eight_phenomena_are_on_the_casussen_page(client, content):
    tekst = pagina_tekst(client, "/casussen/").lower()
    assert [naam for naam in FENOMENEN if naam.lower() not in tekst] == []


@pytest.mark.parametrize(("naam", "modus"), FENOMENEN.items())
def test_each_phenomenon_has_one_case_in_the_sources_mode(content, naam, modus):
    assert list(_fenomeen(naam).casussen.values_list("modus", flat=True)) == [modus]


def test_four_cases_are_online_and_four_offline(content):
    assert Casus.objects.filter(modus="online").count() == 4
    assert Casus.objects.filter(modus="offline").count() == 4


def test_step_5_has_the_sources_four_online_and_five_offline_actions(content):
    online = [a.titel.lower() for a in Actie.objects.filter(modus="online")]
    offline = [a.titel.lower() for a in Actie.objects.filter(modus="offline")]
    assert len(online) == 4
    assert len(offline) == 5
    assert [w for w in ONLINE_ACTIES if not any(w in t for t in online)] == []
    assert [w for w in OFFLINE_ACTIES if not any(w in t for t in offline)] == []
