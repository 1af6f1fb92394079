"""Every page of the vredestijd session and the evaluation, also with errors and a conflict,
is valid HTML for the Nu Html Checker (one Java run)."""

from datetime import date

from django.urls import reverse

from afspraken.models import Afspraak, Evaluatie, Inbreng
from tests.afspraken.personas import maak_afspraak
from tests.afspraken.sessie_hulp import maak_sessie
from tests.conftest import vnu_fouten


def test_the_session_and_evaluation_pages_are_valid_html(
    client, content, netwerk_a, regisseur_a, als
):
    als(client, regisseur_a)
    sessie = maak_sessie(netwerk_a)
    a = netwerk_a.slug
    client.post(reverse("afspraken:sessie-verdelen", args=[a, sessie.pk]), {"actie": "verdeel"})
    sc = sessie.eerste_casus()
    ayla, bram = sessie.deelnemers.all()[:2]
    Inbreng.objects.create(sessie=sessie, casus=sc.casus, deelnemer=ayla, ingrijpen="ja")
    Inbreng.objects.create(sessie=sessie, casus=sc.casus, deelnemer=bram, ingrijpen="nee")
    afspraak = maak_afspraak(
        netwerk_a,
        tekst="Uit de sessie",
        sessie=sessie,
        casus=sc.casus,
        evaluatiedatum=date(2020, 1, 1),
    )
    evaluatie = Evaluatie.objects.create(
        netwerk=netwerk_a,
        datum=date(2026, 9, 14),
        conclusie=Evaluatie.Conclusie.AANPASSEN,
        antwoorden={"0": {"vraag": "Ging het goed?", "antwoord": "Ja"}},
    )
    evaluatie.afspraken.add(afspraak)
    s, e, pk = sessie.pk, evaluatie.pk, afspraak.pk
    paginas = {}
    for pad in [
        f"/afspraken/{a}/",
        f"/afspraken/{a}/sessies/{s}/",
        f"/afspraken/{a}/sessies/{s}/hand-outs/",
        f"/afspraken/{a}/sessies/{s}/bedenktijd/?fase=6",
        f"/afspraken/{a}/sessies/{s}/afspraken/",
        f"/afspraken/{a}/sessies/{s}/samenvatting/",
        f"/afspraken/{a}/sessies/{s}/afronden/",
        f"/afspraken/{a}/sessies/{s}/casussen/{sc.casus.slug}/",
        f"/afspraken/{a}/sessies/{s}/live/beamer/",
        f"/afspraken/{a}/evaluaties/",
        f"/afspraken/{a}/evaluaties/nieuw/?afspraak={pk}",
        f"/afspraken/{a}/evaluaties/{e}/",
        f"/afspraken/{a}/evaluaties/{e}/afspraken/{pk}/",
        f"/afspraken/{a}/{pk}/wijzigen/?weergave=sessie",
        f"/afspraken/{a}/{pk}/geschiedenis/",
    ]:
        response = client.get(pad)
        assert response.status_code == 200, pad
        paginas[pad] = response.content.decode()
    # With errors, and the conflict beside the evaluation.
    paginas["nieuwe sessie, fouten"] = client.post(
        f"/afspraken/{a}/sessies/nieuw/",
        {"datum": "x", "deelnemers-TOTAL_FORMS": "2", "deelnemers-INITIAL_FORMS": "0"},
    ).content.decode()
    paginas["casus, fouten"] = client.post(
        f"/afspraken/{a}/sessies/{s}/casussen/{sc.casus.slug}/",
        {f"d{ayla.pk}-ingrijpen": "misschien"},
    ).content.decode()
    paginas["casus, htmx"] = client.post(
        f"/afspraken/{a}/sessies/{s}/casussen/{sc.casus.slug}/", {}, HTTP_HX_REQUEST="true"
    ).content.decode()
    paginas["afronden, niet bevestigd"] = client.post(
        f"/afspraken/{a}/sessies/{s}/afronden/", {}
    ).content.decode()
    # The live parts: the timer running, the differences on the beamer, a closed case.
    client.post(f"/afspraken/{a}/sessies/{s}/live/klok/", {"actie": "start"})
    client.post(f"/afspraken/{a}/sessies/{s}/live/beamer/verschillen/", {"tonen": "ja"})
    client.post(f"/afspraken/{a}/sessies/{s}/live/casussen/{sc.casus.slug}/sluiten/")
    paginas["beamer, loopt"] = client.get(
        f"/afspraken/{a}/sessies/{s}/live/beamer/"
    ).content.decode()
    paginas["casus, gesloten"] = client.get(
        f"/afspraken/{a}/sessies/{s}/casussen/{sc.casus.slug}/"
    ).content.decode()
    paginas["bedenktijd, loopt"] = client.get(
        f"/afspraken/{a}/sessies/{s}/bedenktijd/"
    ).content.decode()
    fragmenten = {
        "stand, htmx": client.get(
            f"/afspraken/{a}/sessies/{s}/casussen/{sc.casus.slug}/", HTTP_HX_REQUEST="true"
        ).content.decode(),
        "beamer, htmx": client.get(
            f"/afspraken/{a}/sessies/{s}/live/beamer/", HTTP_HX_REQUEST="true"
        ).content.decode(),
        "bediening, htmx": client.post(
            f"/afspraken/{a}/sessies/{s}/live/klok/", {"actie": "pauze"}, HTTP_HX_REQUEST="true"
        ).content.decode(),
    }
    paginas["evaluatie, fouten"] = client.post(
        f"/afspraken/{a}/evaluaties/nieuw/", {}
    ).content.decode()
    Afspraak.objects.filter(pk=pk).update(revisie=7)
    paginas["aanpassen, conflict"] = client.post(
        f"/afspraken/{a}/evaluaties/{e}/afspraken/{pk}/",
        {
            f"a{pk}-soort": afspraak.soort_id,
            f"a{pk}-tekst": "Nieuw",
            f"a{pk}-wie": "Politie",
            f"a{pk}-status": "concept",
            f"a{pk}-revisie": "1",
        },
    ).content.decode()
    # The htmx partial is a fragment: check it inside a minimal document.
    paginas["casus, htmx"] = (
        '<!DOCTYPE html><html lang="nl"><head><title>x</title></head><body>'
        + paginas["casus, htmx"]
        + "</body></html>"
    )
    for naam, fragment in fragmenten.items():
        paginas[naam] = (
            '<!DOCTYPE html><html lang="nl"><head><title>x</title></head><body>'
            + fragment
            + "</body></html>"
        )
    fouten = vnu_fouten(paginas)
    assert not fouten, "\n".join(fouten)
