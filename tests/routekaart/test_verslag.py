"""The route report ("Routeverslag"): the walk as a handover note, as a page and as a PDF.

The tests walk the route as a walker does, posting each step's form (short answers, a note, the
chosen actions, the alarm), and then read the report: the page's HTML, and the PDF's text read
back with pypdf."""

import io
from html import escape

import pytest
import time_machine
from pypdf import PdfReader

from afspraken.models import Afspraak, Lidrol, Netwerk
from casussen.models import Casus
from routekaart.models import Actie, Stap
from tests.afspraken.personas import maak_lid, publiceer
from tests.pdf_hulp import lettertypen
from tests.routekaart.wandeling_hulp import ROUTE, beslissingen_voor_pad

pytestmark = pytest.mark.django_db

TIJDSTIP = "2026-12-01 14:05 +01:00"
LANGSTE_PAD = max(ROUTE.paden(), key=len)
CONTEXT = {"modus": "offline", "rol": "boa", "fenomeen": "intimidatie-en-agressie"}

# A typical walk: four steps answered, several short answers and a note each. Question 1 of
# "Bericht duiden" (herkenbare personen of plekken) is skipped.
OVERGESLAGEN = ("bericht-duiden", 1)
ANTWOORDEN = {
    "bericht-duiden": {
        0: "Nee, een onbekend account; de reacties komen van jongeren uit de wijk",
        2: "Pull up en opp: een oproep om vanavond te komen vechten",
        3: "Een mes en geldzakken: dreiging, en opscheppen over geld",
        4: "Snapchat",
        5: "Een verhaal (story), dus 24 uur zichtbaar",
        6: "Besloten: alleen de vrienden van de plaatser zien het",
    },
    "contextinformatie": {
        0: "Bekend bij het jongerenwerk, speelt vaak de stoere jongen",
        1: "Op Instagram veel filmpjes met een groep oudere jongens",
        3: "Nee, offline is hij rustig en behulpzaam",
        5: "Lijkt geen grap: er was vorige week een vechtpartij bij het station",
        7: "Een openlijke oproep tot geweld kan strafbaar zijn",
    },
    "partners-betrekken": {
        0: "Voorkomen dat het vanavond uit de hand loopt",
        1: "Politie (wijkagent) en het jongerenwerk",
        2: "Anoniem delen: alleen de tekst van het verhaal en de plek",
        4: "Nee, een beschrijving is genoeg",
    },
    "ingrijpen": {
        0: "Rust vanavond, en een gesprek met de plaatser",
        2: "De jongerenwerker kent hem het best, samen met de wijkagent",
        4: "Mogelijk, daarom eerst de jongerenwerker",
        5: "Nee, wel samen gaan en niet alleen",
    },
}
NOTITIES = {
    slug: f"Besproken met mijn leidinggevende; vanmiddag bellen met de wijkagent ({slug})."
    for slug in ANTWOORDEN
}
# Step 5's chosen actions: (action slug, wie, wanneer) and the labels the report shows.
GEKOZEN = [
    ("collega-of-partner-inschakelen", "politie", "vandaag", "Politie", "Vandaag"),
    ("direct-message", "ik", "volgend-contact", "Ik", "Bij het volgende contact"),
]
EVALUATIE_ANTWOORD = "Ja: over twee weken samen terugkijken"
EVALUATIEMOMENT = "2026-12-15"


def _stap(slug: str) -> Stap:
    return Stap.objects.get(slug=slug)


def _formulier(slug: str) -> dict:
    """What the typical walker types at this step."""
    data = {f"vraag-{i}": tekst for i, tekst in ANTWOORDEN.get(slug, {}).items()}
    if slug in NOTITIES:
        data["notitie"] = NOTITIES[slug]
    if _stap(slug).toon_acties:
        for actie, wie, wanneer, *_ in GEKOZEN:
            data |= {f"actie-{actie}": "on", f"wie-{actie}": wie, f"wanneer-{actie}": wanneer}
    if _stap(slug).aard == Stap.Aard.EVALUATIE:
        laatste = len(_stap(slug).vragen) - 1
        data |= {f"vraag-{laatste}": EVALUATIE_ANTWOORD, "evaluatiemoment": EVALUATIEMOMENT}
    return data


def _loop(
    client, pad, formulier=_formulier, *, alarm=True, context=CONTEXT, start="/route/"
) -> str:
    """Walk `pad` from the start as a walker does: the context, then each step's form (with Ja
    or Nee at a decision, after first answering the alarm question "ja" when `alarm`). The
    report's URL, where "Klaar" at Evalueren leads."""
    keuzes = beslissingen_voor_pad(pad)
    response = client.post(start, context)
    for slug in pad[1:]:
        stap, data = _stap(slug), formulier(slug)
        if stap.alarm and alarm:
            response = client.post(response["Location"], {**data, "alarm": "ja"})
            assert response.status_code == 303, response.content.decode()
        if stap.aard == Stap.Aard.BESLISSING:
            data["beslissing"] = keuzes[stap.sleutel]
        response = client.post(response["Location"].split("#")[0], data)
        assert response.status_code == 303, response.content.decode()
    assert response["Location"].startswith("/route/verslag/?")
    return response["Location"]


def _pdf(client, verslag_url: str) -> bytes:
    response = client.get(verslag_url.replace("/route/verslag/", "/route/verslag.pdf"))
    assert response.status_code == 200
    return response.content


def _tekst(pdf: bytes) -> str:
    """The PDF's text, every run of white space one space (lines wrap where the layout says)."""
    tekst = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    return " ".join(tekst.split())


@pytest.fixture
def om_14_05():
    """The walk and the report at 1 December 2026, 14:05 (Amsterdam)."""
    with time_machine.travel(TIJDSTIP, tick=False):
        yield


@pytest.fixture
def gelopen(client, content, om_14_05) -> str:
    """The longest path walked the typical way, alarm included; the report's URL."""
    return _loop(client, LANGSTE_PAD)


@pytest.fixture
def gelopen_pdf(client, gelopen) -> bytes:
    return _pdf(client, gelopen)


class TestThePage:
    def test_it_shows_the_situation_path_decisions_and_the_alarm(self, client, gelopen):
        html = client.get(gelopen).content.decode()
        assert "Bewaar geen persoonsgegevens in dit verslag." in html
        assert "<dt>Situatie</dt><dd>Doorgestuurd gekregen</dd>" in html
        assert "<dt>Jouw rol</dt><dd>Boa</dd>" in html
        # The path taken, in its order (Evalueren last).
        posities = [html.index(f"{_stap(s).titel}</li>") for s in LANGSTE_PAD[1:]]
        assert posities == sorted(posities)
        for beslissing in ROUTE.beslissingen:
            vraag = escape(_stap(beslissing.slug).beslisvraag)
            assert f"<dt>{vraag}</dt><dd>Ja</dd>" in html
        alarm = Stap.objects.exclude(alarm={}).get().alarm
        assert f'<p class="verslag__alarm-actie">{alarm["actie"]}</p>' in html
        assert '<meta name="robots" content="noindex">' in html

    def test_it_lists_each_steps_answers_and_note_in_the_order_walked(self, client, gelopen):
        html = client.get(gelopen).content.decode()
        posities = []
        for slug, antwoorden in ANTWOORDEN.items():
            stap = _stap(slug)
            for i, antwoord in antwoorden.items():
                assert f"<dt>{stap.vragen[i]['tekst']}</dt><dd>{escape(antwoord)}</dd>" in html
            assert escape(NOTITIES[slug]) in html
            posities.append(html.index(f'id="verslag-{slug}"'))
        assert posities == sorted(posities)

    def test_a_skipped_question_is_not_listed(self, client, gelopen):
        slug, i = OVERGESLAGEN
        html = client.get(gelopen).content.decode()
        assert _stap(slug).vragen[i]["tekst"] not in html
        assert _stap(slug).vragen[i + 1]["tekst"] in html

    def test_a_step_with_nothing_written_takes_one_line(self, client, gelopen):
        html = client.get(gelopen).content.decode()
        stap = _stap("samen-doorlopen")
        assert f'{stap.nummer}. {stap.titel} <span class="verslag__leeg">(niets ingevuld)' in html
        assert stap.vragen[0]["tekst"] not in html

    def test_the_chosen_actions_are_the_plan_with_wie_and_wanneer(self, client, gelopen):
        html = client.get(gelopen).content.decode()
        plan = html[html.index('id="verslag-plan"') :]
        for actie, _, _, wie, wanneer in GEKOZEN:
            titel = escape(Actie.objects.get(slug=actie).titel)
            assert f"<tr><td>{titel}</td><td>{wie}</td><td>{wanneer}</td></tr>" in plan
        assert Actie.objects.get(slug="afwachten").titel not in html

    def test_the_evaluation_questions_have_their_answers_or_room_to_write(self, client, gelopen):
        html = client.get(gelopen).content.decode()
        evaluatie = html[html.index('id="verslag-evaluatie"') :]
        vragen = _stap("evalueren").vragen
        for vraag in vragen:
            assert vraag["tekst"] in evaluatie
        assert f'<td class="verslag__antwoord">{EVALUATIE_ANTWOORD}</td>' in evaluatie
        assert evaluatie.count('class="verslag__ruimte"') == len(vragen) - 1
        assert "later samen met je partners" in evaluatie
        assert 'Evaluatiemoment: <time datetime="2026-12-15">dinsdag 15 december 2026' in html

    def test_the_tool_date_and_time_are_at_the_top_in_dutch(self, client, gelopen):
        html = client.get(gelopen).content.decode()
        kop = html[html.index('id="verslag-kop"') : html.index('id="verslag-situatie"')]
        assert "Routekaart Samenwerken bij online jeugdcriminaliteit" in kop
        assert "1 december 2026, 14:05" in kop
        assert "Bewaar geen persoonsgegevens" in kop

    def test_it_offers_the_pdf_print_back_and_wis_alles(self, client, gelopen):
        html = client.get(gelopen).content.decode()
        assert 'href="/route/verslag.pdf?' in html and "Download PDF</a>" in html
        assert "data-afdrukken hidden>Afdrukken</button>" in html
        assert "Terug naar de route</a>" in html
        assert 'data-dialoog="opnieuw-dialoog">Wis alles</a>' in html
        assert 'action="/route/opnieuw/"' in html

    def test_without_the_alarm_there_is_no_alert(self, client, content, om_14_05):
        html = client.get(_loop(client, LANGSTE_PAD, alarm=False)).content.decode()
        alarm = Stap.objects.exclude(alarm={}).get().alarm
        assert alarm["actie"] not in html
        assert "Ernstige feiten aannemelijk" not in html

    def test_a_practice_case_is_named_in_the_situation(self, client, content, om_14_05):
        casus = Casus.objects.get(slug="fraude-tiktok-bekende-jongen")
        verslag_url = _loop(client, LANGSTE_PAD, start=f"/route/?casus={casus.slug}")
        html = client.get(verslag_url).content.decode()
        assert f"<dt>Oefencasus</dt><dd>{escape(casus.titel)} " in html

    def test_an_anonymous_walker_gets_no_agreements_section(self, client, gelopen):
        assert 'id="verslag-afspraken"' not in client.get(gelopen).content.decode()

    def test_a_member_gets_the_networks_matching_agreements(self, client, content, om_14_05):
        netwerk = Netwerk.objects.create(naam="Gemeente A", slug="gemeente-a")
        for soort, tekst in [
            ("intimidatie-en-agressie", "Intimidatie: bel eerst de wijkagent"),
            ("fraude", "Niet deze"),
        ]:
            Afspraak.objects.create(
                netwerk=netwerk,
                soort=netwerk.soorten.get(fenomeen__slug=soort),
                tekst=tekst,
                wie="Politie",
                status="vastgesteld",
            )
        publiceer(netwerk)
        client.force_login(maak_lid("partner", netwerk, Lidrol.PARTNER, "Jongerenwerk"))

        verslag_url = _loop(client, LANGSTE_PAD)
        html = client.get(verslag_url).content.decode()
        afspraken = html[
            html.index('id="verslag-afspraken"') : html.index('id="verslag-evaluatie"')
        ]
        assert "Intimidatie: bel eerst de wijkagent" in afspraken
        assert "Gemeente A" in afspraken
        assert "Niet deze" not in html
        assert "Intimidatie: bel eerst de wijkagent" in _tekst(_pdf(client, verslag_url))

    def test_an_unfinished_route_has_no_report(self, client, content):
        assert client.get("/route/verslag/").status_code == 404


class TestThePdf:
    def test_it_is_a_download_kept_by_no_one(self, client, gelopen):
        response = client.get(gelopen.replace("/route/verslag/", "/route/verslag.pdf"))
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"] == 'attachment; filename="routeverslag.pdf"'
        assert "no-store" in response["Cache-Control"]

    def test_it_holds_the_answers_notes_plan_alarm_time_and_evaluation(self, gelopen_pdf):
        tekst = _tekst(gelopen_pdf)
        assert tekst.startswith("Routeverslag")
        assert "Routekaart Samenwerken bij online jeugdcriminaliteit" in tekst
        assert "1 december 2026, 14:05" in tekst
        assert "Bewaar geen persoonsgegevens" in tekst
        assert "Doorgestuurd gekregen" in tekst
        for slug in LANGSTE_PAD[1:]:
            assert _stap(slug).titel in tekst
        for slug, antwoorden in ANTWOORDEN.items():
            for antwoord in antwoorden.values():
                assert antwoord in tekst
            assert NOTITIES[slug] in tekst
        for actie, _, _, wie, wanneer in GEKOZEN:
            assert f"{Actie.objects.get(slug=actie).titel} {wie} {wanneer}" in tekst
        assert Stap.objects.exclude(alarm={}).get().alarm["actie"] in tekst
        for vraag in _stap("evalueren").vragen:
            assert vraag["tekst"] in tekst
        assert EVALUATIE_ANTWOORD in tekst
        assert "15 december 2026" in tekst

    def test_a_skipped_question_is_not_in_it(self, gelopen_pdf):
        slug, i = OVERGESLAGEN
        tekst = _tekst(gelopen_pdf)
        per_stap = tekst[tekst.index("Per stap") : tekst.index("Plan Actie")]
        assert ANTWOORDEN[slug][i + 1] in per_stap
        assert _stap(slug).vragen[i]["tekst"] not in tekst

    def test_a_typical_walk_fits_on_two_a4_pages(self, gelopen_pdf):
        pagina = PdfReader(io.BytesIO(gelopen_pdf)).pages
        assert len(pagina) <= 2
        # A4 in points.
        assert (round(pagina[0].mediabox.width), round(pagina[0].mediabox.height)) == (595, 842)

    def test_it_has_no_buttons_and_no_wis_alles(self, gelopen_pdf):
        tekst = _tekst(gelopen_pdf)
        for knop in ("Download PDF", "Afdrukken", "Terug naar de route", "Wis alles", "Opnieuw"):
            assert knop not in tekst

    def test_an_emoji_in_a_note_is_drawn_with_the_emoji_font(self, client, content, om_14_05):
        def met_emoji(slug: str) -> dict:
            return {"notitie": "Pas op 🔪💰 vanavond"} if slug == "bericht-duiden" else {}

        pdf = _pdf(client, _loop(client, LANGSTE_PAD, met_emoji, alarm=False))
        assert "Pas op" in _tekst(pdf)
        assert "Noto-Color-Emoji" in lettertypen(pdf)
