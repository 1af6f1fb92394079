"""The route walk: the context step, each step of the route, "Opnieuw beginnen" and the report.

Where the walker is and what they decided travels in the query string (see routekaart.wandeling);
each step is a form that posts to its own URL, so the ticks and notes are saved (in the session
only) before moving on. Without JavaScript a POST answers 303 to the next step; with htmx it
answers the next step's panel (routekaart/stap.html#paneel) and pushes the next URL.

The domain (routekaart.wandeling) raises a WandelFout for a URL that is no state of the walk;
this module turns it into a 404.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from django import forms
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import push_url

from afspraken.koppeling import afspraken_voor_route
from casussen.models import Casus
from routekaart import inhoud, notities, wandeling
from routekaart.models import Modus, Rol, Stap
from routekaart.route import BESLISSING, EVALUATIE, START, Route
from routekaart.types import HtmxHttpRequest
from routekaart.wandeling import MAX_NOTITIE, Keuzes, WandelFout

MODUS_LABELS = {
    Modus.ONLINE: "Ik zie het bericht zelf online, met mijn professionele profiel",
    Modus.OFFLINE: "Ik kreeg het bericht doorgestuurd, bijvoorbeeld als screenshot",
}
VRAAG_MODUS = (
    "Zie je het bericht zelf online (met een professioneel profiel) of kreeg je het doorgestuurd?"
)
VRAAG_ROL = "Wat is je rol?"
VRAAG_FENOMEEN = "Welk fenomeen lijkt het?"


class ContextForm(forms.Form):
    """The three optional context questions; an empty answer means "overgeslagen"."""

    modus = forms.ChoiceField(choices=Modus.choices, required=False)
    rol = forms.ChoiceField(choices=Rol.choices, required=False)
    fenomeen = forms.ChoiceField(required=False)

    def __init__(self, fenomeen_keuzes, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fenomeen"].choices = fenomeen_keuzes


class StapForm(forms.Form):
    """A step's checklist and notes. The notes have a limit, and a too-long note is shown again
    with the error so nothing typed is lost."""

    vragen = forms.TypedMultipleChoiceField(coerce=int, required=False)
    notitie = forms.CharField(
        required=False,
        max_length=MAX_NOTITIE,
        widget=forms.Textarea,
        error_messages={
            "max_length": "Je notitie is te lang: gebruik maximaal %(limit_value)d tekens "
            "(nu %(show_value)d). Je tekst staat er nog; maak hem korter en probeer het opnieuw."
        },
    )

    def __init__(self, stap: Stap, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["vragen"].choices = [(str(i), str(i)) for i in range(len(stap.vragen))]


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

    def context_rijen(self, keuzes: Keuzes) -> list[dict]:
        """The context choices as (question, answer) rows for "Jouw antwoorden" and the report."""
        return [
            {
                "vraag": "Online of doorgestuurd",
                "antwoord": Modus(keuzes.modus).label if keuzes.modus else "",
            },
            {"vraag": "Jouw rol", "antwoord": Rol(keuzes.rol).label if keuzes.rol else ""},
            {
                "vraag": "Fenomeen",
                "antwoord": dict(self.snapshot.fenomeen_keuzes).get(keuzes.fenomeen, ""),
            },
        ]

    def beslissingen(self, pad: list[str], keuzes: Keuzes) -> list[dict]:
        """The decisions taken along `pad` (and the alarm question when answered yes)."""
        rijen = []
        for slug in pad:
            stap = self.snapshot.stappen[slug]
            if stap.aard != BESLISSING or stap.sleutel not in keuzes.antwoorden:
                continue
            if stap.alarm and keuzes.alarm:
                rijen.append(
                    {"stap": stap, "vraag": "Ernstige feiten aannemelijk?", "antwoord": "Ja"}
                )
            rijen.append(
                {
                    "stap": stap,
                    "vraag": stap.titel,
                    "antwoord": keuzes.antwoorden[stap.sleutel].capitalize(),
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
    """The step's tips that fit the chosen context; hints only add, they never hide a question."""
    gekozen = {"rol": keuzes.rol, "modus": keuzes.modus, "fenomeen": keuzes.fenomeen_slug}
    return [h for h in stap.hints if any(h.get(k) and h.get(k) == v for k, v in gekozen.items())]


def _ingevulde_stappen(request: HtmxHttpRequest, w: _Wandeling, pad: list[str]) -> list[dict]:
    """Per step of `pad` that has questions: its title, the ticked questions and the note."""
    rijen = []
    for slug in pad:
        stap = w.snapshot.stappen[slug]
        if stap.aard == START:
            continue
        bewaard = notities.ingevuld(request, slug)
        aangevinkt = set(bewaard["vragen"])
        rijen.append(
            {
                "stap": stap,
                "vragen": [v for i, v in enumerate(stap.vragen) if i in aangevinkt],
                "notitie": bewaard["notitie"],
            }
        )
    return rijen


def _toon(
    request: HtmxHttpRequest,
    w: _Wandeling,
    slug: str,
    keuzes: Keuzes,
    pad: list[str],
    form: forms.Form | None = None,
    status: int = 200,
) -> HttpResponse:
    """The step `slug` reached along `pad`: the full page, or for an htmx request (not a history
    restore) only its panel, which htmx swaps into #wandeling."""
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
            for rij in w.beslissingen(pad[:-1], keuzes)
        ],
        "eerder": keuzes.antwoorden.get(stap.sleutel, "") if stap.aard == BESLISSING else "",
        "actie_url": w.url(slug, keuzes),
        "max_notitie": MAX_NOTITIE,
        "paginatitel": _paginatitel(w.route, stap),
        "alleen_paneel": alleen_paneel,
        # This walker's and this user's own: never inside a cached block.
        "form": form,
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
        if form is not None:
            # A refused form shows what was typed and ticked, never what the session has.
            aangevinkt = set(form.cleaned_data.get("vragen", []))
            ctx["notitie"] = form.data.get("notitie", "")
            ctx["notitie_fout"] = form.errors.get("notitie")
        else:
            bewaard = notities.ingevuld(request, slug)
            aangevinkt = set(bewaard["vragen"])
            ctx["notitie"] = bewaard["notitie"]
        ctx["vragen"] = [
            {**vraag, "index": i, "aangevinkt": i in aangevinkt}
            for i, vraag in enumerate(stap.vragen)
        ]
    if stap.alarm:
        ctx["zonder_alarm_url"] = w.url(slug, replace(keuzes, alarm=False))
        ctx["afspraken"] = afspraken_voor_route(request.user, keuzes.fenomeen_slug)
    if stap.toon_acties:
        ctx["acties"] = w.snapshot.acties_per_modus(keuzes.rol)
    if stap.terugblik:
        ctx["terugblik"] = _ingevulde_stappen(request, w, pad[:-1])
    template = "routekaart/stap.html#paneel" if alleen_paneel else "routekaart/stap.html"
    return render(request, template, ctx, status=status)


# -- views ---------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@sensitive_post_parameters("notitie")
@vary_on_headers("HX-Request")
@never_cache
def begin(request: HtmxHttpRequest) -> HttpResponse:
    """/route/: the context step (optional questions that tailor the hints)."""
    w = _wandeling(request)
    return _stap(request, w, w.route.start)


@require_http_methods(["GET", "POST"])
@sensitive_post_parameters("notitie")
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

    if stap.aard == START:
        form = ContextForm(w.snapshot.fenomeen_keuzes, request.POST)
        if not form.is_valid():
            return _toon(request, w, slug, keuzes, pad, form)
        d = form.cleaned_data
        keuzes = keuzes.met_context(d["modus"], d["rol"], d["fenomeen"])
        doel = stap.volgende
    else:
        form = StapForm(stap, request.POST)
        if not form.is_valid():
            return _toon(request, w, slug, keuzes, pad, form)
        notities.bewaar(request, slug, form.cleaned_data["vragen"], form.cleaned_data["notitie"])
        antwoord = request.POST.get("antwoord", "")
        if stap.alarm and request.POST.get(wandeling.ALARM) == "ja":
            # "Serious offences likely": stay on this step, now with the alert and only "Ja".
            keuzes, doel = replace(keuzes, alarm=True), slug
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
        return push_url(_toon(request, w, doel, keuzes, w.pad(doel, keuzes)), url)
    return HttpResponseRedirect(url, status=303)


@require_POST
def opnieuw(request: HtmxHttpRequest) -> HttpResponse:
    """Forget every tick and note of the walk (the login, if any, stays) and start again."""
    notities.wis(request)
    return HttpResponseRedirect(reverse("routekaart:route"), status=303)


def _verslag_ctx(request: HtmxHttpRequest) -> dict:
    w = _wandeling(request)
    pad = w.route.pad_tot_einde(w.keuzes.antwoorden)
    if pad is None:
        raise Http404("Deze route is nog niet af.")
    w.pad(pad[-1])  # the alarm rule
    return {
        "route": w.route,
        "pad": pad,
        "keuzes": w.keuzes,
        "casus": w.casus,
        "context_rijen": w.context_rijen(w.keuzes),
        "beslissingen": w.beslissingen(pad, w.keuzes),
        "stappen": _ingevulde_stappen(request, w, pad),
        "datum": timezone.localdate(),
        "terug_url": w.url(pad[-1]),
        "pdf_url": w.verslag_url(pdf=True),
        "pdf": False,
    }


@require_GET
@never_cache
def verslag(request: HtmxHttpRequest) -> HttpResponse:
    """The route report: context, path, decisions, ticked questions and notes — printable."""
    return render(request, "routekaart/verslag.html", _verslag_ctx(request))


@require_GET
@never_cache
def verslag_pdf(request: HtmxHttpRequest) -> HttpResponse:
    """The same report as a PDF, from the same template (its print variant)."""
    from routekaart.pdf import naar_pdf, pdf_antwoord  # WeasyPrint is heavy: load when asked

    ctx = _verslag_ctx(request)
    ctx["pdf"] = True
    html = render_to_string("routekaart/verslag.html", ctx, request=request)
    return pdf_antwoord(naar_pdf(html), "routeverslag.pdf")
