"""Invitations: made, mailed, resent, withdrawn and redeemed, each in one place.

A token is 32 random bytes (URL-safe base64) shown once, in the mail; the database keeps its
SHA-256 (leden.models.token_hash). Resending makes a new token, so the old link stops working.
Redeeming claims the invitation with one conditional UPDATE (still unused, not withdrawn, not
expired, same token), so two redemptions of one link can never both succeed. Tokens are never
written to a log: the mail is the only place they appear.
"""

from __future__ import annotations

import secrets

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from afspraken.models import Lidmaatschap, Netwerk
from leden.models import Uitnodiging, token_hash


class UitnodigingOngeldig(Exception):
    """The invitation was used, withdrawn, expired or resent meanwhile; `stand` says which."""

    def __init__(self, stand: str):
        super().__init__(stand)
        self.stand = stand


class AccountBestaat(Exception):
    """An account with the invited address appeared meanwhile: log in and accept instead."""


def nieuw_token() -> str:
    return secrets.token_urlsafe(32)


def account_bij(email: str):
    """The existing account with this address as its e-mail or its username (both
    case-insensitive), or None."""
    return (
        get_user_model()
        .objects.filter(Q(email__iexact=email) | Q(username__iexact=email))
        .order_by("pk")
        .first()
    )


def link(basis: str, token: str) -> str:
    """The invitation's absolute link; `basis` is the site's address (scheme and host)."""
    return basis.rstrip("/") + reverse("leden:uitnodiging", args=[token])


def maak(netwerk: Netwerk, *, email: str, rol: str, organisatie: str, door) -> tuple:
    """A new invitation; returns (uitnodiging, token). The caller mails it (stuur)."""
    token = nieuw_token()
    uitnodiging = Uitnodiging.objects.create(
        netwerk=netwerk,
        email=email,
        rol=rol,
        organisatie=organisatie,
        uitgenodigd_door=door,
        verloopt_op=Uitnodiging.nieuwe_verloopdatum(),
        token_hash=token_hash(token),
    )
    return uitnodiging, token


def stuur(uitnodiging: Uitnodiging, token: str, basis: str) -> None:
    """Mail the invitation with its link (through Django's e-mail backend)."""
    ctx = {
        "uitnodiging": uitnodiging,
        "netwerk": uitnodiging.netwerk,
        "link": link(basis, token),
        "door": uitnodiging.uitgenodigd_door,
        "heeft_account": account_bij(uitnodiging.email) is not None,
    }
    onderwerp = f"Uitnodiging voor {uitnodiging.netwerk.naam} in de Routekaart"
    tekst = render_to_string("leden/mail/uitnodiging.txt", ctx)
    send_mail(onderwerp, tekst, None, [uitnodiging.email])


def opnieuw(uitnodiging: Uitnodiging) -> str | None:
    """A new token and seven new days for a still-open invitation (the old link dies); returns
    the token, or None when it was used or withdrawn meanwhile."""
    token = nieuw_token()
    verloopt_op = Uitnodiging.nieuwe_verloopdatum()
    bijgewerkt = (
        Uitnodiging.objects.open()
        .filter(pk=uitnodiging.pk)
        .update(token_hash=token_hash(token), verloopt_op=verloopt_op)
    )
    if not bijgewerkt:
        return None
    uitnodiging.token_hash, uitnodiging.verloopt_op = token_hash(token), verloopt_op
    return token


def intrekken(uitnodiging: Uitnodiging) -> bool:
    """Withdraw a still-open invitation; False when it was used or withdrawn meanwhile."""
    return bool(
        Uitnodiging.objects.open().filter(pk=uitnodiging.pk).update(ingetrokken_op=timezone.now())
    )


def _claim(uitnodiging: Uitnodiging, user=None) -> None:
    """Mark the invitation used (by `user`, when known), only if it still may be (inside the
    caller's transaction); raise UitnodigingOngeldig otherwise. On PostgreSQL a second claim
    waits for the first one's commit and then finds the invitation used."""
    nu = timezone.now()
    geclaimd = (
        Uitnodiging.objects.open()
        .filter(pk=uitnodiging.pk, token_hash=uitnodiging.token_hash, verloopt_op__gt=nu)
        .update(gebruikt_op=nu, gebruikt_door=user)
    )
    if not geclaimd:
        actueel = Uitnodiging.objects.filter(pk=uitnodiging.pk).first()
        if actueel is None or actueel.token_hash != uitnodiging.token_hash:
            raise UitnodigingOngeldig("ongeldig")
        raise UitnodigingOngeldig(actueel.stand)


def accepteer(uitnodiging: Uitnodiging, user) -> tuple[Lidmaatschap, bool]:
    """An existing account accepts: it becomes a member with the invitation's role and
    organisation. Returns (lidmaatschap, nieuw); someone who already was a member keeps the
    role they had (nieuw is False)."""
    with transaction.atomic():
        _claim(uitnodiging, user)
        return Lidmaatschap.objects.get_or_create(
            user=user,
            netwerk=uitnodiging.netwerk,
            defaults={"rol": uitnodiging.rol, "organisatie": uitnodiging.organisatie},
        )


def nieuw_account(uitnodiging: Uitnodiging, *, naam: str, wachtwoord: str):
    """The invitee has no account: make one (username and e-mail: the invited address; the
    name in first_name, as one field) and its membership. Returns the user. Raises
    UitnodigingOngeldig, or AccountBestaat (nothing is claimed then)."""
    with transaction.atomic():
        # Claim first: of two redemptions at once, the second stops here, before it could
        # collide on the username.
        _claim(uitnodiging)
        try:
            with transaction.atomic():
                user = get_user_model().objects.create_user(
                    username=uitnodiging.email.lower(),
                    email=uitnodiging.email,
                    password=wachtwoord,
                    first_name=naam,
                )
        except IntegrityError as fout:
            # Someone made an account with this address as its username meanwhile.
            raise AccountBestaat from fout
        Uitnodiging.objects.filter(pk=uitnodiging.pk).update(gebruikt_door=user)
        Lidmaatschap.objects.create(
            user=user,
            netwerk=uitnodiging.netwerk,
            rol=uitnodiging.rol,
            organisatie=uitnodiging.organisatie,
        )
    return user
