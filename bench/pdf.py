"""Benchmark of the agreements PDF: a published table of 50 rows.

1. Fresh render: our PDF function (template + WeasyPrint, tagged PDF/UA, stored in the cache)
   against WeasyPrint rendering the same HTML string directly with the same options.
   Goal: ratio <= 1.2 (our overhead around WeasyPrint is small).
2. Cached download: GET of the version's PDF through the Django test client (login, access
   check, bytes from the database) against a fresh render. Goal: ratio <= 0.05.

Runs on a temporary SQLite database; medians over a few repeats.

    .venv/bin/python bench/pdf.py [--herhalingen 9]
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
DOEL_VERS, DOEL_CACHE = 1.2, 0.05


def _mediaan(functie, herhalingen: int) -> float:
    tijden = []
    for _ in range(herhalingen):
        # A render allocates a lot; collect first so a pause left over from the previous render
        # does not land in this one (the same for every contestant).
        gc.collect()
        start = time.perf_counter()
        functie()
        tijden.append(time.perf_counter() - start)
    return statistics.median(tijden)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--herhalingen", type=int, default=9)
    parser.add_argument("--rijen", type=int, default=50)
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="routekaart-bench-pdf-"))
    os.environ.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DEBUG="True",
        DB_NAME=str(tmp / "bench.sqlite3"),
        SESSION_FILE_PATH=str(tmp / "sessies"),
        ALLOWED_HOSTS="testserver",
    )
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse
    from weasyprint import HTML

    from afspraken import pdf as afspraken_pdf
    from afspraken.models import Afspraak, Lidmaatschap, Netwerk, Publicatie, SoortCasus
    from kern import pdf

    call_command("migrate", verbosity=0)
    netwerk = Netwerk.objects.create(naam="Benchgemeente", slug="benchgemeente")
    user = get_user_model().objects.create_user("bench", password="bench-wachtwoord-123")
    # The stored value, not the enum: its name is not what this benchmark is about.
    Lidmaatschap.objects.create(user=user, netwerk=netwerk, rol="partner")
    soorten = [
        SoortCasus.objects.get_or_create(netwerk=netwerk, naam=n)[0]
        for n in ("Wapens", "Drugs", "Algemeen")
    ]
    for i in range(args.rijen):
        Afspraak.objects.create(
            netwerk=netwerk,
            soort=soorten[i % 3],
            volgorde=i,
            status=Afspraak.Status.VASTGESTELD,
            tekst=f"Afspraak {i + 1}: ziet een partner online iets zorgwekkends over dit onderwerp, "
            "dan deelt die dat direct met de politie en bespreekt het in het volgende overleg.",
            wie="Jongerenwerk, jeugdboa, scholen, politie",
        )
    rijen = [a.als_rij() for a in Afspraak.objects.van(netwerk).vastgesteld()]
    Publicatie.objects.create(netwerk=netwerk, nummer=1, rijen=rijen[:-5])
    publicatie = Publicatie.objects.create(netwerk=netwerk, nummer=2, rijen=rijen)

    html = afspraken_pdf.pdf_html(publicatie)

    # The same HTML, base and stylesheet fetcher as kern.pdf.naar_pdf: WeasyPrint alone.
    def weasyprint(**opties) -> None:
        HTML(string=html, base_url=pdf.BASIS, url_fetcher=pdf.StatischeBestanden()).write_pdf(
            **opties
        )

    def direct() -> None:
        weasyprint(pdf_variant="pdf/ua-1")

    def onze_functie() -> None:
        Publicatie.objects.filter(pk=publicatie.pk).update(pdf=None)
        afspraken_pdf.pdf_van(Publicatie.objects.defer("pdf").get(pk=publicatie.pk))

    direct()  # warm up fonts and caches for both
    # Alternate the two so that drift (CPU frequency, caches) hits both alike.
    tijden_direct, tijden_vers = [], []
    for _ in range(args.herhalingen):
        tijden_direct.append(_mediaan(direct, 1))
        tijden_vers.append(_mediaan(onze_functie, 1))
    t_direct, t_vers = statistics.median(tijden_direct), statistics.median(tijden_vers)
    t_ongetagd = _mediaan(weasyprint, args.herhalingen)

    client = Client()
    client.force_login(user)
    url = reverse("afspraken:pdf", args=[netwerk.slug, 2])
    eerste = client.get(url)
    assert eerste.status_code == 200 and eerste.content.startswith(b"%PDF")
    t_cache = _mediaan(lambda: client.get(url), args.herhalingen * 4)

    vers, cache = t_vers / t_direct, t_cache / t_vers
    print(
        f"PDF van {args.rijen} rijen ({len(eerste.content) // 1024} kB), mediaan van {args.herhalingen}x:"
    )
    print(f"  WeasyPrint direct (PDF/UA):        {t_direct * 1000:8.1f} ms")
    print(f"  WeasyPrint direct (niet getagd):   {t_ongetagd * 1000:8.1f} ms  (ter informatie)")
    print(f"  onze functie, vers:                {t_vers * 1000:8.1f} ms")
    print(f"  download uit de cache (client):    {t_cache * 1000:8.1f} ms")
    print(
        f"vers / direct  = {vers:.3f}  (doel <= {DOEL_VERS})  {'PASS' if vers <= DOEL_VERS else 'FAIL'}"
    )
    print(
        f"cache / vers   = {cache:.4f}  (doel <= {DOEL_CACHE})  {'PASS' if cache <= DOEL_CACHE else 'FAIL'}"
    )
    return 0 if vers <= DOEL_VERS and cache <= DOEL_CACHE else 1


if __name__ == "__main__":
    sys.exit(main())
