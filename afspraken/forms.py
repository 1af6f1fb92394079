"""Forms of the OOV area. Messages are Dutch; Django (5.2) links each error to its field with
aria-describedby="<id>_error" and sets aria-invalid, the templates render that id."""

from django import forms

from afspraken.models import SOORT_MAX, TEKST_MAX, WIE_MAX, Afspraak, Netwerk, SoortCasus


def te_lang(wat: str, maximum: int) -> str:
    """The Dutch message for a text over its maximum length."""
    return f"{wat} mag hoogstens {maximum} tekens lang zijn (nu %(show_value)d)."


class AfspraakForm(forms.ModelForm):
    """Add or edit one agreement. `versie` is the row's version when the form was loaded."""

    versie = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Afspraak
        fields = ["soort", "tekst", "wie", "status", "evaluatiedatum"]
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
        self.fields["soort"].queryset = SoortCasus.objects.filter(netwerk=netwerk)
        self.fields["soort"].empty_label = "Kies een soort casus"
        self.fields["status"].choices = Afspraak.Status.choices
        if self.instance.pk and not self.is_bound:
            self.initial["versie"] = self.instance.versie


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


class PublicerenForm(forms.Form):
    notitie = forms.CharField(
        label="Notitie bij deze versie (niet verplicht)",
        max_length=500,
        required=False,
        help_text="Bijvoorbeeld: na het overleg van 12 maart.",
        error_messages={"max_length": te_lang("De notitie", 500)},
    )
