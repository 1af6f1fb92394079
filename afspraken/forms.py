"""Forms of the OOV area. Messages are Dutch; Django (5.2) links each error to its field with
aria-describedby="<id>_error" and sets aria-invalid, the templates render that id."""

from __future__ import annotations

import re
from datetime import date

from django import forms
from django.db import models
from django.http import QueryDict
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst

from afspraken.models import SOORT_MAX, TEKST_MAX, WIE_MAX, Afspraak, Netwerk, SoortCasus
from casussen.models import Fenomeen
from routekaart import inhoud

# A whole number (an id, a count) as a form or a query string may carry it: ASCII digits only
# (str.isdigit() also takes "²"), and at most 18 of them, so an id always fits the 64-bit id
# columns.
GETAL = re.compile(r"[0-9]{1,18}")
SLUG = re.compile(r"[-a-z0-9]{1,50}")
JAREN = 10  # dates are kept within this many years of today


def te_lang(wat: str, maximum: int) -> str:
    """The Dutch message for a text over its maximum length."""
    return f"{wat} mag hoogstens {maximum} tekens lang zijn (nu %(show_value)d)."


def als_getal(waarde: str | None) -> int | None:
    """The whole number (an id, a count) in a query or form value; None for anything else."""
    return int(waarde) if waarde and GETAL.fullmatch(waarde) else None


def binnen_bereik(datum: date | None) -> date | None:
    """Refuse a date more than JAREN years from today, in Dutch; the typed value stays in the
    field. (Later dates also make no sense for a meeting or an evaluation, and would overflow
    the half year added to them.)"""
    if datum is None:
        return None
    vandaag = timezone.localdate()
    try:
        vroegst = vandaag.replace(year=vandaag.year - JAREN)
        laatst = vandaag.replace(year=vandaag.year + JAREN)
    except ValueError:  # 29 February
        vroegst = date(vandaag.year - JAREN, 2, 28)
        laatst = date(vandaag.year + JAREN, 2, 28)
    if not vroegst <= datum <= laatst:
        raise forms.ValidationError(
            f"Kies een datum tussen {date_format(vroegst, 'j F Y')} en "
            f"{date_format(laatst, 'j F Y')}."
        )
    return datum


class RevisieForm(forms.ModelForm):
    """A form of a versioned row (kern.bewerkbaar): `revisie` is the row's revisie when the form
    was loaded; `waarden` is what `objects.bewaar` writes; `vergelijk` the fields a refused save
    shows side by side."""

    revisie = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)
    vergelijk: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["revisie"] = self.instance.revisie

    def waarden(self) -> dict:
        """The row's fields as entered."""
        return {veld: self.cleaned_data[veld] for veld in self._meta.fields}

    def vergelijking(self, actueel) -> list[dict]:
        """After a refused save (before `conflictformulier`): per field of `vergelijk` its label,
        the value saved now (`actueel`) and the one this user sent: as typed, or for a choice or
        a relation as shown; `regels`: a text whose line breaks show."""
        rijen = []
        for naam in self.vergelijk:
            veld = actueel._meta.get_field(naam)
            gekozen = bool(veld.choices) or veld.is_relation
            rijen.append(
                {
                    "label": capfirst(veld.verbose_name),
                    "opgeslagen": _getoond(actueel, veld),
                    # Validating wrote the typed values into the form's instance.
                    "jouw": _getoond(self.instance, veld) if gekozen else self[naam].value(),
                    "regels": isinstance(veld, models.TextField),
                }
            )
        return rijen

    def opnieuw(self, data: QueryDict, instance) -> RevisieForm:
        """The same form again, bound to `data` (a form that needs more, such as the network,
        passes it on)."""
        return type(self)(data, instance=instance, prefix=self.prefix)


def _getoond(rij, veld) -> str:
    """A field's value as a page shows it: a choice's label, a relation's name."""
    if veld.choices:
        return getattr(rij, f"get_{veld.name}_display")()
    waarde = getattr(rij, veld.name)
    return "" if waarde is None else str(waarde)


def conflictformulier(form: RevisieForm, actueel) -> RevisieForm:
    """After a refused save of `form`: the same form, keeping what this user typed but carrying
    `actueel`'s (the row as saved now) revisie, so saving again is a deliberate choice."""
    data = form.data.copy()
    data[form.add_prefix("revisie")] = str(actueel.revisie)
    # A separate instance: validating a bound form writes the typed values into it.
    return form.opnieuw(data, type(actueel).objects.get(pk=actueel.pk))


class _AlleenIds:
    """A model choice field that refuses a value which cannot be an id before asking the
    database (a 25-digit number would not fit its integer column)."""

    def _ids(self, waarden) -> None:
        for waarde in waarden:
            if not GETAL.fullmatch(str(waarde)):
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": waarde},
                )


class IdKeuze(_AlleenIds, forms.ModelChoiceField):
    def to_python(self, value):
        if value not in self.empty_values:
            self._ids([value])
        return super().to_python(value)


class IdKeuzes(_AlleenIds, forms.ModelMultipleChoiceField):
    def clean(self, value):
        if value and isinstance(value, list | tuple):
            self._ids(value)
        return super().clean(value)


class AfspraakForm(RevisieForm):
    """Add or edit one agreement."""

    vergelijk = ("soort", "tekst", "wie", "status")

    class Meta:
        model = Afspraak
        fields = ["soort", "tekst", "wie", "status", "evaluatiedatum"]
        field_classes = {"soort": IdKeuze}
        labels = {
            "soort": "Soort casus",
            "tekst": "Afspraak",
            "wie": "Wie zijn betrokken",
            "evaluatiedatum": "Evaluatiedatum (niet verplicht)",
        }
        help_texts = {
            "tekst": f"Gewone tekst, hoogstens {TEKST_MAX} tekens. Een nieuwe regel blijft staan.",
            "wie": "Organisaties en eventueel namen, gescheiden door komma's.",
            "evaluatiedatum": "Wanneer bekijk je of deze afspraak werkt?",
        }
        widgets = {
            "tekst": forms.Textarea(attrs={"rows": 5}),
            "status": forms.RadioSelect,
            "evaluatiedatum": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        error_messages = {
            "soort": {
                "required": "Kies een soort casus.",
                "invalid_choice": "Kies een soort casus uit de lijst.",
            },
            "tekst": {
                "required": "Vul de afspraak in.",
                "max_length": te_lang("De afspraak", TEKST_MAX),
            },
            "wie": {
                "required": "Vul in wie er betrokken zijn.",
                "max_length": te_lang("Wie zijn betrokken", WIE_MAX),
            },
            "status": {"required": "Kies een status."},
            "evaluatiedatum": {"invalid": "Vul een geldige datum in, bijvoorbeeld 31-12-2026."},
        }

    def __init__(self, *args, netwerk: Netwerk, **kwargs):
        super().__init__(*args, **kwargs)
        self.netwerk = netwerk
        self.fields["soort"].queryset = SoortCasus.objects.filter(netwerk=netwerk)
        self.fields["soort"].empty_label = "Kies een soort casus"
        self.fields["status"].choices = Afspraak.Status.choices

    def clean_evaluatiedatum(self) -> date | None:
        return binnen_bereik(self.cleaned_data.get("evaluatiedatum"))

    def opnieuw(self, data: QueryDict, instance) -> AfspraakForm:
        return type(self)(data, instance=instance, prefix=self.prefix, netwerk=self.netwerk)


class SoortCasusForm(forms.ModelForm):
    class Meta:
        model = SoortCasus
        fields = ["naam"]
        labels = {"naam": "Nieuwe soort casus"}
        help_texts = {"naam": "Bijvoorbeeld Wapens, Drugs of Vuurwerk."}
        error_messages = {
            "naam": {
                "required": "Vul een naam in.",
                "max_length": te_lang("De naam", SOORT_MAX),
            }
        }

    def __init__(self, *args, netwerk: Netwerk, **kwargs):
        super().__init__(*args, **kwargs)
        self.netwerk = netwerk

    def clean_naam(self) -> str:
        naam = self.cleaned_data["naam"].strip()
        if SoortCasus.objects.filter(netwerk=self.netwerk, naam__iexact=naam).exists():
            raise forms.ValidationError("Deze soort casus bestaat al in dit netwerk.")
        return naam


class SlugKeuzes(forms.ModelMultipleChoiceField):
    """Choices by slug that refuse a value which cannot be a slug before asking the database
    (PostgreSQL refuses a NUL character in a query)."""

    def clean(self, value):
        if value and isinstance(value, list | tuple):
            for waarde in value:
                if not SLUG.fullmatch(str(waarde)):
                    raise forms.ValidationError(
                        self.error_messages["invalid_choice"],
                        code="invalid_choice",
                        params={"value": waarde},
                    )
        return super().clean(value)


class SoortFenomenenForm(forms.Form):
    """The phenomena one case type is linked to (the soorten page has one per case type). Each
    form gets its own element ids, so the page's checkboxes never share one."""

    soort = IdKeuze(
        queryset=SoortCasus.objects.none(),
        widget=forms.HiddenInput,
        error_messages={
            "required": "Kies een soort casus.",
            "invalid_choice": "Deze soort casus bestaat niet (meer) in dit netwerk.",
        },
    )
    fenomenen = SlugKeuzes(
        label="Fenomenen",
        queryset=Fenomeen.objects.all(),
        to_field_name="slug",
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages={
            "invalid_choice": "Kies fenomenen uit de lijst.",
            "invalid_pk_value": "Kies fenomenen uit de lijst.",
            "invalid_list": "Kies fenomenen uit de lijst.",
        },
    )

    def __init__(self, *args, netwerk: Netwerk, soort: SoortCasus | None = None, **kwargs):
        if soort is not None:
            kwargs.setdefault("auto_id", f"soort-{soort.pk}-%s")
            kwargs.setdefault("initial", {"soort": soort.pk, "fenomenen": soort.fenomeen_slugs()})
        super().__init__(*args, **kwargs)
        self.fields["soort"].queryset = SoortCasus.objects.filter(netwerk=netwerk)
        # The checkboxes come from the content snapshot, so a page with a form per case type
        # does not ask the database for the phenomena once per form.
        self.fields["fenomenen"].choices = [
            (f.slug, f.kort) for f in inhoud.huidige().fenomenen.values()
        ]


class PublicerenForm(forms.Form):
    notitie = forms.CharField(
        label="Notitie bij deze versie (niet verplicht)",
        max_length=500,
        required=False,
        help_text="Bijvoorbeeld: na het overleg van 12 maart.",
        error_messages={"max_length": te_lang("De notitie", 500)},
    )
