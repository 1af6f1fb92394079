"""Publishing freezes the vastgestelde rows as version N; partners read the latest version."""

from django.urls import reverse

from afspraken.models import Afspraak, Publicatie
from tests.afspraken.personas import maak_afspraak, pagina_als, publiceer


class TestPubliceren:
    def test_it_freezes_the_vastgestelde_rows_as_the_next_version(
        self, client, als, regisseur_a, netwerk_a
    ):
        vast = maak_afspraak(netwerk_a, tekst="Vastgesteld")
        maak_afspraak(netwerk_a, tekst="Nog concept", status=Afspraak.Status.CONCEPT)
        publiceer(netwerk_a)
        url = reverse("afspraken:publiceren", args=["gemeente-a"])
        response = als(client, regisseur_a).post(url, {"notitie": "Na het overleg"})
        publicatie = Publicatie.objects.get(netwerk=netwerk_a, nummer=2)
        assert response["Location"] == reverse("afspraken:versie", args=["gemeente-a", 2])
        assert publicatie.door == regisseur_a
        assert publicatie.notitie == "Na het overleg"
        assert [r["tekst"] for r in publicatie.rijen] == ["Vastgesteld"]
        assert publicatie.rijen[0]["afspraak_id"] == vast.pk

    def test_later_edits_do_not_change_a_published_version(
        self, client, als, regisseur_a, afspraak_a
    ):
        als(client, regisseur_a).post(reverse("afspraken:publiceren", args=["gemeente-a"]))
        Afspraak.objects.filter(pk=afspraak_a.pk).update(tekst="Later veranderd")
        html = client.get(reverse("afspraken:versie", args=["gemeente-a", 1])).content.decode()
        assert "Deel het direct." in html
        assert "Later veranderd" not in html

    def test_it_refuses_to_publish_nothing_in_dutch(self, client, als, regisseur_a, netwerk_a):
        response = als(client, regisseur_a).post(
            reverse("afspraken:publiceren", args=["gemeente-a"])
        )
        assert (
            "Er zijn nog geen vastgestelde afspraken om te publiceren." in response.content.decode()
        )
        assert not Publicatie.objects.exists()

    def test_numbers_count_per_network(self, netwerk_a, netwerk_b):
        maak_afspraak(netwerk_a)
        maak_afspraak(netwerk_b)
        assert [
            publiceer(netwerk_a).nummer,
            publiceer(netwerk_b).nummer,
            publiceer(netwerk_a).nummer,
        ] == [1, 1, 2]


class TestPartner:
    def test_the_partner_sees_the_latest_published_version_read_only(
        self, client, partner_a, netwerk_a
    ):
        eerste = maak_afspraak(netwerk_a, tekst="In versie 1")
        publiceer(netwerk_a)
        maak_afspraak(netwerk_a, tekst="In versie 2")
        Afspraak.objects.filter(pk=eerste.pk).delete()
        publiceer(netwerk_a)
        maak_afspraak(netwerk_a, tekst="Nog niet gepubliceerd")
        html = pagina_als(client, partner_a, "netwerk")
        assert "Versie 2" in html
        assert "In versie 2" in html
        assert "Nog niet gepubliceerd" not in html
        assert "Gewijzigd sinds versie 1" in html
        assert "Wijzigen" not in html and "Afspraak toevoegen" not in html
        assert "Download PDF" in html

    def test_the_partner_can_read_older_versions(self, client, als, partner_a, netwerk_a):
        maak_afspraak(netwerk_a, tekst="Oud")
        publiceer(netwerk_a)
        publiceer(netwerk_a)
        als(client, partner_a)
        assert (
            "Versie 2"
            in client.get(reverse("afspraken:versies", args=["gemeente-a"])).content.decode()
        )
        assert (
            "Oud"
            in client.get(reverse("afspraken:versie", args=["gemeente-a", 1])).content.decode()
        )

    def test_the_partner_without_a_publication_is_told_so(self, client, partner_a):
        html = pagina_als(client, partner_a, "netwerk")
        assert "Er is nog geen versie van de afspraken gepubliceerd." in html


class TestWijzigingen:
    def test_it_lists_added_changed_and_removed_rows_by_id(self, netwerk_a):
        blijft = maak_afspraak(netwerk_a, tekst="Blijft")
        weg = maak_afspraak(netwerk_a, tekst="Gaat weg")
        publiceer(netwerk_a)
        Afspraak.objects.filter(pk=blijft.pk).update(tekst="Blijft, aangescherpt")
        weg.delete()
        maak_afspraak(netwerk_a, tekst="Nieuw erbij")
        w = publiceer(netwerk_a).wijzigingen()
        assert [r["tekst"] for r in w["toegevoegd"]] == ["Nieuw erbij"]
        assert [(g["oud"]["tekst"], g["nieuw"]["tekst"]) for g in w["gewijzigd"]] == [
            ("Blijft", "Blijft, aangescherpt")
        ]
        assert [r["tekst"] for r in w["verwijderd"]] == ["Gaat weg"]

    def test_version_one_has_no_changes_section(self, netwerk_a):
        maak_afspraak(netwerk_a)
        assert publiceer(netwerk_a).wijzigingen() is None
