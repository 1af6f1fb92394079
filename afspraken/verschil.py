"""What changed in a row between two published versions, word by word (difflib).

Pure functions without Django, so the diff is tested on its own; the templates escape the
parts (user text is never marked safe)."""

from __future__ import annotations

import difflib
import re
from typing import Literal

Soort = Literal["gelijk", "toegevoegd", "verwijderd"]

# A word or the whitespace after it: joining the tokens gives back the text exactly, line breaks
# included, so the template can still run each part through linebreaksbr.
_TOKEN = re.compile(r"\s+|\S+")


def woordverschil(oud: str, nieuw: str) -> list[tuple[Soort, str]]:
    """The change from `oud` to `nieuw` as (soort, tekst) parts in reading order. Joining the
    "gelijk" and "toegevoegd" parts gives `nieuw`; "gelijk" and "verwijderd" give `oud`. A
    replaced stretch comes as its deletion followed by its insertion."""
    a, b = _TOKEN.findall(oud), _TOKEN.findall(nieuw)
    delen: list[tuple[Soort, str]] = []

    def voeg_toe(soort: Soort, tokens: list[str]) -> None:
        if not tokens:
            return
        tekst = "".join(tokens)
        if delen and delen[-1][0] == soort:
            delen[-1] = (soort, delen[-1][1] + tekst)
        else:
            delen.append((soort, tekst))

    # autojunk off: in a long agreement, common words like "de" must still match.
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            voeg_toe("gelijk", a[i1:i2])
        else:
            voeg_toe("verwijderd", a[i1:i2])
            voeg_toe("toegevoegd", b[j1:j2])
    return delen


def met_woordverschil(wijzigingen: dict | None) -> dict | None:
    """`Publicatie.wijzigingen()` with, for each changed row, the word diff of its text
    ("tekst_verschil") and of who is involved ("wie_verschil", None when that did not change)."""
    if wijzigingen is None:
        return None
    gewijzigd = []
    for w in wijzigingen["gewijzigd"]:
        oud_wie, nieuw_wie = w["oud"].get("wie", ""), w["nieuw"].get("wie", "")
        gewijzigd.append(
            {
                **w,
                "tekst_verschil": woordverschil(
                    w["oud"].get("tekst", ""), w["nieuw"].get("tekst", "")
                ),
                "wie_verschil": woordverschil(oud_wie, nieuw_wie) if oud_wie != nieuw_wie else None,
            }
        )
    return {**wijzigingen, "gewijzigd": gewijzigd}
