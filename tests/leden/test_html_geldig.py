"""Every new page of accounts and members is valid HTML (the Nu Html Checker, one Java run),
also with its form errors, and the invitation pages in each of their states."""

from __future__ import annotations

import datetime as dt

import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from leden import uitnodigingen
from leden.views.uitnodiging import PER_MINUUT
from tests.afspraken.personas import maak_gebruiker
from tests.conftest import vnu_fouten


def test_every_new_page_passes_the_nu_html_checker(
    content, netwerk_a, regisseur_a, partner_a, staff
):
    def nodig_uit(email: str, **extra):
        return uitnodigingen.maak(
            netwerk_a, email=email, rol="partner", organisatie="Politie", door=regisseur_a, **extra
        )

    _, nieuw = nodig_uit("nieuw@example.org")
    account = maak_gebruiker("bestaand", email="bestaand@example.org")
    _, bestaand = nodig_uit("bestaand@example.org")
    u_gebruikt, gebruikt = nodig_uit("gebruikt@example.org")
    uitnodigingen.nieuw_account(u_gebruikt, naam="Gebruikt", wachtwoord="x-lang-wachtwoord-1")
    u_in, ingetrokken = nodig_uit("in@example.org")
    uitnodigingen.intrekken(u_in)
    lid = partner_a.lidmaatschappen.get()
    paginas = {}

    anoniem = Client()
    for pad in (
        reverse("leden:uitnodiging", args=[nieuw]),
        reverse("leden:uitnodiging", args=[bestaand]),
        reverse("leden:uitnodiging", args=[gebruikt]),
        reverse("leden:uitnodiging", args=[ingetrokken]),
        reverse("leden:uitnodiging", args=["bestaat-niet"]),
        reverse("leden:wachtwoord-vergeten"),
        reverse("leden:wachtwoord-verstuurd"),
        reverse("leden:wachtwoord-link", args=["MQ", "fout"]),
        reverse("leden:wachtwoord-ingesteld"),
        reverse("login"),
    ):
        paginas[f"anoniem {pad}"] = anoniem.get(pad).content.decode()
    with time_machine.travel(timezone.now() + dt.timedelta(days=8)):
        paginas["verlopen"] = anoniem.get(
            reverse("leden:uitnodiging", args=[nieuw])
        ).content.decode()
    paginas["nieuw account, fouten"] = anoniem.post(
        reverse("leden:uitnodiging", args=[nieuw]), {"wachtwoord1": "kort"}
    ).content.decode()
    paginas["wachtwoord vergeten, fout"] = anoniem.post(
        reverse("leden:wachtwoord-vergeten"), {"email": "x"}
    ).content.decode()
    for _ in range(PER_MINUUT):
        anoniem.get("/uitnodiging/x/")
    paginas["te vaak"] = anoniem.get("/uitnodiging/x/").content.decode()

    regie = Client()
    regie.force_login(regisseur_a)
    for pad in (
        reverse("leden:leden", args=["gemeente-a"]),
        reverse("leden:lid-verwijderen", args=["gemeente-a", lid.pk]),
        reverse("leden:account"),
        reverse("leden:wachtwoord-wijzigen"),
        reverse("leden:wachtwoord-gewijzigd"),
        reverse("leden:uitnodiging", args=[nieuw]),
    ):
        paginas[f"regisseur {pad}"] = regie.get(pad).content.decode()
    paginas["uitnodigen, fouten"] = regie.post(
        reverse("leden:leden", args=["gemeente-a"]), {"email": "x"}
    ).content.decode()
    paginas["account, fouten"] = regie.post(
        reverse("leden:account"), {"email": "x"}
    ).content.decode()
    paginas["wachtwoord wijzigen, fouten"] = regie.post(
        reverse("leden:wachtwoord-wijzigen"), {"new_password1": "a"}
    ).content.decode()

    accepteren = Client()
    accepteren.force_login(account)
    paginas["accepteren"] = accepteren.get(
        reverse("leden:uitnodiging", args=[bestaand])
    ).content.decode()
    beheer = Client()
    beheer.force_login(staff)
    paginas["nieuw netwerk"] = beheer.get(reverse("leden:nieuw-netwerk")).content.decode()
    paginas["nieuw netwerk, fouten"] = beheer.post(
        reverse("leden:nieuw-netwerk"), {"slug": "A B"}
    ).content.decode()
    assert vnu_fouten(paginas) == []
