"""The route graph, without the database: hand-built graphs, and the shipped content/route/ files
read straight from their front matter (not through load_content)."""

from pathlib import Path

import pytest
import yaml

from routekaart.route import Route, RouteFout, Stap

ROUTE_MAP = Path(__file__).resolve().parents[2] / "content" / "route"


def _front_matter(pad: Path) -> dict:
    return yaml.safe_load(pad.read_text(encoding="utf-8").split("---")[1])


def _gelezen_stappen() -> list[Stap]:
    stappen = []
    for pad in sorted(ROUTE_MAP.glob("*.md")):
        meta = _front_matter(pad)
        stappen.append(
            Stap(
                slug=pad.stem,
                aard=meta["aard"],
                titel=meta["titel"],
                nummer=meta.get("nummer"),
                kaartlabel=meta.get("kaartlabel", ""),
                volgende=meta.get("volgende", ""),
                ja=meta.get("ja", ""),
                nee=meta.get("nee", ""),
                sleutel=meta.get("sleutel", ""),
            )
        )
    return stappen


@pytest.fixture(scope="module")
def route() -> Route:
    return Route.uit_stappen(_gelezen_stappen())


def _kleine_route(**vervang: Stap) -> list[Stap]:
    """A valid miniature route: start -> a -> fork(ja: b, nee: eind); b -> eind. Keyword
    arguments replace stappen by slug (or add new ones)."""
    stappen = {
        "start": Stap("start", "start", "Start", volgende="a"),
        "a": Stap("a", "info", "Stap A", nummer=1, volgende="vork"),
        "vork": Stap("vork", "beslissing", "Vork?", nummer=2, ja="b", nee="eind", sleutel="v"),
        "b": Stap("b", "info", "Stap B", nummer=3, volgende="eind"),
        "eind": Stap("eind", "evaluatie", "Eind", nummer=4),
    }
    stappen.update(vervang)
    return list(stappen.values())


# -- the shipped route, edge by edge --------------------------------------------------------------

# Every edge the source's routekaart draws: (from, answer, to). "" is a plain "Volgende".
VERWACHTE_TAKKEN = [
    ("start", "", "bericht-duiden"),
    ("bericht-duiden", "", "contextinformatie"),
    ("contextinformatie", "", "partners-betrekken"),
    ("partners-betrekken", "ja", "samen-doorlopen"),
    ("partners-betrekken", "nee", "ingrijpen"),
    ("samen-doorlopen", "", "ingrijpen"),
    ("ingrijpen", "ja", "acties"),
    ("ingrijpen", "nee", "evalueren"),
    ("acties", "", "evalueren"),
]


@pytest.mark.parametrize(("van", "antwoord", "naar"), VERWACHTE_TAKKEN)
def test_the_shipped_route_has_this_edge(route, van, antwoord, naar):
    assert (antwoord, naar) in route[van].takken()
    assert route.volgende(van, antwoord) == naar


@pytest.mark.parametrize("slug", [p.stem for p in sorted(ROUTE_MAP.glob("*.md"))])
def test_each_shipped_step_has_exactly_the_expected_edges(route, slug):
    verwacht = {(a, n) for v, a, n in VERWACHTE_TAKKEN if v == slug}
    assert set(route[slug].takken()) == verwacht


def test_the_shipped_route_starts_at_the_context_step(route):
    assert route.start == "start"


@pytest.mark.parametrize(
    ("partners", "ingrijpen", "verwacht_pad"),
    [
        ("ja", "ja", ["samen-doorlopen", "ingrijpen", "acties", "evalueren"]),
        ("ja", "nee", ["samen-doorlopen", "ingrijpen", "evalueren"]),
        ("nee", "ja", ["ingrijpen", "acties", "evalueren"]),
        ("nee", "nee", ["ingrijpen", "evalueren"]),
    ],
)
def test_each_of_the_four_full_paths_exists_and_ends_at_evalueren(
    route, partners, ingrijpen, verwacht_pad
):
    begin = ["start", "bericht-duiden", "contextinformatie", "partners-betrekken"]
    antwoorden = {"partners": partners, "ingrijpen": ingrijpen}
    assert route.pad_naar("evalueren", antwoorden) == begin + verwacht_pad
    assert route.pad_tot_einde(antwoorden) == begin + verwacht_pad
    assert begin + verwacht_pad in route.paden()


def test_the_shipped_route_has_exactly_four_full_paths(route):
    paden = route.paden()
    assert len(paden) == 4
    assert all(pad[-1] == "evalueren" for pad in paden)


def test_the_decisions_are_partners_then_ingrijpen(route):
    assert [n.sleutel for n in route.beslissingen] == ["partners", "ingrijpen"]


def test_totaal_is_the_highest_station_number(route):
    assert route.totaal == 6


# -- pad_naar ---------------------------------------------------------------------------------------


def test_pad_naar_is_none_for_a_step_off_the_chosen_branch(route):
    assert route.pad_naar("samen-doorlopen", {"partners": "nee"}) is None


def test_pad_naar_is_none_when_a_needed_answer_is_missing(route):
    assert route.pad_naar("acties", {"partners": "ja"}) is None


def test_pad_naar_is_none_for_an_unknown_step(route):
    assert route.pad_naar("bestaat-niet", {}) is None


def test_pad_naar_ignores_answers_that_are_not_ja_or_nee(route):
    assert route.pad_naar("ingrijpen", {"partners": "misschien"}) is None


def test_pad_naar_reaches_a_step_before_any_decision_without_answers(route):
    assert route.pad_naar("contextinformatie", {}) == [
        "start",
        "bericht-duiden",
        "contextinformatie",
    ]


def test_pad_tot_einde_is_none_while_an_answer_on_the_way_is_missing(route):
    assert route.pad_tot_einde({}) is None
    assert route.pad_tot_einde({"partners": "ja"}) is None


# -- broken graphs ---------------------------------------------------------------------------------


def _problemen(stappen: list[Stap]) -> str:
    with pytest.raises(RouteFout) as fout:
        Route.uit_stappen(stappen)
    return str(fout.value)


def test_a_hand_built_valid_route_is_accepted():
    route = Route.uit_stappen(_kleine_route())
    assert route.paden() == [["start", "a", "vork", "b", "eind"], ["start", "a", "vork", "eind"]]


def test_a_route_with_two_starts_is_rejected():
    tweede = Stap("tweede", "start", "Nog een start", volgende="a")
    assert "precies één startstap zijn, gevonden: 2" in _problemen(_kleine_route(tweede=tweede))


def test_a_route_without_a_start_is_rejected():
    geen_start = Stap("start", "info", "Start", nummer=0, volgende="a")
    assert "er moet precies één startstap zijn, gevonden: 0" in _problemen(
        _kleine_route(start=geen_start)
    )


def test_an_edge_to_an_unknown_step_is_rejected():
    a = Stap("a", "info", "Stap A", nummer=1, volgende="nergens")
    assert "stap 'a' verwijst naar onbekende stap 'nergens'" in _problemen(_kleine_route(a=a))


def test_an_unreachable_step_is_rejected():
    los = Stap("los", "info", "Los", nummer=9, volgende="eind")
    assert "niet bereikbaar vanaf de start: los" in _problemen(_kleine_route(los=los))


def test_a_cycle_is_rejected():
    b = Stap("b", "info", "Stap B", nummer=3, volgende="a")
    assert "de route loopt in een kring: a → vork → b → a" in _problemen(_kleine_route(b=b))


def test_a_dead_end_that_is_not_an_evaluation_is_rejected():
    # "b" leads nowhere. Only an evaluation step may end the route; any other step without an
    # outgoing edge is reported by the field it lacks.
    b = Stap("b", "info", "Stap B", nummer=3)
    problemen = _problemen(_kleine_route(b=b))
    assert "stap 'b': 'volgende' ontbreekt" in problemen


def test_a_step_of_an_unknown_kind_is_rejected():
    vreemd = Stap("b", "eindpunt", "Stap B", nummer=3)
    assert "stap 'b': onbekende aard 'eindpunt'" in _problemen(_kleine_route(b=vreemd))


def test_an_evaluation_step_with_a_next_step_is_rejected():
    eind = Stap("eind", "evaluatie", "Eind", nummer=4, volgende="a")
    assert "stap 'eind': een evaluatiestap is een eindpunt" in _problemen(_kleine_route(eind=eind))


def test_a_decision_without_sleutel_is_rejected():
    vork = Stap("vork", "beslissing", "Vork?", nummer=2, ja="b", nee="eind")
    assert "stap 'vork': 'sleutel' ontbreekt" in _problemen(_kleine_route(vork=vork))


def test_a_decision_without_a_nee_branch_is_rejected():
    vork = Stap("vork", "beslissing", "Vork?", nummer=2, ja="b", sleutel="v")
    assert "stap 'vork': 'nee' ontbreekt" in _problemen(_kleine_route(vork=vork))


def test_two_decisions_sharing_a_sleutel_are_rejected():
    b = Stap("b", "beslissing", "Nog een vork?", nummer=3, ja="eind", nee="eind", sleutel="v")
    assert "sleutel 'v' is ook van 'vork'" in _problemen(_kleine_route(b=b))


def test_a_step_without_a_title_is_rejected():
    a = Stap("a", "info", " ", nummer=1, volgende="vork")
    assert "stap 'a': titel ontbreekt" in _problemen(_kleine_route(a=a))


def test_the_same_slug_twice_is_rejected():
    stappen = [*_kleine_route(), Stap("a", "info", "Stap A bis", nummer=1, volgende="vork")]
    assert "stap 'a' komt twee keer voor" in _problemen(stappen)


def test_route_fout_keeps_each_problem_separately():
    a = Stap("a", "info", "", nummer=1, volgende="nergens")
    with pytest.raises(RouteFout) as fout:
        Route.uit_stappen(_kleine_route(a=a))
    assert len(fout.value.problemen) == 2


# -- the Mermaid diagram ---------------------------------------------------------------------------


def test_mermaid_is_a_top_down_flowchart(route):
    assert route.mermaid().startswith("flowchart TD\n")


@pytest.mark.parametrize(("van", "antwoord", "naar"), VERWACHTE_TAKKEN)
def test_mermaid_draws_this_edge_with_its_label(route, van, antwoord, naar):
    a, b = van.replace("-", "_"), naar.replace("-", "_")
    pijl = f" -- {antwoord.capitalize()} --> " if antwoord else " --> "
    assert f"    {a}{pijl}{b}\n" in route.mermaid()


def test_mermaid_draws_no_other_edges(route):
    pijlen = [r for r in route.mermaid().splitlines() if "-->" in r]
    assert len(pijlen) == len(VERWACHTE_TAKKEN)


def test_mermaid_draws_decisions_as_diamonds(route):
    assert '    partners_betrekken{"3. Partner(s) betrekken?"}' in route.mermaid()


# -- the route map layout ------------------------------------------------------------------------


def test_the_map_has_a_station_for_every_step_and_a_line_for_every_edge(route):
    kaart = route.kaart()
    assert {s.stap.slug for s in kaart.stations} == set(route.stappen)
    assert {(lijn.van, lijn.label, lijn.naar) for lijn in kaart.lijnen} == set(VERWACHTE_TAKKEN)


def test_the_map_places_every_step_below_the_steps_before_it(route):
    y = {s.stap.slug: s.y for s in route.kaart().stations}
    for van, _, naar in VERWACHTE_TAKKEN:
        assert y[naar] > y[van]


def test_the_map_follows_the_edges_not_the_file_order():
    # Renaming slugs so their alphabetical order is reversed must not change the drawing order.
    stappen = [
        Stap("z-start", "start", "Start", volgende="y"),
        Stap("y", "info", "Eerste", nummer=1, volgende="x"),
        Stap("x", "evaluatie", "Eind", nummer=2),
    ]
    assert [s.stap.slug for s in Route.uit_stappen(stappen).kaart().stations] == [
        "z-start",
        "y",
        "x",
    ]


# -- problems name their step and field (for load_content's message) ---------------------------


@pytest.mark.parametrize(
    ("vervang", "slug", "veld"),
    [
        ({"b": Stap("b", "info", "Stap B", nummer=3, volgende="a")}, "b", "volgende"),
        ({"b": Stap("b", "start", "Stap B", volgende="eind")}, "b", "aard"),
        ({"vork": Stap("vork", "beslissing", "V?", nummer=2, ja="b", sleutel="v")}, "vork", "nee"),
        (
            {"vork": Stap("vork", "beslissing", "V?", nummer=2, ja="x", nee="b", sleutel="v")},
            "vork",
            "ja",
        ),
        ({"eind": Stap("eind", "evaluatie", "Eind", nummer=4, volgende="a")}, "eind", "volgende"),
    ],
)
def test_each_problem_names_its_step_and_field(vervang, slug, veld):
    with pytest.raises(RouteFout) as fout:
        Route.uit_stappen(_kleine_route(**vervang))
    eerste = fout.value.problemen[0]
    assert (eerste.slug, eerste.veld) == (slug, veld)


def test_of_two_starts_the_one_another_step_leads_to_is_named():
    b = Stap("b", "start", "Stap B", volgende="eind")
    with pytest.raises(RouteFout) as fout:
        Route.uit_stappen(_kleine_route(b=b))
    assert fout.value.problemen[0].slug == "b"


def test_a_steps_map_label_is_its_title_unless_the_content_gives_one():
    assert Stap("a", "info", "Bericht duiden").kaartlabel == "Bericht duiden"
    assert Stap("a", "info", "Bericht duiden", kaartlabel="Duiden").kaartlabel == "Duiden"
