"""The forms of the route walk: the context questions, and what a walker writes at a step.

A step's form has one short answer per guiding question (`vraag-<i>`), the step's note, at
step 5 a choice per action (`actie-<slug>`, `wie-<slug>`, `wanneer-<slug>`) and at Evalueren an
optional `evaluatiemoment`. `StapForm.ingevuld()` turns a valid form into what the session keeps
(routekaart.notities.Ingevuld); `StapForm.van(ingevuld)` shows it again.
"""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.formats import date_format

from casussen.models import Modus
from routekaart.models import Actie, Rol, Stap
from routekaart.notities import Ingevuld
from routekaart.wandeling import MAX_NOTITIE

MAX_ANTWOORD = 300
EVALUATIE_JAREN = 2

# "Wie" and "Wanneer" of a chosen action, as option groups ({groep, keuzes}; groep "": none).
WIE = [
    {"groep": "", "keuzes": [("ik", "Ik"), ("collega", "Een collega")]},
    {
        "groep": "Een partner",
        "keuzes": [
            ("jongerenwerk", "Jongerenwerk"),
            ("politie", "Politie"),
            ("boa", "Boa"),
            ("oov", "OOV (gemeente)"),
            ("school", "School"),
            ("hulpverlening", "Hulpverlening"),
            ("om", "Openbaar Ministerie (OM)"),
        ],
    },
]
WANNEER = [
    {
        "groep": "",
        "keuzes": [
            ("nu", "Nu"),
            ("vandaag", "Vandaag"),
            ("deze-week", "Deze week"),
            ("volgend-contact", "Bij het volgende contact"),
        ],
    }
]
WIE_LABELS = {waarde: label for groep in WIE for waarde, label in groep["keuzes"]}
WANNEER_LABELS = {waarde: label for groep in WANNEER for waarde, label in groep["keuzes"]}


class ContextForm(forms.Form):
    """The three optional context questions; no answer means "overgeslagen"."""

    modus = forms.ChoiceField(choices=Modus.choices, required=False)
    rol = forms.ChoiceField(choices=Rol.choices, required=False)
    fenomeen = forms.ChoiceField(required=False)

    def __init__(self, fenomeen_keuzes, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fenomeen"].choices = fenomeen_keuzes


def _enkele_regel(waarde: str) -> str:
    """An answer is one line: a pasted line break becomes a space."""
    return " ".join(waarde.split())


class StapForm(forms.Form):
    """What a walker writes at one step. Every field is optional; a too-long text is shown again
    with the error so nothing typed is lost."""

    notitie = forms.CharField(
        required=False,
        max_length=MAX_NOTITIE,
        widget=forms.Textarea,
        error_messages={
            "max_length": "Je notitie is te lang: gebruik maximaal %(limit_value)d tekens "
            "(nu %(show_value)d). Je tekst staat er nog; maak hem korter en probeer het opnieuw."
        },
    )

    def __init__(self, stap: Stap, acties: list[Actie] = (), *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.stap = stap
        self.acties = list(acties)
        for i, _vraag in enumerate(stap.vragen):
            self.fields[f"vraag-{i}"] = forms.CharField(
                required=False,
                max_length=MAX_ANTWOORD,
                strip=True,
                error_messages={
                    "max_length": "Je antwoord is te lang: gebruik maximaal %(limit_value)d "
                    "tekens (nu %(show_value)d). Je tekst staat er nog; maak hem korter."
                },
            )
        for actie in self.acties:
            self.fields[f"actie-{actie.slug}"] = forms.BooleanField(required=False)
            self.fields[f"wie-{actie.slug}"] = forms.ChoiceField(
                choices=[("", "Kies wie"), *WIE_LABELS.items()], required=False
            )
            self.fields[f"wanneer-{actie.slug}"] = forms.ChoiceField(
                choices=[("", "Kies wanneer"), *WANNEER_LABELS.items()], required=False
            )
        if stap.aard == Stap.Aard.EVALUATIE:
            self.fields["evaluatiemoment"] = forms.DateField(
                required=False,
                input_formats=["%Y-%m-%d", "%d-%m-%Y"],
                error_messages={"invalid": "Vul een datum in, bijvoorbeeld 15-01-2027."},
            )

    @classmethod
    def van(cls, stap: Stap, acties: list[Actie], ingevuld: Ingevuld) -> StapForm:
        """An unbound form showing what the session has for this step."""
        initial = {"notitie": ingevuld.notitie}
        initial.update({f"vraag-{i}": t for i, t in ingevuld.antwoorden.items()})
        for slug, keuze in ingevuld.acties.items():
            initial[f"actie-{slug}"] = True
            initial[f"wie-{slug}"] = keuze.get("wie", "")
            initial[f"wanneer-{slug}"] = keuze.get("wanneer", "")
        if ingevuld.evaluatiemoment:
            initial["evaluatiemoment"] = ingevuld.evaluatiemoment
        return cls(stap, acties, initial=initial)

    def clean(self):
        data = super().clean()
        for i in range(len(self.stap.vragen)):
            if data.get(f"vraag-{i}"):
                data[f"vraag-{i}"] = _enkele_regel(data[f"vraag-{i}"])
        for actie in self.acties:
            wie, wanneer = data.get(f"wie-{actie.slug}"), data.get(f"wanneer-{actie.slug}")
            gekozen = data.get(f"actie-{actie.slug}") or wie or wanneer
            if gekozen and not (wie and wanneer):
                self.add_error(
                    f"wie-{actie.slug}" if not wie else f"wanneer-{actie.slug}",
                    f"Kies bij ‘{actie.titel}’ wie het doet en wanneer, of vink de actie uit.",
                )
        moment = data.get("evaluatiemoment")
        if moment:
            vandaag = timezone.localdate()
            laatst = vandaag + datetime.timedelta(days=365 * EVALUATIE_JAREN)
            if not vandaag <= moment <= laatst:
                self.add_error(
                    "evaluatiemoment",
                    f"Kies een datum tussen {date_format(vandaag, 'j F Y')} en "
                    f"{date_format(laatst, 'j F Y')}.",
                )
        return data

    def ingevuld(self) -> Ingevuld:
        """What the session keeps of this valid form."""
        d = self.cleaned_data
        acties = {}
        for actie in self.acties:
            wie, wanneer = d.get(f"wie-{actie.slug}"), d.get(f"wanneer-{actie.slug}")
            if wie and wanneer:
                acties[actie.slug] = {"wie": wie, "wanneer": wanneer}
        return Ingevuld(
            antwoorden={
                i: d[f"vraag-{i}"] for i in range(len(self.stap.vragen)) if d.get(f"vraag-{i}")
            },
            notitie=d.get("notitie", ""),
            acties=acties,
            evaluatiemoment=d.get("evaluatiemoment"),
        )

    def waarde(self, naam: str):
        """The field's value as shown: what was typed (bound) or what was kept (unbound)."""
        return self[naam].value()
