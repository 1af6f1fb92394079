"""A contact's history names who acted (it has no page of its own: the records are checked):
the views leave that to HistoryRequestMiddleware, and a contact made outside a request (a
command) names the user the row names."""

from django.urls import reverse

from contacten.models import Contact
from tests.contacten.conftest import maak_contact, velden


class TestGeschiedenis:
    def test_adding_and_removing_name_the_regisseur(self, regie, regisseur_a):
        regie.post(reverse("contacten:nieuw", args=["gemeente-a"]), velden())
        contact = Contact.objects.get()
        regie.post(reverse("contacten:verwijderen", args=["gemeente-a", contact.pk]))
        records = Contact.history.filter(id=contact.pk).order_by("history_id")
        assert [(r.history_type, r.history_user) for r in records] == [
            ("+", regisseur_a),
            ("-", regisseur_a),
        ]

    def test_a_contact_made_outside_a_request_names_who_the_row_names(self, netwerk_a, regisseur_a):
        contact = maak_contact(netwerk_a, gewijzigd_door=regisseur_a)
        assert contact.history.get().history_user == regisseur_a
