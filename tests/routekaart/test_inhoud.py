"""The per-process content snapshot (routekaart.inhoud): built once, reused while the content
token stays the same, rebuilt at once when `load_content` (or any other write) changes content."""

import re
import uuid
from pathlib import Path

import pytest
from django.core.management import call_command

from routekaart import inhoud
from routekaart.models import Inhoudsstand, Stap
from tests.factories import PartnerRolFactory
from tests.routekaart.stap_cache_hulp import gecachte_waarden
from tests.routekaart.wandeling_hulp import ROUTE, beslissingen_tot, url

pytestmark = pytest.mark.django_db
HX = {"HTTP_HX_REQUEST": "true"}
STAP = ROUTE[ROUTE.start].volgende  # the first step after the context


def _hernoem(map_: Path, slug: str, titel: str) -> None:
    pad = map_ / "route" / f"{slug}.md"
    oud = f"titel: {Stap.objects.get(slug=slug).titel}\n"
    tekst = pad.read_text(encoding="utf-8")
    assert oud in tekst
    pad.write_text(tekst.replace(oud, f"titel: {titel}\n", 1), encoding="utf-8")


class TestTheSnapshot:
    def test_it_is_reused_while_the_content_is_unchanged(self, content):
        assert inhoud.huidige() is inhoud.huidige()

    def test_a_load_that_changes_nothing_keeps_the_token(self, content):
        voor = Inhoudsstand.objects.get().token
        call_command("load_content", verbosity=0)
        assert Inhoudsstand.objects.get().token == voor

    def test_a_load_that_changes_something_gives_a_new_token(self, content, kopie):
        voor = Inhoudsstand.objects.get().token
        _hernoem(kopie, STAP, "Andere titel")
        call_command("load_content", "--map", str(kopie), verbosity=0)
        assert Inhoudsstand.objects.get().token != voor

    def test_a_dry_run_keeps_the_token(self, content, kopie):
        voor = Inhoudsstand.objects.get().token
        _hernoem(kopie, STAP, "Andere titel")
        call_command("load_content", "--map", str(kopie), "--dry-run", verbosity=0)
        assert Inhoudsstand.objects.get().token == voor

    def test_a_new_token_written_by_another_process_means_a_new_snapshot(self, content):
        oud = inhoud.huidige()
        Inhoudsstand.objects.filter(pk=1).update(token=uuid.uuid4())
        assert inhoud.huidige() is not oud

    def test_a_row_written_outside_load_content_makes_the_snapshot_stale(self, content, client):
        assert "Nieuwe partner" not in client.get("/partners/").content.decode()
        PartnerRolFactory(slug="nieuw", titel="Nieuwe partner")
        assert "Nieuwe partner" in client.get("/partners/").content.decode()


class TestAReloadShowsAtOnce:
    def test_a_changed_step_title_shows_on_the_next_request(self, client, content, kopie):
        pagina = url(STAP, **beslissingen_tot(STAP))
        assert "Andere titel" not in client.get(pagina).content.decode()
        _hernoem(kopie, STAP, "Andere titel")
        call_command("load_content", "--map", str(kopie), verbosity=0)
        for kop in ({}, HX):
            html = client.get(pagina, **kop).content.decode()
            assert "Andere titel" in html
            # The cached mini map and the page title changed with it.
            assert "je bent bij Andere titel" in html
        assert "Andere titel" in client.get("/").content.decode()
        assert "Andere titel" in client.get(f"/stappen/{STAP}/").content.decode()

    def test_a_removed_case_is_a_404_on_the_next_request(self, client, content, kopie):
        casus = next(kopie.glob("casussen/*.md"))
        assert client.get(f"/route/?casus={casus.stem}").status_code == 200
        casus.unlink()
        call_command("load_content", "--map", str(kopie), verbosity=0)
        assert client.get(f"/route/?casus={casus.stem}").status_code == 404


class TestQueriesPerStep:
    @pytest.mark.parametrize("slug", ROUTE.volgorde)
    def test_a_step_needs_at_most_two_queries(
        self, client, content, slug, django_assert_max_num_queries
    ):
        pagina = url(slug, modus="online", rol="boa", fenomeen="fraude", **beslissingen_tot(slug))
        assert client.get(pagina).status_code == 200  # builds the snapshot
        for kop in ({}, HX):
            with django_assert_max_num_queries(2):
                assert client.get(pagina, **kop).status_code == 200

    def test_a_public_page_needs_one_query(self, client, content, django_assert_num_queries):
        for pagina in ("/", f"/stappen/{STAP}/", "/partners/", "/partners/boa/", "/colofon/"):
            client.get(pagina)
            with django_assert_num_queries(1):
                assert client.get(pagina).status_code == 200

    @pytest.mark.parametrize(
        "pagina",
        [
            "/",
            "/partners/",
            "/casussen/",
            "/casussen/?modus=online",
            "/casussen/fraude/",
            "/route/",
        ],
    )
    def test_a_public_page_needs_at_most_three_queries(
        self, client, content, pagina, django_assert_max_num_queries
    ):
        # Content comes from the snapshot, not from the ORM per page (the first request builds it).
        client.get(pagina)
        with django_assert_max_num_queries(3):
            assert client.get(pagina).status_code == 200


class TestAnAddressBarQuery:
    def test_an_unknown_parameter_is_ignored_and_kept_out_of_links_and_cache(self, client, content):
        normaal = client.get(url(STAP, modus="online", rol="boa")).content.decode()
        anders = client.get(url(STAP, rol="boa", modus="online", iets="geheim"))
        assert anders.status_code == 200
        html = anders.content.decode()
        assert "geheim" not in html
        # The same panel as the normal form's, apart from the per-request CSRF tokens.
        zonder_token = re.compile(r'(name="csrfmiddlewaretoken" value=|"X-CSRFToken": )"[^"]*"')
        assert zonder_token.sub("", html) == zonder_token.sub("", normaal)
        assert not any("geheim" in w for w in gecachte_waarden().values())

    def test_an_unknown_value_is_a_404_every_time(self, client, content):
        for _ in range(2):
            assert client.get(url(STAP, rol="onzin")).status_code == 404
