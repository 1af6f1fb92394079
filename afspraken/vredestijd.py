"""The rules of the vredestijd session, as pure functions (no database): dealing the example
cases over the participants, and finding where the participants' expectations differ.

The views turn model rows into the small input types below and back; the tests feed these
functions tables of plain values.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field

from afspraken.models import PARTNER_KEUZES

# -- step 1: dealing the cases ------------------------------------------------------------------


@dataclass(frozen=True)
class Verdeelcasus:
    """A case to deal: `online` cases are written for professionals with a professional profile."""

    id: Hashable
    titel: str
    online: bool


@dataclass(frozen=True)
class Persoon:
    """A participant; `online`: works online with a professional profile."""

    id: Hashable
    naam: str
    online: bool


@dataclass(frozen=True)
class Verdeling:
    """The result of `verdeel`: the case ids per participant id (in case order), the participant
    ids per case id, the cases nobody got, and what the regisseur should know, in Dutch."""

    per_deelnemer: dict[Hashable, list[Hashable]]
    per_casus: dict[Hashable, list[Hashable]]
    onverdeeld: list[Hashable] = field(default_factory=list)
    meldingen: list[str] = field(default_factory=list)


def opsomming(namen: Sequence[str]) -> str:
    """ "a", "a en b", "a, b en c"."""
    namen = list(namen)
    if len(namen) <= 1:
        return "".join(namen)
    return ", ".join(namen[:-1]) + " en " + namen[-1]


def verdeel(casussen: Sequence[Verdeelcasus], deelnemers: Sequence[Persoon]) -> Verdeling:
    """Deal the cases over the participants.

    - An ONLINE case goes only to a participant who works online; an OFFLINE case to anyone.
    - Balanced: each case goes to the participant with the fewest cases so far among those who
      may take it, so the numbers differ by at most one wherever the ONLINE rule allows it.
      ONLINE cases are dealt first: they have fewer possible takers, and the OFFLINE cases then
      even out the load (so with half/half, those who work online get the ONLINE cases).
    - Every case goes to at least one participant when someone may take it. With more
      participants than cases, a participant left without a case gets one again (the case
      with the fewest participants that they may take), so nobody sits idle.
    - Deterministic: ties go to the earlier participant/case in the given order, so the same
      input always gives the same result.
    """
    per_deelnemer: dict[Hashable, list[Hashable]] = {p.id: [] for p in deelnemers}
    per_casus: dict[Hashable, list[Hashable]] = {c.id: [] for c in casussen}
    onverdeeld: list[Hashable] = []
    meldingen: list[str] = []
    if not casussen:
        meldingen.append("Er zijn geen casussen gekozen voor deze sessie.")
        return Verdeling(per_deelnemer, per_casus, onverdeeld, meldingen)
    if not deelnemers:
        meldingen.append("Er zijn nog geen deelnemers. Voeg eerst deelnemers toe.")
        return Verdeling(per_deelnemer, per_casus, [c.id for c in casussen], meldingen)

    positie = {p.id: i for i, p in enumerate(deelnemers)}

    def mag(persoon: Persoon, casus: Verdeelcasus) -> bool:
        return persoon.online or not casus.online

    def geef(casus: Verdeelcasus, persoon: Persoon) -> None:
        per_deelnemer[persoon.id].append(casus.id)
        per_casus[casus.id].append(persoon.id)

    # ONLINE cases first (fewer possible takers), each group in the given order.
    volgorde = [c for c in casussen if c.online] + [c for c in casussen if not c.online]
    for casus in volgorde:
        kandidaten = [p for p in deelnemers if mag(p, casus)]
        if not kandidaten:
            onverdeeld.append(casus.id)
            continue
        # Fewest cases first; among equals, one who does not work online takes an OFFLINE case
        # (keeps the online workers free for what only they can take), then the given order.
        gekozen = min(
            kandidaten,
            key=lambda p: (len(per_deelnemer[p.id]), p.online and not casus.online, positie[p.id]),
        )
        geef(casus, gekozen)

    if onverdeeld:
        titels = [c.titel for c in casussen if c.id in onverdeeld]
        meldingen.append(
            "Niemand werkt online met een professioneel profiel, dus "
            + (
                "de ONLINE-casus blijft"
                if len(titels) == 1
                else f"de {len(titels)} ONLINE-casussen blijven"
            )
            + f" onverdeeld: {opsomming(titels)}. Zet bij een deelnemer ‘werkt online’ aan, "
            "of wijs de casus met de hand toe."
        )

    # More participants than cases: hand a case out again to whoever has none.
    dubbel: list[Hashable] = []
    zonder: list[Persoon] = []
    volgorde_casus = {c.id: i for i, c in enumerate(casussen)}
    for persoon in deelnemers:
        if per_deelnemer[persoon.id]:
            continue
        mogelijk = [c for c in casussen if mag(persoon, c) and c.id not in onverdeeld]
        if not mogelijk:
            zonder.append(persoon)
            continue
        casus = min(mogelijk, key=lambda c: (len(per_casus[c.id]), volgorde_casus[c.id]))
        geef(casus, persoon)
        if casus.id not in dubbel:
            dubbel.append(casus.id)
    if dubbel:
        meldingen.append(
            "Er zijn meer deelnemers dan casussen. Zodat iedereen een casus heeft, krijgen "
            + ("deze casus" if len(dubbel) == 1 else "deze casussen")
            + " meer dan één deelnemer: "
            + opsomming([c.titel for c in casussen if c.id in dubbel])
            + "."
        )
    if zonder:
        namen = opsomming([p.naam for p in zonder])
        meldingen.append(
            f"{namen} {'krijgt' if len(zonder) == 1 else 'krijgen'} geen casus: er is geen "
            "OFFLINE-casus voor wie niet online werkt. Kies meer OFFLINE-casussen of laat "
            "deze deelnemers meelezen met een ander."
        )

    # Each participant's cases in the session's case order.
    for ids in per_deelnemer.values():
        ids.sort(key=volgorde_casus.__getitem__)
    return Verdeling(per_deelnemer, per_casus, onverdeeld, meldingen)


# -- step 3: where do the expectations differ? ---------------------------------------------------

JA, NEE = "ja", "nee"
ANDERS = "anders"
# How a sentence names a ticked partner ("2 van 4 zouden de politie betrekken"), per key of
# afspraken.models.PARTNER_KEUZES; the question itself uses that list's label.
PARTNER_NAMEN = {
    "jongerenwerk": "het jongerenwerk",
    "politie": "de politie",
    "boa": "de boa",
    "oov": "de gemeente (OOV)",
    "school": "de school",
    "hulpverlening": "de hulpverlening",
    "om": "het OM",
    "anders": "een andere partner",
}
# The fields of an answer; a row with none of them given is left out.
INBRENG = ("duiding", "partners_betrekken", "partners", "ingrijpen", "actie", "actie_anders")


def _gegeven(waarde) -> bool:
    """A text with something in it, or a non-empty list."""
    return bool(waarde.strip()) if isinstance(waarde, str) else bool(waarde)


@dataclass(frozen=True)
class Vraag:
    """One question of the plenary, counted: `telling` maps an answer to the names who gave it."""

    sleutel: str
    vraag: str
    telling: dict[str, list[str]]
    beantwoord: int
    zinnen: list[str]
    verschil: bool


@dataclass(frozen=True)
class Verschillen:
    """All questions for one case; `aantal` is the number of participants with an answer. The
    free text is listed, never compared: `duidingen` and `andere_acties` (what those who chose
    "anders" wrote), each as (name, text)."""

    aantal: int
    vragen: list[Vraag]
    duidingen: list[tuple[str, str]]
    andere_acties: list[tuple[str, str]] = field(default_factory=list)

    @property
    def met_verschil(self) -> list[Vraag]:
        return [v for v in self.vragen if v.verschil]


def _naam(inbreng: Mapping, i: int) -> str:
    return (inbreng.get("naam") or "").strip() or f"Deelnemer {i + 1}"


def _keuze(inbreng: Mapping, veld: str) -> str:
    """ "ja", "nee" or "" (anything else is no answer)."""
    waarde = (inbreng.get(veld) or "").strip().lower()
    return waarde if waarde in (JA, NEE) else ""


def _ja_nee(
    inbreng: Sequence[Mapping], veld: str, sleutel: str, vraag: str, ja: str, nee: str
) -> Vraag:
    telling: dict[str, list[str]] = {JA: [], NEE: []}
    for i, a in enumerate(inbreng):
        if waarde := _keuze(a, veld):
            telling[waarde].append(_naam(a, i))
    beantwoord = len(telling[JA]) + len(telling[NEE])
    n = len(inbreng)
    zinnen = []
    if telling[JA]:
        zinnen.append(f"{len(telling[JA])} van {n} {ja}")
    if telling[NEE]:
        zinnen.append(f"{len(telling[NEE])} van {n} {nee}")
    if beantwoord < n:
        zinnen.append(f"{n - beantwoord} van {n} nog geen antwoord")
    verschil = bool(telling[JA]) and bool(telling[NEE])
    return Vraag(sleutel, vraag, telling, beantwoord, zinnen, verschil)


def _zin(text: str) -> str:
    return " ".join(text.split())


def verschillen(inbreng: Sequence[Mapping]) -> Verschillen:
    """Count the recorded answers of one case and mark where they are not unanimous, over the
    structured answers only.

    Each answer is a mapping (afspraken.models.Inbreng.als_dict) with `naam` (the participant),
    `duiding` (a sentence), `partners_betrekken` and `ingrijpen` ("ja", "nee" or "" for not
    answered), `partners` (keys of PARTNER_KEUZES; an unknown key is left out), `actie` (a
    step 5 action's slug, or "anders" with its text in `actie_anders`) and, for display,
    `actie_titel`. Rows with nothing filled in are left out. A question is a "verschil" when at
    least two participants answered it and not all the same:
    - partners betrekken / ingrijpen: both ja and nee were given;
    - each partner ticked: some who answered the partners question tick it, others (or a nee)
      do not ("2 van 5 zouden de politie betrekken");
    - the action: those who would intervene chose different actions. Every action of one's own
      is the one choice "anders": its words are listed (`andere_acties`), never compared, so two
      ways of writing the same thing are no difference. Nor is the duiding: it is listed.
    """
    ingevuld = [a for a in inbreng if any(_gegeven(a.get(v)) for v in INBRENG)]
    n = len(ingevuld)
    vragen = [
        _ja_nee(
            ingevuld,
            "partners_betrekken",
            "partners",
            "Partners betrekken?",
            "zouden partners betrekken",
            "zouden geen partners betrekken",
        )
    ]
    # Per partner, in the order of the checkboxes: of those who answered the partners question,
    # who would involve it. A "nee" involves no partner at all.
    beantwoord_partners = [
        (i, a) for i, a in enumerate(ingevuld) if _keuze(a, "partners_betrekken")
    ]
    for sleutel, label in PARTNER_KEUZES:
        wie = [
            i
            for i, a in beantwoord_partners
            if _keuze(a, "partners_betrekken") == JA and sleutel in (a.get("partners") or [])
        ]
        if not wie:
            continue
        namen = [_naam(ingevuld[i], i) for i in wie]
        niet = [_naam(a, i) for i, a in beantwoord_partners if i not in wie]
        partner = PARTNER_NAMEN.get(sleutel, label.lower())
        zin = f"{len(namen)} van {n} {'zou' if len(namen) == 1 else 'zouden'} {partner} betrekken"
        vragen.append(
            Vraag(
                f"partner:{sleutel}",
                f"{label} betrekken?",
                {JA: namen, NEE: niet},
                len(beantwoord_partners),
                [zin],
                verschil=bool(niet) and len(beantwoord_partners) >= 2,
            )
        )
    vragen.append(
        _ja_nee(
            ingevuld,
            "ingrijpen",
            "ingrijpen",
            "Ingrijpen?",
            "zouden ingrijpen",
            "zouden niet ingrijpen",
        )
    )
    # The actions of those who would intervene, grouped by the action chosen.
    acties: dict[str, list[str]] = {}
    weergave: dict[str, str] = {}
    andere_acties: list[tuple[str, str]] = []
    for i, a in enumerate(ingevuld):
        actie = (a.get("actie") or "").strip()
        if _keuze(a, "ingrijpen") != JA or not actie:
            continue
        if actie == ANDERS:
            weergave.setdefault(actie, "een andere actie")
            if tekst := _zin(a.get("actie_anders") or ""):
                andere_acties.append((_naam(a, i), tekst))
        else:
            weergave.setdefault(actie, a.get("actie_titel") or actie)
        acties.setdefault(actie, []).append(_naam(a, i))
    if acties:
        telling = {weergave[k]: v for k, v in acties.items()}
        totaal = sum(len(v) for v in telling.values())
        zinnen = [f"{len(v)} van {n}: {k}" for k, v in telling.items()]
        vragen.append(
            Vraag("actie", "Welke actie?", telling, totaal, zinnen, verschil=len(telling) > 1)
        )
    duidingen = [
        (_naam(a, i), _zin(a["duiding"]))
        for i, a in enumerate(ingevuld)
        if (a.get("duiding") or "").strip()
    ]
    return Verschillen(n, vragen, duidingen, andere_acties)
