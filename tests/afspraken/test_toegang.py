"""The one decorator that checks membership and role (the full matrix is tests/test_autorisatie.py)."""

from django.urls import reverse

from afspraken.models import Lidmaatschap, Lidrol, Netwerk


class TestToegang:
    def test_anonymous_visitors_are_sent_to_the_login_page(self, client, netwerk_a):
        response = client.get(reverse("afspraken:netwerk", args=["gemeente-a"]))
        assert response["Location"] == "/inloggen/?next=/afspraken/gemeente-a/"

    def test_a_partner_gets_a_dutch_403_on_regisseur_pages(self, client, partner_a):
        client.force_login(partner_a)
        response = client.get(reverse("afspraken:nieuw", args=["gemeente-a"]))
        assert response.status_code == 403
        assert "Dit kan alleen de regisseur (OOV-er) van Gemeente A." in response.content.decode()

    def test_another_networks_pages_answer_404(self, client, regisseur_b, netwerk_a):
        client.force_login(regisseur_b)
        assert client.get(reverse("afspraken:netwerk", args=["gemeente-a"])).status_code == 404

    def test_a_member_of_several_networks_chooses(self, client, regisseur_a, netwerk_b):
        Lidmaatschap.objects.create(user=regisseur_a, netwerk=netwerk_b, rol=Lidrol.PARTNER)
        client.force_login(regisseur_a)
        html = client.get(reverse("afspraken:overzicht")).content.decode()
        assert "Kies een netwerk" in html
        assert "/afspraken/gemeente-a/" in html and "/afspraken/gemeente-b/" in html

    def test_someone_without_a_network_is_told_so(self, client, staff):
        client.force_login(staff)
        assert (
            "nog geen lid van een netwerk"
            in client.get(reverse("afspraken:overzicht")).content.decode()
        )

    def test_the_slug_pdf_is_reserved(self, db):
        netwerk = Netwerk(naam="Pdf", slug="pdf")
        try:
            netwerk.full_clean()
        except Exception as fout:  # noqa: BLE001
            assert "gereserveerd" in str(fout)
        else:
            raise AssertionError("slug 'pdf' was accepted")
