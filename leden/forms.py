"""Forms of accounts and members. Messages are Dutch; the templates render each error beside
its field (afspraken/_veld.html)."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.db.models import Q

from afspraken.forms import te_lang
from afspraken.models import Lidmaatschap, Lidrol, Netwerk
from leden.models import EMAIL_MAX, ORGANISATIE_MAX, Uitnodiging
from leden.uitnodigingen import account_bij

NAAM_MAX = 150  # User.first_name

EMAIL_FOUTEN = {
    "required": "Vul een e-mailadres in.",
    "invalid": "Vul een geldig e-mailadres in, bijvoorbeeld naam@gemeente.nl.",
    "max_length": te_lang("Het e-mailadres", EMAIL_MAX),
}


def _email_veld(label: str = "E-mailadres") -> forms.EmailField:
    return forms.EmailField(
        label=label,
        max_length=EMAIL_MAX,
        error_messages=EMAIL_FOUTEN,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


def _organisatie_veld() -> forms.CharField:
    return forms.CharField(
        label="Organisatie",
        max_length=ORGANISATIE_MAX,
        help_text="Bijvoorbeeld Politie, Jongerenwerk of Gemeente (OOV).",
        error_messages={
            "required": "Vul de organisatie in.",
            "max_length": te_lang("De organisatie", ORGANISATIE_MAX),
        },
    )


def _rol_veld() -> forms.ChoiceField:
    return forms.ChoiceField(
        label="Rol",
        choices=Lidrol.choices,
        initial=Lidrol.PARTNER,
        error_messages={
            "required": "Kies een rol.",
            "invalid_choice": "Kies partner of regisseur.",
        },
    )


class UitnodigingForm(forms.Form):
    """The regisseur invites someone to their network."""

    email = _email_veld()
    rol = _rol_veld()
    organisatie = _organisatie_veld()

    def __init__(self, *args, netwerk: Netwerk, **kwargs):
        super().__init__(*args, **kwargs)
        self.netwerk = netwerk
        self.fields["rol"].help_text = (
            "Een partner leest de gepubliceerde afspraken; een regisseur beheert ook de "
            "afspraken, sessies en leden."
        )

    def clean_email(self) -> str:
        email = self.cleaned_data["email"]
        lid = Lidmaatschap.objects.filter(netwerk=self.netwerk).filter(
            Q(user__email__iexact=email) | Q(user__username__iexact=email)
        )
        if lid.exists():
            raise forms.ValidationError(f"{email} is al lid van {self.netwerk.naam}.")
        if Uitnodiging.objects.van(self.netwerk).open().filter(email__iexact=email).exists():
            raise forms.ValidationError(
                f"Er staat al een uitnodiging open voor {email}. Stuur die opnieuw, of trek "
                "hem in en nodig opnieuw uit."
            )
        return email


class RolForm(forms.Form):
    rol = _rol_veld()


class NieuwAccountForm(forms.Form):
    """The invitee without an account chooses a name and a password."""

    naam = forms.CharField(
        label="Je naam",
        max_length=NAAM_MAX,
        help_text="Zoals de andere leden van het netwerk je kennen.",
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": "Vul je naam in.", "max_length": te_lang("Je naam", NAAM_MAX)},
    )
    wachtwoord1 = forms.CharField(
        label="Kies een wachtwoord",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html,
        error_messages={"required": "Kies een wachtwoord."},
    )
    wachtwoord2 = forms.CharField(
        label="Herhaal het wachtwoord",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": "Vul het wachtwoord nog een keer in."},
    )

    def __init__(self, *args, uitnodiging: Uitnodiging, **kwargs):
        super().__init__(*args, **kwargs)
        self.uitnodiging = uitnodiging
        # As plain text, so that afspraken/_veld.html can show it (it escapes).
        self.fields["wachtwoord1"].help_text = " ".join(
            password_validation.password_validators_help_texts()
        )

    def clean(self) -> dict:
        data = super().clean()
        een, twee = data.get("wachtwoord1"), data.get("wachtwoord2")
        if een and twee and een != twee:
            self.add_error("wachtwoord2", "De twee wachtwoorden zijn niet gelijk.")
        elif een:
            email = self.uitnodiging.email
            toekomstig = get_user_model()(
                username=email, email=email, first_name=data.get("naam", "")
            )
            try:
                password_validation.validate_password(een, toekomstig)
            except forms.ValidationError as fout:
                self.add_error("wachtwoord1", fout)
        return data


class AccountForm(forms.ModelForm):
    """ "Mijn account": the name and the e-mail address."""

    class Meta:
        model = get_user_model()
        fields = ["first_name", "email"]
        labels = {"first_name": "Naam", "email": "E-mailadres"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].error_messages["max_length"] = te_lang("Je naam", NAAM_MAX)
        self.fields["first_name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"] = _email_veld()
        self.fields["email"].help_text = (
            "Hierheen gaan de mail om een vergeten wachtwoord opnieuw in te stellen, "
            "uitnodigingen en herinneringen."
        )

    def clean_email(self) -> str:
        email = self.cleaned_data["email"]
        ander = account_bij(email)
        if ander is not None and ander.pk != self.instance.pk:
            raise forms.ValidationError("Dit e-mailadres hoort al bij een ander account.")
        return email


class NieuwNetwerkForm(forms.ModelForm):
    """Staff: a new network and the invitation of its first regisseur, in one step."""

    email = _email_veld("E-mailadres van de eerste regisseur")
    organisatie = _organisatie_veld()

    class Meta:
        model = Netwerk
        fields = ["naam", "slug"]
        labels = {"naam": "Naam van het netwerk", "slug": "Korte naam in de URL"}
        help_texts = {
            "naam": "Bijvoorbeeld Gemeente Utrecht of Regio Twente.",
            "slug": "Kleine letters, cijfers en streepjes, bijvoorbeeld gemeente-utrecht.",
        }
        error_messages = {
            "naam": {"required": "Vul de naam van het netwerk in."},
            "slug": {
                "required": "Vul een korte naam in.",
                "invalid": "Gebruik alleen kleine letters, cijfers en streepjes.",
                "unique": "Er is al een netwerk met deze korte naam.",
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisatie"].initial = "Gemeente (OOV)"
        self.fields["organisatie"].help_text = "De organisatie van de regisseur."

    def clean_slug(self) -> str:
        slug = self.cleaned_data["slug"]
        if slug != slug.lower():
            raise forms.ValidationError("Gebruik alleen kleine letters, cijfers en streepjes.")
        return slug
