"""The route map shows exactly the path taken (issue 9, point 7), asserted on the SVG the pages
serve. On the mini map next to a step a line is walked when its two ends follow each other in the
path, the stations before the current one are visited, what can still be reached is ahead, and
everything else (a branch left behind) is skipped. The home map marks nothing. The expectations
come from the complete paths of the route (`Route.paden`), never from the map code."""

from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest

from tests.routekaart.wandeling_hulp import ROUTE, beslissingen_voor_pad, url

PADEN = ROUTE.paden()
EERSTE, TWEEDE = ROUTE.beslissingen  # partners betrekken?, ingrijpen?
STANDEN = ("gelopen", "huidig", "komend", "overgeslagen")
ALLE_LIJNEN = {(van, naar) for van in ROUTE.volgorde for _, naar in ROUTE[van].takken()}


def _pad(eerste: str, tweede: str) -> list[str]:
    """The complete path with these answers at the two forks."""
    gezocht = {EERSTE.sleutel: eerste, TWEEDE.sleutel: tweede}
    return next(p for p in PADEN if beslissingen_voor_pad(p) == gezocht)


def _naam(pad: list[str]) -> str:
    """A path by its decisions, e.g. "partners=ja,ingrijpen=nee"."""
    return ",".join(f"{k}={v}" for k, v in beslissingen_voor_pad(pad).items())


# Every step of every branch, as the path from the start up to it (shared beginnings once).
STUKKEN = [list(s) for s in dict.fromkeys(tuple(p[: i + 1]) for p in PADEN for i in range(len(p)))]
STUK_IDS = [f"{stuk[-1]}({_naam(stuk)})" for stuk in STUKKEN]


@dataclass
class SvgKaart:
    """One `svg.kaart` as served: its classes, each line's ends with its state, each station's
    state and label."""

    klassen: set[str]
    lijnen: dict[tuple[str, str], str] = field(default_factory=dict)
    stations: dict[str, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)

    def met_stand(self, stand: str) -> tuple[set[tuple[str, str]], set[str]]:
        """The lines and the stations in this state."""
        return (
            {lijn for lijn, s in self.lijnen.items() if s == stand},
            {slug for slug, s in self.stations.items() if s == stand},
        )


def _stand(klassen: list[str], blok: str) -> str:
    """The one state modifier (`kaart__lijn--gelopen` …) among the classes, or ""."""
    standen = [s for s in STANDEN if f"{blok}--{s}" in klassen]
    assert len(standen) <= 1, klassen
    return standen[0] if standen else ""


class _Kaartlezer(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.kaarten: list[SvgKaart] = []
        self._stap = ""
        self._in_label = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        klassen = (a.get("class") or "").split()
        if tag == "svg" and "kaart" in klassen:
            self.kaarten.append(SvgKaart(set(klassen)))
        elif tag == "path" and "kaart__lijn" in klassen:
            lijn = (a["data-van"], a["data-naar"])
            assert lijn not in self.kaarten[-1].lijnen
            self.kaarten[-1].lijnen[lijn] = _stand(klassen, "kaart__lijn")
        elif tag == "g" and "kaart__station" in klassen:
            self._stap = a["data-stap"]
            self.kaarten[-1].stations[self._stap] = _stand(klassen, "kaart__station")
        elif tag == "text" and "kaart__label" in klassen:
            self._in_label = True

    def handle_endtag(self, tag: str) -> None:
        self._in_label = self._in_label and tag != "text"

    def handle_data(self, data: str) -> None:
        if self._in_label:
            self.kaarten[-1].labels[self._stap] = data.strip()


def kaarten(html: str) -> list[SvgKaart]:
    lezer = _Kaartlezer()
    lezer.feed(html)
    return lezer.kaarten


def minikaart(client, pad: list[str]) -> SvgKaart:
    """The mini map on the step page at the end of `pad`, reached with the path's answers."""
    response = client.get(url(pad[-1], **beslissingen_voor_pad(pad)))
    assert response.status_code == 200
    (kaart,) = [k for k in kaarten(response.content.decode()) if "kaart--klein" in k.klassen]
    return kaart


def _verder(stuk: list[str]) -> list[list[str]]:
    """The rest of every complete path that begins with `stuk`, from its last step on."""
    return [p[len(stuk) - 1 :] for p in PADEN if p[: len(stuk)] == stuk]


@pytest.mark.django_db
class TestTheMiniMap:
    @pytest.mark.parametrize("stuk", STUKKEN, ids=STUK_IDS)
    def test_it_marks_exactly_the_path_taken(self, client, content, stuk):
        kaart = minikaart(client, stuk)
        gelopen_lijnen, gelopen_stations = kaart.met_stand("gelopen")
        assert gelopen_lijnen == set(zip(stuk, stuk[1:], strict=False))
        assert gelopen_stations == set(stuk[:-1])
        assert kaart.met_stand("huidig") == (set(), {stuk[-1]})

    @pytest.mark.parametrize("stuk", STUKKEN, ids=STUK_IDS)
    def test_it_mutes_what_the_walker_can_no_longer_reach(self, client, content, stuk):
        kaart = minikaart(client, stuk)
        verder = _verder(stuk)
        komend_lijnen = {lijn for p in verder for lijn in zip(p, p[1:], strict=False)}
        komend_stations = {slug for p in verder for slug in p[1:]}
        assert kaart.met_stand("komend") == (komend_lijnen, komend_stations)
        assert kaart.met_stand("overgeslagen") == (
            ALLE_LIJNEN - set(zip(stuk, stuk[1:], strict=False)) - komend_lijnen,
            set(ROUTE.volgorde) - set(stuk) - komend_stations,
        )

    @pytest.mark.parametrize("pad", PADEN, ids=_naam)
    def test_at_the_end_every_line_off_the_path_is_skipped(self, client, content, pad):
        # The reported bug: with both ends of the "nee" edge on the path (partners = ja), that
        # edge counted as walked, and at Evalueren every line was dark.
        kaart = minikaart(client, pad)
        gelopen = set(zip(pad, pad[1:], strict=False))
        assert kaart.met_stand("gelopen")[0] == gelopen
        assert kaart.met_stand("overgeslagen")[0] == ALLE_LIJNEN - gelopen

    def test_the_straight_nee_line_is_skipped_when_partners_are_involved(self, client, content):
        kaart = minikaart(client, _pad("ja", "ja"))
        assert kaart.lijnen[(EERSTE.slug, EERSTE.ja)] == "gelopen"
        assert kaart.lijnen[(EERSTE.slug, EERSTE.nee)] == "overgeslagen"

    @pytest.mark.parametrize("pad", PADEN, ids=_naam)
    def test_it_labels_every_station_as_the_home_map_does(self, client, content, pad):
        (thuis,) = kaarten(client.get("/").content.decode())
        assert minikaart(client, pad).labels == thuis.labels
        assert thuis.labels["samen-doorlopen"] == ROUTE["samen-doorlopen"].kaartlabel


@pytest.mark.django_db
class TestTheHomeMap:
    def test_it_marks_nothing_walked_skipped_or_ahead(self, client, content):
        (kaart,) = kaarten(client.get("/").content.decode())
        assert "kaart--klein" not in kaart.klassen
        assert set(kaart.lijnen) == ALLE_LIJNEN
        assert set(kaart.stations) == set(ROUTE.volgorde)
        assert set(kaart.lijnen.values()) == {""}
        assert set(kaart.stations.values()) == {""}

    def test_an_explanation_page_marks_its_step_and_mutes_nothing(self, client, content):
        (kaart,) = kaarten(client.get("/stappen/samen-doorlopen/").content.decode())
        assert set(kaart.lijnen.values()) == {""}
        assert kaart.stations.pop("samen-doorlopen") == "huidig"
        assert set(kaart.stations.values()) == {""}


def test_a_map_without_a_path_marks_nothing():
    stand = ROUTE.kaart().langs([])
    assert {s for _, s in stand.lijnen} | {s for _, s in stand.stations} == {""}


@pytest.mark.browser
def test_both_maps_draw_ja_and_nee_in_the_same_colours(page, live_server, live_content):
    # The home map drew "Nee" brown and the mini map did not; neither answer is the right one.
    def kleuren(selector: str) -> dict[str, str]:
        return page.eval_on_selector_all(
            selector + " path.kaart__lijn--ja, " + selector + " path.kaart__lijn--nee",
            """lijnen => Object.fromEntries(lijnen.map(l => [
                l.dataset.van + ">" + l.dataset.naar, getComputedStyle(l).stroke]))""",
        )

    page.goto(live_server.url + "/")
    thuis = kleuren("svg.kaart")
    pad = _pad("ja", "nee")
    page.goto(live_server.url + url(pad[-1], **beslissingen_voor_pad(pad)))
    mini = kleuren("svg.kaart--klein")
    gelopen = {f"{van}>{naar}" for van, naar in zip(pad, pad[1:], strict=False)}
    # On the home map every line has one colour; on the mini map every walked line has it too.
    assert len(set(thuis.values())) == 1
    assert {mini[lijn] for lijn in mini if lijn in gelopen} == set(thuis.values())


@pytest.mark.browser
def test_walked_visited_current_and_skipped_differ_by_more_than_colour(
    page, live_server, live_content
):
    # At the second fork without partners: the review step's branch is skipped, the rest ahead.
    pad = _pad("nee", "ja")
    stuk = pad[: pad.index(TWEEDE.slug) + 1]
    page.goto(live_server.url + url(stuk[-1], **beslissingen_voor_pad(stuk)))
    kaart = "svg.kaart--klein"

    def stijl(selector: str) -> dict[str, str]:
        return page.eval_on_selector(
            f"{kaart} {selector}",
            """e => { const s = getComputedStyle(e);
                return {fill: s.fill, dash: s.strokeDasharray, breedte: s.strokeWidth}; }""",
        )

    gelopen, komend, overgeslagen = (
        stijl(f"path.kaart__lijn--{stand}") for stand in ("gelopen", "komend", "overgeslagen")
    )
    assert gelopen["dash"] == "none"
    assert overgeslagen["dash"] != "none"
    assert float(gelopen["breedte"][:-2]) > float(komend["breedte"][:-2])

    vorm = ":is(circle, rect):not(.kaart__halo)"
    bezocht, vooruit = (
        stijl(f".kaart__station--gelopen {vorm}"),
        stijl(f".kaart__station--komend {vorm}"),
    )
    assert bezocht["fill"] != vooruit["fill"]  # filled against hollow
    assert stijl(f".kaart__station--overgeslagen {vorm}")["dash"] != "none"
    # The current station alone is ringed.
    assert page.locator(f"{kaart} .kaart__halo").count() == 1
    assert page.locator(f"{kaart} .kaart__station--huidig .kaart__halo").count() == 1
