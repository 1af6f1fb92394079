"""The route's step 3 shows the published agreements that fit the chosen phenomenon."""

from django.contrib.auth.models import AnonymousUser

from afspraken.koppeling import afspraken_voor_route
from afspraken.models import Afspraak, SoortCasus
from tests.afspraken.personas import maak_afspraak, publiceer


def _afspraak(netwerk, soort: SoortCasus, tekst: str, **extra):
    return Afspraak.objects.create(
        netwerk=netwerk, soort=soort, tekst=tekst, wie="Politie", status="vastgesteld", **extra
    )


class TestAfsprakenVoorRoute:
    def test_it_returns_the_matching_and_general_rows_of_the_latest_version(
        self, content, netwerk_a, partner_a
    ):
        fraude = netwerk_a.soorten.get(fenomeen__slug="fraude")
        _afspraak(netwerk_a, fraude, "Oude fraudeafspraak")
        publiceer(netwerk_a)
        Afspraak.objects.all().delete()
        _afspraak(netwerk_a, fraude, "Fraude: bel de wijkagent")
        _afspraak(netwerk_a, netwerk_a.soorten.get(naam="Algemeen"), "Algemeen: deel context niet")
        _afspraak(
            netwerk_a,
            netwerk_a.soorten.get(fenomeen__slug="radicalisering-en-extremisme"),
            "Andere soort",
        )
        maak_afspraak(netwerk_a, soort="Wapens", tekst="Wapens")
        publiceer(netwerk_a)
        _afspraak(netwerk_a, fraude, "Nog niet gepubliceerd")

        rijen = afspraken_voor_route(partner_a, "fraude")
        assert [(r.netwerk, r.soort, r.tekst, r.wie) for r in rijen] == [
            ("Gemeente A", "Fraude", "Fraude: bel de wijkagent", "Politie"),
            ("Gemeente A", "Algemeen", "Algemeen: deel context niet", "Politie"),
        ]

    def test_unknown_phenomenon_gives_only_general_rows(self, content, netwerk_a, partner_a):
        _afspraak(netwerk_a, netwerk_a.soorten.get(fenomeen__slug="fraude"), "Fraude")
        _afspraak(netwerk_a, netwerk_a.soorten.get(naam="Algemeen"), "Algemeen")
        publiceer(netwerk_a)
        assert [r.tekst for r in afspraken_voor_route(partner_a, "")] == ["Algemeen"]

    def test_it_never_returns_another_networks_rows(self, content, netwerk_a, netwerk_b, partner_a):
        _afspraak(netwerk_b, netwerk_b.soorten.get(naam="Algemeen"), "Van B")
        publiceer(netwerk_b)
        assert afspraken_voor_route(partner_a, "fraude") == []

    def test_anonymous_users_get_nothing(self, content, netwerk_a):
        _afspraak(netwerk_a, netwerk_a.soorten.get(naam="Algemeen"), "Algemeen")
        publiceer(netwerk_a)
        assert afspraken_voor_route(AnonymousUser(), "fraude") == []


class TestStapDrie:
    def test_a_member_walking_the_route_sees_the_matching_agreement_at_step_3(
        self, client, content, netwerk_a, partner_a
    ):
        _afspraak(
            netwerk_a,
            netwerk_a.soorten.get(fenomeen__slug="fraude"),
            "Fraude: bel eerst de wijkagent",
        )
        _afspraak(
            netwerk_a,
            netwerk_a.soorten.get(fenomeen__slug="radicalisering-en-extremisme"),
            "Niet deze",
        )
        publiceer(netwerk_a)
        client.force_login(partner_a)
        html = client.get("/route/partners-betrekken/?fenomeen=fraude").content.decode()
        assert "Fraude: bel eerst de wijkagent" in html
        assert "Niet deze" not in html
