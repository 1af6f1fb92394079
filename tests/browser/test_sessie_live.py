"""The live session in Debian's Chromium (issue 11): the beamer is readable from the back of the
room and follows the regisseur's controls without a reload; the live case screen refreshes
without touching what the regisseur is typing. axe-core on the beamer and the live screen."""

import re

import pytest
from playwright.sync_api import expect

from afspraken.models import Inbreng, Lidrol, Netwerk
from tests.afspraken.personas import maak_lid
from tests.afspraken.sessie_hulp import maak_sessie
from tests.browser.hulp import inloggen
from tests.conftest import axe_fouten

pytestmark = pytest.mark.browser


@pytest.fixture
def opzet(live_content, live_server):
    netwerk = Netwerk.objects.create(naam="Gemeente Zee", slug="gemeente-zee")
    maak_lid("oov_zee", netwerk, Lidrol.REGISSEUR, "Gemeente Zee (OOV)")
    sessie = maak_sessie(netwerk)
    basis = f"{live_server.url}/afspraken/gemeente-zee/sessies/{sessie.pk}"
    return sessie, basis


def _inbreng(sessie, naam, **velden):
    sc = sessie.eerste_casus()
    deelnemer = sessie.deelnemers.get(naam=naam)
    Inbreng.objects.bewaar(
        sessie=sessie, casus=sc.casus, deelnemer=deelnemer, geladen_revisie=0, **velden
    )


def test_the_beamer_is_readable_from_the_back_and_follows_the_controls(browser, live_server, opzet):
    sessie, basis = opzet
    regie = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    beamer = browser.new_context(viewport={"width": 1280, "height": 720}, locale="nl-NL")
    try:
        scherm = regie.new_page()
        inloggen(scherm, live_server.url, "oov_zee")
        zaal = beamer.new_page()
        inloggen(zaal, live_server.url, "oov_zee")
        zaal.goto(basis + "/live/beamer/")
        eerste = sessie.eerste_casus().casus
        expect(zaal.locator("h1")).to_have_text(eerste.titel)
        # Nothing of the site around it.
        expect(zaal.locator("header.kop, .kruimel, .sessiestappen, footer")).to_have_count(0)
        # At least 32 px body text at 1280 px: the situation, the mock post, the count.
        for kiezer in (".casus p", ".mockbericht__tekst", ".beamer-stand__aantal"):
            grootte = zaal.locator(kiezer).first.evaluate(
                "(e) => parseFloat(getComputedStyle(e).fontSize)"
            )
            assert grootte >= 32, (kiezer, grootte)
        assert not (r := axe_fouten(zaal)), r

        # The regisseur starts the timer on the live case screen; the beamer counts down.
        scherm.goto(basis + f"/casussen/{eerste.slug}/")
        scherm.get_by_role("button", name="Start").click()
        expect(scherm.locator("#bediening [data-klok-stand]")).to_contain_text("klaar om")
        klok = zaal.locator("[data-klok-tekst]")
        # Not dealt yet: one case each, 10 minutes.
        expect(klok).not_to_have_text("10:00", timeout=5000)
        expect(klok).to_have_text(re.compile(r"^9:[0-5]\d$"))
        grootte = klok.evaluate("(e) => parseFloat(getComputedStyle(e).fontSize)")
        assert grootte >= 96, grootte

        # Answers come in; the count follows, the differences wait for "Toon verschillen".
        _inbreng(sessie, "Ayla", ingrijpen="ja")
        _inbreng(sessie, "Bram", ingrijpen="nee")
        expect(zaal.locator(".beamer-stand__aantal")).to_have_text(
            "2 van 4 hebben geantwoord", timeout=5000
        )
        expect(zaal.locator(".verschillen")).to_have_count(0)
        scherm.get_by_role("button", name="Toon verschillen").click()
        expect(scherm.get_by_role("button", name="Verberg verschillen")).to_be_visible()
        expect(zaal.locator(".verschillen")).to_contain_text(
            "1 van 2 zouden ingrijpen", timeout=5000
        )
        assert not (r := axe_fouten(zaal)), r
        zaal.set_viewport_size({"width": 1920, "height": 1080})
        assert not (r := axe_fouten(zaal)), r

        # Pauze: the beamer stops too.
        scherm.get_by_role("button", name="Pauze").click()
        expect(zaal.locator("[data-klok-stand]")).to_have_text("Gepauzeerd.", timeout=5000)
        stil = klok.text_content()
        zaal.wait_for_timeout(2500)
        assert klok.text_content() == stil

        # "Volgende casus" moves the beamer and the regisseur's own screen.
        tweede = list(sessie.casussen.select_related("casus"))[1].casus
        scherm.get_by_role("button", name=re.compile("^Volgende casus")).click()
        expect(scherm.locator("h1")).to_have_text(f"Bespreken: {tweede.titel}")
        expect(zaal.locator("h1")).to_have_text(tweede.titel, timeout=5000)
        expect(zaal.locator(".verschillen")).to_have_count(0)
    finally:
        regie.close()
        beamer.close()


def test_polling_never_replaces_what_the_regisseur_is_typing(browser, live_server, opzet):
    sessie, basis = opzet
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    try:
        page = context.new_page()
        inloggen(page, live_server.url, "oov_zee")
        eerste = sessie.eerste_casus().casus
        page.goto(basis + f"/casussen/{eerste.slug}/")
        expect(page.locator("#stand")).to_contain_text("0 van 4 hebben geantwoord")
        page.get_by_text("Invullen voor iemand zonder telefoon").click()
        cor = page.get_by_role("group", name="Cor (Jeugdboa)")
        veld = cor.get_by_label("Duiding in één zin")
        veld.fill("Ik typ nog")
        # Meanwhile a participant answers on their phone: the screen follows ...
        _inbreng(sessie, "Ayla", ingrijpen="ja", duiding="Van de telefoon")
        expect(page.locator("#stand")).to_contain_text("1 van 4 hebben geantwoord", timeout=5000)
        expect(page.locator("#stand")).to_contain_text("Van de telefoon")
        page.wait_for_timeout(2500)  # one more poll
        # ... and what is being typed stays, with the focus in it.
        expect(veld).to_have_value("Ik typ nog")
        expect(veld).to_be_focused()
        assert not (r := axe_fouten(page)), r
        page.get_by_role("button", name="Antwoorden opslaan").click()
        expect(page.locator("#stand")).to_contain_text("2 van 4 hebben geantwoord", timeout=5000)
        expect(page.locator("#stand")).to_contain_text("Ik typ nog")
        assert not (r := axe_fouten(page)), r
    finally:
        context.close()


# -- The whole live meeting: four browsers at once ----------------------------------------------

TELEFOON = {"width": 375, "height": 800}


@pytest.fixture
def vergadering(live_content, live_server):
    """Four participants, the eight cases dealt two each; the first case (ONLINE) goes to Ayla
    and Bram both, so the two phones answer the same case."""
    from django.test import Client

    netwerk = Netwerk.objects.create(naam="Gemeente Zee", slug="gemeente-zee")
    regisseur = maak_lid("oov_zee", netwerk, Lidrol.REGISSEUR, "Gemeente Zee (OOV)")
    sessie = maak_sessie(netwerk)
    client = Client()
    client.force_login(regisseur)
    client.post(f"/afspraken/gemeente-zee/sessies/{sessie.pk}/verdelen/", {"actie": "verdeel"})
    eerste = sessie.eerste_casus()
    eerste.deelnemers.add(*sessie.deelnemers.filter(naam__in=["Ayla", "Bram"]))
    return sessie, f"{live_server.url}/afspraken/gemeente-zee/sessies/{sessie.pk}"


def _qr_houdt(page, url: str) -> bool:
    """The QR on the page encodes `url`: its modules are those segno makes of that URL."""
    import segno

    op_pagina = page.locator("svg.toegang__qr path").get_attribute("d")
    verwacht = segno.make(url, error="m").svg_inline(
        scale=1, border=2, omitsize=True, svgclass="toegang__qr", lineclass=None
    )
    return f'd="{op_pagina}"' in verwacht


def _telefoon(browser, basis_url: str, via: str, code: str, naam: str, fouten, paginas):
    """A participant's phone: joins by typing the code or by the QR's URL, picks `naam`."""
    context = browser.new_context(viewport=TELEFOON, locale="nl-NL", has_touch=True)
    page = context.new_page()
    if via == "code":
        page.goto(basis_url + "/doe-mee/")
        expect(page.locator("h1")).to_have_text("Meedoen met een sessie")
        _bekijk(page, context, fouten, paginas, f"{naam}: sessiecode")
        page.get_by_label("Sessiecode").fill(code.lower())
        page.get_by_role("button", name="Verder").click()
    else:
        page.goto(via)
    expect(page.locator("h1")).to_have_text("Wie ben jij?")
    _bekijk(page, context, fouten, paginas, f"{naam}: wie ben jij")
    page.get_by_role("button", name=re.compile(f"^{naam}")).click()
    expect(page.locator("h1")).to_have_text("Jouw casussen")
    return context, page


def _bekijk(page, context, fouten: list[str], paginas: dict[str, str], naam: str) -> None:
    """axe on the page as it is; its HTML as the server sent it, for the Nu Html Checker."""
    if r := axe_fouten(page):
        fouten.append(f"{naam}:\n{r}")
    paginas[naam] = context.request.get(page.url).text()


def test_four_browsers_run_a_live_meeting(browser, live_server, vergadering):
    from afspraken.models import Sessie
    from tests.conftest import vnu_fouten

    sessie, basis = vergadering
    eerste = sessie.eerste_casus()
    fouten: list[str] = []
    paginas: dict[str, str] = {}
    contexten = []
    try:
        # The regisseur opens the live screen of the first case: the code and the QR are there.
        regie = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
        contexten.append(regie)
        scherm = regie.new_page()
        inloggen(scherm, live_server.url, "oov_zee")
        scherm.goto(basis + f"/casussen/{eerste.casus.slug}/")
        code = scherm.locator(".toegang__code").inner_text().strip()
        assert re.fullmatch(r"[A-Z0-9]{4} [A-Z0-9]{4}", code), code
        qr = scherm.get_by_role("img", name=re.compile("^QR-code voor "))
        qr_url = qr.get_attribute("aria-label").removeprefix("QR-code voor ")
        assert qr_url == f"{live_server.url}/doe-mee/{code.replace(' ', '')}/"
        assert _qr_houdt(scherm, qr_url)
        expect(scherm.locator("#stand")).to_contain_text("0 van 4 hebben geantwoord")

        # The beamer, on the projector.
        beamer = browser.new_context(viewport={"width": 1280, "height": 720}, locale="nl-NL")
        contexten.append(beamer)
        zaal = beamer.new_page()
        inloggen(zaal, live_server.url, "oov_zee")
        zaal.goto(basis + "/live/beamer/")
        expect(zaal.locator("h1")).to_have_text(eerste.casus.titel)
        _bekijk(zaal, beamer, fouten, paginas, "beamer")

        # Two phones: Ayla types the code, Bram follows the QR.
        ayla_ctx, ayla = _telefoon(browser, live_server.url, "code", code, "Ayla", fouten, paginas)
        contexten.append(ayla_ctx)
        bram_ctx, bram = _telefoon(browser, live_server.url, qr_url, code, "Bram", fouten, paginas)
        contexten.append(bram_ctx)
        for naam, page, ctx in (("Ayla", ayla, ayla_ctx), ("Bram", bram, bram_ctx)):
            eigen = [sc.casus.titel for sc in sessie.casussen.filter(deelnemers__naam=naam)]
            expect(page.locator(".doe-mee__kaart h2")).to_have_text(eigen)
            _bekijk(page, ctx, fouten, paginas, f"{naam}: jouw casussen")

        # Both answer the first case, differently.
        kaart = ayla.locator(f"#kaart-{eerste.casus.slug}")
        kaart.get_by_label("Duiding in één zin").fill("Een oproep tot een vechtpartij.")
        kaart.get_by_role("group", name="Partners betrekken?").get_by_label("Ja").check()
        kaart.get_by_role("group", name=re.compile("^Welke partners")).get_by_label(
            "Politie"
        ).check()
        kaart.get_by_role("group", name="Ingrijpen?").get_by_label("Ja").check()
        kaart.get_by_role("button", name=re.compile("^Antwoord opslaan")).click()
        expect(kaart.get_by_role("status")).to_contain_text("Opgeslagen.")
        kaart = bram.locator(f"#kaart-{eerste.casus.slug}")
        kaart.get_by_label("Duiding in één zin").fill("Stoere praat.")
        kaart.get_by_role("group", name="Partners betrekken?").get_by_label("Nee").check()
        kaart.get_by_role("group", name="Ingrijpen?").get_by_label("Nee").check()
        kaart.get_by_role("button", name=re.compile("^Antwoord opslaan")).click()
        expect(kaart.get_by_role("status")).to_contain_text("Opgeslagen.")

        # Without a reload, the regisseur's screen shows them within 5 s, and the difference.
        stand = scherm.locator("#stand")
        expect(stand).to_contain_text("2 van 4 hebben geantwoord", timeout=5000)
        expect(stand.locator(".verschillen__vraag--verschil").first).to_contain_text(
            "Partners betrekken?", timeout=5000
        )
        expect(stand).to_contain_text("1 van 2 zouden partners betrekken")
        expect(stand).to_contain_text("Stoere praat.")

        # The beamer: the timer once started, the differences after "Toon verschillen".
        scherm.get_by_role("button", name="Start").click()
        expect(zaal.locator("[data-klok-stand]")).to_contain_text("klaar om", timeout=5000)
        # Ayla and Bram hold three cases each now: 3 x 10 minutes.
        expect(zaal.locator("[data-klok-tekst]")).to_have_text(re.compile(r"^29:[0-5]\d$"))
        expect(zaal.locator(".beamer-stand__aantal")).to_have_text("2 van 4 hebben geantwoord")
        expect(zaal.locator(".verschillen")).to_have_count(0)
        scherm.get_by_role("button", name="Toon verschillen").click()
        expect(zaal.locator(".verschillen")).to_contain_text(
            "1 van 2 zouden partners betrekken", timeout=5000
        )
        expect(zaal.locator(".verschil-label").first).to_be_visible()
        _bekijk(zaal, beamer, fouten, paginas, "beamer met verschillen")
        # The phones show the same end time as the beamer.
        eind = zaal.locator("[data-klok]").get_attribute("data-eind-ms")
        expect(ayla.locator("#doe-mee-status [data-klok]")).to_have_attribute(
            "data-eind-ms", eind, timeout=5000
        )

        # The regisseur closes the case; Ayla's change is then refused, in Dutch.
        scherm.get_by_role("button", name="Casus sluiten").click()
        expect(scherm.locator("#casus-status")).to_contain_text("Deze casus is gesloten")
        kaart = ayla.locator(f"#kaart-{eerste.casus.slug}")
        kaart.get_by_role("group", name="Ingrijpen?").get_by_label("Nee").check()
        kaart.get_by_role("button", name=re.compile("^Antwoord opslaan")).click()
        expect(ayla.locator(f"#antwoord-{eerste.casus.slug}")).to_contain_text(
            "Deze casus is gesloten; je antwoord is niet meer te wijzigen."
        )
        inbreng = sessie.inbreng.get(casus=eerste.casus, deelnemer__naam="Ayla")
        assert inbreng.ingrijpen == "ja"

        # "Sessie afronden" lists the cases not discussed before it closes.
        scherm.get_by_role("link", name="5. Afspraken bekijken").click()
        scherm.get_by_role("button", name="Sessie afronden").click()
        expect(scherm.locator("#niet-besproken-kop")).to_have_text(
            "Nog niet besproken: 7 van 8 casussen"
        )
        tweede = list(sessie.casussen.select_related("casus"))[1].casus.titel
        expect(scherm.locator(".afronden-open").first).to_contain_text(tweede)
        assert Sessie.objects.get(pk=sessie.pk).status != Sessie.Status.AFGEROND
        scherm.get_by_role("button", name="Ja, sessie afronden").click()
        expect(scherm.locator(".kaartje[role=status] h2")).to_have_text("De sessie is afgerond")
        assert Sessie.objects.get(pk=sessie.pk).status == Sessie.Status.AFGEROND
    finally:
        for context in contexten:
            context.close()
    assert not fouten, "\n".join(fouten)
    assert vnu_fouten(paginas) == []
