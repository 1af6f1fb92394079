"""The contact form: Dutch messages, a strict phone number, dates within range."""

from __future__ import annotations

import re
from datetime import date

from django import forms

from afspraken.forms import RevisieForm, binnen_bereik, te_lang
from contacten.models import (
    BEREIKBAAR_MAX,
    EMAIL_MAX,
    FUNCTIE_MAX,
    NAAM_MAX,
    NOTITIE_MAX,
    ORGANISATIE_MAX,
    TELEFOON_MAX,
    Contact,
)

# ASCII digits, spaces, hyphens and parentheses, with an optional leading "+" (\d would also
# take other scripts' digits).
TELEFOON = re.compile(r"\+?[0-9 ()\-]+")
MIN_CIJFERS = 3  # 112 is the shortest number anyone calls


class ContactForm(RevisieForm):
    """Add or edit one contact."""

    vergelijk = ("organisatie", "functie", "naam", "telefoon", "email", "bereikbaar", "notitie")

    class Meta:
        model = Contact
        fields = [
            "organisatie",
            "functie",
            "naam",
            "telefoon",
            "email",
            "bereikbaar",
            "notitie",
            "gecontroleerd_op",
        ]
        labels = {
            "naam": "Naam (niet verplicht)",
            "email": "E-mail (niet verplicht)",
            "bereikbaar": "Wanneer bereikbaar",
            "notitie": "Notitie",
            "gecontroleerd_op": "Laatst gecontroleerd op",
        }
        help_texts = {
            "functie": "Bijvoorbeeld jeugdagent, jeugdboa, jongerenwerker of OOV-adviseur.",
            "telefoon": "Cijfers, spaties, streepjes en haakjes; eventueel met + ervoor.",
            "bereikbaar": "Bijvoorbeeld: werkdagen 9-17 uur, buiten kantoortijd via de meldkamer.",
        }
        widgets = {
            "telefoon": forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
            "notitie": forms.Textarea(attrs={"rows": 3}),
            "gecontroleerd_op": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        error_messages = {
            "organisatie": {
                "required": "Vul de organisatie in.",
                "max_length": te_lang("De organisatie", ORGANISATIE_MAX),
            },
            "functie": {
                "required": "Vul de functie in.",
                "max_length": te_lang("De functie", FUNCTIE_MAX),
            },
            "naam": {"max_length": te_lang("De naam", NAAM_MAX)},
            "telefoon": {
                "required": "Vul een telefoonnummer in.",
                "max_length": te_lang("Het telefoonnummer", TELEFOON_MAX),
            },
            "email": {
                "invalid": "Vul een geldig e-mailadres in, bijvoorbeeld naam@gemeente.nl.",
                "max_length": te_lang("Het e-mailadres", EMAIL_MAX),
            },
            "bereikbaar": {"max_length": te_lang("Wanneer bereikbaar", BEREIKBAAR_MAX)},
            "notitie": {"max_length": te_lang("De notitie", NOTITIE_MAX)},
            "gecontroleerd_op": {"invalid": "Vul een geldige datum in, bijvoorbeeld 31-12-2026."},
        }

    def clean_telefoon(self) -> str:
        telefoon = " ".join(self.cleaned_data["telefoon"].split())
        if not TELEFOON.fullmatch(telefoon):
            raise forms.ValidationError(
                "Een telefoonnummer mag alleen cijfers, spaties, streepjes, haakjes en een + aan "
                "het begin bevatten, bijvoorbeeld 06 12345678 of +31 (0)20 123 4567."
            )
        if len(re.findall(r"[0-9]", telefoon)) < MIN_CIJFERS:
            raise forms.ValidationError(f"Een telefoonnummer heeft minstens {MIN_CIJFERS} cijfers.")
        return telefoon

    def clean_gecontroleerd_op(self) -> date | None:
        return binnen_bereik(self.cleaned_data.get("gecontroleerd_op"))
