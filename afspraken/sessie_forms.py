"""Forms of the vredestijd session and the evaluation. Messages are Dutch; the agreement itself
is always entered through afspraken.forms.AfspraakForm."""

from __future__ import annotations

from datetime import date

from django import forms

from afspraken.forms import IdKeuzes, binnen_bereik, te_lang
from afspraken.models import (
    ANTWOORD_VELDEN,
    MAX_DEELNEMERS,
    Afspraak,
    Antwoord,
    Deelnemer,
    Evaluatie,
    Keuze,
    Netwerk,
    Sessie,
)
from casussen.models import Casus


class DatumInput(forms.DateInput):
    """<input type="date">. Its value must be an ISO date or the HTML is invalid; a browser only
    sends those, so anything else (typed without a date picker) is shown as empty, with the
    field's error message."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")

    def format_value(self, value):
        if isinstance(value, str):
            try:
                date.fromisoformat(value)
            except ValueError:
                return None
        return super().format_value(value)


DATUM = DatumInput()
DATUM_FOUT = "Vul een geldige datum in, bijvoorbeeld 31-12-2026."


class CasusKeuze(IdKeuzes):
    def label_from_instance(self, casus: Casus) -> str:
        return f"{casus.titel} ({casus.get_modus_display().upper()}, {casus.fenomeen.kort})"


class SessieForm(forms.ModelForm):
    casussen = CasusKeuze(
        label="Voorbeeldcasussen",
        queryset=Casus.objects.select_related("fenomeen"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Kies minstens één voorbeeldcasus."},
    )

    class Meta:
        model = Sessie
        fields = ["datum", "plaats", "minuten_per_casus"]
        labels = {"minuten_per_casus": "Minuten bedenktijd per casus"}
        help_texts = {
            "plaats": "Bijvoorbeeld: gemeentehuis, zaal 2. Niet verplicht.",
            "minuten_per_casus": "De routekaart raadt 10 minuten aan.",
        }
        widgets = {"datum": DATUM}
        error_messages = {
            "datum": {"required": "Vul de datum van de sessie in.", "invalid": DATUM_FOUT},
            "plaats": {"max_length": te_lang("De plaats", 200)},
            "minuten_per_casus": {
                "required": "Vul het aantal minuten in.",
                "invalid": "Vul een heel aantal minuten in, bijvoorbeeld 10.",
            },
        }

    def clean_datum(self) -> date:
        return binnen_bereik(self.cleaned_data.get("datum"))

    def clean_minuten_per_casus(self) -> int:
        minuten = self.cleaned_data["minuten_per_casus"]
        if not 1 <= minuten <= 60:
            raise forms.ValidationError("Kies tussen 1 en 60 minuten.")
        return minuten


class DeelnemerForm(forms.ModelForm):
    class Meta:
        model = Deelnemer
        fields = ["naam", "organisatie", "werkt_online"]
        labels = {"werkt_online": "Werkt online met een professioneel profiel"}
        error_messages = {
            "naam": {"max_length": te_lang("De naam", 200)},
            "organisatie": {"max_length": te_lang("De organisatie", 200)},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A row is optional as a whole (the formset skips empty rows), so not required here.
        self.fields["naam"].required = False

    def clean(self):
        data = super().clean()
        if (data.get("organisatie") or data.get("werkt_online")) and not data.get("naam"):
            self.add_error("naam", "Vul de naam van deze deelnemer in.")
        return data

    @property
    def leeg(self) -> bool:
        return not (self.cleaned_data.get("naam") or "").strip()


class BasisDeelnemers(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        if all(f.leeg for f in self.forms):
            raise forms.ValidationError("Voeg minstens één deelnemer toe.")

    def ingevuld(self) -> list[dict]:
        return [f.cleaned_data for f in self.forms if not f.leeg]


DeelnemerFormSet = forms.formset_factory(
    DeelnemerForm,
    formset=BasisDeelnemers,
    extra=0,
    max_num=MAX_DEELNEMERS,
    absolute_max=MAX_DEELNEMERS,
)


class AntwoordForm(forms.ModelForm):
    """One participant's answers for one case (one row of the plenary screen). `versie` is the
    answer's version when the form was loaded (0: no answer yet)."""

    KEUZES = [(Keuze.JA, "Ja"), (Keuze.NEE, "Nee"), ("", "Nog niet gezegd")]

    partners_betrekken = forms.ChoiceField(
        label="Partners betrekken?", choices=KEUZES, required=False, widget=forms.RadioSelect
    )
    ingrijpen = forms.ChoiceField(
        label="Ingrijpen?", choices=KEUZES, required=False, widget=forms.RadioSelect
    )
    versie = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    class Meta:
        model = Antwoord
        fields = list(ANTWOORD_VELDEN)
        labels = {
            "duiding": "Duiding in één zin",
            "welke_partners": "Welke partners?",
            "actie": "Welke actie?",
        }
        error_messages = {
            "duiding": {"max_length": te_lang("De duiding", 300)},
            "welke_partners": {"max_length": te_lang("Welke partners", 300)},
            "actie": {"max_length": te_lang("De actie", 300)},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partners_betrekken"].error_messages["invalid_choice"] = "Kies ja of nee."
        self.fields["ingrijpen"].error_messages["invalid_choice"] = "Kies ja of nee."
        if not self.is_bound:
            self.initial["versie"] = self.instance.versie if self.instance.pk else 0

    def waarden(self) -> dict:
        """The answer as entered (what `Antwoord.objects.bewaar` writes)."""
        return {veld: self.cleaned_data[veld] for veld in ANTWOORD_VELDEN}

    @property
    def leeg(self) -> bool:
        return not any(self.waarden().values())

    @property
    def geladen_versie(self) -> int:
        return self.cleaned_data.get("versie") or 0


class EvaluatieForm(forms.ModelForm):
    """Date, participants, one answer field per evaluation question (`vraag_<i>`, the questions
    of the route's evaluation step), the conclusion and the agreements it concerns."""

    afspraken = IdKeuzes(
        label="Over welke afspraken gaat deze evaluatie?",
        queryset=Afspraak.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Kies minstens één afspraak."},
    )

    class Meta:
        model = Evaluatie
        fields = ["datum", "deelnemers", "conclusie", "afspraken"]
        labels = {"deelnemers": "Wie deden mee?"}
        help_texts = {"deelnemers": "Organisaties en eventueel namen."}
        widgets = {
            "datum": DATUM,
            "deelnemers": forms.Textarea(attrs={"rows": 3}),
            "conclusie": forms.RadioSelect,
        }
        error_messages = {
            "datum": {"required": "Vul de datum van de evaluatie in.", "invalid": DATUM_FOUT},
            "conclusie": {"required": "Kies een conclusie."},
        }

    def __init__(self, *args, netwerk: Netwerk, vragen: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.vragen = vragen
        self.fields["afspraken"].queryset = Afspraak.objects.van(netwerk)
        self.fields["afspraken"].label_from_instance = lambda a: str(a)
        self.fields["conclusie"].choices = Evaluatie.Conclusie.choices
        for i, vraag in enumerate(vragen):
            self.fields[f"vraag_{i}"] = forms.CharField(
                label=vraag,
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
                error_messages={"max_length": te_lang("Het antwoord", 2000)},
            )

    def clean_datum(self) -> date:
        return binnen_bereik(self.cleaned_data.get("datum"))

    def vraagvelden(self):
        return [self[f"vraag_{i}"] for i in range(len(self.vragen))]

    def save(self, commit: bool = True) -> Evaluatie:
        self.instance.antwoorden = {
            str(i): {"vraag": vraag, "antwoord": self.cleaned_data.get(f"vraag_{i}", "")}
            for i, vraag in enumerate(self.vragen)
        }
        return super().save(commit)
