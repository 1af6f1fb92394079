"""Personas of the OOV area, as in healthchecks' BaseTestCase:
- network A ("Gemeente A"): regisseur_a edits, partner_a reads what is published;
- network B: regisseur_b, who must never see anything of A;
- staff: manages the admin, but is a member of no network (so sees no network's data)."""

import pytest
from django.contrib.auth import get_user_model

from afspraken.models import Afspraak, Lidmaatschap, Lidrol, Netwerk, Publicatie, SoortCasus

WACHTWOORD = "een-lang-wachtwoord-2026"


def maak_gebruiker(naam: str, **extra):
    return get_user_model().objects.create_user(naam, password=WACHTWOORD, **extra)


def maak_lid(naam: str, netwerk: Netwerk, rol: str, organisatie: str = ""):
    user = maak_gebruiker(naam)
    Lidmaatschap.objects.create(user=user, netwerk=netwerk, rol=rol, organisatie=organisatie)
    return user


def maak_afspraak(
    netwerk: Netwerk, soort: str = "Wapens", tekst: str = "Deel het direct.", **extra
):
    soort_obj, _ = SoortCasus.objects.get_or_create(netwerk=netwerk, naam=soort)
    velden = {"wie": "Jongerenwerk, politie", "status": Afspraak.Status.VASTGESTELD} | extra
    volgorde = Afspraak.objects.filter(netwerk=netwerk).count() + 1
    return Afspraak.objects.create(
        netwerk=netwerk, soort=soort_obj, tekst=tekst, volgorde=volgorde, **velden
    )


def wijzig_velden(afspraak: Afspraak, **velden) -> dict:
    """The POST data of an agreement's edit form (names prefixed "a<pk>-"): its case type and
    revisie as they are, and `velden` (tekst, wie, status, …; revisie=… to send another one)."""
    velden = {"soort": afspraak.soort_id, "revisie": afspraak.revisie} | velden
    return {f"a{afspraak.pk}-{naam}": waarde for naam, waarde in velden.items()}


def publiceer(netwerk: Netwerk, door=None) -> Publicatie:
    nummer = (
        netwerk.publicaties.order_by("-nummer").values_list("nummer", flat=True).first() or 0
    ) + 1
    rijen = [a.als_rij() for a in Afspraak.objects.van(netwerk).vastgesteld()]
    return Publicatie.objects.create(netwerk=netwerk, nummer=nummer, door=door, rijen=rijen)


@pytest.fixture
def netwerk_a(db):
    return Netwerk.objects.create(naam="Gemeente A", slug="gemeente-a")


@pytest.fixture
def netwerk_b(db):
    return Netwerk.objects.create(naam="Gemeente B", slug="gemeente-b")


def _persona(naam: str, netwerk: str, rol: str, organisatie: str):
    """The fixture `naam`: a user of that name, a member of the network fixture `netwerk`."""

    @pytest.fixture(name=naam)
    def lid(request):
        return maak_lid(naam, request.getfixturevalue(netwerk), rol, organisatie)

    return lid


regisseur_a = _persona("regisseur_a", "netwerk_a", Lidrol.REGISSEUR, "Gemeente A (OOV)")
regisseur_a2 = _persona("regisseur_a2", "netwerk_a", Lidrol.REGISSEUR, "Gemeente A (OOV)")
partner_a = _persona("partner_a", "netwerk_a", Lidrol.PARTNER, "Jongerenwerk")
regisseur_b = _persona("regisseur_b", "netwerk_b", Lidrol.REGISSEUR, "Gemeente B (OOV)")


@pytest.fixture
def staff(db):
    return maak_gebruiker("beheerder", is_staff=True, is_superuser=True)


@pytest.fixture
def afspraak_a(netwerk_a, regisseur_a):
    return maak_afspraak(netwerk_a, gewijzigd_door=regisseur_a)


@pytest.fixture
def afspraak_b(netwerk_b, regisseur_b):
    return maak_afspraak(netwerk_b, tekst="Afspraak van B.", gewijzigd_door=regisseur_b)


@pytest.fixture
def als():
    """Log a client in as a persona: `als(client, regisseur_a)`."""

    def inloggen(client, user):
        client.force_login(user)
        return client

    return inloggen


def url(naam: str, *args) -> str:
    """An OOV URL of network A ("gemeente-a"), e.g. url("wijzigen", afspraak.pk)."""
    from django.urls import reverse

    return reverse(f"afspraken:{naam}", args=["gemeente-a", *args])


def pagina_als(client, user, naam: str, *args) -> str:
    """The HTML of an OOV page of network A (named as for url()) as `user` gets it."""
    client.force_login(user)
    return client.get(url(naam, *args)).content.decode()
