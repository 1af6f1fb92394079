"""Every contact page, also with errors, a conflict and the stale flag, is valid HTML for the
Nu Html Checker (one Java run); htmx fragments are checked inside a minimal document."""

from django.urls import reverse

from contacten.models import Contact
from tests.conftest import vnu_fouten
from tests.contacten.conftest import maak_contact, velden

HTMX = {"HTTP_HX_REQUEST": "true"}


def _document(fragment: str, tabel: bool = False) -> str:
    if tabel:  # a row is only valid inside the table it replaces a row of (eight columns)
        kop = "<th>x</th>" * 8
        fragment = f"<table><thead><tr>{kop}</tr></thead><tbody>{fragment}</tbody></table>"
    return (
        '<!DOCTYPE html><html lang="nl"><head><title>x</title></head><body>'
        + fragment
        + "</body></html>"
    )


def test_the_contact_pages_are_valid_html(client, content, netwerk_a, regisseur_a, partner_a):
    client.force_login(regisseur_a)
    contact = maak_contact(netwerk_a, notitie="Eerste regel\nTweede regel")
    maak_contact(netwerk_a, organisatie="Jongerenwerk", email="", naam="")

    def pagina(naam: str, *args, methode: str = "get", data=None, **extra) -> str:
        url = reverse(f"contacten:{naam}", args=["gemeente-a", *args])
        return getattr(client, methode)(url, data or {}, **extra).content.decode()

    paginas = {
        "netwerk (regisseur)": client.get(
            reverse("afspraken:netwerk", args=["gemeente-a"])
        ).content.decode(),
        "lijst (regisseur)": pagina("lijst"),
        "nieuw": pagina("nieuw"),
        "nieuw, fouten": pagina("nieuw", methode="post", data={}),
        "wijzigen": pagina("wijzigen", contact.pk),
        "verwijderen": pagina("verwijderen", contact.pk),
        "kaart": pagina("kaart"),
        "lijst, htmx": _document(pagina("lijst", **HTMX)),
        "nieuw, htmx": _document(pagina("nieuw", **HTMX)),
        "wijzigen, htmx": _document(pagina("wijzigen", contact.pk, **HTMX), tabel=True),
        "verwijderen, htmx": _document(pagina("verwijderen", contact.pk, **HTMX), tabel=True),
        "rij, htmx": _document(pagina("rij", contact.pk, **HTMX), tabel=True),
    }
    Contact.objects.bewaar(contact, 1, door=None, telefoon="010 7654321")
    paginas["wijzigen, conflict"] = pagina(
        "wijzigen", contact.pk, methode="post", data=velden(contact, revisie=1)
    )
    client.force_login(partner_a)
    paginas["lijst (partner)"] = pagina("lijst")
    fouten = vnu_fouten(paginas)
    assert not fouten, "\n".join(fouten)
