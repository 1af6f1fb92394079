"""An agreement's history names who acted, as its row in the table does: through the views
(HistoryRequestMiddleware gives the logged-in user) and outside a request (a command such as
maak_demo, which names the regisseur on the row)."""

import re

from django.urls import reverse

from afspraken.models import Afspraak, SoortCasus
from tests.afspraken.personas import maak_afspraak


def _koppen(client, afspraak: Afspraak) -> list[str]:
    url = reverse("afspraken:geschiedenis", args=[afspraak.netwerk.slug, afspraak.pk])
    html = client.get(url).content.decode()
    return re.findall(r'class="geschiedenis__kop">[^<]* — ([^<]*)</h2>', html)


class TestGeschiedenis:
    def test_an_agreement_added_in_the_table_is_made_by_the_regisseur(
        self, client, als, regisseur_a, netwerk_a
    ):
        wapens = SoortCasus.objects.create(netwerk=netwerk_a, naam="Wapens")
        regie = als(client, regisseur_a)
        data = {"soort": wapens.pk, "tekst": "Bel.", "wie": "Politie", "status": "concept"}
        regie.post(
            reverse("afspraken:nieuw", args=["gemeente-a"]),
            {f"nieuw-{k}": v for k, v in data.items()},
        )
        assert _koppen(regie, Afspraak.objects.get()) == ["aangemaakt door regisseur_a"]

    def test_an_agreement_made_outside_a_request_names_who_the_table_names(
        self, client, als, regisseur_a, netwerk_a
    ):
        # As maak_demo makes its rows: the table said "regisseur_a", the history "onbekend".
        afspraak = maak_afspraak(netwerk_a, gewijzigd_door=regisseur_a)
        regie = als(client, regisseur_a)
        tabel = regie.get(reverse("afspraken:netwerk", args=["gemeente-a"])).content.decode()
        assert "regisseur_a" in tabel
        assert _koppen(regie, afspraak) == ["aangemaakt door regisseur_a"]

    def test_each_change_names_who_saved_it(
        self, client, als, regisseur_a, regisseur_a2, afspraak_a
    ):
        Afspraak.objects.bewaar(afspraak_a, 1, door=regisseur_a2, tekst="Nieuw")
        assert _koppen(als(client, regisseur_a), afspraak_a) == [
            "gewijzigd door regisseur_a2",
            "aangemaakt door regisseur_a",
        ]
