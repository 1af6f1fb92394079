"""Two regisseurs edit the same row: the second save is refused, nothing is overwritten."""

from django.test import Client
from django.urls import reverse

from afspraken.models import Afspraak


def _opslaan(client: Client, afspraak: Afspraak, versie: int, tekst: str):
    prefix = f"a{afspraak.pk}"
    data = {
        f"{prefix}-soort": afspraak.soort_id,
        f"{prefix}-tekst": tekst,
        f"{prefix}-wie": "Jongerenwerk",
        f"{prefix}-status": "concept",
        f"{prefix}-versie": versie,
    }
    return client.post(reverse("afspraken:wijzigen", args=["gemeente-a", afspraak.pk]), data)


class TestGelijktijdigWijzigen:
    def test_the_second_save_gets_the_conflict_page_and_keeps_its_text(
        self, regisseur_a, regisseur_a2, afspraak_a
    ):
        eerste, tweede = Client(), Client()
        eerste.force_login(regisseur_a)
        tweede.force_login(regisseur_a2)
        url = reverse("afspraken:wijzigen", args=["gemeente-a", afspraak_a.pk])
        # Both load the form at versie 1.
        assert 'value="1"' in eerste.get(url).content.decode()
        assert 'value="1"' in tweede.get(url).content.decode()

        assert _opslaan(eerste, afspraak_a, 1, "Tekst van de eerste").status_code == 302
        response = _opslaan(tweede, afspraak_a, 1, "Tekst van de tweede")
        html = response.content.decode()

        assert response.status_code == 409
        assert "iemand anders heeft deze afspraak net gewijzigd" in html
        assert "Opgeslagen versie" in html and "Jouw versie (niet opgeslagen)" in html
        assert "Tekst van de eerste" in html
        assert "Tekst van de tweede</textarea>" in html  # their own text, kept in the form
        assert f'name="a{afspraak_a.pk}-versie" value="2"' in html  # saving again is deliberate
        afspraak_a.refresh_from_db()
        assert afspraak_a.tekst == "Tekst van de eerste"
        assert afspraak_a.versie == 2
        assert list(
            afspraak_a.history.values_list("history_type", "tekst").order_by("history_id")
        ) == [
            ("+", "Deel het direct."),
            ("~", "Tekst van de eerste"),
        ]

    def test_saving_again_after_the_conflict_replaces_it_on_purpose(
        self, regisseur_a, regisseur_a2, afspraak_a
    ):
        eerste, tweede = Client(), Client()
        eerste.force_login(regisseur_a)
        tweede.force_login(regisseur_a2)
        _opslaan(eerste, afspraak_a, 1, "Eerste")
        _opslaan(tweede, afspraak_a, 1, "Tweede")
        assert _opslaan(tweede, afspraak_a, 2, "Tweede, na overleg").status_code == 302
        afspraak_a.refresh_from_db()
        assert afspraak_a.tekst == "Tweede, na overleg"
        assert afspraak_a.history.count() == 3

    def test_htmx_gets_the_conflict_inside_the_row(self, client, regisseur_a, afspraak_a):
        Afspraak.objects.filter(pk=afspraak_a.pk).update(versie=5)
        client.force_login(regisseur_a)
        prefix = f"a{afspraak_a.pk}"
        data = {
            f"{prefix}-soort": afspraak_a.soort_id,
            f"{prefix}-tekst": "Mijn tekst",
            f"{prefix}-wie": "X",
            f"{prefix}-status": "concept",
            f"{prefix}-versie": 1,
        }
        response = client.post(
            reverse("afspraken:wijzigen", args=["gemeente-a", afspraak_a.pk]),
            data,
            HTTP_HX_REQUEST="true",
        )
        html = response.content.decode()
        assert html.lstrip().startswith(f'<tr id="afspraak-{afspraak_a.pk}"')
        assert "Jouw versie (niet opgeslagen)" in html
        assert "Mijn tekst</textarea>" in html
