"""routekaart.wandeling.volgende_stap: where a posted step leads, per node and per edge, without a
request or the database (as GOV.UK Smart Answers tests its flows: "next node for response X is
Y"). The shipped route is read from the content files; the alarm rule also on a route of four
plain steps."""

import pytest

from routekaart.route import BESLISSING, EVALUATIE, START, Route, Stap
from routekaart.wandeling import (
    Keuzes,
    NietOpDeRoute,
    Ongeldig,
    Volgende,
    controleer_alarm,
    volgende_stap,
)
from tests.routekaart.wandeling_hulp import ROUTE, TAKKEN, beslissingen_tot

KLEIN = Route.uit_stappen(
    [
        Stap("start", START, "Start", volgende="vork"),
        Stap("vork", BESLISSING, "Vork?", nummer=1, ja="a", nee="eind", sleutel="v", alarm=True),
        Stap("a", "info", "Stap A", nummer=2, volgende="eind"),
        Stap("eind", EVALUATIE, "Eind", nummer=3),
    ]
)


def _keuzes_tot(slug: str) -> Keuzes:
    """The decisions of the first path through `slug`, up to that step."""
    return Keuzes(beslissingen=beslissingen_tot(slug))


# -- every edge of the shipped route --------------------------------------------------------------


@pytest.mark.parametrize(("van", "beslissing", "naar"), TAKKEN)
def test_next_node_for_the_decision_is_the_edges_target(van, beslissing, naar):
    keuzes = _keuzes_tot(van)
    volgende = volgende_stap(ROUTE, van, keuzes, beslissing)
    if ROUTE[van].aard == BESLISSING:
        keuzes = keuzes.met_beslissing(ROUTE[van].sleutel, beslissing)
    assert volgende == Volgende(naar, keuzes)


@pytest.mark.parametrize("slug", [s for s in ROUTE.volgorde if ROUTE[s].aard == EVALUATIE])
def test_an_evaluation_step_leads_to_the_report(slug):
    assert volgende_stap(ROUTE, slug, _keuzes_tot(slug)).verslag


@pytest.mark.parametrize("slug", [s.slug for s in ROUTE.beslissingen])
@pytest.mark.parametrize("beslissing", ["", "misschien", "Ja"])
def test_a_decision_step_refuses_anything_but_ja_or_nee(slug, beslissing):
    assert volgende_stap(ROUTE, slug, _keuzes_tot(slug), beslissing) == Ongeldig("Kies Ja of Nee.")


@pytest.mark.parametrize("slug", [s for s in ROUTE.volgorde if s != ROUTE.start])
def test_the_hidden_save_button_stays_on_the_step(slug):
    keuzes = _keuzes_tot(slug)
    assert volgende_stap(ROUTE, slug, keuzes, "ja", bewaar=True) == Volgende(slug, keuzes)


def test_the_start_step_goes_on_whatever_else_was_posted():
    volgende = volgende_stap(ROUTE, ROUTE.start, Keuzes(rol="boa"), "nee", alarm=True, bewaar=True)
    assert volgende == Volgende(ROUTE[ROUTE.start].volgende, Keuzes(rol="boa"))


# -- the alarm question ("serious offences likely?") -------------------------------------------------


def test_yes_to_the_alarm_question_stays_with_the_alert():
    volgende = volgende_stap(KLEIN, "vork", Keuzes(), alarm=True)
    assert volgende == Volgende("vork", Keuzes(alarm=True), alarm_net=True)


def test_the_alarm_question_counts_only_at_its_own_step():
    assert volgende_stap(KLEIN, "a", Keuzes(beslissingen={"v": "ja"}), alarm=True) == Volgende(
        "eind", Keuzes(beslissingen={"v": "ja"})
    )


def test_after_the_alarm_only_ja_goes_on():
    keuzes = Keuzes(alarm=True)
    assert volgende_stap(KLEIN, "vork", keuzes, "nee") == Ongeldig("Kies Ja of Nee.")
    assert volgende_stap(KLEIN, "vork", keuzes, "ja") == Volgende(
        "a", Keuzes(beslissingen={"v": "ja"}, alarm=True)
    )


def test_the_alarm_rule_refuses_its_fork_answered_nee():
    controleer_alarm(KLEIN, Keuzes(beslissingen={"v": "ja"}, alarm=True))
    controleer_alarm(KLEIN, Keuzes(beslissingen={"v": "nee"}))
    with pytest.raises(NietOpDeRoute):
        controleer_alarm(KLEIN, Keuzes(beslissingen={"v": "nee"}, alarm=True))


def test_the_shipped_route_has_an_alarm_fork():
    assert [s.slug for s in ROUTE.beslissingen if s.alarm]
