"""The live case screen (issue 11, point 3): the case in sight, the polled part (#stand: the
count, the differences, the answers) that never holds a form, typing for someone without a
phone protected against the participant's own edit, "Afspraak toevoegen" beside the
differences, and "Casus sluiten"."""

import re

import pytest

from afspraken.models import Inbreng
from tests.afspraken.personas import url
from tests.afspraken.sessie_hulp import maak_sessie

FORMULIER = re.compile(r"<(form|input|textarea|select|button)\b")


@pytest.fixture
def sessie(regie, netwerk_a):
    return maak_sessie(netwerk_a)


@pytest.fixture
def sc(sessie):
    return sessie.eerste_casus()


def pagina(sessie, sc) -> str:
    return url("sessie-casus", sessie.pk, sc.casus.slug)


def van_telefoon(sessie, sc, naam, geladen_revisie=0, **velden):
    """A participant saves on their own phone (the same versioned save as their page)."""
    deelnemer = sessie.deelnemers.get(naam=naam)
    return Inbreng.objects.bewaar(
        sessie=sessie,
        casus=sc.casus,
        deelnemer=deelnemer,
        geladen_revisie=geladen_revisie,
        **velden,
    )


class TestStand:
    def test_the_polled_fragment_never_contains_a_form(self, regie, sessie, sc):
        van_telefoon(sessie, sc, "Ayla", partners_betrekken="ja", partners=["politie"])
        van_telefoon(sessie, sc, "Bram", partners_betrekken="nee", duiding="Grootspraak")
        html = regie.get(pagina(sessie, sc), HTTP_HX_REQUEST="true").content.decode()
        assert html.lstrip().startswith('<div id="stand"')
        assert "Grootspraak" in html
        assert not FORMULIER.search(html), FORMULIER.search(html)
        # Nor does polling move the keyboard focus.
        assert "data-focus-na-wissel" not in html

    def test_the_page_polls_the_fragment_and_keeps_the_forms_outside_it(self, regie, sessie, sc):
        html = regie.get(pagina(sessie, sc)).content.decode()
        begin = html.index('<div id="stand"')
        assert 'data-hx-trigger="every 2s, inbreng-opgeslagen from:body"' in html[begin:]
        einde = html.index('<div class="plenair__zij">')
        assert not FORMULIER.search(html[begin:einde])
        assert 'id="invullen"' in html[einde:]

    def test_it_counts_who_answered_of_all_participants(self, regie, sessie, sc):
        van_telefoon(sessie, sc, "Ayla", ingrijpen="ja")
        html = regie.get(pagina(sessie, sc), HTTP_HX_REQUEST="true").content.decode()
        assert "<strong>1 van 4</strong> hebben geantwoord" in html
        van_telefoon(sessie, sc, "Cor", ingrijpen="nee")
        html = regie.get(pagina(sessie, sc), HTTP_HX_REQUEST="true").content.decode()
        assert "<strong>2 van 4</strong> hebben geantwoord" in html
        assert "1 van 2 zouden ingrijpen" in html
        assert 'class="verschil-label"' in html

    def test_own_actions_are_listed_and_not_a_difference(self, regie, sessie, sc):
        for naam, tekst in (("Ayla", "Bel de moeder"), ("Bram", "De moeder bellen")):
            van_telefoon(sessie, sc, naam, ingrijpen="ja", actie="anders", actie_anders=tekst)
        html = regie.get(pagina(sessie, sc), HTTP_HX_REQUEST="true").content.decode()
        assert "Eigen acties" in html
        assert "Bel de moeder" in html and "De moeder bellen" in html
        assert "2 van 2: een andere actie" in html
        assert 'class="verschil-label"' not in html

    def test_the_case_and_its_mock_message_are_in_sight_not_folded(self, regie, sessie, sc):
        html = regie.get(pagina(sessie, sc)).content.decode()
        kop = html.index("<h1>")
        bericht = html.index(sc.casus.bericht["tekst"])
        assert kop < bericht
        assert "<details" not in html[kop:bericht]


class TestInvullen:
    def test_typing_for_someone_without_a_phone_saves_only_their_row(self, regie, sessie, sc):
        van_telefoon(sessie, sc, "Ayla", ingrijpen="ja")
        cor = sessie.deelnemers.get(naam="Cor")
        data = {f"d{cor.pk}-ingrijpen": "nee", f"d{cor.pk}-revisie": "0"}
        response = regie.post(pagina(sessie, sc), data)
        assert response.status_code == 302
        assert Inbreng.objects.get(deelnemer=cor).ingrijpen == "nee"
        assert Inbreng.objects.get(deelnemer__naam="Ayla").ingrijpen == "ja"

    def test_the_participants_own_edit_is_shown_and_nothing_is_lost(self, regie, sessie, sc):
        van_telefoon(sessie, sc, "Ayla", duiding="Eerste versie")
        formulier = regie.get(pagina(sessie, sc)).content.decode()
        ayla = sessie.deelnemers.get(naam="Ayla")
        assert f'name="d{ayla.pk}-revisie" value="1"' in formulier
        # Meanwhile Ayla changes her answer on her phone …
        van_telefoon(sessie, sc, "Ayla", geladen_revisie=1, duiding="Op de telefoon")
        # … and the regisseur saves what they typed for her, from the page loaded before.
        data = {f"d{ayla.pk}-duiding": "Door de regisseur", f"d{ayla.pk}-revisie": "1"}
        response = regie.post(pagina(sessie, sc), data, HTTP_HX_REQUEST="true")
        html = response.content.decode()
        assert "Niet alles opgeslagen" in html
        assert "Op de telefoon" in html  # hers, shown
        assert 'value="Door de regisseur"' in html  # theirs, kept in the form
        assert f'name="d{ayla.pk}-revisie" value="2"' in html
        assert Inbreng.objects.get(deelnemer=ayla).duiding == "Op de telefoon"


class TestAfspraakErnaast:
    def test_afspraak_toevoegen_opens_beside_the_differences(self, regie, sessie, sc):
        html = regie.get(pagina(sessie, sc)).content.decode()
        verschillen = html.index('id="verschillen-kop"')
        paneel = html.index('<details class="paneel" id="afspraak-paneel">')
        assert verschillen < paneel
        actie = url("sessie-afspraak", sessie.pk, sc.casus.slug)
        assert f'action="{actie}"' in html[paneel:]
        assert 'name="nieuw-tekst"' in html[paneel:]
        assert 'value="Jongerenwerk, Politie, Jeugdboa, School"' in html[paneel:]


class TestSluiten:
    def test_casus_sluiten_shows_the_state_on_the_screen(self, regie, sessie, sc):
        html = regie.get(pagina(sessie, sc)).content.decode()
        assert ">Casus sluiten</button>" in html
        response = regie.post(url("sessie-casus-sluiten", sessie.pk, sc.casus.slug), follow=True)
        html = response.content.decode()
        assert "Deze casus is gesloten" in html
        assert ">Casus heropenen</button>" in html
        stand = regie.get(pagina(sessie, sc), HTTP_HX_REQUEST="true").content.decode()
        assert "de casus is gesloten" in stand


def test_another_session_of_the_network_shows_its_own_answers(regie, sessie, sc, netwerk_a):
    andere = maak_sessie(netwerk_a)
    van_telefoon(sessie, sc, "Ayla", duiding="Hier")
    html = regie.get(
        url("sessie-casus", andere.pk, sc.casus.slug), HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "Hier" not in html
    assert "<strong>0 van 4</strong> hebben geantwoord" in html
