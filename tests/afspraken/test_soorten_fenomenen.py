"""The soorten page links each case type to zero or more phenomena; a published version keeps
the links it was published with, and the existing case types got their own phenomenon."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from afspraken import diensten
from afspraken.models import Afspraak, SoortCasus
from casussen.models import Fenomeen
from tests.afspraken.migratie_hulp import rond_migratie
from tests.afspraken.personas import maak_afspraak
from tests.afspraken.sessie_hulp import pdf_tekst

URL = "/afspraken/gemeente-a/soorten/"
XSS = '"><img src=x onerror=alert(1)><script>alert(1)</script>'


def _slugs(soort: SoortCasus) -> list[str]:
    return sorted(soort.fenomenen.values_list("slug", flat=True))


@pytest.fixture
def wapens(content, netwerk_a):
    return SoortCasus.objects.create(netwerk=netwerk_a, naam="Wapens")


class TestKoppelen:
    def test_new_networks_link_each_phenomenon_type_to_its_own_phenomenon(self, content, netwerk_a):
        for soort in netwerk_a.soorten.filter(fenomeen__isnull=False):
            assert _slugs(soort) == [soort.fenomeen.slug]
        assert _slugs(netwerk_a.soorten.get(naam="Algemeen")) == []

    def test_the_page_shows_a_checkbox_per_phenomenon_per_case_type(
        self, client, als, regisseur_a, wapens
    ):
        html = als(client, regisseur_a).get(URL).content.decode()
        assert f'id="soort-{wapens.pk}"' in html
        assert "Fenomenen bij Wapens" in html
        for slug in Fenomeen.objects.values_list("slug", flat=True):
            assert f'id="soort-{wapens.pk}-fenomenen_' in html
            assert f'value="{slug}"' in html
        fraude = SoortCasus.objects.get(netwerk=wapens.netwerk, fenomeen__slug="fraude")
        assert html.count(" checked") == 8  # each phenomenon's own type, nothing for Wapens
        assert f'name="soort" value="{fraude.pk}"' in html

    def test_it_links_a_case_type_without_javascript(self, client, als, regisseur_a, wapens):
        response = als(client, regisseur_a).post(
            URL,
            {"soort": wapens.pk, "fenomenen": ["illegale-handel", "rivaliserende-jeugd"]},
        )
        assert response.status_code == 302
        assert response["Location"] == f"{URL}#soort-{wapens.pk}"
        assert _slugs(wapens) == ["illegale-handel", "rivaliserende-jeugd"]
        html = client.get(URL).content.decode()
        assert html.count(" checked") == 8 + 2

    def test_unticking_everything_removes_every_link(self, client, als, regisseur_a, netwerk_a):
        fraude = netwerk_a.soorten.get(fenomeen__slug="fraude")
        response = als(client, regisseur_a).post(URL, {"soort": fraude.pk})
        assert response.status_code == 302
        assert _slugs(fraude) == []

    @pytest.mark.parametrize(
        "fenomeen", ["bestaat-niet", "FRAUDE", "fraude\x00", "²", "a" * 80, "<script>"]
    )
    def test_it_refuses_an_unknown_phenomenon_in_dutch(
        self, client, als, regisseur_a, wapens, fenomeen
    ):
        response = als(client, regisseur_a).post(
            URL, {"soort": wapens.pk, "fenomenen": ["fraude", fenomeen]}
        )
        html = response.content.decode()
        assert response.status_code == 200
        assert "Kies fenomenen uit de lijst." in html
        assert f'id="soort-{wapens.pk}-fenomenen_error"' in html
        assert "<script>" not in html.split("<main", 1)[1]
        assert _slugs(wapens) == []

    @pytest.mark.parametrize("soort", ["", "abc", "²", "9" * 25, "999999"])
    def test_it_refuses_an_unknown_case_type_in_dutch(
        self, client, als, regisseur_a, wapens, soort
    ):
        response = als(client, regisseur_a).post(URL, {"soort": soort, "fenomenen": ["fraude"]})
        html = response.content.decode()
        assert response.status_code == 200
        assert (
            "Deze soort casus bestaat niet (meer) in dit netwerk." in html
            or "Kies een soort casus." in html
        )
        assert _slugs(wapens) == []

    def test_it_never_links_another_networks_case_type(
        self, client, als, regisseur_a, netwerk_b, content
    ):
        van_b = SoortCasus.objects.create(netwerk=netwerk_b, naam="Wapens")
        response = als(client, regisseur_a).post(URL, {"soort": van_b.pk, "fenomenen": ["fraude"]})
        assert "Deze soort casus bestaat niet (meer) in dit netwerk." in response.content.decode()
        assert _slugs(van_b) == []

    def test_only_the_regisseur_links(self, client, als, partner_a, regisseur_b, wapens):
        data = {"soort": wapens.pk, "fenomenen": ["fraude"]}
        assert als(client, partner_a).post(URL, data).status_code == 403
        assert als(client, regisseur_b).post(URL, data).status_code == 404
        assert _slugs(wapens) == []

    def test_adding_a_case_type_still_works_beside_the_link_forms(
        self, client, als, regisseur_a, netwerk_a, content
    ):
        response = als(client, regisseur_a).post(URL, {"naam": "Vuurwerk"})
        assert response.status_code == 302
        assert _slugs(netwerk_a.soorten.get(naam="Vuurwerk")) == []


class TestPubliceren:
    def test_a_published_row_keeps_its_case_types_links_of_then(
        self, content, netwerk_a, regisseur_a, wapens
    ):
        wapens.fenomenen.set(Fenomeen.objects.filter(slug__in=["illegale-handel", "fraude"]))
        maak_afspraak(netwerk_a, soort="Wapens", tekst="Messen: bel de wijkagent.")
        publicatie = diensten.publiceer(netwerk_a, door=regisseur_a, notitie="")
        wapens.fenomenen.clear()
        publicatie.refresh_from_db()
        assert publicatie.rijen[0]["fenomenen"] == ["fraude", "illegale-handel"]


class TestXss:
    def test_a_case_type_name_is_text_on_the_page_and_in_the_pdf(
        self, client, als, regisseur_a, partner_a, netwerk_a, content
    ):
        assert als(client, regisseur_a).post(URL, {"naam": XSS}).status_code == 302
        soort = netwerk_a.soorten.get(naam=XSS)
        html = client.get(URL).content.decode()
        assert XSS not in html
        assert html.count(escape(XSS)) >= 3  # the label, the legend and the button
        fout = client.post(URL, {"soort": soort.pk, "fenomenen": ["<b>"]}).content.decode()
        assert XSS not in fout and escape(XSS) in fout

        Afspraak.objects.create(
            netwerk=netwerk_a, soort=soort, tekst="Tekst", wie="Politie", status="vastgesteld"
        )
        diensten.publiceer(netwerk_a, door=regisseur_a, notitie="")
        pdf = als(client, partner_a).get(reverse("afspraken:pdf", args=["gemeente-a", 1]))
        assert pdf.status_code == 200
        # Shown as its characters (a line may break inside it: compare without spaces).
        assert XSS.replace(" ", "") in pdf_tekst(pdf.content).replace(" ", "")


@pytest.mark.django_db(transaction=True)
class TestMigratie:
    def test_existing_case_types_get_their_own_phenomenon_as_link(self):
        with rond_migratie("0003_antwoord_versie", "0004_soortcasus_fenomenen") as (apps, migreer):
            Fenomeen_ = apps.get_model("casussen", "Fenomeen")
            Netwerk_ = apps.get_model("afspraken", "Netwerk")
            SoortCasus_ = apps.get_model("afspraken", "SoortCasus")
            fenomeen = Fenomeen_.objects.create(
                slug="proef-fenomeen", titel="Proef", kort="Proef", volgorde=1, body_html=""
            )
            netwerk = Netwerk_.objects.create(naam="Oud", slug="oud")
            eigen = SoortCasus_.objects.create(netwerk=netwerk, naam="Proef", fenomeen=fenomeen)
            los = SoortCasus_.objects.create(netwerk=netwerk, naam="Wapens")

            apps = migreer()
            SoortCasus_ = apps.get_model("afspraken", "SoortCasus")
            assert list(
                SoortCasus_.objects.get(pk=eigen.pk).fenomenen.values_list("slug", flat=True)
            ) == ["proef-fenomeen"]
            assert not SoortCasus_.objects.get(pk=los.pk).fenomenen.exists()
