"""Who reaches what of "Meedoen op je telefoon", for every URL of afspraken/urls_deelname.py:
anonymous without and with a claim of this session, a claim of another session, a partner of
the network, the regisseur of another network (and the regisseur of this one for the controls).

A claim reaches only its own session's participant pages, and writes only its own
participant's answers; an account (partner, regisseur) is no claim. Refused requests change
nothing: the code, the claims and the answers stay as they were."""

import pytest
from django.test import Client
from django.urls import reverse

from afspraken import deelname
from afspraken.models import Deelnemer, Inbreng, Sessie
from kern import rem
from tests.afspraken.sessie_hulp import maak_sessie

PERSONAS = ("anoniem", "claim", "claim_andere_sessie", "partner_a", "regisseur_b", "regisseur_a")


@pytest.fixture(autouse=True)
def schone_rem():
    rem.vergeet(deelname.REM_SOORT, "127.0.0.1")


@pytest.fixture
def opzet(content, netwerk_a, netwerk_b, partner_a, regisseur_a, regisseur_b):
    sessie = maak_sessie(netwerk_a)
    deelname.geef_code(sessie)
    ander = maak_sessie(netwerk_a)
    deelname.geef_code(ander)
    for s in (sessie, ander):
        s.casussen.first().deelnemers.add(s.deelnemers.get(naam="Ayla"))

    def met_claim(s: Sessie) -> Client:
        client = Client()
        ayla = s.deelnemers.get(naam="Ayla")
        client.post(reverse("afspraken:doe-mee-wie", args=[s.code]), {"deelnemer": ayla.pk})
        return client

    def ingelogd(user) -> Client:
        client = Client()
        client.force_login(user)
        return client

    clients = {
        "anoniem": Client(),
        "claim": met_claim(sessie),
        "claim_andere_sessie": met_claim(ander),
        "partner_a": ingelogd(partner_a),
        "regisseur_b": ingelogd(regisseur_b),
        "regisseur_a": ingelogd(regisseur_a),
    }
    return sessie, clients


def _stand(sessie: Sessie):
    """What a refused request must leave alone."""
    return (
        Sessie.objects.values_list("code", flat=True).get(pk=sessie.pk),
        sorted(Deelnemer.objects.filter(sessie=sessie).values_list("pk", "claim")),
        sorted(Inbreng.objects.values_list("pk", "revisie", "duiding")),
    )


def _urls(sessie: Sessie) -> dict:
    sc = sessie.eerste_casus()
    ayla = sessie.deelnemers.get(naam="Ayla")
    a = ["gemeente-a", sessie.pk]
    return {
        "doe-mee": (reverse("afspraken:doe-mee"), {}),
        "doe-mee-wie": (reverse("afspraken:doe-mee-wie", args=[sessie.code]), {}),
        "doe-mee-casussen": (reverse("afspraken:doe-mee-casussen", args=[sessie.code]), {}),
        "doe-mee-status": (reverse("afspraken:doe-mee-status", args=[sessie.code]), {}),
        "doe-mee-inbreng": (
            reverse("afspraken:doe-mee-inbreng", args=[sessie.code, sc.casus.slug]),
            {f"c{sc.pk}-revisie": "0", f"c{sc.pk}-duiding": "Mijn duiding"},
        ),
        "sessie-code": (reverse("afspraken:sessie-code", args=a), {}),
        "sessie-vrijgeven": (reverse("afspraken:sessie-vrijgeven", args=[*a, ayla.pk]), {}),
    }


# (GET, POST) per persona, in PERSONAS order. A claim of this session reaches its own page,
# status and answers; everyone else is sent to "Wie ben jij?" or refused (403). The controls:
# the regisseur of this network only (anonymous, also with a claim: the login; a partner: 403;
# another network: 404).
IEDEREEN = ((200, 200),) * 6
VERWACHT = {
    "doe-mee": IEDEREEN,
    "doe-mee-wie": IEDEREEN,
    "doe-mee-casussen": ((302, 405), (200, 405), (302, 405), (302, 405), (302, 405), (302, 405)),
    "doe-mee-status": ((403, 405), (200, 405), (403, 405), (403, 405), (403, 405), (403, 405)),
    "doe-mee-inbreng": ((405, 403), (405, 302), (405, 403), (405, 403), (405, 403), (405, 403)),
    "sessie-code": ((405, 302), (405, 302), (405, 302), (405, 403), (405, 404), (405, 302)),
    "sessie-vrijgeven": ((405, 302), (405, 302), (405, 302), (405, 403), (405, 404), (405, 302)),
}
SCHRIJVEN = {  # (persona, URL) whose POST may change something
    ("claim", "doe-mee-inbreng"),
    ("regisseur_a", "sessie-code"),
    ("regisseur_a", "sessie-vrijgeven"),
}


def test_every_url_of_the_participants_side_is_in_this_table():
    from afspraken import urls_deelname

    namen = {p.name for p in urls_deelname.doe_mee + urls_deelname.regie}
    assert namen == set(VERWACHT)


@pytest.mark.parametrize("naam", list(VERWACHT))
def test_every_persona_gets_what_the_table_says_and_refusals_change_nothing(opzet, naam):
    sessie, clients = opzet
    adres, data = _urls(sessie)[naam]
    fouten = []
    for persona, (get, post) in zip(PERSONAS, VERWACHT[naam], strict=True):
        client = clients[persona]
        if (status := client.get(adres).status_code) != get:
            fouten.append(f"GET {naam} als {persona}: {status}, verwacht {get}")
        voor = _stand(sessie)
        if (status := client.post(adres, data).status_code) != post:
            fouten.append(f"POST {naam} als {persona}: {status}, verwacht {post}")
        if (persona, naam) not in SCHRIJVEN and _stand(sessie) != voor:
            fouten.append(f"POST {naam} als {persona} veranderde iets")
    assert not fouten, "\n".join(fouten)


def test_a_claim_writes_only_its_own_participant_s_answer(opzet):
    sessie, clients = opzet
    adres, data = _urls(sessie)["doe-mee-inbreng"]
    clients["claim"].post(adres, data)
    a = Inbreng.objects.get()
    assert (a.sessie, a.deelnemer.naam, a.duiding) == (sessie, "Ayla", "Mijn duiding")


def test_the_login_page_is_where_anonymous_controls_lead(opzet):
    sessie, clients = opzet
    adres, _ = _urls(sessie)["sessie-code"]
    response = clients["claim"].post(adres)
    assert response.url.startswith(reverse("login"))
    assert Sessie.objects.get(pk=sessie.pk).code == sessie.code
