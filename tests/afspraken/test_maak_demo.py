"""`manage.py maak_demo`: the demo network with the source's example agreements."""

import io

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.test import RequestFactory

from afspraken.koppeling import afspraken_voor_route
from afspraken.models import Afspraak, Netwerk, Publicatie
from routekaart.models import Pagina


def _demo(*args) -> str:
    uit = io.StringIO()
    call_command("maak_demo", *args, stdout=uit)
    return uit.getvalue()


class TestMaakDemo:
    def test_it_creates_the_network_published_agreements_and_two_accounts(self, content):
        uit = _demo("--password", "demo-wachtwoord-123")
        netwerk = Netwerk.objects.get(slug="voorbeeldgemeente")
        publicatie = Publicatie.objects.get(netwerk=netwerk)
        voorbeeld = Pagina.objects.get(slug="afspraken-maken").extra["voorbeeldtabel"]
        assert netwerk.naam == "Voorbeeldgemeente"
        assert publicatie.nummer == 1
        assert [r["soort"] for r in publicatie.rijen] == ["Wapens", "Drugs", "Algemeen"]
        assert publicatie.rijen[0]["tekst"] == voorbeeld[0]["afspraak"]
        assert Afspraak.objects.filter(netwerk=netwerk, status="vastgesteld").count() == 3
        verzoek = RequestFactory().post("/inloggen/")
        for naam, rol in (("regisseur", "regisseur"), ("partner", "partner")):
            user = authenticate(verzoek, username=naam, password="demo-wachtwoord-123")
            assert user is not None
            assert user.lidmaatschappen.get().rol == rol
        assert "/inloggen/" in uit and "demo-wachtwoord-123" in uit

    def test_it_generates_and_prints_a_password(self, content):
        uit = _demo()
        wachtwoord = uit.split("wachtwoord '")[1].split("'")[0]
        assert len(wachtwoord) >= 12
        assert authenticate(RequestFactory().post("/"), username="partner", password=wachtwoord)

    def test_als_leeg_does_nothing_when_a_network_exists(self, content):
        _demo("--als-leeg", "--password", "demo-wachtwoord-123")
        uit = _demo("--als-leeg", "--password", "ander-wachtwoord-456")
        assert "al een netwerk" in uit
        assert Publicatie.objects.count() == 1
        assert authenticate(
            RequestFactory().post("/"), username="partner", password="demo-wachtwoord-123"
        )

    def test_running_it_twice_does_not_duplicate(self, content):
        _demo("--password", "demo-wachtwoord-123")
        _demo("--password", "demo-wachtwoord-123")
        assert Afspraak.objects.count() == 3
        assert Publicatie.objects.count() == 1

    def test_it_links_wapens_and_drugs_to_the_phenomena_of_their_cases(self, content):
        _demo("--password", "demo-wachtwoord-123")
        netwerk = Netwerk.objects.get(slug="voorbeeldgemeente")

        def gekoppeld(naam: str) -> list[str]:
            soort = netwerk.soorten.get(naam=naam)
            return sorted(soort.fenomenen.values_list("slug", flat=True))

        assert gekoppeld("Wapens") == [
            "illegale-handel",
            "intimidatie-en-agressie",
            "rivaliserende-jeugd",
        ]
        assert gekoppeld("Drugs") == ["illegale-handel"]
        assert gekoppeld("Algemeen") == []
        # Published after linking, so the route finds them.
        rijen = {r["soort"]: r for r in Publicatie.objects.get(netwerk=netwerk).rijen}
        assert sorted(rijen["Wapens"]["fenomenen"]) == gekoppeld("Wapens")
        assert rijen["Drugs"]["fenomenen"] == ["illegale-handel"]
        partner = netwerk.lidmaatschappen.get(user__username="partner").user
        assert [a.soort for a in afspraken_voor_route(partner, "illegale-handel")] == [
            "Wapens",
            "Drugs",
            "Algemeen",
        ]
        assert [a.soort for a in afspraken_voor_route(partner, "intimidatie-en-agressie")] == [
            "Wapens",
            "Algemeen",
        ]

    def test_it_needs_the_content(self, zonder_content):
        with pytest.raises(CommandError, match="load_content"):
            _demo()


@pytest.mark.django_db
def test_the_demo_network_has_contacts_to_call(content):
    call_command("maak_demo", password="demo-wachtwoord-123", verbosity=0)
    netwerk = Netwerk.objects.get(slug="voorbeeldgemeente")
    functies = set(netwerk.contacten.values_list("functie", flat=True))
    assert {"jeugdagent", "jeugdboa", "jongerenwerker"} <= functies
    call_command("maak_demo", password="demo-wachtwoord-123", verbosity=0)
    assert netwerk.contacten.count() == 3  # a second run adds none
