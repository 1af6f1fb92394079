"""The forms of the route walk: the context questions, and what a walker writes at a step.

A step's form has one short answer per guiding question (`vraag-<i>`), the step's note, at
step 5 a choice per action (`actie-<slug>`, `wie-<slug>`, `wanneer-<slug>`) and at Evalueren an
optional `evaluatiemoment`. `StapForm.ingevuld()` turns a valid form into what the session keeps
(routekaart.notities.Ingevuld); `StapForm.van(ingevuld)` shows it again.

The forms carry their own labels (a guiding question is its field's label, its explanation the
help text); templates/routekaart/stap.html writes each input from its bound field
(`StapForm.vragen()`, as plain rows, `StapForm.actiegroepen()`, `form.notitie`,
`form.evaluatiemoment`, and the context form's fields in order).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django import forms
from django.forms import BoundField
from django.utils import timezone
from django.utils.formats import date_format

from casussen.models import Modus
from routekaart.models import Actie, Partner, Rol, Stap
from routekaart.notities import Ingevuld
from routekaart.wandeling import MAX_NOTITIE

MAX_ANTWOORD = 300
EVALUATIE_JAREN = 2


def _opties(keuzes) -> list[dict]:
    """(value, label) pairs as the page's options: {waarde, label} (a dict key is the template
    engine's cheapest lookup, and step 5 writes some 120 options)."""
    return [{"waarde": waarde, "label": label} for waarde, label in keuzes]


# "Wie" and "Wanneer" of a chosen action, as option groups ({groep, opties}; groep "": none).
WIE = [
    {"groep": "", "opties": _opties([("ik", "Ik"), ("collega", "Een collega")])},
    {"groep": "Een partner", "opties": _opties(Partner.choices)},
]
WANNEER = [
    {
        "groep": "",
        "opties": _opties(
            [
                ("nu", "Nu"),
                ("vandaag", "Vandaag"),
                ("deze-week", "Deze week"),
                ("volgend-contact", "Bij het volgende contact"),
            ]
        ),
    }
]
WIE_LABELS = {optie["waarde"]: optie["label"] for groep in WIE for optie in groep["opties"]}
WANNEER_LABELS = {optie["waarde"]: optie["label"] for groep in WANNEER for optie in groep["opties"]}


# The two fields' choices, given to them as callables: Django then normalises a field's choices
# only when a post is validated, instead of for each of step 5's 18 fields on every view (a
# third of building its form). The page writes the options from WIE and WANNEER.
def _wie_keuzes() -> list[tuple[str, str]]:
    return [("", "Kies wie"), *WIE_LABELS.items()]


def _wanneer_keuzes() -> list[tuple[str, str]]:
    return [("", "Kies wanneer"), *WANNEER_LABELS.items()]


MODUS_LABELS = {
    Modus.ONLINE: "Ik zie het bericht zelf online, met mijn professionele profiel",
    Modus.OFFLINE: "Ik kreeg het bericht doorgestuurd, bijvoorbeeld als schermafdruk",
}


class ContextForm(forms.Form):
    """The three optional context questions; no answer means "overgeslagen". The page shows the
    choices of the URL (`initial`), also beside the errors of a refused post."""

    modus = forms.ChoiceField(
        label="Zie je het bericht zelf online (met een professioneel profiel) of kreeg je het "
        "doorgestuurd?",
        choices=list(MODUS_LABELS.items()),
        required=False,
    )
    rol = forms.ChoiceField(label="Wat is je rol?", choices=Rol.choices, required=False)
    fenomeen = forms.ChoiceField(label="Welk fenomeen lijkt het?", required=False)

    def __init__(self, fenomeen_keuzes, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fenomeen"].choices = fenomeen_keuzes


def _enkele_regel(waarde: str) -> str:
    """An answer is one line: a pasted line break becomes a space."""
    return " ".join(waarde.split())


class IsoDatumveld(forms.DateField):
    """A date field shown as an ISO date (what `<input type="date">` reads), typed or kept."""

    def prepare_value(self, value):
        return value.isoformat() if isinstance(value, datetime.date) else value


@dataclass(frozen=True)
class Actievelden:
    """The three fields of one action of step 5, and whether it fits the walker's role."""

    actie: Actie
    kies: BoundField
    wie: BoundField
    wanneer: BoundField
    past_bij_rol: bool

    @property
    def gekozen(self) -> bool:
        return bool(self.kies.value() or self.wie.value() or self.wanneer.value())

    @property
    def fouten(self) -> list[str]:
        return [*self.wie.errors, *self.wanneer.errors]

    @property
    def keuzevelden(self) -> list[tuple[BoundField, list[dict], str]]:
        """ "Wie" and "Wanneer": each field with its option groups and its empty option's text."""
        return [(self.wie, WIE, "Kies wie"), (self.wanneer, WANNEER, "Kies wanneer")]


class StapForm(forms.Form):
    """What a walker writes at one step. Every field is optional; a too-long text is shown again
    with the error so nothing typed is lost."""

    notitie = forms.CharField(
        label="Notities bij deze stap (niet verplicht)",
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
        for i, vraag in enumerate(stap.vragen):
            self.fields[f"vraag-{i}"] = forms.CharField(
                label=vraag["tekst"],
                help_text=vraag.get("uitleg", ""),
                required=False,
                max_length=MAX_ANTWOORD,
                strip=True,
                error_messages={
                    "max_length": "Je antwoord is te lang: gebruik maximaal %(limit_value)d "
                    "tekens (nu %(show_value)d). Je tekst staat er nog; maak hem korter."
                },
            )
        for actie in self.acties:
            self.fields[f"actie-{actie.slug}"] = forms.BooleanField(
                label=actie.titel, required=False
            )
            self.fields[f"wie-{actie.slug}"] = forms.ChoiceField(
                label="Wie", choices=_wie_keuzes, required=False
            )
            self.fields[f"wanneer-{actie.slug}"] = forms.ChoiceField(
                label="Wanneer", choices=_wanneer_keuzes, required=False
            )
        if stap.aard == Stap.Aard.EVALUATIE:
            self.fields["evaluatiemoment"] = IsoDatumveld(
                label="Evaluatiemoment (niet verplicht)",
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

    # -- the bound fields, as the page lists them --

    def vragen(self) -> list[dict]:
        """One answer field per guiding question, in the step's order, as the page writes it:
        {naam, waarde, fout (the errors in one line), label (the question, HTML), uitleg (its
        explanation, HTML)}. Worked out here once rather than through the bound field in the
        template, which would ask each several times per question; a dict key is the template
        engine's cheapest lookup."""
        rijen = []
        for i in range(len(self.stap.vragen)):
            veld = self[f"vraag-{i}"]
            rijen.append(
                {
                    "naam": veld.html_name,
                    "waarde": veld.value() or "",
                    "fout": " ".join(veld.errors),
                    "label": veld.label,
                    "uitleg": veld.help_text,
                }
            )
        return rijen

    def actiegroepen(self, groepen: list[dict], rol: str) -> list[dict]:
        """The action groups of `Inhoud.acties_per_modus(rol)`, each action with its fields."""
        return [
            {
                **groep,
                "acties": [
                    Actievelden(
                        actie,
                        self[f"actie-{actie.slug}"],
                        self[f"wie-{actie.slug}"],
                        self[f"wanneer-{actie.slug}"],
                        past_bij_rol=bool(rol) and rol in actie.rollen,
                    )
                    for actie in groep["acties"]
                ],
            }
            for groep in groepen
        ]

    @property
    def aantal_fouten(self) -> int:
        return sum(len(f) for f in self.errors.values()) if self.is_bound else 0
