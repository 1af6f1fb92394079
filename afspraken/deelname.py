"""Taking part in a live session on one's own phone (issue 11): the join code, claiming a
participant's name, and the signed cookie that carries the claim. No account is needed.

- The code: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L), shown as
  "ABCD EFGH" and accepted with or without space or dash, in any case. 31^8 (about 8.5 × 10^11)
  codes, and code attempts are throttled (kern.rem), so guessing one is hopeless. A new
  code replaces the old one; a code leads in only while the session is open.
- The claim: a device that picks a name gets a random secret, stored in Deelnemer.claim and
  carried by a signed, HttpOnly, SameSite=Lax cookie. Its name holds the session's id
  (`doe-mee-<pk>`), so a claim is for this session only, and its path is /doe-mee/: when the
  regisseur renews the code (say it leaked), the participant's page moves to the new code's URL
  and the cookie still reaches it (a cookie bound to /doe-mee/<code>/ would be lost). The
  signature stops a forged cookie; the secret in the row lets the regisseur release a claim and
  lets a second device take the name over (the first then holds a secret that no longer
  matches).
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

import segno
from django.core import signing
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from afspraken.models import Deelnemer, Sessie

ALFABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
LENGTE = 8
_CODE = re.compile(f"[{ALFABET}]{{{LENGTE}}}")
_SCHEIDING = re.compile(r"[\s\-–—.]+")

COOKIE_SALT = "afspraken.deelname.claim"
COOKIE_PAD = "/doe-mee/"
# A meeting lasts an afternoon; the cookie a day, so nobody is sent away halfway.
COOKIE_SECONDEN = 24 * 60 * 60
# Code attempts per address per minute (kern.rem).
REM_SOORT = "sessiecode"
REM_LIMIET = 10


class SessieGesloten(Exception):
    """The code belongs to a session that is closed (afgerond): nobody joins any more."""


def nieuwe_code() -> str:
    return "".join(secrets.choice(ALFABET) for _ in range(LENGTE))


def normaliseer(tekst: str | None) -> str | None:
    """The code typed or followed ("abcd-efgh", " ABCD EFGH "), as stored; None when it cannot
    be a code at all."""
    if not tekst or len(tekst) > 40:
        return None
    code = _SCHEIDING.sub("", tekst).upper()
    return code if _CODE.fullmatch(code) else None


def toon(code: str | None) -> str:
    """ "ABCD EFGH": the code as the regisseur reads it out."""
    return f"{code[:4]} {code[4:]}" if code else ""


def geef_code(sessie: Sessie) -> str:
    """Give the session a new code (the old one stops working at once) and return it."""
    for _ in range(10):
        code = nieuwe_code()
        try:
            with transaction.atomic():
                Sessie.objects.filter(pk=sessie.pk).update(code=code, gewijzigd_op=timezone.now())
        except IntegrityError:
            continue  # taken by another session: draw again
        sessie.code = code
        return code
    raise RuntimeError("Geen vrije sessiecode gevonden.")


def zorg_voor_code(sessie: Sessie) -> str | None:
    """The code of an open session, made when it has none yet (the regisseur opens the session
    and the room can join); a closed session gets none."""
    if sessie.code or sessie.is_afgerond:
        return sessie.code
    code = nieuwe_code()
    try:
        with transaction.atomic():
            gezet = Sessie.objects.filter(pk=sessie.pk, code__isnull=True).update(code=code)
    except IntegrityError:
        return geef_code(sessie)
    if gezet:
        sessie.code = code
    else:  # another request gave it one meanwhile
        sessie.code = Sessie.objects.values_list("code", flat=True).get(pk=sessie.pk)
    return sessie.code


def sessie_met_code(code: str) -> Sessie | None:
    """The session whose current code this is (any spelling); raises SessieGesloten for a
    closed one, None for an unknown code."""
    code = normaliseer(code)
    if code is None:
        return None
    sessie = Sessie.objects.select_related("netwerk").filter(code=code).first()
    if sessie is not None and sessie.is_afgerond:
        raise SessieGesloten
    return sessie


# -- claims


def cookie_naam(sessie: Sessie) -> str:
    return f"doe-mee-{sessie.pk}"


def claim(deelnemer: Deelnemer, *, overnemen: bool = False) -> str | None:
    """Claim the participant's name for a device: its new secret, or None when the name was
    claimed by another device (then the page asks "Ben jij dat?" and calls again with
    `overnemen`). One conditional UPDATE, so two devices picking a free name at once cannot
    both get it without the question."""
    geheim = secrets.token_urlsafe(32)
    rijen = Deelnemer.objects.filter(pk=deelnemer.pk)
    if not overnemen:
        rijen = rijen.filter(claim="")
    if not rijen.update(claim=geheim, geclaimd_op=timezone.now()):
        return None
    deelnemer.claim, deelnemer.geclaimd_op = geheim, timezone.now()
    return geheim


def geef_vrij(deelnemer: Deelnemer, geheim: str | None = None) -> bool:
    """Release the claim (the regisseur's "Vrijgeven"; or a device's own, with its `geheim`, when
    it picks another name). True when a claim was released."""
    rijen = Deelnemer.objects.filter(pk=deelnemer.pk).exclude(claim="")
    if geheim is not None:
        rijen = rijen.filter(claim=geheim)
    vrij = bool(rijen.update(claim="", geclaimd_op=None))
    if vrij:
        deelnemer.claim, deelnemer.geclaimd_op = "", None
    return vrij


def zet_cookie(response: HttpResponse, sessie: Sessie, deelnemer: Deelnemer, geheim: str):
    waarde = signing.dumps({"d": deelnemer.pk, "c": geheim}, salt=COOKIE_SALT)
    response.set_cookie(
        cookie_naam(sessie),
        waarde,
        max_age=COOKIE_SECONDEN,
        path=COOKIE_PAD,
        httponly=True,
        samesite="Lax",
        secure=_veilig(),
    )


def wis_cookie(response: HttpResponse, sessie: Sessie) -> None:
    response.delete_cookie(cookie_naam(sessie), path=COOKIE_PAD, samesite="Lax")


def _veilig() -> bool:
    from django.conf import settings

    return settings.SESSION_COOKIE_SECURE


def _lees(waarde: str | None) -> tuple[int, str] | None:
    if not waarde:
        return None
    try:
        data = signing.loads(waarde, salt=COOKIE_SALT, max_age=COOKIE_SECONDEN)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict):
        return None
    pk, geheim = data.get("d"), data.get("c")
    if not isinstance(pk, int) or not isinstance(geheim, str) or not geheim:
        return None
    return pk, geheim


def deelnemer_van(request: HttpRequest, sessie: Sessie) -> Deelnemer | None:
    """The participant this device claimed in this session, or None (no cookie, a forged one,
    another session's, or a claim that was released or taken over)."""
    gelezen = _lees(request.COOKIES.get(cookie_naam(sessie)))
    if gelezen is None:
        return None
    deelnemer = Deelnemer.objects.filter(sessie=sessie, pk=gelezen[0]).first()
    if deelnemer is None or not deelnemer.claim:
        return None
    return deelnemer if secrets.compare_digest(deelnemer.claim, gelezen[1]) else None


def eigen_geheim(request: HttpRequest, sessie: Sessie) -> str | None:
    """This device's secret for the session (valid or not), to release its own claim."""
    gelezen = _lees(request.COOKIES.get(cookie_naam(sessie)))
    return gelezen[1] if gelezen else None


def sessie_van_claim(request: HttpRequest) -> Sessie | None:
    """An open session this device holds a valid claim in: where a participant who follows an
    old code (the regisseur made a new one) is sent. Looks at a few cookies at most."""
    namen = [n for n in request.COOKIES if re.fullmatch(r"doe-mee-[0-9]{1,12}", n)][:5]
    for naam in namen:
        gelezen = _lees(request.COOKIES[naam])
        if gelezen is None:
            continue
        deelnemer = (
            Deelnemer.objects.select_related("sessie")
            .filter(pk=gelezen[0], sessie_id=int(naam.removeprefix("doe-mee-")))
            .first()
        )
        if (
            deelnemer is not None
            and deelnemer.claim
            and secrets.compare_digest(deelnemer.claim, gelezen[1])
            and deelnemer.sessie.code
            and not deelnemer.sessie.is_afgerond
        ):
            return deelnemer.sessie
    return None


# -- the regisseur's view of who joined


def qr_svg(url: str) -> SafeString:
    """The QR code of `url` as inline SVG, made here (segno): no script, no outside service.
    role="img" with a label, so a screen reader says what it is."""
    label = escape(f"QR-code voor {url}")
    svg = segno.make(url, error="m").svg_inline(
        scale=1, border=2, omitsize=True, svgclass="toegang__qr", lineclass=None
    )
    return mark_safe(svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1))  # noqa: S308


@dataclass(frozen=True)
class Toegang:
    """What templates/afspraken/doe_mee/_toegang.html shows: the code as read out, the join URL
    (absolute, what the QR holds), the QR, and each participant with their claim."""

    code: str
    url: str
    qr: SafeString
    deelnemers: list[Deelnemer]

    @property
    def aantal_geclaimd(self) -> int:
        return sum(1 for d in self.deelnemers if d.claim)


def toegang_ctx(request: HttpRequest, sessie: Sessie) -> dict:
    """The context of the "Meedoen op je telefoon" partial: {"toegang": Toegang or None}. An
    open session without a code gets one here (opening the facilitator screen is when the room
    is told to join); a closed session shows none."""
    code = zorg_voor_code(sessie)
    if not code or sessie.is_afgerond:
        return {"toegang": None}
    url = request.build_absolute_uri(reverse("afspraken:doe-mee-wie", args=[code]))
    return {
        "toegang": Toegang(
            code=toon(code), url=url, qr=qr_svg(url), deelnemers=list(sessie.deelnemers.all())
        )
    }
