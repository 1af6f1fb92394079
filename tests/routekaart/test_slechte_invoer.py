"""Whatever a visitor types into a route URL or posts to a step, the answer is a page or a 404,
never a server error (property-based: Hypothesis makes up the inputs)."""

from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.routekaart.wandeling_hulp import ROUTE, antwoorden_tot, url

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
@given(vragen=st.lists(WAARDEN, max_size=3), notitie=st.text(max_size=30), antwoord=WAARDEN)
def test_any_posted_step_form_is_answered_without_a_server_error(
    client, content, vragen, notitie, antwoord
):
    slug = ROUTE.beslissingen[0].slug
    data = {"vragen": vragen, "notitie": notitie, "antwoord": antwoord}
    assert client.post(url(slug, **antwoorden_tot(slug)), data).status_code in (200, 303, 400)


@pytest.mark.parametrize("vinkje", ["²", "٣", "-1", "99", " 1", "1.0"])
def test_a_tick_that_is_not_a_question_number_is_refused_and_nothing_is_saved(
    client, content, vinkje
):
    slug = ROUTE[ROUTE.start].volgende
    antwoord = client.post(url(slug), {"vragen": [vinkje], "notitie": "iets"})
    assert antwoord.status_code == 200  # the step again, as it was
    assert ">iets</textarea>" in antwoord.content.decode()
    assert ">iets</textarea>" not in client.get(url(slug)).content.decode()
