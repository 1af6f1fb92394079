"""Create the demo network "Voorbeeldgemeente" with the source's example agreements.

The three example agreements (Wapens, Drugs, Algemeen) are read from the loaded page
"afspraken-maken" (its `voorbeeldtabel`), so the demo says exactly what the content says; run
`manage.py load_content` first. They are vastgesteld and published as version 1. Two accounts
are made: `regisseur` (OOV) and `partner` (jongerenwerk), with the password from --password or a
generated one, printed once. Wapens is linked to illegale handel, intimidatie en agressie and
rivaliserende jeugd, Drugs to illegale handel (KOPPELINGEN), before publishing. Running it again updates rather than duplicates; --als-leeg does
nothing when any network exists (what `make run` uses).
"""

import html
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.urls import reverse
from django.utils.html import strip_tags

from afspraken import diensten
from afspraken.models import Afspraak, Lidmaatschap, Lidrol, Netwerk, SoortCasus
from casussen.models import Fenomeen
from routekaart import inhoud

NETWERK = ("Voorbeeldgemeente", "voorbeeldgemeente")
# The source's own case types and the phenomena whose cases they fit: the example case of
# "illegale handel" is about knives, so its walker sees the Wapens agreement.
KOPPELINGEN = {
    "Wapens": ["illegale-handel", "intimidatie-en-agressie", "rivaliserende-jeugd"],
    "Drugs": ["illegale-handel"],
}
ACCOUNTS = [
    ("regisseur", Lidrol.REGISSEUR, "Gemeente (OOV)"),
    ("partner", Lidrol.PARTNER, "Jongerenwerk"),
]


DEMO_CONTACTEN = [
    {
        "organisatie": "Politie, basisteam Voorbeeld",
        "functie": "jeugdagent",
        "telefoon": "0900 - 8844",
        "bereikbaar": "Dag en nacht; bij acuut gevaar 112",
    },
    {
        "organisatie": "Gemeente Voorbeeldgemeente",
        "functie": "jeugdboa",
        "telefoon": "14 0123",
        "bereikbaar": "Werkdagen 8.30-17.00",
    },
    {
        "organisatie": "Jongerenwerk Voorbeeld",
        "functie": "jongerenwerker",
        "telefoon": "020 123 4567",
        "email": "jongerenwerk@voorbeeld.example",
        "bereikbaar": "Ma-vr 12.00-22.00",
    },
]


def _platte_tekst(waarde: str) -> str:
    """The page's lists are stored as rendered HTML; agreements are plain text."""
    return html.unescape(strip_tags(waarde)).strip()


class Command(BaseCommand):
    help = "Maak het demonetwerk Voorbeeldgemeente met voorbeeldafspraken en twee accounts."

    def add_arguments(self, parser):
        parser.add_argument(
            "--adres",
            default="",
            help="adres van de site in de uitleg, bijv. http://127.0.0.1:8000",
        )
        parser.add_argument(
            "--password", help="wachtwoord voor beide accounts (anders gegenereerd)"
        )
        parser.add_argument(
            "--als-leeg", action="store_true", help="niets doen als er al een netwerk bestaat"
        )

    def handle(self, *args, password=None, als_leeg=False, verbosity=1, adres="", **options):
        if als_leeg and Netwerk.objects.exists():
            if verbosity:
                self.stdout.write(
                    "Er bestaat al een netwerk; demo niet aangemaakt. Nieuw wachtwoord voor de "
                    "demo-accounts: .venv/bin/python manage.py maak_demo --password <wachtwoord>"
                )
            return
        pagina = inhoud.huidige().paginas.get("afspraken-maken")
        voorbeelden = (pagina.extra.get("voorbeeldtabel") if pagina else None) or []
        if not voorbeelden:
            raise CommandError(
                "De pagina 'afspraken-maken' met de voorbeeldtabel ontbreekt: "
                "draai eerst `manage.py load_content`."
            )
        wachtwoord = password or secrets.token_urlsafe(12)
        with transaction.atomic():
            netwerk, _ = Netwerk.objects.get_or_create(
                slug=NETWERK[1], defaults={"naam": NETWERK[0]}
            )
            netwerk.maak_standaardsoorten()
            User = get_user_model()
            gebruikers = {}
            for naam, rol, organisatie in ACCOUNTS:
                user, _ = User.objects.get_or_create(username=naam)
                user.set_password(wachtwoord)
                user.save()
                Lidmaatschap.objects.update_or_create(
                    user=user, netwerk=netwerk, defaults={"rol": rol, "organisatie": organisatie}
                )
                gebruikers[rol] = user
            for volgorde, rij in enumerate(voorbeelden, start=1):
                soort, _ = SoortCasus.objects.get_or_create(
                    netwerk=netwerk, naam=_platte_tekst(rij["soort"]), defaults={"volgorde": 800}
                )
                if soort.naam in KOPPELINGEN:
                    soort.fenomenen.set(Fenomeen.objects.filter(slug__in=KOPPELINGEN[soort.naam]))
                Afspraak.objects.update_or_create(
                    netwerk=netwerk,
                    soort=soort,
                    volgorde=volgorde,
                    defaults={
                        "tekst": _platte_tekst(rij["afspraak"]),
                        "wie": _platte_tekst(rij["wie"]),
                        "status": Afspraak.Status.VASTGESTELD,
                        "gewijzigd_door": gebruikers[Lidrol.REGISSEUR],
                    },
                )
            if not netwerk.contacten.exists():
                # Fictional roles of a demo municipality; 0900-8844 is the police's public number.
                for contact in DEMO_CONTACTEN:
                    netwerk.contacten.create(**contact)
            if not netwerk.publicaties.exists():
                diensten.publiceer(
                    netwerk,
                    door=gebruikers[Lidrol.REGISSEUR],
                    notitie="Voorbeeldafspraken uit de routekaart.",
                )
        if verbosity:
            self.stdout.write(self.style.SUCCESS(f"Demonetwerk {netwerk.naam} staat klaar."))
            self.stdout.write(f"Inloggen op {adres or 'http://127.0.0.1:8000'}{reverse('login')}:")
            for naam, rol, organisatie in ACCOUNTS:
                self.stdout.write(
                    f"  gebruiker {naam!r} ({rol.label}, {organisatie}), wachtwoord {wachtwoord!r}"
                )
