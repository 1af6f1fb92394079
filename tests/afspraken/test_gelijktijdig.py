"""Two regisseurs edit the same row: the second save is refused, nothing is overwritten."""

from django.test import Client
from django.urls import reverse

from afspraken.models import Afspraak
from tests.afspraken.personas import wijzig_velden


def _opslaan(client: Client, afspraak: Afspraak, revisie: int, tekst: str):
    data = wijzig_velden(
        afspraak, tekst=tekst, wie="Jongerenwerk", status="concept", revisie=revisie
    )
    return client.post(reverse("afspraken:wijzigen", args=["gemeente-a", afspraak.pk]), data)


class TestGelijktijdigWijzigen:
    def test_the_second_save_gets_the_conflict_page_and_keeps_its_text(
        self, regisseur_a, regisseur_a2, afspraak_a
    ):
        eerste, tweede = Client(), Client()
        eerste.force_login(regisseur_a)
        tweede.force_login(regisseur_a2)
        url = reverse("afspraken:wijzigen", args=["gemeente-a", afspraak_a.pk])
        # Both load the form at revisie 1.
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
        assert f'name="a{afspraak_a.pk}-revisie" value="2"' in html  # saving again is deliberate
        afspraak_a.refresh_from_db()
        assert afspraak_a.tekst == "Tekst van de eerste"
        assert afspraak_a.revisie == 2
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
        Afspraak.objects.filter(pk=afspraak_a.pk).update(revisie=5)
        client.force_login(regisseur_a)
        data = wijzig_velden(afspraak_a, tekst="Mijn tekst", wie="X", status="concept", revisie=1)
        response = client.post(
            reverse("afspraken:wijzigen", args=["gemeente-a", afspraak_a.pk]),
            data,
            HTTP_HX_REQUEST="true",
        )
        html = response.content.decode()
        assert html.lstrip().startswith(f'<tr id="afspraak-{afspraak_a.pk}"')
        assert "Jouw versie (niet opgeslagen)" in html
        assert "Mijn tekst</textarea>" in html


class TestBewaar:
    """Afspraak.objects.bewaar: the one compare-and-update of an agreement's revisie."""

    def test_it_writes_the_named_fields_one_history_record_and_the_next_revisie(
        self, regisseur_a, afspraak_a
    ):
        opgeslagen = Afspraak.objects.bewaar(
            afspraak_a, 1, door=regisseur_a, reden="Omdat het moet", tekst="Nieuw"
        )
        assert opgeslagen.tekst == "Nieuw" and opgeslagen.revisie == 2
        assert opgeslagen.gewijzigd_door == regisseur_a
        laatste = afspraak_a.history.first()
        assert afspraak_a.history.count() == 2
        assert (laatste.history_type, laatste.tekst, laatste.revisie) == ("~", "Nieuw", 2)
        assert laatste.history_user == regisseur_a
        assert laatste.history_change_reason == "Omdat het moet"

    def test_a_stale_revisie_changes_nothing(self, regisseur_a, afspraak_a):
        Afspraak.objects.bewaar(afspraak_a, 1, door=regisseur_a, tekst="Eerste")
        assert Afspraak.objects.bewaar(afspraak_a, 1, door=regisseur_a, tekst="Tweede") is None
        afspraak_a.refresh_from_db()
        assert (afspraak_a.tekst, afspraak_a.revisie) == ("Eerste", 2)
        assert afspraak_a.history.count() == 2

    def test_it_leaves_the_other_fields_as_saved(self, regisseur_a, afspraak_a):
        oud = Afspraak.objects.get(pk=afspraak_a.pk)
        Afspraak.objects.filter(pk=afspraak_a.pk).update(wie="Intussen")
        Afspraak.objects.bewaar(oud, 1, door=regisseur_a, tekst="Nieuw")
        afspraak_a.refresh_from_db()
        assert (afspraak_a.tekst, afspraak_a.wie) == ("Nieuw", "Intussen")

    def test_it_only_changes_a_row_of_the_same_network(self, regisseur_a, afspraak_a, afspraak_b):
        vreemd = Afspraak(pk=afspraak_b.pk, netwerk_id=afspraak_a.netwerk_id)
        assert Afspraak.objects.bewaar(vreemd, 1, door=regisseur_a, tekst="Overgenomen") is None
        afspraak_b.refresh_from_db()
        assert afspraak_b.tekst == "Afspraak van B."

    def test_a_long_reason_is_cut_to_fit_the_history(self, regisseur_a, afspraak_a):
        Afspraak.objects.bewaar(afspraak_a, 1, door=regisseur_a, reden="x" * 300, tekst="Nieuw")
        reden = afspraak_a.history.first().history_change_reason
        assert len(reden) == 100 and reden.endswith("…")


class TestEvaluatieSchrijftAlleenDeDatum:
    def test_blijft_after_an_edit_keeps_the_edit(self, client, content, regisseur_a, afspraak_a):
        client.force_login(regisseur_a)
        # The edit lands after the evaluation form was loaded, before it is saved.
        Afspraak.objects.bewaar(afspraak_a, 1, door=regisseur_a, tekst="Tekst van de edit")
        data = {"datum": "2026-09-14", "conclusie": "blijft", "afspraken": [afspraak_a.pk]}
        response = client.post(reverse("afspraken:evaluatie-nieuw", args=["gemeente-a"]), data)
        assert response.status_code == 302
        afspraak_a.refresh_from_db()
        assert afspraak_a.tekst == "Tekst van de edit"
        assert afspraak_a.evaluatiedatum.isoformat() == "2027-03-14"
        assert afspraak_a.revisie == 3
        assert afspraak_a.history.count() == 3

    def test_vervalt_takes_the_agreement_out_of_the_next_version(
        self, client, content, regisseur_a, afspraak_a
    ):
        client.force_login(regisseur_a)
        data = {"datum": "2026-09-14", "conclusie": "vervalt", "afspraken": [afspraak_a.pk]}
        client.post(reverse("afspraken:evaluatie-nieuw", args=["gemeente-a"]), data)
        afspraak_a.refresh_from_db()
        assert (afspraak_a.status, afspraak_a.evaluatiedatum) == ("concept", None)
        assert afspraak_a.revisie == 2
        assert afspraak_a.history.first().history_change_reason == (
            "Evaluatie van 14 september 2026: afspraak vervalt"
        )


class TestInbreng:
    """The plenary's answers: an upsert with its own versie."""

    def _data(self, sessie, teksten: dict, versies: dict) -> dict:
        data = {}
        for d in sessie.deelnemers.all():
            data[f"d{d.pk}-duiding"] = teksten.get(d.naam, "")
            data[f"d{d.pk}-revisie"] = versies.get(d.naam, 0)
        return data

    def test_two_first_saves_of_one_answer_never_raise(self, content, netwerk_a):
        from afspraken.models import Inbreng
        from tests.afspraken.sessie_hulp import maak_sessie

        sessie = maak_sessie(netwerk_a)
        sleutel = {
            "sessie": sessie,
            "casus": sessie.eerste_casus().casus,
            "deelnemer": sessie.deelnemers.first(),
        }
        eerste = Inbreng.objects.bewaar(**sleutel, geladen_revisie=0, duiding="Eerste")
        assert Inbreng.objects.bewaar(**sleutel, geladen_revisie=0, duiding="Tweede") is None
        assert eerste.revisie == 1
        assert Inbreng.objects.get().duiding == "Eerste"

    def test_a_stale_save_keeps_the_typed_text_and_saves_the_others(
        self, client, content, netwerk_a, regisseur_a
    ):
        from afspraken.models import Inbreng
        from tests.afspraken.sessie_hulp import maak_sessie

        client.force_login(regisseur_a)
        sessie = maak_sessie(netwerk_a)
        casus = sessie.eerste_casus().casus
        url = reverse("afspraken:sessie-casus", args=["gemeente-a", sessie.pk, casus.slug])
        # Someone else saves Ayla's answer after this form was loaded (all at versie 0).
        client.post(url, self._data(sessie, {"Ayla": "Van de ander"}, {}))
        response = client.post(
            url, self._data(sessie, {"Ayla": "Mijn Ayla", "Bram": "Mijn Bram"}, {})
        )
        html = response.content.decode()
        assert response.status_code == 409
        assert "Niet alles opgeslagen" in html and "Van de ander" in html
        assert 'value="Mijn Ayla"' in html  # their own text, kept in the form
        ayla = sessie.deelnemers.get(naam="Ayla")
        assert f'name="d{ayla.pk}-revisie" value="1"' in html  # saving again is deliberate
        opgeslagen = dict(
            Inbreng.objects.filter(sessie=sessie).values_list("deelnemer__naam", "duiding")
        )
        assert opgeslagen == {"Ayla": "Van de ander", "Bram": "Mijn Bram"}
