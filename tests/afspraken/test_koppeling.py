"""The route's step 3 shows the published agreements that fit the chosen phenomenon."""

from django.contrib.auth.models import AnonymousUser

from afspraken.koppeling import RouteAfspraak, SoortGroep, afspraken_voor_route, per_soort
from afspraken.models import Afspraak, SoortCasus
from casussen.models import Fenomeen
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

    def test_a_case_type_shows_for_each_phenomenon_it_is_linked_to(
        self, content, netwerk_a, partner_a
    ):
        maak_afspraak(netwerk_a, soort="Wapens", tekst="Messen: bel de wijkagent")
        maak_afspraak(netwerk_a, soort="Drugs", tekst="Drugs: niet voor deze")
        netwerk_a.soorten.get(naam="Wapens").fenomenen.set(
            Fenomeen.objects.filter(slug__in=["illegale-handel", "rivaliserende-jeugd"])
        )
        maak_afspraak(netwerk_a, soort="Algemeen", tekst="Algemeen")
        publiceer(netwerk_a)
        assert [r.tekst for r in afspraken_voor_route(partner_a, "illegale-handel")] == [
            "Messen: bel de wijkagent",
            "Algemeen",
        ]
        assert [r.tekst for r in afspraken_voor_route(partner_a, "rivaliserende-jeugd")] == [
            "Messen: bel de wijkagent",
            "Algemeen",
        ]
        assert [r.tekst for r in afspraken_voor_route(partner_a, "fraude")] == ["Algemeen"]

    def test_an_unlinked_phenomenon_type_no_longer_shows_for_its_phenomenon(
        self, content, netwerk_a, partner_a
    ):
        fraude = netwerk_a.soorten.get(fenomeen__slug="fraude")
        fraude.fenomenen.clear()
        _afspraak(netwerk_a, fraude, "Fraude")
        publiceer(netwerk_a)
        assert afspraken_voor_route(partner_a, "fraude") == []

    def test_links_count_as_they_were_when_the_version_was_published(
        self, content, netwerk_a, partner_a
    ):
        wapens = maak_afspraak(netwerk_a, soort="Wapens", tekst="Wapens").soort
        publiceer(netwerk_a)
        wapens.fenomenen.set(Fenomeen.objects.filter(slug="illegale-handel"))
        assert afspraken_voor_route(partner_a, "illegale-handel") == []

    def test_rows_published_before_links_existed_use_their_own_phenomenon(
        self, content, netwerk_a, partner_a
    ):
        _afspraak(netwerk_a, netwerk_a.soorten.get(fenomeen__slug="fraude"), "Oud: fraude")
        _afspraak(netwerk_a, netwerk_a.soorten.get(naam="Algemeen"), "Oud: algemeen")
        publicatie = publiceer(netwerk_a)
        for rij in publicatie.rijen:
            del rij["fenomenen"]
        publicatie.save()
        assert [r.tekst for r in afspraken_voor_route(partner_a, "fraude")] == [
            "Oud: fraude",
            "Oud: algemeen",
        ]
        assert [r.tekst for r in afspraken_voor_route(partner_a, "illegale-handel")] == [
            "Oud: algemeen"
        ]

    def test_unknown_phenomenon_gives_every_row(self, content, netwerk_a, partner_a):
        """ "Weet ik nog niet": any agreement may apply, so the route shows them all."""
        _afspraak(netwerk_a, netwerk_a.soorten.get(fenomeen__slug="fraude"), "Fraude")
        _afspraak(netwerk_a, netwerk_a.soorten.get(naam="Algemeen"), "Algemeen")
        maak_afspraak(netwerk_a, soort="Wapens", tekst="Wapens")  # linked to nothing
        publiceer(netwerk_a)
        assert [r.tekst for r in afspraken_voor_route(partner_a, "")] == [
            "Fraude",
            "Algemeen",
            "Wapens",
        ]

    def test_it_never_returns_another_networks_rows(self, content, netwerk_a, netwerk_b, partner_a):
        _afspraak(netwerk_b, netwerk_b.soorten.get(naam="Algemeen"), "Van B")
        publiceer(netwerk_b)
        assert afspraken_voor_route(partner_a, "fraude") == []

    def test_anonymous_users_get_nothing(self, content, netwerk_a):
        _afspraak(netwerk_a, netwerk_a.soorten.get(naam="Algemeen"), "Algemeen")
        publiceer(netwerk_a)
        assert afspraken_voor_route(AnonymousUser(), "fraude") == []


class TestPerSoort:
    def test_it_groups_by_network_and_case_type_with_algemeen_last(self):
        def rij(netwerk, soort, tekst):
            return RouteAfspraak(netwerk=netwerk, soort=soort, tekst=tekst, wie="Politie")

        a1, a2 = rij("A", "Algemeen", "a1"), rij("A", "Wapens", "a2")
        a3, b1 = rij("A", "Algemeen", "a3"), rij("B", "Wapens", "b1")
        a4 = rij("A", "Drugs", "a4")
        assert per_soort([a1, a2, a3, b1, a4]) == [
            SoortGroep(netwerk="A", soort="Wapens", afspraken=(a2,)),
            SoortGroep(netwerk="A", soort="Drugs", afspraken=(a4,)),
            SoortGroep(netwerk="A", soort="Algemeen", afspraken=(a1, a3)),
            SoortGroep(netwerk="B", soort="Wapens", afspraken=(b1,)),
        ]

    def test_nothing_gives_no_groups(self):
        assert per_soort([]) == []

    def test_unknown_phenomenon_gives_every_row_grouped_by_case_type(
        self, content, netwerk_a, partner_a
    ):
        maak_afspraak(netwerk_a, soort="Algemeen", tekst="Algemeen")
        maak_afspraak(netwerk_a, soort="Wapens", tekst="Wapens 1")
        maak_afspraak(netwerk_a, soort="Drugs", tekst="Drugs")
        maak_afspraak(netwerk_a, soort="Wapens", tekst="Wapens 2")
        publiceer(netwerk_a)
        groepen = per_soort(afspraken_voor_route(partner_a, ""))
        assert [(g.soort, [a.tekst for a in g.afspraken]) for g in groepen] == [
            ("Wapens", ["Wapens 1", "Wapens 2"]),
            ("Drugs", ["Drugs"]),
            ("Algemeen", ["Algemeen"]),
        ]


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
