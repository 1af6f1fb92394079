"""The regisseur's "Leden" page: who may open it, changing a member's role, removing a member,
and the rule that a network always keeps a regisseur (leden.diensten)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from afspraken.models import Lidmaatschap, Lidrol
from leden import diensten


def leden_url() -> str:
    return reverse("leden:leden", args=["gemeente-a"])


def lid_van(user) -> Lidmaatschap:
    return Lidmaatschap.objects.get(user=user)


class TestToegang:
    def test_the_regisseur_sees_the_members_and_the_invite_form(
        self, client, regisseur_a, partner_a
    ):
        client.force_login(regisseur_a)
        html = client.get(leden_url()).content.decode()
        assert "Leden van Gemeente A" in html
        assert "partner_a" in html and "Jongerenwerk" in html
        assert "Uitnodiging versturen" in html

    def test_a_partner_cannot_open_leden(self, client, partner_a):
        client.force_login(partner_a)
        r = client.get(leden_url())
        assert r.status_code == 403
        assert "Dit kan alleen de regisseur (OOV-er) van Gemeente A." in r.content.decode()
        assert client.post(leden_url(), {"email": "x@example.org"}).status_code == 403

    def test_another_networks_regisseur_gets_a_404(self, client, regisseur_b, netwerk_a):
        client.force_login(regisseur_b)
        assert client.get(leden_url()).status_code == 404

    def test_the_network_page_links_to_leden(self, client, regisseur_a):
        client.force_login(regisseur_a)
        html = client.get(reverse("afspraken:netwerk", args=["gemeente-a"])).content.decode()
        assert f'href="{leden_url()}"' in html


def zet_rol(client, door, wie, rol: str, **kwargs):
    """`door` logs in and gives `wie`'s membership of Gemeente A the role `rol`."""
    client.force_login(door)
    return client.post(
        reverse("leden:lid-rol", args=["gemeente-a", lid_van(wie).pk]), {"rol": rol}, **kwargs
    )


class TestRol:
    def test_the_regisseur_makes_a_partner_regisseur(self, client, regisseur_a, partner_a):
        r = zet_rol(client, regisseur_a, partner_a, "regisseur", follow=True)
        assert lid_van(partner_a).rol == Lidrol.REGISSEUR
        assert "partner_a is nu regisseur (oov)." in r.content.decode()

    def test_the_last_regisseur_cannot_be_demoted(self, client, regisseur_a, partner_a):
        r = zet_rol(client, regisseur_a, regisseur_a, "partner", follow=True)
        assert lid_van(regisseur_a).rol == Lidrol.REGISSEUR
        assert "regisseur_a is de laatste regisseur van Gemeente A" in r.content.decode()

    def test_with_a_second_regisseur_one_may_step_down_and_leaves_the_page(
        self, client, regisseur_a, regisseur_a2
    ):
        r = zet_rol(client, regisseur_a, regisseur_a, "partner")
        assert lid_van(regisseur_a).rol == Lidrol.PARTNER
        assert r.url == reverse("afspraken:netwerk", args=["gemeente-a"])

    def test_an_unknown_role_is_refused_in_dutch(self, client, regisseur_a, partner_a):
        r = zet_rol(client, regisseur_a, partner_a, "baas", follow=True)
        assert "Kies partner of regisseur." in r.content.decode()
        assert lid_van(partner_a).rol == Lidrol.PARTNER

    def test_another_networks_member_is_a_404(self, client, regisseur_a, regisseur_b):
        zet_rol(client, regisseur_a, regisseur_b, "partner")
        assert lid_van(regisseur_b).rol == Lidrol.REGISSEUR


class TestVerwijderen:
    def test_the_regisseur_removes_a_member_after_a_question(self, client, regisseur_a, partner_a):
        client.force_login(regisseur_a)
        url = reverse("leden:lid-verwijderen", args=["gemeente-a", lid_van(partner_a).pk])
        assert "partner_a uit Gemeente A verwijderen?" in client.get(url).content.decode()
        r = client.post(url, follow=True)
        assert not Lidmaatschap.objects.filter(user=partner_a).exists()
        assert partner_a.__class__.objects.filter(pk=partner_a.pk).exists()  # the account stays
        assert "partner_a is geen lid meer van Gemeente A." in r.content.decode()

    def test_the_last_regisseur_cannot_be_removed(self, client, regisseur_a, partner_a):
        client.force_login(regisseur_a)
        url = reverse("leden:lid-verwijderen", args=["gemeente-a", lid_van(regisseur_a).pk])
        r = client.post(url, follow=True)
        assert Lidmaatschap.objects.filter(user=regisseur_a).exists()
        assert "is de laatste regisseur van Gemeente A" in r.content.decode()

    def test_another_networks_member_cannot_be_removed(self, client, regisseur_a, regisseur_b):
        client.force_login(regisseur_a)
        url = reverse("leden:lid-verwijderen", args=["gemeente-a", lid_van(regisseur_b).pk])
        assert client.post(url).status_code == 404
        assert Lidmaatschap.objects.filter(user=regisseur_b).exists()


class TestDiensten:
    """The rule lives in leden.diensten, not in the views."""

    def test_removing_or_demoting_the_last_regisseur_raises(self, netwerk_a, regisseur_a):
        lid = lid_van(regisseur_a)
        with pytest.raises(diensten.LaatsteRegisseur):
            diensten.verwijder(netwerk_a, lid.pk)
        with pytest.raises(diensten.LaatsteRegisseur):
            diensten.wijzig_rol(netwerk_a, lid.pk, Lidrol.PARTNER)
        assert lid_van(regisseur_a).rol == Lidrol.REGISSEUR

    def test_one_of_two_regisseurs_may_go_but_not_the_other_after_it(
        self, netwerk_a, regisseur_a, regisseur_a2
    ):
        diensten.verwijder(netwerk_a, lid_van(regisseur_a).pk)
        with pytest.raises(diensten.LaatsteRegisseur):
            diensten.verwijder(netwerk_a, lid_van(regisseur_a2).pk)

    def test_a_partner_can_always_go(self, netwerk_a, regisseur_a, partner_a):
        diensten.verwijder(netwerk_a, lid_van(partner_a).pk)
        assert not Lidmaatschap.objects.filter(user=partner_a).exists()
