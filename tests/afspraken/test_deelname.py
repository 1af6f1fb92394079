"""Joining a live session on one's own phone (issue 11, points 1 and 2): the code, the claim of a
name and its cookie, the participant's page with their cases and answer forms, the polled status
fragment, a closed case and a closed session, and the regisseur's "Nieuwe code" and
"Vrijgeven"."""

import re
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from afspraken import deelname
from afspraken.models import Deelnemer, Inbreng, Sessie, SessieCasus
from kern import rem
from routekaart import inhoud
from tests.afspraken.personas import url
from tests.afspraken.sessie_hulp import maak_sessie


@pytest.fixture(autouse=True)
def schone_rem():
    """Each test starts with no code attempts counted for the test client's address."""
    rem.vergeet(deelname.REM_SOORT, "127.0.0.1")
    yield
    rem.vergeet(deelname.REM_SOORT, "127.0.0.1")


@pytest.fixture
def sessie(content, netwerk_a):
    s = maak_sessie(netwerk_a)
    deelname.geef_code(s)
    # Deal: Ayla the first two cases, Bram the third, the others none.
    ayla, bram = s.deelnemers.get(naam="Ayla"), s.deelnemers.get(naam="Bram")
    casussen = list(s.casussen.all())
    casussen[0].deelnemers.add(ayla)
    casussen[1].deelnemers.add(ayla)
    casussen[2].deelnemers.add(bram)
    return s


def doe_mee(naam: str, *args) -> str:
    return reverse(f"afspraken:{naam}", args=args)


def kies(client: Client, sessie: Sessie, naam: str, **extra):
    d = sessie.deelnemers.get(naam=naam)
    return client.post(doe_mee("doe-mee-wie", sessie.code), {"deelnemer": d.pk, **extra})


@pytest.fixture
def sc(sessie, client) -> SessieCasus:
    """The first case of the session, with Ayla's name picked on `client` (the case is hers)."""
    kies(client, sessie, "Ayla")
    return sessie.eerste_casus()


def stuur(client: Client, sessie: Sessie, sc: SessieCasus, **velden):
    """POST a participant's inbreng on case `sc`; keys starting with HTTP_ are headers."""
    kop = {k: velden.pop(k) for k in list(velden) if k.startswith("HTTP_")}
    return client.post(
        doe_mee("doe-mee-inbreng", sessie.code, sc.casus.slug), inbreng_data(sc, **velden), **kop
    )


def inbreng_data(sc: SessieCasus, revisie: int = 0, **velden) -> dict:
    data = {f"c{sc.pk}-revisie": revisie}
    for veld in ("duiding", "partners_betrekken", "ingrijpen", "actie", "actie_anders"):
        data[f"c{sc.pk}-{veld}"] = velden.get(veld, "")
    data[f"c{sc.pk}-partners"] = velden.get("partners", [])
    return data


class TestCode:
    def test_a_code_is_eight_characters_from_the_unambiguous_alphabet(self):
        codes = {deelname.nieuwe_code() for _ in range(500)}
        assert len(codes) == 500
        for code in codes:
            assert len(code) == 8
            assert set(code) <= set(deelname.ALFABET)
        assert not set("0O1IL") & set(deelname.ALFABET)
        assert len(deelname.ALFABET) == 31

    @pytest.mark.parametrize(
        "getypt", ["ABCDEFGH", "abcd efgh", "ABCD-EFGH", " abcd-EFGH ", "ab cd ef gh"]
    )
    def test_it_is_accepted_with_or_without_space_or_dash_in_any_case(self, getypt):
        assert deelname.normaliseer(getypt) == "ABCDEFGH"

    @pytest.mark.parametrize(
        "getypt", ["", "ABCDEFG", "ABCDEFGHJ", "ABCDEFG0", "ABCDEFGI", "ÀBCDEFGH"]
    )
    def test_anything_else_is_no_code(self, getypt):
        assert deelname.normaliseer(getypt) is None

    def test_it_is_shown_as_four_and_four(self):
        assert deelname.toon("ABCDEFGH") == "ABCD EFGH"

    def test_a_new_code_replaces_the_old_one(self, sessie, client):
        oud = sessie.code
        nieuw = deelname.geef_code(sessie)
        assert nieuw != oud
        assert Sessie.objects.get(pk=sessie.pk).code == nieuw
        assert deelname.sessie_met_code(oud) is None
        response = client.post(doe_mee("doe-mee"), {"code": oud})
        assert "Deze sessiecode kennen we niet" in response.content.decode()

    def test_the_form_leads_to_wie_ben_jij(self, sessie, client):
        getypt = deelname.toon(sessie.code).lower().replace(" ", "-")
        response = client.post(doe_mee("doe-mee"), {"code": getypt})
        assert response.status_code == 302
        assert response.url == doe_mee("doe-mee-wie", sessie.code)
        html = client.get(response.url).content.decode()
        assert "Wie ben jij?" in html
        assert "Ayla" in html and "Dewi" in html

    def test_a_wrong_code_keeps_what_was_typed(self, sessie, client):
        response = client.post(doe_mee("doe-mee"), {"code": "zzzz yyyy"})
        html = response.content.decode()
        assert response.status_code == 200
        assert "Deze sessiecode kennen we niet" in html
        assert 'value="zzzz yyyy"' in html

    def test_the_qr_address_with_the_code_in_lower_case_finds_the_session(self, sessie, client):
        response = client.get(doe_mee("doe-mee-wie", sessie.code.lower()))
        assert response.status_code == 302
        assert response.url == doe_mee("doe-mee-wie", sessie.code)

    def test_an_unknown_code_in_the_address_goes_back_to_the_form(self, sessie, client):
        response = client.get(doe_mee("doe-mee-wie", "ZZZZZZZZ"), follow=True)
        assert "Deze sessiecode kennen we niet (meer)" in response.content.decode()
        assert response.redirect_chain[-1][0] == doe_mee("doe-mee")


class TestRem:
    def test_the_eleventh_wrong_code_in_a_minute_is_refused(self, sessie, client):
        for i in range(10):
            response = client.post(doe_mee("doe-mee"), {"code": f"ZZZZZZZ{deelname.ALFABET[i]}"})
            assert response.status_code == 200, i
        response = client.post(doe_mee("doe-mee"), {"code": "ZZZZZZZZ"})
        assert response.status_code == 429
        html = response.content.decode()
        assert "Te veel pogingen. Probeer het over een minuut opnieuw." in html
        assert 'value="ZZZZZZZZ"' in html

    def test_guessing_through_the_address_counts_too(self, sessie, client):
        for _ in range(10):
            client.get(doe_mee("doe-mee-wie", "ZZZZZZZZ"))
        response = client.post(doe_mee("doe-mee"), {"code": "ZZZZZZZY"})
        assert response.status_code == 429

    def test_a_whole_room_joining_from_one_address_is_not_refused(self, sessie, client):
        # A venue's wifi: every phone has the same address; right codes are not counted.
        for _ in range(30):
            assert client.post(doe_mee("doe-mee"), {"code": sessie.code}).status_code == 302


class TestGeslotenSessie:
    def test_its_code_answers_deze_sessie_is_gesloten_and_writes_nothing(self, sessie, client):
        Sessie.objects.filter(pk=sessie.pk).update(status=Sessie.Status.AFGEROND)
        response = client.post(doe_mee("doe-mee"), {"code": sessie.code})
        assert response.status_code == 410
        assert "Deze sessie is gesloten" in response.content.decode()
        response = kies(client, sessie, "Ayla")
        assert response.status_code == 410
        assert "Deze sessie is gesloten" in response.content.decode()
        assert not Deelnemer.objects.exclude(claim="").exists()
        assert f"doe-mee-{sessie.pk}" not in response.cookies

    def test_a_participant_who_joined_can_no_longer_answer(self, sessie, client):
        kies(client, sessie, "Ayla")
        Sessie.objects.filter(pk=sessie.pk).update(status=Sessie.Status.AFGEROND)
        sc = sessie.eerste_casus()
        response = stuur(client, sessie, sc, duiding="Te laat")
        assert response.status_code == 410
        assert "Deze sessie is gesloten" in response.content.decode()
        assert not Inbreng.objects.exists()
        page = client.get(doe_mee("doe-mee-casussen", sessie.code))
        assert "Deze sessie is gesloten" in page.content.decode()

    def test_a_closed_session_gets_no_code_on_the_regisseur_s_screen(self, sessie, rf):
        Sessie.objects.filter(pk=sessie.pk).update(status=Sessie.Status.AFGEROND, code=None)
        sessie.refresh_from_db()
        assert deelname.toegang_ctx(rf.get("/"), sessie) == {"toegang": None}
        assert Sessie.objects.get(pk=sessie.pk).code is None


class TestClaim:
    def test_picking_a_name_claims_it_with_a_signed_httponly_lax_cookie(self, sessie, client):
        response = kies(client, sessie, "Ayla")
        assert response.status_code == 302
        assert response.url == doe_mee("doe-mee-casussen", sessie.code)
        ayla = sessie.deelnemers.get(naam="Ayla")
        assert len(ayla.claim) >= 40 and ayla.geclaimd_op is not None
        cookie = response.cookies[f"doe-mee-{sessie.pk}"]
        assert cookie["httponly"] is True
        assert cookie["samesite"] == "Lax"
        assert cookie["path"] == "/doe-mee/"
        assert ayla.claim not in cookie.value or ":" in cookie.value  # signed, not bare
        assert deelname._lees(cookie.value) == (ayla.pk, ayla.claim)

    def test_a_forged_cookie_is_no_claim(self, sessie, client):
        ayla = sessie.deelnemers.get(naam="Ayla")
        deelname.claim(ayla)
        client.cookies[f"doe-mee-{sessie.pk}"] = f'{{"d":{ayla.pk},"c":"{ayla.claim}"}}'
        response = client.get(doe_mee("doe-mee-casussen", sessie.code))
        assert response.status_code == 302
        assert response.url == doe_mee("doe-mee-wie", sessie.code)

    def test_a_name_claimed_on_another_device_asks_first(self, sessie, client):
        ander = Client()
        kies(ander, sessie, "Ayla")
        eerste = sessie.deelnemers.get(naam="Ayla").claim
        response = kies(client, sessie, "Ayla")
        html = response.content.decode()
        assert response.status_code == 200
        assert "Ayla is al gekozen op een ander apparaat. Ben jij dat?" in html
        assert sessie.deelnemers.get(naam="Ayla").claim == eerste  # nothing changed yet
        assert f"doe-mee-{sessie.pk}" not in response.cookies
        response = kies(client, sessie, "Ayla", overnemen="ja")
        assert response.status_code == 302
        assert sessie.deelnemers.get(naam="Ayla").claim != eerste
        # The first device has lost it.
        weg = ander.get(doe_mee("doe-mee-casussen", sessie.code))
        assert weg.status_code == 302 and weg.url == doe_mee("doe-mee-wie", sessie.code)
        assert client.get(doe_mee("doe-mee-casussen", sessie.code)).status_code == 200

    def test_picking_another_name_frees_the_first(self, sessie, client):
        kies(client, sessie, "Ayla")
        kies(client, sessie, "Bram")
        assert sessie.deelnemers.get(naam="Ayla").claim == ""
        assert sessie.deelnemers.get(naam="Bram").claim != ""

    def test_the_regisseur_releases_a_claim(self, sessie, client, regie):
        kies(client, sessie, "Ayla")
        ayla = sessie.deelnemers.get(naam="Ayla")
        pagina = url("sessie", sessie.pk)
        response = regie.post(url("sessie-vrijgeven", sessie.pk, ayla.pk), {"terug": pagina})
        assert response.status_code == 302
        assert response.url == pagina + "#toegang"
        ayla.refresh_from_db()
        assert (ayla.claim, ayla.geclaimd_op) == ("", None)
        weg = client.get(doe_mee("doe-mee-casussen", sessie.code))
        assert weg.status_code == 302
        # Free again: picking it asks nothing.
        assert kies(Client(), sessie, "Ayla").status_code == 302

    def test_release_with_htmx_returns_the_panel(self, sessie, client, regie):
        kies(client, sessie, "Ayla")
        ayla = sessie.deelnemers.get(naam="Ayla")
        response = regie.post(url("sessie-vrijgeven", sessie.pk, ayla.pk), HTTP_HX_REQUEST="true")
        html = response.content.decode()
        assert html.lstrip().startswith('<section id="toegang"')
        assert "Ayla is vrijgegeven" in html
        assert "(0 van 4)" in html

    def test_a_claim_of_one_session_reaches_no_other(self, sessie, client, netwerk_a):
        kies(client, sessie, "Ayla")
        ander = maak_sessie(netwerk_a)
        deelname.geef_code(ander)
        ayla_ander = ander.deelnemers.get(naam="Ayla")
        ander.casussen.first().deelnemers.add(ayla_ander)
        # Even this session's cookie copied under the other session's name.
        client.cookies[f"doe-mee-{ander.pk}"] = client.cookies[f"doe-mee-{sessie.pk}"].value
        response = client.get(doe_mee("doe-mee-casussen", ander.code))
        assert response.status_code == 302
        assert response.url == doe_mee("doe-mee-wie", ander.code)


class TestNieuweCode:
    def test_a_participant_who_joined_follows_the_new_code(self, sessie, client, regie):
        kies(client, sessie, "Ayla")
        oud = sessie.code
        response = regie.post(url("sessie-code", sessie.pk))
        assert response.status_code == 302
        nieuw = Sessie.objects.get(pk=sessie.pk).code
        assert nieuw != oud
        response = client.get(doe_mee("doe-mee-casussen", oud))
        assert response.status_code == 302
        assert response.url == doe_mee("doe-mee-casussen", nieuw)
        polled = client.get(doe_mee("doe-mee-status", oud), HTTP_HX_REQUEST="true")
        assert polled.headers["HX-Redirect"] == doe_mee("doe-mee-casussen", nieuw)
        # Somebody without a claim cannot use the old code.
        assert Client().post(doe_mee("doe-mee"), {"code": oud}).status_code == 200

    def test_opening_the_session_gives_it_a_code_shown_four_and_four_with_a_qr(
        self, regie, netwerk_a, rf
    ):
        s = maak_sessie(netwerk_a)
        assert s.code is None
        request = rf.get("/", HTTP_HOST="testserver")
        toegang = deelname.toegang_ctx(request, s)["toegang"]
        s.refresh_from_db()
        assert s.code and toegang.code == deelname.toon(s.code)
        assert toegang.url == f"http://testserver/doe-mee/{s.code}/"
        assert toegang.qr.startswith('<svg role="img" aria-label="QR-code voor http://testserver')
        assert "<path" in toegang.qr and "<script" not in toegang.qr
        # Asked again, the same code.
        assert deelname.toegang_ctx(request, s)["toegang"].code == toegang.code


class TestDeelnemerPagina:
    def test_it_shows_only_their_own_cases_with_questions_timer_and_forms(self, sessie, client):
        kies(client, sessie, "Ayla")
        html = client.get(doe_mee("doe-mee-casussen", sessie.code)).content.decode()
        eigen = [sc.casus for sc in sessie.deelnemers.get(naam="Ayla").sessiecasussen.all()]
        assert len(eigen) == 2
        for casus in eigen:
            assert casus.titel in html
            assert f'id="antwoord-{casus.slug}"' in html
        niet = sessie.casussen.all()[2].casus
        assert f'id="antwoord-{niet.slug}"' not in html
        assert 'class="mockbericht"' in html
        assert "Voorbeeldvragen bij de stappen van de routekaart" in html
        assert "Stap 1:" in html and "Stap 5:" in html
        assert 'role="timer"' in html and "js/klok.js" in html
        assert "Duiding in één zin" in html and "Welke actie?" in html
        assert 'data-hx-trigger="every 2s"' in html

    def test_the_timer_shows_the_facilitator_s_end_time(self, sessie, client):
        kies(client, sessie, "Ayla")
        start = timezone.now()
        Sessie.objects.filter(pk=sessie.pk).update(klok_gestart_op=start)
        html = client.get(doe_mee("doe-mee-status", sessie.code)).content.decode()
        from afspraken.klok import klok_van

        klok = klok_van(Sessie.objects.get(pk=sessie.pk))
        assert f'data-eind-ms="{klok.eind_ms}"' in html
        assert klok.totaal == 2 * 10 * 60  # Ayla holds two cases: 2 × 10 minutes

    def test_it_says_the_handout_s_timer_sentence_for_this_participant(self, sessie, client):
        # The handout, the facilitator's screens and the phone agree: 10 minutes per case.
        kies(client, sessie, "Bram")
        html = client.get(doe_mee("doe-mee-casussen", sessie.code)).content.decode()
        assert (
            "Neem 10 minuten per casus; jij hebt 1 casus: 10 minuten (de bedenktijd duurt 20 "
            "minuten: wie de meeste casussen heeft, heeft er 2)." in " ".join(html.split())
        )
        kies(client, sessie, "Ayla")
        html = client.get(doe_mee("doe-mee-casussen", sessie.code)).content.decode()
        assert "Neem 10 minuten per casus; jij hebt 2 casussen: 20 minuten." in html

    def test_without_a_claim_it_asks_for_the_name(self, sessie, client):
        response = client.get(doe_mee("doe-mee-casussen", sessie.code))
        assert response.status_code == 302
        assert response.url == doe_mee("doe-mee-wie", sessie.code)


class _Element(HTMLParser):
    """The outer HTML of the first element with `kenmerk` (an attribute as written)."""

    def __init__(self, html: str, kenmerk: str):
        super().__init__()
        self.html, self.kenmerk, self.diepte, self.begin, self.eind = html, kenmerk, 0, None, None
        self.feed(html)

    def _positie(self) -> int:
        regel, kolom = self.getpos()
        return sum(len(r) for r in self.html.splitlines(keepends=True)[: regel - 1]) + kolom

    def handle_starttag(self, tag, attrs):
        if self.eind is not None:
            return
        if self.begin is None and self.kenmerk in (self.get_starttag_text() or ""):
            self.begin, self.diepte = self._positie(), 1
        elif self.begin is not None and tag == "div":
            self.diepte += 1

    def handle_endtag(self, tag):
        if self.begin is not None and self.eind is None and tag == "div":
            self.diepte -= 1
            if self.diepte == 0:
                self.eind = self._positie() + len("</div>")


def _element(html: str, kenmerk: str) -> str:
    gevonden = _Element(html, kenmerk)
    assert gevonden.begin is not None and gevonden.eind is not None
    return html[gevonden.begin : gevonden.eind]


class TestStatusFragment:
    def test_the_polled_fragment_never_holds_the_form(self, sessie, client, sc):
        stuur(client, sessie, sc, duiding="Mijn duiding")
        SessieCasus.objects.filter(pk=sc.pk).update(gesloten_op=timezone.now())
        Sessie.objects.filter(pk=sessie.pk).update(klok_gestart_op=timezone.now())
        for hx in ({}, {"HTTP_HX_REQUEST": "true"}):
            html = client.get(doe_mee("doe-mee-status", sessie.code), **hx).content.decode()
            assert html.lstrip().startswith('<div id="doe-mee-status"')
            assert "<html" not in html
            for tag in ("<form", "<input", "<textarea", "<select", "<button"):
                assert tag not in html
            assert "Mijn duiding" not in html
            assert f"Gesloten door de regisseur: {sc.casus.titel}." in html
            assert 'role="timer"' in html

    def test_the_page_polls_the_fragment_and_the_forms_lie_outside_it(self, sessie, client):
        kies(client, sessie, "Ayla")
        html = client.get(doe_mee("doe-mee-casussen", sessie.code)).content.decode()
        polled = _element(html, 'id="doe-mee-status"')
        assert 'data-hx-trigger="every 2s"' in polled and 'data-hx-swap="outerHTML"' in polled
        assert "<form" not in polled
        assert html.count("<form") == 2  # both of Ayla's cases, outside it
        # The timer's announcements live outside it too (a swap would cut them short).
        assert "data-klok-melding" in html and "data-klok-melding" not in polled

    def test_without_a_claim_the_fragment_is_refused(self, sessie, client):
        response = client.get(doe_mee("doe-mee-status", sessie.code))
        assert response.status_code == 403


class TestInbreng:
    def test_without_javascript_it_saves_and_comes_back(self, sessie, client, content, sc):
        actie = inhoud.huidige().acties[0]
        response = stuur(
            client,
            sessie,
            sc,
            duiding="Een oproep tot geweld.",
            partners_betrekken="ja",
            partners=["politie", "jongerenwerk"],
            ingrijpen="ja",
            actie=actie.slug,
        )
        assert response.status_code == 302
        assert response.url == doe_mee("doe-mee-casussen", sessie.code) + f"#kaart-{sc.casus.slug}"
        a = Inbreng.objects.get(sessie=sessie, casus=sc.casus)
        assert a.deelnemer.naam == "Ayla"
        assert (a.partners, a.actie, a.revisie) == (["jongerenwerk", "politie"], actie.slug, 1)
        html = client.get(response.url).content.decode()
        assert f"Je antwoord bij {sc.casus.titel} is opgeslagen." in html
        assert 'value="Een oproep tot geweld."' in html
        assert f'name="c{sc.pk}-revisie" value="1"' in html

    def test_with_htmx_only_that_case_s_form_comes_back(self, sessie, client, sc):
        response = stuur(client, sessie, sc, ingrijpen="nee", HTTP_HX_REQUEST="true")
        html = response.content.decode()
        assert response.status_code == 200
        assert html.lstrip().startswith(f'<div id="antwoord-{sc.casus.slug}"')
        assert "Opgeslagen." in html
        assert f'name="c{sc.pk}-revisie" value="1"' in html
        assert "<html" not in html

    def test_bad_input_keeps_what_was_typed_and_writes_nothing(self, sessie, client, sc):
        response = stuur(client, sessie, sc, duiding="Mijn zin", actie="anders")
        html = response.content.decode()
        assert response.status_code == 400
        assert "Beschrijf de andere actie in een paar woorden." in html
        assert 'value="Mijn zin"' in html
        assert not Inbreng.objects.exists()

    def test_a_concurrent_save_by_the_regisseur_is_shown_and_nothing_is_lost(
        self, sessie, client, sc
    ):
        ayla = sessie.deelnemers.get(naam="Ayla")
        Inbreng.objects.bewaar(
            sessie=sessie, casus=sc.casus, deelnemer=ayla, geladen_revisie=0, duiding="Van de regie"
        )
        response = stuur(client, sessie, sc, revisie=0, duiding="Van mijzelf")
        html = response.content.decode()
        assert response.status_code == 409
        assert "Intussen opgeslagen: Van de regie" in html
        assert 'value="Van mijzelf"' in html
        assert f'name="c{sc.pk}-revisie" value="1"' in html  # saving again is deliberate
        assert Inbreng.objects.get().duiding == "Van de regie"

    def test_a_closed_case_refuses_a_change_in_dutch_and_writes_nothing(self, sessie, client, sc):
        stuur(client, sessie, sc, duiding="Eerst")
        SessieCasus.objects.filter(pk=sc.pk).update(gesloten_op=timezone.now())
        for hx in ({}, {"HTTP_HX_REQUEST": "true"}):
            response = stuur(client, sessie, sc, revisie=1, duiding="Later", **hx)
            html = response.content.decode()
            assert "Deze casus is gesloten; je antwoord is niet meer te wijzigen." in html
            assert response.status_code == (200 if hx else 409)
        a = Inbreng.objects.get()
        assert (a.duiding, a.revisie) == ("Eerst", 1)
        page = client.get(doe_mee("doe-mee-casussen", sessie.code)).content.decode()
        assert re.search(r"<fieldset class=\"doe-mee__velden\" disabled>", page)

    def test_a_claim_writes_only_its_own_participant_s_dealt_cases(self, sessie, client):
        kies(client, sessie, "Ayla")
        van_bram = sessie.casussen.all()[2]
        response = stuur(client, sessie, van_bram, duiding="Niet van mij")
        assert response.status_code == 404
        assert not Inbreng.objects.exists()

    def test_without_a_claim_nothing_is_written(self, sessie, client):
        sc = sessie.eerste_casus()
        response = stuur(client, sessie, sc, duiding="Anoniem")
        assert response.status_code == 403
        assert "Kies eerst je naam" in response.content.decode()
        assert not Inbreng.objects.exists()

    def test_the_regisseur_sees_the_participant_s_answer_in_the_plenary(
        self, sessie, client, regie
    ):
        kies(client, sessie, "Ayla")
        sc = sessie.eerste_casus()
        stuur(client, sessie, sc, partners=["boa"])
        html = regie.get(url("sessie-casus", sessie.pk, sc.casus.slug)).content.decode()
        assert "1 van 1 zou de boa betrekken" in html


class TestCodeInvoer:
    @settings(
        max_examples=60,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )
    @given(tekst=st.text(max_size=60))
    def test_arbitrary_text_never_fails(self, sessie, client, tekst):
        rem.vergeet(deelname.REM_SOORT, "127.0.0.1")
        response = client.post(doe_mee("doe-mee"), {"code": tekst})
        assert response.status_code in (200, 302)
        if response.status_code == 302:
            assert deelname.normaliseer(tekst) == sessie.code

    @settings(
        max_examples=40,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )
    @given(
        tekst=st.text(alphabet=st.characters(blacklist_characters="/\x00"), min_size=1, max_size=30)
    )
    def test_arbitrary_text_in_the_address_never_fails(self, sessie, client, tekst):
        rem.vergeet(deelname.REM_SOORT, "127.0.0.1")
        from urllib.parse import quote

        response = client.get(f"/doe-mee/{quote(tekst, safe='')}/")
        assert response.status_code in (200, 302, 404)
