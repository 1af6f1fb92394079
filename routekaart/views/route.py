"""The route walk: the context step, each step of the route, "Opnieuw beginnen" and the report.

Where the walker is and what they decided travels in the query string (see routekaart.wandeling);
each step is a form that posts to its own URL, so the answers, notes and chosen actions are saved (in the session
only) before moving on. Without JavaScript a POST answers 303 to the next step; with htmx it
answers the next step's panel (routekaart/stap.html#paneel) and pushes the next URL.

The domain (routekaart.wandeling) raises a WandelFout for a URL that is no state of the walk;
this module turns it into a 404.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import push_url

from afspraken.koppeling import afspraken_voor_route, per_soort
from casussen.models import Casus, Modus
from contacten.koppeling import contacten_voor_route
from kern.types import HtmxHttpRequest
from routekaart import inhoud, notities, wandeling
from routekaart.models import Actie, Rol, Stap
from routekaart.route import BESLISSING, EVALUATIE, START, Route
from routekaart.stapformulier import (
    MAX_ANTWOORD,
    WANNEER,
    WANNEER_LABELS,
    WIE,
    WIE_LABELS,
    ContextForm,
    StapForm,
)
from routekaart.wandeling import MAX_NOTITIE, Keuzes, WandelFout

MODUS_LABELS = {
    Modus.ONLINE: "Ik zie het bericht zelf online, met mijn professionele profiel",
    Modus.OFFLINE: "Ik kreeg het bericht doorgestuurd, bijvoorbeeld als schermafdruk",
}
# The situation in plain words, for "Jouw antwoorden" and the report.
SITUATIE = {Modus.ONLINE: "Zelf online gezien", Modus.OFFLINE: "Doorgestuurd gekregen"}
VRAAG_MODUS = (
    "Zie je het bericht zelf online (met een professioneel profiel) of kreeg je het doorgestuurd?"
)
VRAAG_ROL = "Wat is je rol?"
VRAAG_FENOMEEN = "Welk fenomeen lijkt het?"
ALARM_KORT = "Ernstige feiten aannemelijk?"


# -- the walk of one request ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Wandeling:
    """What one request of the walk reads from its URL: the content snapshot, the graph and the
    choices in the query string (checked once, when the request starts)."""

    snapshot: inhoud.Inhoud
    route: Route
    keuzes: Keuzes

    @property
    def casus(self) -> Casus | None:
        return self.snapshot.casussen.get(self.keuzes.casus)

    def pad(self, slug: str, keuzes: Keuzes | None = None) -> list[str]:
        """The path to `slug` with these choices; 404 when they do not lead there."""
        try:
            return wandeling.pad(
                self.route, slug, keuzes or self.keuzes, self.snapshot.alarmstappen
            )
        except WandelFout as fout:
            raise Http404(str(fout)) from fout

    def url(self, slug: str, keuzes: Keuzes | None = None) -> str:
        return wandeling.stap_url(self.route, slug, keuzes or self.keuzes)

    def verslag_url(self, pdf: bool = False) -> str:
        naam = "routekaart:verslag-pdf" if pdf else "routekaart:verslag"
        return f"{reverse(naam)}?{self.keuzes.query(self.route)}"

    def acties(self, stap: Stap) -> list[Actie]:
        """The actions a walker can choose at this step (step 5), in the order they are shown."""
        if not stap.toon_acties:
            return []
        return [
            a for groep in self.snapshot.acties_per_modus(self.keuzes.rol) for a in groep["acties"]
        ]

    def context_rijen(self, keuzes: Keuzes) -> list[dict]:
        """The context choices as (question, answer) rows for "Jouw antwoorden" and the report."""
        return [
            {"vraag": "Situatie", "antwoord": SITUATIE.get(keuzes.modus, "")},
            {"vraag": "Jouw rol", "antwoord": Rol(keuzes.rol).label if keuzes.rol else ""},
            {
                "vraag": "Fenomeen",
                "antwoord": dict(self.snapshot.fenomeen_keuzes).get(keuzes.fenomeen, ""),
            },
        ]

    def beslissingen(
        self, pad: list[str], keuzes: Keuzes, *, met_huidige: bool = True
    ) -> list[dict]:
        """The decisions taken along `pad`, with the alarm question where it was answered yes.
        Without `met_huidige`, the last step's own decision is left out (it is being taken), but
        its alarm is not."""
        rijen = []
        for i, slug in enumerate(pad):
            stap = self.snapshot.stappen[slug]
            if stap.aard != BESLISSING:
                continue
            if stap.alarm and keuzes.alarm:
                rijen.append({"stap": stap, "vraag": ALARM_KORT, "antwoord": "Ja", "alarm": True})
            huidige = i == len(pad) - 1
            if stap.sleutel in keuzes.antwoorden and (met_huidige or not huidige):
                antwoord = keuzes.antwoorden[stap.sleutel].capitalize()
                rijen.append({"stap": stap, "vraag": stap.beslisvraag, "antwoord": antwoord})
        return rijen

    def geschreven(self, request: HtmxHttpRequest, pad: list[str]) -> list[dict]:
        """Per step of `pad` after the start: its answered questions (question, answer), its
        note and its chosen actions (title, wie, wanneer). Unanswered questions are left out."""
        rijen = []
        for slug in pad:
            stap = self.snapshot.stappen[slug]
            if stap.aard == START:
                continue
            bewaard = notities.ingevuld(request, slug)
            acties = {a.slug: a for a in self.acties(stap)}
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


def _wandeling(request: HtmxHttpRequest) -> _Wandeling:
    """The walk this request's URL describes; 404 before the content is loaded or for a query
    value the walk does not know."""
    snapshot = inhoud.huidige()
    if snapshot.route is None:
        raise Http404("De route is nog niet geladen (manage.py load_content).")
    try:
        keuzes = wandeling.lees_keuzes(
            request.GET, snapshot.route, snapshot.fenomenen, snapshot.casussen
        )
    except WandelFout as fout:
        raise Http404(str(fout)) from fout
    return _Wandeling(snapshot, snapshot.route, keuzes)


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


def _netwerk(request: HtmxHttpRequest, keuzes: Keuzes) -> dict:
    """The walker's network where the route needs it: whom to call and the agreements that
    match the chosen phenomenon, for members; for anyone else only the way to log in."""
    ingelogd = request.user.is_authenticated
    afspraken = afspraken_voor_route(request.user, keuzes.fenomeen_slug) if ingelogd else []
    return {
        "ingelogd": ingelogd,
        "contacten": contacten_voor_route(request.user) if ingelogd else [],
        "afspraken": afspraken,
        # Phenomenon not (yet) known: every agreement, folded per case type.
        "groepen": per_soort(afspraken) if not keuzes.fenomeen_slug else [],
        "login_url": f"{reverse('login')}?{urlencode({'next': request.get_full_path()})}",
    }


def _velden(form: StapForm, stap: Stap, w: _Wandeling) -> dict:
    """The step form's fields as the template lists them: questions and actions with their value
    (typed, or kept in the session) and their errors."""
    vragen = [
        {
            **vraag,
            "index": i,
            "naam": f"vraag-{i}",
            "waarde": form.waarde(f"vraag-{i}") or "",
            "fouten": form.errors.get(f"vraag-{i}"),
        }
        for i, vraag in enumerate(stap.vragen)
    ]
    actiegroepen = []
    if stap.toon_acties:
        for groep in w.snapshot.acties_per_modus(w.keuzes.rol):
            acties = []
            for actie in groep["acties"]:
                wie, wanneer = (
                    form.waarde(f"wie-{actie.slug}"),
                    form.waarde(f"wanneer-{actie.slug}"),
                )
                acties.append(
                    {
                        "actie": actie,
                        "gekozen": bool(form.waarde(f"actie-{actie.slug}") or wie or wanneer),
                        "wie": wie or "",
                        "wanneer": wanneer or "",
                        "fouten": (form.errors.get(f"wie-{actie.slug}") or [])
                        + (form.errors.get(f"wanneer-{actie.slug}") or []),
                        "past_bij_rol": bool(w.keuzes.rol) and w.keuzes.rol in actie.rollen,
                    }
                )
            actiegroepen.append({**groep, "acties": acties})
    velden = {"vragen": vragen, "actiegroepen": actiegroepen, "notitie": form.waarde("notitie")}
    velden["notitie_fout"] = form.errors.get("notitie")
    if "evaluatiemoment" in form.fields:
        moment = form.waarde("evaluatiemoment")
        velden["evaluatiemoment"] = moment.isoformat() if hasattr(moment, "isoformat") else moment
        velden["evaluatiemoment_fout"] = form.errors.get("evaluatiemoment")
    velden["aantal_fouten"] = sum(len(f) for f in form.errors.values()) if form.is_bound else 0
    return velden


def _toon(
    request: HtmxHttpRequest,
    w: _Wandeling,
    slug: str,
    keuzes: Keuzes,
    pad: list[str],
    form: forms.Form | None = None,
    status: int = 200,
    alarm_net: bool = False,
) -> HttpResponse:
    """The step `slug` reached along `pad`: the full page, or for an htmx request (not a history
    restore) only its panel, which htmx swaps into #wandeling. `alarm_net`: the walker just
    answered the alarm question "ja", so focus goes to the alert."""
    stap = w.snapshot.stappen[slug]
    alleen_paneel = bool(request.htmx) and not request.htmx.history_restore_request
    ctx = {
        # From the content and the URL (the template's cached blocks are keyed on these three).
        "inhoud": w.snapshot,
        "stap": stap,
        "query": keuzes.query(w.route),
        "route": w.route,
        "keuzes": keuzes,
        "casus": w.snapshot.casussen.get(keuzes.casus),
        "pad": pad,
        "hints": _hints(stap, keuzes),
        "context_rijen": w.context_rijen(keuzes),
        "start_url": w.url(w.route.start, keuzes),
        "beslissingen": [
            {**rij, "url": w.url(rij["stap"].slug, keuzes)}
            for rij in w.beslissingen(pad, keuzes, met_huidige=False)
        ],
        "eerder": keuzes.antwoorden.get(stap.sleutel, "") if stap.aard == BESLISSING else "",
        "actie_url": w.url(slug, keuzes),
        "terug_url": w.url(pad[-2], keuzes) if len(pad) > 1 else "",
        "max_notitie": MAX_NOTITIE,
        "max_antwoord": MAX_ANTWOORD,
        "wie_keuzes": WIE,
        "wanneer_keuzes": WANNEER,
        "paginatitel": _paginatitel(w.route, stap),
        "alleen_paneel": alleen_paneel,
        # This walker's and this user's own: never inside a cached block.
        "form": form,
        "alarm_net": alarm_net,
        "opnieuw_url": f"{reverse('routekaart:opnieuw')}?{urlencode({'terug': w.url(slug, keuzes)})}",
    }
    if stap.aard == START:
        ctx["context_vragen"] = [
            {
                "naam": "modus",
                "vraag": VRAAG_MODUS,
                "keuzes": list(MODUS_LABELS.items()),
                "waarde": keuzes.modus,
            },
            {"naam": "rol", "vraag": VRAAG_ROL, "keuzes": Rol.choices, "waarde": keuzes.rol},
            {
                "naam": "fenomeen",
                "vraag": VRAAG_FENOMEEN,
                "keuzes": w.snapshot.fenomeen_keuzes,
                "waarde": keuzes.fenomeen,
            },
        ]
    else:
        if form is None:
            form = StapForm.van(stap, w.acties(stap), notities.ingevuld(request, slug))
        ctx.update(_velden(form, stap, w))
        geschreven = w.geschreven(request, pad)  # the last row is this step's own
        ctx["plan"] = [rij for rij in geschreven if rij["acties"]]
        if stap.terugblik:
            ctx["terugblik"] = geschreven[:-1]
    if stap.alarm:
        ctx["zonder_alarm_url"] = w.url(slug, replace(keuzes, alarm=False))
    if stap.alarm or stap.terugblik or stap.toon_acties:
        ctx["netwerk"] = _netwerk(request, keuzes)
    template = "routekaart/stap.html#paneel" if alleen_paneel else "routekaart/stap.html"
    return render(request, template, ctx, status=status)


# -- views ---------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@sensitive_post_parameters()
@vary_on_headers("HX-Request")
@never_cache
def begin(request: HtmxHttpRequest) -> HttpResponse:
    """/route/: the context step (optional questions that tailor the hints)."""
    w = _wandeling(request)
    return _stap(request, w, w.route.start)


@require_http_methods(["GET", "POST"])
@sensitive_post_parameters()
@vary_on_headers("HX-Request")
@never_cache
def stap(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """/route/<slug>/?…: one step of the route, replayed from the answers in the query."""
    w = _wandeling(request)
    if slug == w.route.start:
        return redirect(w.url(slug))
    if slug not in w.route:
        raise Http404("Deze stap bestaat niet.")
    return _stap(request, w, slug)


def _stap(request: HtmxHttpRequest, w: _Wandeling, slug: str) -> HttpResponse:
    """Show the step, or save its form and move on to the step the answer leads to."""
    pad = w.pad(slug)  # 404 before anything else when the answers do not lead here
    stap = w.snapshot.stappen[slug]
    keuzes = w.keuzes
    if request.method == "GET":
        return _toon(request, w, slug, keuzes, pad)

    alarm_net = False
    if stap.aard == START:
        form = ContextForm(w.snapshot.fenomeen_keuzes, request.POST)
        if not form.is_valid():
            return _toon(request, w, slug, keuzes, pad, form)
        d = form.cleaned_data
        keuzes = keuzes.met_context(d["modus"], d["rol"], d["fenomeen"])
        doel = stap.volgende
    else:
        form = StapForm(stap, w.acties(stap), request.POST)
        if not form.is_valid():
            # 200, so that htmx swaps the form back in with its errors and what was typed.
            return _toon(request, w, slug, keuzes, pad, form)
        notities.bewaar(request, slug, form.ingevuld())
        antwoord = request.POST.get("antwoord", "")
        if request.POST.get("bewaar"):
            # Enter in an answer field (the form's hidden default button): saved, stay here.
            doel = slug
        elif stap.alarm and request.POST.get(wandeling.ALARM) == "ja":
            # "Serious offences likely": stay on this step, now with the alert and only "Ja".
            keuzes, doel, alarm_net = replace(keuzes, alarm=True), slug, True
        elif stap.aard == BESLISSING:
            if antwoord not in ("ja", "nee") or (stap.alarm and keuzes.alarm and antwoord == "nee"):
                form.add_error(None, "Kies Ja of Nee.")
                return _toon(request, w, slug, keuzes, pad, form, status=400)
            keuzes = keuzes.met_antwoord(stap.sleutel, antwoord)
            doel = w.route.volgende(slug, antwoord)
        elif stap.aard == EVALUATIE:
            return HttpResponseRedirect(w.verslag_url(), status=303)
        else:
            doel = stap.volgende

    url = w.url(doel, keuzes)
    if request.htmx:
        antwoord = _toon(request, w, doel, keuzes, w.pad(doel, keuzes), alarm_net=alarm_net)
        return push_url(antwoord, url)
    # Without JavaScript the browser scrolls to the alert; site.js focuses it.
    return HttpResponseRedirect(url + ("#alarm" if alarm_net else ""), status=303)


def _lokaal(request: HtmxHttpRequest, url: str) -> str:
    """`url` when it is a path of the route on this site, else the route's start."""
    veilig = url_has_allowed_host_and_scheme(url, allowed_hosts=None) and url.startswith("/route/")
    return url if veilig else reverse("routekaart:route")


@require_http_methods(["GET", "POST"])
@never_cache
def opnieuw(request: HtmxHttpRequest) -> HttpResponse:
    """ "Opnieuw beginnen": GET asks first (the page for those without JavaScript; with it, a
    dialog on the step asks), POST forgets every answer, note and chosen action (the login, if
    any, stays) and starts again."""
    if request.method == "GET":
        terug = _lokaal(request, request.GET.get("terug", ""))
        return render(request, "routekaart/opnieuw.html", {"terug_url": terug})
    notities.wis(request)
    messages.success(request, "Alles is gewist. Je begint opnieuw.")
    return HttpResponseRedirect(reverse("routekaart:route"), status=303)


def _verslag_ctx(request: HtmxHttpRequest) -> dict:
    w = _wandeling(request)
    pad = w.route.pad_tot_einde(w.keuzes.antwoorden)
    if pad is None:
        raise Http404("Deze route is nog niet af.")
    w.pad(pad[-1])  # the alarm rule
    geschreven = w.geschreven(request, pad)
    evaluatie = next((r for r in geschreven if r["stap"].aard == EVALUATIE), None)
    alarmstap = next((w.snapshot.stappen[s] for s in pad if w.snapshot.stappen[s].alarm), None)
    return {
        "route": w.route,
        "pad": pad,
        "keuzes": w.keuzes,
        "casus": w.casus,
        "context_rijen": w.context_rijen(w.keuzes),
        "beslissingen": w.beslissingen(pad, w.keuzes),
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
        "netwerk": _netwerk(request, w.keuzes),
        "tijdstip": timezone.localtime(),
        "terug_url": w.url(pad[-1]),
        "pdf_url": w.verslag_url(pdf=True),
        "opnieuw_url": f"{reverse('routekaart:opnieuw')}?{urlencode({'terug': request.get_full_path()})}",
        "pdf": False,
    }


@require_GET
@never_cache
def verslag(request: HtmxHttpRequest) -> HttpResponse:
    """The route report ("Routeverslag"): a handover note of the walk, printable."""
    return render(request, "routekaart/verslag.html", _verslag_ctx(request))


@require_GET
@never_cache
def verslag_pdf(request: HtmxHttpRequest) -> HttpResponse:
    """The same report as a PDF, from the same template (its print variant)."""
    from kern.pdf import naar_pdf, pdf_antwoord  # WeasyPrint is heavy: load when asked

    ctx = _verslag_ctx(request)
    ctx["pdf"] = True
    html = render_to_string("routekaart/verslag.html", ctx, request=request)
    return pdf_antwoord(naar_pdf(html), "routeverslag.pdf")
