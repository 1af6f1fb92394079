"""The network where the route needs it (issue 10, point 2): whom to call and the matching
agreements in step 3's alarm, on step 3, on the review, beside step 5's "partner inschakelen" and in
the report; an anonymous walker gets one line instead."""

from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model

from routekaart import netwerk as naad
from routekaart.models import Actie, Stap
from tests.routekaart.wandeling_hulp import ROUTE, beslissingen_tot, beslissingen_voor_pad, url

pytestmark = pytest.mark.django_db
LOGIN = "Log in om de afspraken en contacten van jouw gemeente te zien"
CONTACT = SimpleNamespace(
    organisatie="Politie Voorbeeld",
    functie="jeugdagent",
    naam="",
    telefoon="0900 8844",
    tel_uri="09008844",
    email="jeugd@voorbeeld.example",
    bereikbaar="werkdagen 8-17",
)
AFSPRAAK = SimpleNamespace(
    netwerk="Voorbeeldgemeente", soort="Wapens", tekst="Bel direct de wijkagent.", wie="Politie"
)


@pytest.fixture
def netwerk(monkeypatch):
    """The network's functions, answering for a member."""
    gevraagd = []

    def afspraken(user, fenomeen):
        gevraagd.append(fenomeen)
        return [AFSPRAAK]

    monkeypatch.setattr(naad, "afspraken_voor_route", afspraken)
    monkeypatch.setattr(naad, "contacten_voor_route", lambda user: [CONTACT])
    return gevraagd


@pytest.fixture
def lid(client):
    client.force_login(get_user_model().objects.create_user("lid-netwerk", password="x-geheim-1"))
    return client


def _stappen():
    alarm = Stap.objects.exclude(alarm={}).get().slug
    review = Stap.objects.get(terugblik=True).slug
    acties = Stap.objects.get(toon_acties=True).slug
    return alarm, review, acties


def _html(client, slug, **query):
    return client.get(url(slug, **beslissingen_tot(slug), **query)).content.decode()


def test_an_anonymous_walker_gets_one_line_where_the_network_would_be(client, content, netwerk):
    alarm, review, acties = _stappen()
    for slug, query in ((alarm, {}), (alarm, {"alarm": "ja"}), (review, {}), (acties, {})):
        html = _html(client, slug, **query)
        assert LOGIN in html, slug
        assert "Bel direct de wijkagent." not in html
        assert "0900 8844" not in html
    assert netwerk == []  # nothing of a network is even looked up for them


def test_the_alarm_shows_whom_to_call_first_then_the_agreements(lid, content, netwerk):
    alarm, _, _ = _stappen()
    html = _html(lid, alarm, fenomeen="illegale-handel", alarm="ja")
    alert = html[html.index('id="alarm"') : html.index("Dit klopt niet")]
    assert alert.index("Wie bel je?") < alert.index("Afspraken in jouw netwerk")
    assert '<a href="tel:09008844">0900 8844</a>' in alert
    assert '<a href="mailto:jeugd@voorbeeld.example">' in alert
    assert "Bel direct de wijkagent." in alert
    assert html.count("Bel direct de wijkagent.") == 1
    assert netwerk[-1] == "illegale-handel"


@pytest.mark.parametrize("welke", ["alarmstap", "review"])
def test_step_3_and_the_review_show_the_network(lid, content, netwerk, welke):
    alarm, review, _ = _stappen()
    html = _html(lid, alarm if welke == "alarmstap" else review)
    sectie = html[html.index('id="netwerk-kop"') :]
    assert "0900 8844" in sectie
    assert "Bel direct de wijkagent." in sectie
    assert LOGIN not in html


def test_step_5_shows_the_network_beside_bringing_in_a_partner(lid, content, netwerk):
    _, _, acties = _stappen()
    actie = Actie.objects.get(netwerk=True)
    html = _html(lid, acties)
    blok = html[html.index(f'name="actie-{actie.slug}"') :]
    blok = blok[: blok.index("</fieldset>")]
    assert "0900 8844" in blok
    assert "Bel direct de wijkagent." in blok
    assert html.count("0900 8844") == 1  # only there


def test_the_report_holds_the_contacts_and_the_agreements(lid, content, netwerk):
    pad = max(ROUTE.paden(), key=len)
    query = "&".join(f"{k}={v}" for k, v in beslissingen_voor_pad(pad).items())
    html = lid.get(f"/route/verslag/?{query}").content.decode()
    assert "Wie bel je?" in html
    assert "Politie Voorbeeld" in html
    assert "Bel direct de wijkagent." in html


def test_the_login_line_returns_to_the_step(client, content, netwerk):
    alarm, _, _ = _stappen()
    html = _html(client, alarm)
    assert 'href="/inloggen/?next=%2Froute%2F' in html


def test_the_report_tells_an_anonymous_walker_how_to_see_the_network(client, content, netwerk):
    pad = max(ROUTE.paden(), key=len)
    query = "&".join(f"{k}={v}" for k, v in beslissingen_voor_pad(pad).items())
    html = client.get(f"/route/verslag/?{query}").content.decode()
    assert LOGIN in html
    assert "Wie bel je?" not in html


def test_without_a_phenomenon_every_agreement_is_folded_per_case_type(lid, content, monkeypatch):
    algemeen = SimpleNamespace(netwerk="Voorbeeldgemeente", soort="Algemeen", tekst="Deel.", wie="")
    monkeypatch.setattr(naad, "afspraken_voor_route", lambda u, f: [AFSPRAAK, algemeen])
    monkeypatch.setattr(naad, "contacten_voor_route", lambda user: [])
    alarm, _, _ = _stappen()
    html = _html(lid, alarm, fenomeen="onbekend")
    assert html.count('<details class="netwerk__soort">') == 2
    assert "<summary>Wapens " in html
    html = _html(lid, alarm, fenomeen="illegale-handel")
    assert '<details class="netwerk__soort">' not in html
    assert "Bel direct de wijkagent." in html
