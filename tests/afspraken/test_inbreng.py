"""The structured answer of one participant for one case (issue 11): the form that the phone and
the regisseur's plenary rows share, what it stores, and migration 0006 that turned the free text
of before into partner keys and an action of one's own."""

import pytest

from afspraken.models import ANDERS, PARTNER_KEUZES, Inbreng
from afspraken.sessie_forms import InbrengForm
from routekaart import inhoud
from tests.afspraken.migratie_hulp import rond_migratie
from tests.afspraken.sessie_hulp import maak_sessie


def formulier(**data) -> InbrengForm:
    return InbrengForm({"revisie": "0", **data})


@pytest.fixture
def actie(content):
    return inhoud.huidige().acties[0]


class TestInbrengForm:
    def test_the_partners_are_the_issue_s_eight_checkboxes(self, content):
        labels = [label for _, label in InbrengForm().fields["partners"].choices]
        assert [k for k, _ in PARTNER_KEUZES] == [
            "jongerenwerk",
            "politie",
            "boa",
            "oov",
            "school",
            "hulpverlening",
            "om",
            "anders",
        ]
        assert len(labels) == 8
        html = str(InbrengForm()["partners"])
        assert html.count('type="checkbox"') == 8

    def test_the_actions_are_step_5_s_actions_plus_anders(self, content):
        keuzes = InbrengForm().fields["actie"].choices
        slugs = [slug for _, groep in keuzes[1:-1] for slug, _ in groep]
        assert sorted(slugs) == sorted(a.slug for a in inhoud.huidige().acties)
        assert [g for g, _ in keuzes[1:-1]] == ["Online acties", "Offline acties"]
        assert keuzes[-1] == (ANDERS, "Anders, namelijk …")

    def test_it_stores_the_ticked_partners_as_keys_and_the_action_as_its_slug(self, actie):
        form = formulier(
            duiding="Een oproep.",
            partners_betrekken="ja",
            partners=["school", "politie"],
            ingrijpen="ja",
            actie=actie.slug,
        )
        assert form.is_valid(), form.errors
        assert form.waarden() == {
            "duiding": "Een oproep.",
            "partners_betrekken": "ja",
            "partners": ["politie", "school"],
            "ingrijpen": "ja",
            "actie": actie.slug,
            "actie_anders": "",
        }

    def test_anders_without_words_is_refused_in_dutch_and_keeps_the_input(self, content):
        form = formulier(duiding="Mijn duiding", actie=ANDERS, actie_anders="  ")
        assert not form.is_valid()
        assert form.errors["actie_anders"] == ["Beschrijf de andere actie in een paar woorden."]
        html = str(form["duiding"]) + str(form["actie"])
        assert 'value="Mijn duiding"' in html
        assert 'value="anders" selected' in html

    def test_anders_with_words_keeps_them(self, content):
        form = formulier(actie=ANDERS, actie_anders=" Bel de moeder ")
        assert form.is_valid()
        assert (form.waarden()["actie"], form.waarden()["actie_anders"]) == (
            ANDERS,
            "Bel de moeder",
        )

    def test_words_without_a_choice_mean_anders(self, content):
        form = formulier(actie_anders="Bel de moeder")
        assert form.is_valid()
        assert form.waarden()["actie"] == ANDERS

    def test_a_listed_action_and_other_words_at_once_are_refused(self, actie):
        form = formulier(actie=actie.slug, actie_anders="Nog iets")
        assert not form.is_valid()
        assert "Kies ‘Anders’" in form.errors["actie_anders"][0]

    def test_partners_ticked_after_nee_are_refused(self, content):
        form = formulier(partners_betrekken="nee", partners=["politie"])
        assert not form.is_valid()
        assert "Je koos Nee" in form.errors["partners"][0]

    def test_ticking_a_partner_answers_ja(self, content):
        form = formulier(partners=["boa"])
        assert form.is_valid()
        assert form.waarden()["partners_betrekken"] == "ja"

    @pytest.mark.parametrize(
        ("veld", "waarde", "fout"),
        [
            ("partners", ["politie", "brandweer"], "Kies partners uit de lijst."),
            ("actie", "bestaat-niet", "Kies een actie uit de lijst, of ‘Anders’."),
            ("ingrijpen", "misschien", "Kies ja of nee."),
            ("actie_anders", "x" * 301, "De andere actie mag hoogstens 300 tekens lang zijn"),
        ],
    )
    def test_bad_input_gets_a_dutch_message(self, content, veld, waarde, fout):
        form = formulier(**{veld: waarde})
        assert not form.is_valid()
        assert form.errors[veld][0].startswith(fout)

    def test_an_action_the_content_no_longer_has_stays_choosable_for_its_answer(
        self, content, netwerk_a
    ):
        sessie = maak_sessie(netwerk_a)
        a = Inbreng.objects.create(
            sessie=sessie,
            casus=sessie.casussen.first().casus,
            deelnemer=sessie.deelnemers.first(),
            actie="oude-actie",
        )
        form = InbrengForm({"revisie": "0", "actie": "oude-actie"}, instance=a)
        assert form.is_valid(), form.errors

    def test_the_answer_shows_partner_labels_and_the_action_title(self, actie, netwerk_a):
        sessie = maak_sessie(netwerk_a)
        a = Inbreng(
            sessie=sessie,
            casus=sessie.casussen.first().casus,
            deelnemer=sessie.deelnemers.first(),
            partners=["om", "politie"],
            actie=actie.slug,
        )
        assert a.partner_labels == ["Politie", "Openbaar Ministerie (OM)"]
        assert a.actie_titel == actie.titel
        assert a.als_dict()["partners"] == ["om", "politie"]
        a.actie, a.actie_anders = ANDERS, "Bel de moeder"
        assert a.actie_titel == "Bel de moeder"


@pytest.mark.django_db(transaction=True)
class TestMigratie:
    def test_free_text_becomes_partner_keys_and_an_action_of_one_s_own(self):
        with rond_migratie("0005_live_sessie", "0006_antwoord_gestructureerd") as (apps, migreer):
            Fenomeen_ = apps.get_model("casussen", "Fenomeen")
            Casus_ = apps.get_model("casussen", "Casus")
            Netwerk_ = apps.get_model("afspraken", "Netwerk")
            Sessie_ = apps.get_model("afspraken", "Sessie")
            Deelnemer_ = apps.get_model("afspraken", "Deelnemer")
            Antwoord_ = apps.get_model("afspraken", "Antwoord")
            fenomeen = Fenomeen_.objects.create(
                slug="proef", titel="Proef", kort="Proef", volgorde=1, body_html=""
            )
            casus = Casus_.objects.create(
                slug="proef-casus", titel="Proef", fenomeen=fenomeen, modus="online", volgorde=1
            )
            netwerk = Netwerk_.objects.create(naam="Oud", slug="oud")
            sessie = Sessie_.objects.create(netwerk=netwerk, datum="2026-03-12")
            ids = {}
            for naam, welke, actie in [
                ("Ali", "De wijkagent en het jongerenwerk", "Gesprek met de jongere"),
                ("Bo", "Veilig Thuis, leerplicht", ""),
                ("Cas", "", ""),
            ]:
                d = Deelnemer_.objects.create(sessie=sessie, naam=naam)
                ids[naam] = Antwoord_.objects.create(
                    sessie=sessie,
                    casus=casus,
                    deelnemer=d,
                    partners_betrekken="ja",
                    welke_partners=welke,
                    actie=actie,
                ).pk

            apps = migreer()
            Antwoord_ = apps.get_model("afspraken", "Antwoord")
            ali, bo, cas = (Antwoord_.objects.get(pk=ids[n]) for n in ("Ali", "Bo", "Cas"))
            assert ali.partners == ["jongerenwerk", "politie"]
            assert (ali.actie, ali.actie_anders) == ("anders", "Gesprek met de jongere")
            assert bo.partners == ["school", "anders"]
            assert (bo.actie, bo.actie_anders) == ("", "")
            assert (cas.partners, cas.actie) == ([], "")
            assert "welke_partners" not in {f.name for f in Antwoord_._meta.get_fields()}
