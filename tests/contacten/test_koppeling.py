"""contacten.koppeling.contacten_voor_route: what the route may show a logged-in member."""

from django.contrib.auth.models import AnonymousUser

from afspraken.models import Lidmaatschap, Lidrol, Netwerk
from contacten.koppeling import contacten_voor_route
from tests.contacten.conftest import maak_contact


class TestContactenVoorRoute:
    def test_a_member_gets_their_networks_contacts(self, netwerk_a, netwerk_b, partner_a):
        b = maak_contact(netwerk_a, organisatie="B-organisatie")
        a = maak_contact(netwerk_a, organisatie="A-organisatie")
        maak_contact(netwerk_b, organisatie="Van B")
        assert contacten_voor_route(partner_a) == [a, b]

    def test_a_member_of_two_networks_gets_both_ordered_by_network(
        self, netwerk_a, netwerk_b, regisseur_b
    ):
        Lidmaatschap.objects.create(user=regisseur_b, netwerk=netwerk_a, rol=Lidrol.PARTNER)
        van_b = maak_contact(netwerk_b)
        van_a = maak_contact(netwerk_a)
        resultaat = contacten_voor_route(regisseur_b)
        assert resultaat == [van_a, van_b]
        assert [c.netwerk.naam for c in resultaat] == ["Gemeente A", "Gemeente B"]

    def test_anonymous_and_staff_get_nothing(self, netwerk_a, staff):
        maak_contact(netwerk_a)
        assert contacten_voor_route(AnonymousUser()) == []
        assert contacten_voor_route(staff) == []

    def test_it_needs_one_query(self, netwerk_a, partner_a, django_assert_num_queries):
        maak_contact(netwerk_a)
        maak_contact(Netwerk.objects.create(naam="C", slug="c"))
        with django_assert_num_queries(1):
            assert [c.netwerk.slug for c in contacten_voor_route(partner_a)] == ["gemeente-a"]
