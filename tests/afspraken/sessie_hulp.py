"""Helpers for the vredestijd-session tests: a session with participants and the eight cases."""

from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader

from afspraken.models import Deelnemer, Netwerk, Sessie, SessieCasus
from casussen.models import Casus

# (naam, organisatie, werkt online)
VIER = [
    ("Ayla", "Jongerenwerk", True),
    ("Bram", "Politie", True),
    ("Cor", "Jeugdboa", False),
    ("Dewi", "School", False),
]


def maak_sessie(
    netwerk: Netwerk, deelnemers=VIER, casussen=None, datum: date = date(2026, 3, 12), **extra
) -> Sessie:
    sessie = Sessie.objects.create(netwerk=netwerk, datum=datum, plaats="Gemeentehuis", **extra)
    for i, (naam, organisatie, online) in enumerate(deelnemers):
        Deelnemer.objects.create(
            sessie=sessie, naam=naam, organisatie=organisatie, werkt_online=online, volgorde=i
        )
    for i, casus in enumerate(casussen if casussen is not None else Casus.objects.all()):
        SessieCasus.objects.create(sessie=sessie, casus=casus, volgorde=i)
    return sessie


def pdf_tekst(data: bytes) -> str:
    """The PDF's text, whitespace collapsed (a title may wrap over two lines). pypdf reads the
    text of a font that also holds the mock posts' emoji (drawn as .notdef without an emoji
    font) as two bytes per character; the NUL bytes are dropped."""
    reader = PdfReader(io.BytesIO(data))
    tekst = " ".join(page.extract_text() for page in reader.pages).replace("\x00", "")
    return " ".join(tekst.split())
