"""What the regisseur's live controls do to a session (issue 11): the reflection timer (Start,
Pauze, Verder, Opnieuw), the case on the beamer ("Volgende casus"), "Toon verschillen", and
closing a case. The timer's state is read through afspraken.klok.klok_van only.

Each change is a read-modify-write of the session row, so it runs inside a transaction with the
row locked (`select_for_update`; SQLite's IMMEDIATE transactions serialize the writers), and each
is written so that the same click twice changes nothing more: two "Start"s at once start the
timer once (the second finds it running), two "Volgende casus" sent from the same case move on
one case, not two (the click names the case it was made on).
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from afspraken.klok import klok_van
from afspraken.models import Sessie, SessieCasus


class KlokActie:
    START = "start"  # not started, or run out: a new block
    PAUZE = "pauze"
    VERDER = "verder"
    OPNIEUW = "opnieuw"

    ALLE = (START, PAUZE, VERDER, OPNIEUW)


def _vergrendeld(sessie: Sessie) -> Sessie:
    return Sessie.objects.select_for_update().get(pk=sessie.pk)


def bedien_klok(sessie: Sessie, actie: str) -> Sessie:
    """Apply a timer control; returns the session as saved. A control that does not fit the
    timer's state now (Pauze of a paused timer, Start of a running one) changes nothing."""
    if actie not in KlokActie.ALLE:
        raise ValueError(actie)
    with transaction.atomic():
        s = _vergrendeld(sessie)
        nu = timezone.now()
        klok = klok_van(s, nu)
        if actie == KlokActie.START and (not klok.gestart or klok.resterend == 0):
            # The block's length is fixed when it starts, so dealing a case during it does not
            # move the end time.
            s.klok_gestart_op, s.klok_resterend = nu, klok.totaal
        elif actie == KlokActie.PAUZE and klok.loopt and klok.resterend > 0:
            s.klok_gestart_op, s.klok_resterend = None, klok.resterend
        elif actie == KlokActie.VERDER and klok.gepauzeerd and klok.resterend > 0:
            s.klok_gestart_op = nu
        elif actie == KlokActie.OPNIEUW:
            s.klok_gestart_op = s.klok_resterend = None
        else:
            return s
        s.save(update_fields=["klok_gestart_op", "klok_resterend", "gewijzigd_op"])
    return s


def zet_casus(sessie: Sessie, naar: SessieCasus, *, van: int | None = None) -> bool:
    """Put `naar` on the beamer (and hide the differences again: a new case starts with the
    answers only). With `van` (the SessieCasus id the click was made on) only while that case is
    still on the beamer, so a repeated "Volgende casus" does not skip one. True when changed."""
    if naar.sessie_id != sessie.pk:
        raise ValueError("Deze casus hoort niet bij deze sessie.")
    with transaction.atomic():
        s = _vergrendeld(sessie)
        huidig = s.huidige_casus_id or _eerste_id(s)
        if van is not None and huidig != van:
            return False
        if s.huidige_casus_id == naar.pk:
            return False
        s.huidige_casus, s.verschillen_tonen = naar, False
        s.save(update_fields=["huidige_casus", "verschillen_tonen", "gewijzigd_op"])
    return True


def _eerste_id(sessie: Sessie) -> int | None:
    return sessie.casussen.values_list("pk", flat=True).first()


def huidige_casus(sessie: Sessie) -> SessieCasus | None:
    """The case on the beamer: the one the regisseur put there, else the session's first."""
    qs = SessieCasus.objects.select_related("casus__fenomeen")
    if sessie.huidige_casus_id:
        gevonden = qs.filter(pk=sessie.huidige_casus_id, sessie=sessie).first()
        if gevonden:
            return gevonden
    return qs.filter(sessie=sessie).first()


def buren(sessie: Sessie, sc: SessieCasus | None) -> tuple[SessieCasus | None, SessieCasus | None]:
    """The cases before and after `sc` in the session's order."""
    alle = list(sessie.casussen.select_related("casus"))
    if sc is None or sc not in alle:
        return None, (alle[0] if alle else None)
    i = alle.index(sc)
    return (alle[i - 1] if i else None), (alle[i + 1] if i + 1 < len(alle) else None)


def toon_verschillen(sessie: Sessie, tonen: bool) -> None:
    """Show (or hide) the differences on the beamer. Setting a value twice is the same as once."""
    Sessie.objects.filter(pk=sessie.pk).update(verschillen_tonen=tonen, gewijzigd_op=timezone.now())


def sluit_casus(sc: SessieCasus, gesloten: bool = True) -> None:
    """Close a case (the participants' changes are refused from now on), or open it again. The
    first closing time stays when it is closed twice."""
    qs = SessieCasus.objects.filter(pk=sc.pk)
    if gesloten:
        qs.filter(gesloten_op__isnull=True).update(gesloten_op=timezone.now())
    else:
        qs.update(gesloten_op=None)
