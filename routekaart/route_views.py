"""The route walk: the context step, each step of the route, "Opnieuw beginnen" and the report.

Where the walker is and what they decided travels in the query string (see routekaart.wandeling);
each step is a form that posts to its own URL, so the ticks and notes are saved (in the session
only) before moving on. Without JavaScript a POST answers 303 to the next step; with htmx it
answers the next step's panel and pushes the next URL.
"""

from __future__ import annotations

from dataclasses import replace
from types import MappingProxyType

from django import forms
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import push_url

from afspraken.koppeling import afspraken_voor_route
from casussen.models import Casus
from routekaart import inhoud, notities, wandeling
from routekaart.models import Modus, Rol, Stap, voor_rol
from routekaart.route import BESLISSING, EVALUATIE, START, Route
from routekaart.types import HtmxHttpRequest
from routekaart.views import kaart_html, laad_route
from routekaart.wandeling import MAX_NOTITIE, ONBEKEND, Keuzes

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

    def __init__(self, fenomenen: dict[str, str], *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fenomeen"].choices = [*fenomenen.items(), (ONBEKEND, "Weet ik nog niet")]


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
        self.fields["vragen"].choices = [(i, str(i)) for i in range(len(stap.vragen))]


# -- helpers -------------------------------------------------------------------------------------


def _casus(request: HtmxHttpRequest, snapshot: inhoud.Inhoud) -> Casus | None:
    """The pinned practice case from `?casus=`; 404 for an unknown one."""
    slug = request.GET.get("casus", "")
    if not slug:
        return None
    if slug not in snapshot.casussen:
        raise Http404("Onbekende casus.")
    return snapshot.casussen[slug]


class _Wandeling:
    """Everything one request of the walk needs, from the process's content snapshot (one
    query): graph, steps, choices, case."""

    def __init__(self, request: HtmxHttpRequest):
        self.inhoud = inhoud.huidige()
        self.route: Route
        self.route, self.stappen = laad_route(self.inhoud)
        self.fenomenen = self.inhoud.fenomeen_namen
        self.alarmstappen = self.inhoud.alarmstappen
        # The query string means the same until the content changes: parsed and checked once
        # (a 404 is never kept, so it is raised again on every request).
        self.casus, self.keuzes, self._query = self.inhoud.query(
            request.META.get("QUERY_STRING", ""), lambda: self._lees(request)
        )

    def _lees(self, request: HtmxHttpRequest) -> tuple[tuple[Casus | None, Keuzes, str], str]:
        casus = _casus(request, self.inhoud)
        keuzes = wandeling.lees_keuzes(request.GET, self.route, self.fenomenen, casus)
        # Shared by the requests that follow: read-only.
        keuzes = replace(keuzes, antwoorden=MappingProxyType(dict(keuzes.antwoorden)))
        query = keuzes.query(self.route)
        return (casus, keuzes, query), query

    def query(self, keuzes: Keuzes) -> str:
        """The normalised query string of `keuzes`; the request's own is computed once."""
        return self._query if keuzes is self.keuzes else keuzes.query(self.route)

    def pad(self, slug: str, keuzes: Keuzes | None = None) -> list[str]:
        return wandeling.pad(self.route, slug, keuzes or self.keuzes, self.alarmstappen)

    def url(self, slug: str, keuzes: Keuzes | None = None) -> str:
        return wandeling.stap_url(self.route, slug, keuzes or self.keuzes)

    def verslag_url(self, keuzes: Keuzes | None = None, pdf: bool = False) -> str:
        query = (keuzes or self.keuzes).query(self.route)
        return reverse("routekaart:verslag-pdf" if pdf else "routekaart:verslag") + f"?{query}"

    def context_rijen(self, keuzes: Keuzes) -> list[dict]:
        """The context choices as (question, answer) rows for "Jouw antwoorden" and the report."""
        fenomeen = (
            "Weet ik nog niet"
            if keuzes.fenomeen == ONBEKEND
            else self.fenomenen.get(keuzes.fenomeen)
        )
        return [
            {
                "vraag": "Online of doorgestuurd",
                "antwoord": Modus(keuzes.modus).label if keuzes.modus else "",
            },
            {"vraag": "Jouw rol", "antwoord": Rol(keuzes.rol).label if keuzes.rol else ""},
            {"vraag": "Fenomeen", "antwoord": fenomeen or ""},
        ]

    def beslissingen(self, pad: list[str], keuzes: Keuzes) -> list[dict]:
        """The decisions taken along `pad` (and the alarm question when answered yes)."""
        rijen = []
        for slug in pad:
            stap = self.stappen[slug]
            if stap.soort != BESLISSING or stap.sleutel not in keuzes.antwoorden:
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


def _paginatitel(route: Route, stap: Stap) -> str:
    if stap.soort == START:
        return f"{stap.titel} — Routekaart"
    return f"Stap {stap.nummer} van {route.totaal} — {stap.titel}"


def _hints(stap: Stap, keuzes: Keuzes) -> list[dict]:
    """The step's tips that fit the chosen context; hints only add, they never hide a question."""
    gekozen = {"rol": keuzes.rol, "modus": keuzes.modus, "fenomeen": keuzes.fenomeen_slug}
    return [h for h in stap.hints if any(h.get(k) and h.get(k) == v for k, v in gekozen.items())]


# The parts of a step's panel that follow from the content and the step's URL alone (partials of
# routekaart/stap.html, in the panel's order): rendered once per content version, step and choices.
FRAGMENTEN = (
    "titel",
    "kop",
    "formulier_open",
    "contextvragen",
    "vragen_open",
    "vragen_dicht",
    "notitieveld",
    "notitie_dicht",
    "formulier_dicht",
    "slot",
)


def _staat(w: _Wandeling, slug: str, keuzes: Keuzes) -> dict:
    """What a step's page takes from the content and the choices in its URL: the path (Http404
    when the choices do not lead to `slug`), the title, the form's URL and the panel's
    content-only HTML. Made once per content version, step and normalised query, from the
    snapshot and the choices alone, never from the request: no tick, note, user or CSRF token
    gets in."""
    route, stap = w.route, w.stappen[slug]

    def maak() -> dict:
        pad = w.pad(slug, keuzes)
        actie_url = w.url(slug, keuzes)
        ctx = {
            "route": route,
            "stap": stap,
            "keuzes": keuzes,
            "casus": w.casus,
            "hints": _hints(stap, keuzes),
            "context_rijen": w.context_rijen(keuzes),
            "start_url": w.url(route.start, keuzes),
            "beslissingen": [
                {**r, "url": w.url(r["stap"].slug, keuzes)}
                for r in w.beslissingen(pad[:-1], keuzes)
            ],
            "eerder": keuzes.antwoorden.get(stap.sleutel, "") if stap.soort == BESLISSING else "",
            "actie_url": actie_url,
            "max_notitie": MAX_NOTITIE,
            "minikaart": kaart_html(w.inhoud, slug, pad, klein=True),
            "basislinks": {"opnieuw": reverse("routekaart:opnieuw")},
            "paginatitel": _paginatitel(route, stap),
        }
        if stap.soort == START:
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
                    "keuzes": [*w.fenomenen.items(), (ONBEKEND, "Weet ik nog niet")],
                    "waarde": keuzes.fenomeen,
                },
            ]
        if stap.alarm:
            ctx["zonder_alarm_url"] = w.url(slug, replace(keuzes, alarm=False))
        if stap.toon_acties:
            acties = voor_rol(w.inhoud.acties, keuzes.rol)
            ctx["acties"] = [
                {
                    "modus": m,
                    "titel": f"{label} acties",
                    "acties": [a for a in acties if a.soort == m],
                }
                for m, label in Modus.choices
            ]
        html = {n: render_to_string(f"routekaart/stap.html#{n}", ctx) for n in FRAGMENTEN}
        # Each question twice, unticked and ticked: which one is shown is the session's business.
        vragen = tuple(
            tuple(
                render_to_string(
                    "routekaart/stap.html#vraag",
                    {"vraag": vraag, "index": i, "aangevinkt": aangevinkt},
                )
                for aangevinkt in (False, True)
            )
            for i, vraag in enumerate(stap.vragen)
        )
        return {
            "pad": tuple(pad),
            "actie_url": actie_url,
            "paginatitel": ctx["paginatitel"],
            "f": html,
            "vragen": vragen,
        }

    return w.inhoud.html(("stap", slug, w.query(keuzes)), maak)


def _live(naam: str, ctx: dict) -> str:
    """One of stap.html's live partials (never cached: it shows the session's or the user's)."""
    return render_to_string(f"routekaart/stap.html#{naam}", ctx)


def _stap_ctx(
    request: HtmxHttpRequest, w: _Wandeling, slug: str, keuzes: Keuzes, form=None, deel=False
) -> dict:
    """The context of one step's page, with its panel (`paneel`) put together from the cached
    content fragments and, rendered every time, what is this walker's own: the ticks, the note,
    the review, the network's agreements, form errors and the CSRF token. See stap.html."""
    stap = w.stappen[slug]
    staat = _staat(w, slug, keuzes)
    f = staat["f"]
    # One token for the page: both forms of the panel and (full page) base.html's htmx header.
    csrf_token = get_token(request)
    csrf = format_html('<input type="hidden" name="csrfmiddlewaretoken" value="{}">', csrf_token)
    delen = [f["titel"]] if deel else []
    delen.append(f["kop"])
    if stap.terugblik:
        delen.append(
            _live("terugblik", {"terugblik": _ingevulde_stappen(request, w, staat["pad"][:-1])})
        )
    if stap.alarm:
        afspraken = afspraken_voor_route(request.user, keuzes.fenomeen_slug)
        if afspraken:
            delen.append(_live("afspraken", {"afspraken": afspraken}))
    delen += [f["formulier_open"], csrf]
    if form is not None and form.errors:
        delen.append(_live("fouten", {"form": form, "stap": stap}))
    if stap.soort == START:
        delen.append(f["contextvragen"])
    else:
        if form is not None and form.is_bound:
            aangevinkt = (
                form.cleaned_data.get("vragen", []) if hasattr(form, "cleaned_data") else []
            )
            notitie = form.data.get("notitie", "")
        else:
            bewaard = notities.ingevuld(request, slug)
            aangevinkt, notitie = bewaard["vragen"], bewaard["notitie"]
        aangevinkt = {int(i) for i in aangevinkt}
        delen.append(f["vragen_open"])
        delen += (v[i in aangevinkt] for i, v in enumerate(staat["vragen"]))
        delen.append(f["vragen_dicht"])
        notitie_fout = form.errors.get("notitie") if form is not None else None
        if notitie_fout:
            delen.append(_live("notitiefout", {"stap": stap, "notitie_fout": notitie_fout}))
        else:
            delen.append(f["notitieveld"])
        delen += [conditional_escape(notitie), f["notitie_dicht"]]
    delen += [f["formulier_dicht"], csrf, f["slot"]]
    return {
        "paneel": SafeString("".join(delen)),
        "paginatitel": staat["paginatitel"],
        "csrf_token": csrf_token,
    }


def _ingevulde_stappen(request, w: _Wandeling, pad: list[str]) -> list[dict]:
    """Per step of `pad` that has questions: its title, the ticked questions and the note."""
    rijen = []
    for slug in pad:
        stap = w.stappen[slug]
        if stap.soort == START:
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
    request: HtmxHttpRequest, w: _Wandeling, slug: str, keuzes: Keuzes, form=None, status=200
) -> HttpResponse:
    """The full page, or for an htmx request (not a history restore) only the step panel."""
    if request.htmx and not request.htmx.history_restore_request:
        return _deel(request, w, slug, keuzes, form, status)
    ctx = _stap_ctx(request, w, slug, keuzes, form)
    return render(request, "routekaart/stap.html", ctx, status=status)


def _deel(
    request: HtmxHttpRequest, w: _Wandeling, slug: str, keuzes: Keuzes, form=None, status=200
) -> HttpResponse:
    """Only the step panel (what htmx swaps into #wandeling), without the page around it."""
    return HttpResponse(
        _stap_ctx(request, w, slug, keuzes, form, deel=True)["paneel"], status=status
    )


# -- views ---------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@sensitive_post_parameters("notitie")
@vary_on_headers("HX-Request")
@never_cache
def begin(request: HtmxHttpRequest) -> HttpResponse:
    """/route/: the context step (optional questions that tailor the hints)."""
    w = _Wandeling(request)
    return _stap(request, w, w.route.start)


@require_http_methods(["GET", "POST"])
@sensitive_post_parameters("notitie")
@vary_on_headers("HX-Request")
@never_cache
def stap(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """/route/<slug>/?…: one step of the route, replayed from the answers in the query."""
    w = _Wandeling(request)
    if slug == w.route.start:
        return redirect(w.url(slug))
    if slug not in w.route:
        raise Http404("Deze stap bestaat niet.")
    return _stap(request, w, slug)


def _stap(request: HtmxHttpRequest, w: _Wandeling, slug: str) -> HttpResponse:
    _staat(w, slug, w.keuzes)  # 404 before anything else when the answers do not lead here
    stap = w.stappen[slug]
    if request.method == "GET":
        return _toon(request, w, slug, w.keuzes)

    keuzes = w.keuzes
    if stap.soort == START:
        form = ContextForm(w.fenomenen, request.POST)
        if not form.is_valid():
            return _toon(request, w, slug, keuzes, form)
        d = form.cleaned_data
        keuzes = keuzes.met_context(d["modus"], d["rol"], d["fenomeen"])
        doel = stap.volgende
    else:
        form = StapForm(stap, request.POST)
        if not form.is_valid():
            return _toon(request, w, slug, keuzes, form)
        notities.bewaar(request, slug, form.cleaned_data["vragen"], form.cleaned_data["notitie"])
        antwoord = request.POST.get("antwoord", "")
        if stap.alarm and request.POST.get(wandeling.ALARM) == "ja":
            # "Serious offences likely": stay on this step, now with the alert and only "Ja".
            keuzes, doel = replace(keuzes, alarm=True), slug
        elif stap.soort == BESLISSING:
            if antwoord not in ("ja", "nee") or (stap.alarm and keuzes.alarm and antwoord == "nee"):
                form.add_error(None, "Kies Ja of Nee.")
                return _toon(request, w, slug, keuzes, form, status=400)
            keuzes = keuzes.met_antwoord(stap.sleutel, antwoord)
            doel = w.route.volgende(slug, antwoord)
        elif stap.soort == EVALUATIE:
            return HttpResponseRedirect(w.verslag_url(keuzes), status=303)
        else:
            doel = stap.volgende

    url = w.url(doel, keuzes)
    if request.htmx:
        return push_url(_deel(request, w, doel, keuzes), url)
    return HttpResponseRedirect(url, status=303)


@require_POST
def opnieuw(request: HtmxHttpRequest) -> HttpResponse:
    """Forget every tick and note of the walk (the login, if any, stays) and start again."""
    notities.wis(request)
    return HttpResponseRedirect(reverse("routekaart:route"), status=303)


def _verslag_ctx(request: HtmxHttpRequest) -> dict:
    w = _Wandeling(request)
    pad = wandeling.pad_tot_einde(w.route, w.keuzes)
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
