"""What the route's pages show, built from the walk's state: the step page and the report.

The views resolve the state (routekaart.wandeling.Wandeling and the path), call `stap_ctx` or
`verslag_ctx`, and render once. Everything a template lists is made here: the context rows and
decision rows of "Jouw antwoorden", the written answers, notes and chosen actions per step, the
plan, and the walker's network (through the seam, routekaart.netwerk).
"""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlencode

from django import forms
from django.utils import timezone

from casussen.models import Modus
from kern.adressen import vaste_url
from kern.types import HtmxHttpRequest
from routekaart import netwerk, notities
from routekaart.inhoud import Inhoud
from routekaart.models import Rol, Stap
from routekaart.route import BESLISSING, EVALUATIE, START, Route
from routekaart.stapformulier import (
    MAX_ANTWOORD,
    WANNEER_LABELS,
    WIE_LABELS,
    ContextForm,
    StapForm,
)
from routekaart.wandeling import Keuzes, Wandeling

# The situation in plain words, for "Jouw antwoorden" and the report.
SITUATIE = {Modus.ONLINE: "Zelf online gezien", Modus.OFFLINE: "Doorgestuurd gekregen"}
ALARM_KORT = "Ernstige feiten aannemelijk?"


def formulier(
    request: HtmxHttpRequest, w: Wandeling, stap: Stap, keuzes: Keuzes, data=None
) -> forms.Form:
    """The step's form: bound to `data` (a post), else showing the URL's context choices (the
    start step) or what the session keeps for this step."""
    if stap.aard == START:
        initial = {"modus": keuzes.modus, "rol": keuzes.rol, "fenomeen": keuzes.fenomeen}
        return ContextForm(w.inhoud.fenomeen_keuzes, data, initial=initial)
    if data is not None:
        return StapForm(stap, w.acties(stap), data)
    return StapForm.van(stap, w.acties(stap), notities.ingevuld(request, stap.slug))


def stap_ctx(
    request: HtmxHttpRequest,
    w: Wandeling,
    slug: str,
    keuzes: Keuzes,
    pad: list[str],
    form: forms.Form | None = None,
    alarm_net: bool = False,
) -> dict:
    """The step `slug` reached along `pad` (templates/routekaart/stap.html). `alarm_net`: the
    walker just answered the alarm question "ja", so focus goes to the alert."""
    stap = w.inhoud.stappen[slug]
    if form is None:
        form = formulier(request, w, stap, keuzes)
    hier = w.url(slug, keuzes)
    ctx = {
        # From the content and the URL (the template's cached blocks are keyed on these three).
        "inhoud": w.inhoud,
        "stap": stap,
        "query": keuzes.query(w.route),
        "route": w.route,
        "keuzes": keuzes,
        "casus": w.inhoud.casussen.get(keuzes.casus),
        "pad": pad,
        "hints": _hints(stap, keuzes),
        "context_rijen": context_rijen(w.inhoud, keuzes),
        "start_url": w.url(w.route.start, keuzes),
        "beslissingen": [
            {**rij, "url": w.url(rij["stap"].slug, keuzes)}
            for rij in beslissingen(w.inhoud, pad, keuzes, met_huidige=False)
        ],
        "eerder": keuzes.beslissingen.get(stap.sleutel, "") if stap.aard == BESLISSING else "",
        "actie_url": hier,
        "terug_url": w.url(pad[-2], keuzes) if len(pad) > 1 else "",
        "max_antwoord": MAX_ANTWOORD,
        "paginatitel": _paginatitel(w.route, stap),
        "alleen_paneel": bool(request.htmx) and not request.htmx.history_restore_request,
        # This walker's and this user's own: never inside a cached block.
        "form": form,
        "alarm_net": alarm_net,
        "opnieuw_url": opnieuw_url(hier),
    }
    if stap.aard != START:
        ctx["actiegroepen"] = (
            form.actiegroepen(w.inhoud.acties_per_modus(keuzes.rol), keuzes.rol)
            if stap.toon_acties
            else []
        )
        geschreven = geschreven_per_stap(request, w, pad)  # the last row is this step's own
        ctx["plan"] = [rij for rij in geschreven if rij["acties"]]
        if stap.terugblik:
            ctx["terugblik"] = geschreven[:-1]
    if stap.alarm:
        ctx["zonder_alarm_url"] = w.url(slug, replace(keuzes, alarm=False))
    if stap.alarm or stap.terugblik or stap.toon_acties:
        ctx["netwerk"] = netwerk.netwerk(request, keuzes.fenomeen_slug)
    return ctx


def verslag_ctx(request: HtmxHttpRequest, w: Wandeling, pad: list[str], pdf: bool = False) -> dict:
    """The report of the walk along the complete `pad` (templates/routekaart/verslag.html); `pdf`:
    its print variant."""
    geschreven = geschreven_per_stap(request, w, pad)
    evaluatie = next((r for r in geschreven if r["stap"].aard == EVALUATIE), None)
    alarmstap = next((w.inhoud.stappen[s] for s in pad if w.inhoud.stappen[s].alarm), None)
    return {
        "route": w.route,
        "pad": pad,
        "keuzes": w.keuzes,
        "casus": w.casus,
        "context_rijen": context_rijen(w.inhoud, w.keuzes),
        "beslissingen": beslissingen(w.inhoud, pad, w.keuzes),
        "alarm": alarmstap.alarm if alarmstap and w.keuzes.alarm else None,
        "stappen": [r for r in geschreven if r["stap"].aard != EVALUATIE],
        "plan": [a for r in geschreven for a in r["acties"]],
        "evaluatie": evaluatie,
        "evaluatievragen": [
            {"vraag": vraag["tekst"], "antwoord": evaluatie["bewaard"].antwoorden.get(i, "")}
            for i, vraag in enumerate(evaluatie["stap"].vragen)
        ]
        if evaluatie
        else [],
        "netwerk": netwerk.netwerk(request, w.keuzes.fenomeen_slug),
        "tijdstip": timezone.localtime(),
        "terug_url": w.url(pad[-1]),
        "pdf_url": w.verslag_url(pdf=True),
        "opnieuw_url": opnieuw_url(request.get_full_path()),
        "pdf": pdf,
    }


def opnieuw_url(terug: str) -> str:
    """ "Opnieuw beginnen", coming back to `terug` when the walker cancels."""
    return f"{vaste_url('routekaart:opnieuw')}?{urlencode({'terug': terug})}"


# -- the rows ------------------------------------------------------------------------------------


def context_rijen(inhoud: Inhoud, keuzes: Keuzes) -> list[dict]:
    """The context choices as (question, keuze) rows for "Jouw antwoorden" and the report."""
    return [
        {"vraag": "Situatie", "keuze": SITUATIE.get(keuzes.modus, "")},
        {"vraag": "Jouw rol", "keuze": Rol(keuzes.rol).label if keuzes.rol else ""},
        {"vraag": "Fenomeen", "keuze": dict(inhoud.fenomeen_keuzes).get(keuzes.fenomeen, "")},
    ]


def beslissingen(
    inhoud: Inhoud, pad: list[str], keuzes: Keuzes, *, met_huidige: bool = True
) -> list[dict]:
    """The decisions taken along `pad`, with the alarm question where it was answered yes.
    Without `met_huidige`, the last step's own decision is left out (it is being taken), but
    its alarm is not."""
    rijen = []
    for i, slug in enumerate(pad):
        stap = inhoud.stappen[slug]
        if stap.aard != BESLISSING:
            continue
        if stap.alarm and keuzes.alarm:
            rijen.append({"stap": stap, "vraag": ALARM_KORT, "keuze": "Ja", "alarm": True})
        huidige = i == len(pad) - 1
        if stap.sleutel in keuzes.beslissingen and (met_huidige or not huidige):
            beslissing = keuzes.beslissingen[stap.sleutel].capitalize()
            rijen.append({"stap": stap, "vraag": stap.beslisvraag, "keuze": beslissing})
    return rijen


def geschreven_per_stap(request: HtmxHttpRequest, w: Wandeling, pad: list[str]) -> list[dict]:
    """Per step of `pad` after the start: its answered questions (question, answer), its note
    and its chosen actions (title, wie, wanneer). Unanswered questions are left out."""
    rijen = []
    for slug in pad:
        stap = w.inhoud.stappen[slug]
        if stap.aard == START:
            continue
        bewaard = notities.ingevuld(request, slug)
        acties = {a.slug: a for a in w.acties(stap)}
        rijen.append(
            {
                "stap": stap,
                "antwoorden": [
                    {"vraag": vraag["tekst"], "antwoord": bewaard.antwoorden[i]}
                    for i, vraag in enumerate(stap.vragen)
                    if bewaard.antwoorden.get(i)
                ],
                "notitie": bewaard.notitie,
                "acties": [
                    {
                        "actie": acties[slug],
                        "wie": WIE_LABELS.get(keuze["wie"], ""),
                        "wanneer": WANNEER_LABELS.get(keuze["wanneer"], ""),
                    }
                    for slug, keuze in bewaard.acties.items()
                    if slug in acties
                ],
                "evaluatiemoment": bewaard.evaluatiemoment,
                "bewaard": bewaard,
            }
        )
    return rijen


def _paginatitel(route: Route, stap: Stap) -> str:
    if stap.aard == START:
        return f"{stap.titel} — Routekaart"
    return f"Stap {stap.nummer} van {route.totaal} — {stap.titel}"


def _hints(stap: Stap, keuzes: Keuzes) -> list[dict]:
    """The step's tips that fit the chosen context: a tip names one or more conditions (rol,
    modus, fenomeen) and shows only when all of them match. Tips only add; they never hide a
    question."""
    gekozen = {"rol": keuzes.rol, "modus": keuzes.modus, "fenomeen": keuzes.fenomeen_slug}
    return [
        h
        for h in stap.hints
        if any(k in h for k in gekozen) and all(h[k] == v for k, v in gekozen.items() if k in h)
    ]
