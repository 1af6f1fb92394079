"""Who sees the contact list: A's members, with tel: and mailto: links; nobody else."""

import pytest
from django.urls import reverse

from tests.contacten.conftest import maak_contact


def url(naam: str, netwerk: str = "gemeente-a") -> str:
    return reverse(f"contacten:{naam}", args=[netwerk])


class TestLijst:
    def test_a_partner_sees_tel_and_mailto_links(self, client, content, contact_a, partner_a):
        client.force_login(partner_a)
        html = client.get(url("lijst")).content.decode()
        assert '<a href="tel:0612345678">06 12345678</a>' in html
        assert '<a href="mailto:sam@politie.example">sam@politie.example</a>' in html
        assert "werkdagen 9-17 uur" in html

    def test_a_partner_gets_no_edit_actions(self, client, content, contact_a, partner_a):
        client.force_login(partner_a)
        html = client.get(url("lijst")).content.decode()
        assert "Wijzigen" not in html and "Gecontroleerd" not in html
        assert "Contact toevoegen" not in html

    def test_the_regisseur_sees_the_links_and_the_actions(self, regie, contact_a):
        html = regie.get(url("lijst")).content.decode()
        assert 'href="tel:0612345678"' in html
        assert "Contact toevoegen" in html and "Gecontroleerd" in html

    def test_a_tel_link_keeps_only_plus_and_digits(self, client, content, netwerk_a, partner_a):
        maak_contact(netwerk_a, telefoon="+31 (0)20 123-4567")
        client.force_login(partner_a)
        assert 'href="tel:+310201234567"' in client.get(url("lijst")).content.decode()

    def test_with_htmx_it_renders_the_list_partial(self, regie, contact_a):
        html = regie.get(url("lijst"), HTTP_HX_REQUEST="true").content.decode()
        assert "<html" not in html and 'id="contacten-lijst"' in html

    @pytest.mark.parametrize("naam", ["lijst", "kaart", "kaart-pdf"])
    def test_anonymous_is_sent_to_the_login(self, client, contact_a, naam):
        response = client.get(url(naam))
        assert response.status_code == 302
        assert response["Location"].startswith("/inloggen/")

    @pytest.mark.parametrize("naam", ["lijst", "kaart", "kaart-pdf"])
    def test_another_network_and_staff_get_404(
        self, client, content, contact_a, regisseur_b, staff, naam
    ):
        for user in (regisseur_b, staff):
            client.force_login(user)
            response = client.get(url(naam))
            assert response.status_code == 404
            assert b"0612345678" not in response.content

    def test_a_member_never_sees_another_networks_contacts(
        self, client, content, contact_a, contact_b, partner_a
    ):
        client.force_login(partner_a)
        html = client.get(url("lijst")).content.decode()
        assert "Politie B" not in html and "0201234567" not in html

    def test_the_regisseur_cannot_reach_another_networks_contact(self, regie, contact_b):
        for naam in ("rij", "wijzigen", "verwijderen"):
            assert (
                regie.get(
                    reverse(f"contacten:{naam}", args=["gemeente-a", contact_b.pk])
                ).status_code
                == 404
            )
        response = regie.post(
            reverse("contacten:gecontroleerd", args=["gemeente-a", contact_b.pk]), {"revisie": "1"}
        )
        assert response.status_code == 404
        contact_b.refresh_from_db()
        assert contact_b.gecontroleerd_op is None

    def test_a_partner_may_not_edit(self, client, content, contact_a, partner_a):
        client.force_login(partner_a)
        for naam in ("nieuw",):
            assert client.post(url(naam), {}).status_code == 403
        for naam in ("wijzigen", "verwijderen", "gecontroleerd"):
            response = client.post(
                reverse(f"contacten:{naam}", args=["gemeente-a", contact_a.pk]), {"revisie": "1"}
            )
            assert response.status_code == 403
        contact_a.refresh_from_db()
        assert contact_a.revisie == 1


class TestTheWayToTheList:
    def test_the_partners_network_page_links_to_the_contacts(
        self, client, content, netwerk_a, partner_a
    ):
        client.force_login(partner_a)
        html = client.get(reverse("afspraken:netwerk", args=["gemeente-a"])).content.decode()
        assert f'<a href="{url("lijst")}">Wie bel ik?' in html

    def test_the_regisseurs_table_links_to_the_contacts(self, regie):
        html = regie.get(reverse("afspraken:netwerk", args=["gemeente-a"])).content.decode()
        assert f'href="{url("lijst")}">Contacten</a>' in html
