"""Structured answers (issue 11): the free text "welke partners" becomes the ticked partners
(Antwoord.partners, keys of afspraken.models.PARTNER_KEUZES), a free-text action becomes
actie="anders" with the text kept in actie_anders; then welke_partners goes.

The text is read the way afspraken.vredestijd.partners_in read it for the differences panel
(separators, articles, the same words per partner), copied here so that this migration never
changes when that module does. A part that names no known partner counts as "anders"."""

import re

from django.db import migrations

# The words that name a partner, per key of PARTNER_KEUZES (as in vredestijd.PARTNERS, plus OM).
WOORDEN = (
    ("politie", ("politie", "wijkagent", "agent")),
    ("jongerenwerk", ("jongerenwerk", "jongerenwerker")),
    ("boa", ("boa", "handhaving", "handhaver", "jeugdboa")),
    ("oov", ("oov", "gemeente")),
    ("school", ("school", "scholen", "leerplicht", "mentor")),
    ("hulpverlening", ("hulpverlening", "hulpverlener", "wijkteam", "jeugdzorg")),
    ("om", ("om", "ministerie", "officier")),
)
VOLGORDE = ("jongerenwerk", "politie", "boa", "oov", "school", "hulpverlening", "om", "anders")
LABELS = {
    "jongerenwerk": "Jongerenwerk",
    "politie": "Politie",
    "boa": "Boa",
    "oov": "OOV (gemeente)",
    "school": "School",
    "hulpverlening": "Hulpverlening",
    "om": "Openbaar Ministerie (OM)",
    "anders": "Anders",
}
_SCHEIDING = re.compile(r"\s*(?:,|;|/|\+|&|\n|\ben\b|\bof\b)\s*", re.IGNORECASE)
_LIDWOORD = re.compile(r"^(?:de|het|een)\s+", re.IGNORECASE)


def partner_sleutels(tekst: str) -> list[str]:
    """The keys of the partners named in a free-text answer, each once, in PARTNER_KEUZES order."""
    gevonden = set()
    for stuk in _SCHEIDING.split(tekst or ""):
        stuk = _LIDWOORD.sub("", stuk.strip().rstrip(".")).strip()
        if not stuk:
            continue
        woorden = set(re.findall(r"\w+", stuk.lower()))
        gevonden.add(next((k for k, sleutels in WOORDEN if woorden & set(sleutels)), "anders"))
    return [k for k in VOLGORDE if k in gevonden]


def naar_sleutels(apps, schema_editor):
    Antwoord = apps.get_model("afspraken", "Antwoord")
    for a in Antwoord.objects.all().iterator():
        velden = {}
        if a.welke_partners.strip() and not a.partners:
            velden["partners"] = partner_sleutels(a.welke_partners)
        actie = " ".join(a.actie.split())
        if actie and actie != "anders":
            # Before issue 11 every action was free text: keep it as the participant's own words.
            velden["actie"] = "anders"
            velden["actie_anders"] = actie[:300]
        if velden:
            Antwoord.objects.filter(pk=a.pk).update(**velden)


def naar_tekst(apps, schema_editor):
    """Back: the ticked partners as text, an action of one's own (or a slug) as the action."""
    Antwoord = apps.get_model("afspraken", "Antwoord")
    for a in Antwoord.objects.all().iterator():
        tekst = ", ".join(LABELS.get(k, k) for k in a.partners or [])
        actie = a.actie_anders if a.actie == "anders" else a.actie
        Antwoord.objects.filter(pk=a.pk).update(welke_partners=tekst[:300], actie=actie[:300])


class Migration(migrations.Migration):
    dependencies = [
        ("afspraken", "0005_live_sessie"),
    ]

    operations = [
        migrations.RunPython(naar_sleutels, naar_tekst),
        migrations.RemoveField(model_name="antwoord", name="welke_partners"),
    ]
