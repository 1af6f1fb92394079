"""Forms of the vredestijd session and the evaluation. Messages are Dutch; the agreement itself
is always entered through afspraken.forms.AfspraakForm."""

from __future__ import annotations

from datetime import date

from django import forms

from afspraken.forms import IdKeuzes, binnen_bereik, te_lang
from afspraken.models import (
    ANDERS,
    INBRENG_VELDEN,
    MAX_DEELNEMERS,
    PARTNER_KEUZES,
    Afspraak,
    Deelnemer,
    Evaluatie,
    Inbreng,
    Keuze,
    Netwerk,
    Sessie,
)
from casussen.models import Casus
from routekaart import inhoud


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
        labels = {"minuten_per_casus": "Minuten per casus"}
        help_texts = {
            "plaats": "Bijvoorbeeld: gemeentehuis, zaal 2. Niet verplicht.",
            "minuten_per_casus": "De routekaart raadt 10 minuten aan. De bedenktijd duurt deze "
            "minuten maal het grootste aantal casussen van één deelnemer.",
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


def actie_keuzes() -> list:
    """ "Welke actie?": nothing yet, the step 5 actions grouped online / offline (the route's
    own groups), and "Anders, namelijk …"."""
    groepen = [
        (groep["titel"], [(a.slug, a.titel) for a in groep["acties"]])
        for groep in inhoud.huidige().acties_per_modus()
        if groep["acties"]
    ]
    return [("", "Nog niet gekozen"), *groepen, (ANDERS, "Anders, namelijk …")]


class InbrengForm(forms.ModelForm):
    """One participant's inbreng for one case: on their own phone (afspraken.views.doe_mee) and
    in the regisseur's plenary rows. `revisie` is the inbreng's revisie when the form was loaded
    (0: none yet). Everything is optional (inbreng is given bit by bit); what is given must fit
    together, and refused inbreng is shown again as typed."""

    KEUZES = [(Keuze.JA, "Ja"), (Keuze.NEE, "Nee"), ("", "Nog niet gezegd")]

    partners_betrekken = forms.ChoiceField(
        label="Partners betrekken?", choices=KEUZES, required=False, widget=forms.RadioSelect
    )
    partners = forms.MultipleChoiceField(
        label="Welke partners?",
        choices=PARTNER_KEUZES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Kies partners uit de lijst."},
    )
    ingrijpen = forms.ChoiceField(
        label="Ingrijpen?", choices=KEUZES, required=False, widget=forms.RadioSelect
    )
    actie = forms.ChoiceField(
        label="Welke actie?",
        required=False,
        error_messages={"invalid_choice": "Kies een actie uit de lijst, of ‘Anders’."},
    )
    revisie = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    class Meta:
        model = Inbreng
        fields = list(INBRENG_VELDEN)
        labels = {
            "duiding": "Duiding in één zin",
            "actie_anders": "Anders, namelijk",
        }
        help_texts = {"actie_anders": "Alleen als je ‘Anders’ kiest bij ‘Welke actie?’."}
        error_messages = {
            "duiding": {"max_length": te_lang("De duiding", 300)},
            "actie_anders": {"max_length": te_lang("De andere actie", 300)},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partners_betrekken"].error_messages["invalid_choice"] = "Kies ja of nee."
        self.fields["ingrijpen"].error_messages["invalid_choice"] = "Kies ja of nee."
        keuzes = actie_keuzes()
        bekend = {ANDERS, ""} | {slug for _, groep in keuzes[1:-1] for slug, _ in groep}
        if self.instance.actie and self.instance.actie not in bekend:
            # An action the content no longer has stays choosable for this inbreng.
            keuzes.insert(-1, (self.instance.actie, self.instance.actie))
        self.fields["actie"].choices = keuzes
        if not self.is_bound:
            self.initial["revisie"] = self.instance.revisie if self.instance.pk else 0

    def clean(self):
        data = super().clean()
        partners, betrekken = data.get("partners"), data.get("partners_betrekken")
        if partners and betrekken == Keuze.NEE:
            self.add_error(
                "partners",
                "Je koos Nee bij ‘Partners betrekken?’ maar vinkte partners aan. Kies Ja, of "
                "vink de partners uit.",
            )
        elif partners and not betrekken:
            data["partners_betrekken"] = Keuze.JA  # ticking a partner says yes
        if partners:
            data["partners"] = [k for k, _ in PARTNER_KEUZES if k in partners]  # each once
        actie, anders = data.get("actie"), (data.get("actie_anders") or "").strip()
        if "actie" in data and "actie_anders" in data:
            if actie == ANDERS and not anders:
                self.add_error("actie_anders", "Beschrijf de andere actie in een paar woorden.")
            elif anders and not actie:
                data["actie"] = ANDERS  # typed an action of one's own without choosing Anders
            elif anders and actie != ANDERS:
                self.add_error(
                    "actie_anders",
                    "Je koos een actie uit de lijst én beschreef een andere. Kies ‘Anders’ bij "
                    "‘Welke actie?’, of maak dit veld leeg.",
                )
            data["actie_anders"] = anders
        return data

    def waarden(self) -> dict:
        """The inbreng as entered (what `Inbreng.objects.bewaar` writes)."""
        return {veld: self.cleaned_data[veld] for veld in INBRENG_VELDEN}

    @property
    def leeg(self) -> bool:
        return not any(self.waarden().values())

    @property
    def geladen_revisie(self) -> int:
        return self.cleaned_data.get("revisie") or 0


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
