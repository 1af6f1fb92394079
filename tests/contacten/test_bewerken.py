"""The regisseur keeps the contact list: add, edit (versioned), remove, "Gecontroleerd"; with
htmx (partials) and without (plain pages)."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from contacten.models import Contact
from tests.contacten.conftest import maak_contact, velden

HTMX = {"HTTP_HX_REQUEST": "true"}


def url(naam: str, *args) -> str:
    return reverse(f"contacten:{naam}", args=["gemeente-a", *args])


class TestToevoegen:
    def test_it_adds_a_contact_and_returns_to_the_list(self, regie, netwerk_a, regisseur_a):
        response = regie.post(url("nieuw"), velden(naam="Kim", email="kim@jw.example"))
        contact = Contact.objects.get()
        assert response.status_code == 302
        assert response["Location"] == url("lijst") + f"#contact-{contact.pk}"
        assert (contact.netwerk, contact.naam, contact.telefoon) == (
            netwerk_a,
            "Kim",
            "+31 (0)20 123-4567",
        )
        assert contact.revisie == 1
        assert contact.gewijzigd_door == regisseur_a
        assert contact.history.get().history_user == regisseur_a

    def test_with_htmx_it_returns_the_list_partial(self, regie):
        response = regie.post(url("nieuw"), velden(), **HTMX)
        html = response.content.decode()
        assert response["HX-Retarget"] == "#contacten-lijst"
        assert '<section id="contacten-lijst"' in html
        assert "<html" not in html
        assert "Jongerenwerk" in html

    def test_the_form_is_a_partial_with_htmx_and_a_page_without(self, regie):
        assert "<html" in regie.get(url("nieuw")).content.decode()
        html = regie.get(url("nieuw"), **HTMX).content.decode()
        assert "<html" not in html
        assert 'data-hx-post="' + url("nieuw") in html


class TestWijzigen:
    def test_it_saves_through_the_versioned_save(self, regie, contact_a, regisseur_a):
        response = regie.post(url("wijzigen", contact_a.pk), velden(contact_a, functie="wijkagent"))
        assert response.status_code == 302
        contact_a.refresh_from_db()
        assert (contact_a.functie, contact_a.revisie) == ("wijkagent", 2)
        assert contact_a.history.count() == 2
        assert contact_a.history.first().functie == "wijkagent"
        assert contact_a.history.first().history_user == regisseur_a

    def test_with_htmx_it_returns_the_row(self, regie, contact_a):
        response = regie.post(
            url("wijzigen", contact_a.pk), velden(contact_a, functie="wijkagent"), **HTMX
        )
        html = response.content.decode()
        assert html.lstrip().startswith("{#") or html.lstrip().startswith("<tr")
        assert f'<tr id="contact-{contact_a.pk}">' in html
        assert "wijkagent" in html

    def test_the_edit_form_is_a_row_with_htmx(self, regie, contact_a):
        html = regie.get(url("wijzigen", contact_a.pk), **HTMX).content.decode()
        assert f'<tr id="contact-{contact_a.pk}" class="bewerkrij">' in html
        assert f'data-hx-target="#contact-{contact_a.pk}"' in html
        assert "<html" not in html

    def test_a_stale_save_is_refused_and_shows_both_versions(self, regie, contact_a):
        # Someone else saved after this form was loaded (revisie 1).
        Contact.objects.bewaar(contact_a, 1, door=None, telefoon="010 7654321")
        response = regie.post(
            url("wijzigen", contact_a.pk), velden(contact_a, revisie=1, functie="Mijn typewerk")
        )
        html = response.content.decode()
        assert response.status_code == 409
        contact_a.refresh_from_db()
        assert (contact_a.telefoon, contact_a.functie, contact_a.revisie) == (
            "010 7654321",
            "jeugdagent",
            2,
        )
        assert "Opgeslagen versie" in html and "Jouw versie (niet opgeslagen)" in html
        assert "010 7654321" in html
        assert 'value="Mijn typewerk"' in html  # what was typed stays in the form
        assert f'name="c{contact_a.pk}-revisie" value="2"' in html  # saving again is deliberate

    def test_a_stale_save_with_htmx_returns_the_conflict_row(self, regie, contact_a):
        Contact.objects.bewaar(contact_a, 1, door=None, telefoon="010 7654321")
        response = regie.post(
            url("wijzigen", contact_a.pk), velden(contact_a, revisie=1, functie="X"), **HTMX
        )
        assert response.status_code == 200
        html = response.content.decode()
        assert 'class="bewerkrij"' in html and "Jouw versie" in html

    def test_cancel_swaps_the_row_back_and_sends_a_page_to_the_list(self, regie, contact_a):
        assert (
            f'<tr id="contact-{contact_a.pk}">'
            in regie.get(url("rij", contact_a.pk), **HTMX).content.decode()
        )
        response = regie.get(url("rij", contact_a.pk))
        assert response["Location"] == url("lijst") + f"#contact-{contact_a.pk}"


class TestVersiebeheer:
    def test_two_saves_of_the_same_revisie_cannot_both_win(self, contact_a):
        assert Contact.objects.bewaar(contact_a, 1, door=None, naam="Eerste") is not None
        assert Contact.objects.bewaar(contact_a, 1, door=None, naam="Tweede") is None
        contact_a.refresh_from_db()
        assert (contact_a.naam, contact_a.revisie) == ("Eerste", 2)
        assert contact_a.history.count() == 2  # create + one save

    def test_no_revisie_saves_nothing(self, contact_a):
        assert Contact.objects.bewaar(contact_a, None, door=None, naam="X") is None

    def test_it_only_changes_a_contact_of_its_own_network(self, contact_a, netwerk_b):
        contact_a.netwerk_id = netwerk_b.pk
        assert Contact.objects.bewaar(contact_a, 1, door=None, naam="X") is None


class TestVerwijderen:
    def test_it_asks_first_and_removes_on_post(self, regie, contact_a):
        assert (
            "Dit contact verwijderen?"
            in regie.get(url("verwijderen", contact_a.pk)).content.decode()
        )
        response = regie.post(url("verwijderen", contact_a.pk))
        assert response.status_code == 302
        assert not Contact.objects.exists()
        assert Contact.history.filter(history_type="-").count() == 1

    def test_with_htmx_it_returns_the_list(self, regie, contact_a):
        response = regie.post(url("verwijderen", contact_a.pk), **HTMX)
        assert response["HX-Retarget"] == "#contacten-lijst"
        assert "Er zijn nog geen contacten" in response.content.decode()


class TestGecontroleerd:
    @time_machine.travel(datetime.datetime(2026, 3, 10, 12, tzinfo=datetime.UTC), tick=False)
    def test_it_sets_today_through_the_versioned_save(self, regie, contact_a):
        response = regie.post(url("gecontroleerd", contact_a.pk), {"revisie": "1"})
        assert response.status_code == 302
        contact_a.refresh_from_db()
        assert contact_a.gecontroleerd_op == datetime.date(2026, 3, 10)
        assert contact_a.revisie == 2
        bijgewerkt = contact_a.history.get(history_type="~")
        assert bijgewerkt.gecontroleerd_op == datetime.date(2026, 3, 10)

    def test_a_stale_button_marks_nothing(self, regie, contact_a):
        Contact.objects.bewaar(contact_a, 1, door=None, telefoon="010 7654321")
        response = regie.post(url("gecontroleerd", contact_a.pk), {"revisie": "1"}, **HTMX)
        contact_a.refresh_from_db()
        assert contact_a.gecontroleerd_op is None
        assert "intussen gewijzigd" in response.content.decode()
        assert "010 7654321" in response.content.decode()

    @pytest.mark.parametrize("revisie", ["", "x", "²", "1" * 30])
    def test_a_bad_revisie_marks_nothing(self, regie, contact_a, revisie):
        response = regie.post(url("gecontroleerd", contact_a.pk), {"revisie": revisie})
        assert response.status_code == 302
        contact_a.refresh_from_db()
        assert contact_a.gecontroleerd_op is None


class TestNietGecontroleerd:
    """On the regisseur's network page: contacts unchecked for more than six months."""

    @time_machine.travel(datetime.datetime(2026, 9, 15, 12, tzinfo=datetime.UTC), tick=False)
    def test_it_flags_contacts_older_than_six_months_or_never_checked(self, regie, netwerk_a):
        maak_contact(netwerk_a, organisatie="Oud", gecontroleerd_op=datetime.date(2026, 3, 14))
        maak_contact(netwerk_a, organisatie="Precies", gecontroleerd_op=datetime.date(2026, 3, 15))
        maak_contact(netwerk_a, organisatie="Nooit", gecontroleerd_op=None)
        maak_contact(netwerk_a, organisatie="Vers", gecontroleerd_op=datetime.date(2026, 9, 1))
        html = regie.get(reverse("afspraken:netwerk", args=["gemeente-a"])).content.decode()
        assert "Niet gecontroleerd sinds 14 maart 2026" in html
        assert "<strong>Nooit</strong>" in html and "Nooit gecontroleerd" in html
        assert "<strong>Precies</strong>" not in html
        assert "<strong>Vers</strong>" not in html
        assert reverse("contacten:lijst", args=["gemeente-a"]) in html

    def test_a_day_later_the_exact_six_months_is_flagged_too(self, regie, netwerk_a):
        maak_contact(netwerk_a, organisatie="Precies", gecontroleerd_op=datetime.date(2026, 3, 15))
        with time_machine.travel(datetime.datetime(2026, 9, 16, 12, tzinfo=datetime.UTC)):
            html = regie.get(reverse("afspraken:netwerk", args=["gemeente-a"])).content.decode()
        assert "Niet gecontroleerd sinds 15 maart 2026" in html

    def test_another_networks_contacts_are_never_flagged(self, regie, netwerk_b):
        maak_contact(netwerk_b, organisatie="Van B")
        html = regie.get(reverse("afspraken:netwerk", args=["gemeente-a"])).content.decode()
        assert "Van B" not in html

    def test_the_list_marks_them_for_the_regisseur_only(self, regie, client, contact_a, partner_a):
        assert "controleren" in regie.get(url("lijst")).content.decode()
        client.force_login(partner_a)
        assert "let-op" not in client.get(url("lijst")).content.decode()
