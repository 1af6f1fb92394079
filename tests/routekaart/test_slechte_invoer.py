"""Whatever a visitor types into a route URL or posts to a step, the answer is a page or a 404,
never a server error (property-based: Hypothesis makes up the inputs)."""

from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from routekaart.models import Actie, Stap
from tests.routekaart.wandeling_hulp import ROUTE, beslissingen_tot, url

pytestmark = pytest.mark.django_db
SLEUTELS = ["modus", "rol", "fenomeen", "casus", "alarm", *(k.sleutel for k in ROUTE.beslissingen)]
# Any text, including digits of other scripts ("²", "٣") that str.isdigit() would accept.
WAARDEN = st.one_of(st.text(max_size=12), st.sampled_from(["²", "٣", "1", "ja", "nee", "online"]))
ONTSPANNEN = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@ONTSPANNEN
@given(
    slug=st.sampled_from([*ROUTE.volgorde, "bestaat-niet"]),
    query=st.dictionaries(st.sampled_from([*SLEUTELS, "iets"]), WAARDEN, max_size=4),
)
def test_any_query_string_is_a_page_or_a_404(client, content, slug, query):
    adres = f"/route/{slug}/?{urlencode(query)}"
    assert client.get(adres).status_code in (200, 302, 404), adres


@ONTSPANNEN
@given(
    antwoorden=st.lists(st.text(max_size=400), max_size=3),
    notitie=st.text(max_size=30),
    beslissing=WAARDEN,
    knop=st.sampled_from(["", "bewaar"]),
)
def test_any_posted_step_form_is_answered_without_a_server_error(
    client, content, antwoorden, notitie, beslissing, knop
):
    slug = ROUTE.beslissingen[0].slug
    data = {f"vraag-{i}": tekst for i, tekst in enumerate(antwoorden)}
    data.update({"notitie": notitie, "beslissing": beslissing})
    if knop:
        data[knop] = "ja"
    assert client.post(url(slug, **beslissingen_tot(slug)), data).status_code in (200, 303, 400)


@ONTSPANNEN
@given(wie=WAARDEN, wanneer=WAARDEN, gekozen=WAARDEN)
def test_any_posted_action_choice_is_answered_without_a_server_error(
    client, content, wie, wanneer, gekozen
):
    slug = next(s for s in ROUTE.volgorde if Stap.objects.get(slug=s).toon_acties)
    actie = Actie.objects.first().slug
    data = {f"actie-{actie}": gekozen, f"wie-{actie}": wie, f"wanneer-{actie}": wanneer}
    assert client.post(url(slug, **beslissingen_tot(slug)), data).status_code in (200, 303)


@ONTSPANNEN
@given(datum=st.one_of(st.text(max_size=12), st.dates().map(str)))
def test_any_posted_evaluation_date_is_answered_without_a_server_error(client, content, datum):
    slug = next(s for s in ROUTE.volgorde if ROUTE[s].aard == "evaluatie")
    data = {"evaluatiemoment": datum}
    assert client.post(url(slug, **beslissingen_tot(slug)), data).status_code in (200, 303)


def test_a_too_long_answer_is_refused_in_dutch_and_nothing_is_saved(client, content):
    slug = ROUTE[ROUTE.start].volgende
    tekst = "x" * 301
    response = client.post(url(slug), {"vraag-0": tekst, "notitie": "iets"})
    html = response.content.decode()
    assert response.status_code == 200  # the step again, with what was typed
    assert "Je antwoord is te lang: gebruik maximaal 300 tekens (nu 301)" in html
    assert f'value="{tekst}"' in html
    assert ">iets</textarea>" in html
    assert ">iets</textarea>" not in client.get(url(slug)).content.decode()


@pytest.mark.parametrize("wie", ["²", "iedereen", "IK", " ik"])
def test_an_unknown_wie_is_refused_and_nothing_is_saved(client, content, wie):
    slug = next(s for s in ROUTE.volgorde if Stap.objects.get(slug=s).toon_acties)
    actie = Actie.objects.first()
    data = {f"actie-{actie.slug}": "on", f"wie-{actie.slug}": wie, f"wanneer-{actie.slug}": "nu"}
    data["notitie"] = "iets"
    response = client.post(url(slug, **beslissingen_tot(slug)), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="fout"' in html
    assert ">iets</textarea>" in html
    assert (
        ">iets</textarea>" not in client.get(url(slug, **beslissingen_tot(slug))).content.decode()
    )
