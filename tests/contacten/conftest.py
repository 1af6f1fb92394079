import pytest

from contacten.models import Contact
from tests.afspraken.personas import *  # noqa: F401,F403


def maak_contact(netwerk, **velden) -> Contact:
    waarden = {
        "organisatie": "Politie",
        "functie": "jeugdagent",
        "naam": "Sam de Vries",
        "telefoon": "06 12345678",
        "email": "sam@politie.example",
        "bereikbaar": "werkdagen 9-17 uur",
    } | velden
    return Contact.objects.create(netwerk=netwerk, **waarden)


@pytest.fixture
def contact_a(netwerk_a):
    return maak_contact(netwerk_a)


@pytest.fixture
def contact_b(netwerk_b):
    return maak_contact(netwerk_b, organisatie="Politie B", telefoon="0201234567")


@pytest.fixture
def regie(client, content, netwerk_a, regisseur_a):
    """A logged-in regisseur of network A, with the content loaded."""
    client.force_login(regisseur_a)
    return client


def velden(contact: Contact | None = None, prefix: str | None = None, **waarden) -> dict:
    """The POST data of a contact form: a new one (prefix "nieuw") or `contact`'s edit form
    ("c<pk>", with its revisie unless revisie=… is given)."""
    basis = {
        "organisatie": "Jongerenwerk",
        "functie": "jongerenwerker",
        "naam": "",
        "telefoon": "+31 (0)20 123-4567",
        "email": "",
        "bereikbaar": "",
        "notitie": "",
        "gecontroleerd_op": "",
    }
    if contact is not None:
        basis |= {
            "organisatie": contact.organisatie,
            "functie": contact.functie,
            "naam": contact.naam,
            "telefoon": contact.telefoon,
            "email": contact.email,
            "revisie": contact.revisie,
        }
    prefix = prefix or (f"c{contact.pk}" if contact else "nieuw")
    return {f"{prefix}-{k}": v for k, v in (basis | waarden).items()}
