"""The route step's {% cache %} blocks (templates/routekaart/stap.html) hold content only.

Two walkers, one logged in and one not, tick different questions and write different notes at
every step, then open the same step URLs. Every cached fragment is shared by both (it is in
both walkers' pages) and holds nothing of either: no note, no tick box, no CSRF token, no user
name, no agreement of a network. Moving any of those into a cached block fails here."""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.test import Client

from routekaart import netwerk as naad
from tests.routekaart.stap_cache_hulp import gecachte_waarden
from tests.routekaart.wandeling_hulp import ROUTE, beslissingen_tot, url

pytestmark = pytest.mark.django_db
HX = {"HTTP_HX_REQUEST": "true"}
AFSPRAAK = "Afspraak-alleen-voor-ingelogden-5d2e"


@pytest.fixture
def lege_caches():
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def afspraak_voor_ingelogden(monkeypatch):
    """The network's agreements, as afspraken.koppeling gives them: only to a logged-in member."""

    class Afspraak:
        soort, tekst, wie = "Algemeen", AFSPRAAK, "Politie"

    monkeypatch.setattr(
        naad,
        "afspraken_voor_route",
        lambda user, fenomeen: [Afspraak()] if user.is_authenticated else [],
    )


def _wandelaar(naam: str | None) -> Client:
    client = Client(enforce_csrf_checks=False)
    if naam:
        client.force_login(get_user_model().objects.create_user(naam, password="x-geheim-1"))
    return client


def _loop_alles(client: Client, notitie: str, vraag: int) -> list[str]:
    """Save a note and an answer at every step, then fetch every step (full page and panel); the
    pages seen. A decision posted without Ja or Nee keeps the note and shows an error."""
    paginas = []
    adressen = [url(s, fenomeen="fraude", rol="boa", **beslissingen_tot(s)) for s in ROUTE.volgorde]
    for adres in adressen[1:]:
        data = {"notitie": f"{notitie}-{adres}", f"vraag-{vraag}": f"antwoord-{notitie}"}
        response = client.post(adres, data)
        if response.status_code == 400:
            paginas.append(response.content.decode())
    for adres in adressen:
        for kop in ({}, HX):
            response = client.get(adres, **kop)
            assert response.status_code == 200, adres
            paginas.append(response.content.decode())
    return paginas


def test_the_cached_fragments_hold_nothing_of_either_walker(
    lege_caches, content, afspraak_voor_ingelogden
):
    anna = _loop_alles(_wandelaar("wandelaar-anna-3b1"), "notitie-van-anna", 0)
    bram = _loop_alles(_wandelaar(None), "notitie-van-bram", 1)
    # The walks were what they should be: each saw their own notes and answers, Anna the
    # agreement.
    assert any("notitie-van-anna" in p for p in anna)
    assert any('name="vraag-0" value="antwoord-notitie-van-anna"' in p for p in anna)
    assert any('name="vraag-1" value="antwoord-notitie-van-bram"' in p for p in bram)
    assert any(AFSPRAAK in p for p in anna)
    assert any("Kies Ja of Nee." in p for p in bram)
    assert not any(AFSPRAAK in p for p in bram)

    fragmenten = gecachte_waarden()
    namen = {sleutel.split("template.cache.")[1].split(".")[0] for sleutel in fragmenten}
    assert namen == {"stap-tips", "stap-orientatie"}
    for sleutel, fragment in fragmenten.items():
        for eigen in ("notitie-van-anna", "notitie-van-bram", "wandelaar-anna", AFSPRAAK):
            assert eigen not in fragment, sleutel
        assert 'name="vraag-' not in fragment, sleutel  # the answer fields
        assert "antwoord-notitie-van" not in fragment, sleutel
        assert "checked" not in fragment, sleutel
        assert "csrf" not in fragment.lower(), sleutel
        assert 'class="fout"' not in fragment, sleutel
        assert "Kies Ja of Nee." not in fragment, sleutel
        # Shared: the same fragment is in both walkers' pages.
        assert any(fragment in p for p in anna), sleutel
        assert any(fragment in p for p in bram), sleutel
