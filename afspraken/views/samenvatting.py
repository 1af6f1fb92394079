"""The summary of a vredestijd session: per case the inbreng, its differences and the
agreements, as a page and as a PDF from the same partial."""

from __future__ import annotations

from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET

from afspraken import vredestijd
from afspraken.models import Afspraak, Inbreng, Lidmaatschap, Netwerk, Sessie
from afspraken.views.hulp import regisseur_sessie
from afspraken.views.sessie import sessie_ctx
from kern.pdf import naar_pdf, pdf_response
from kern.types import HtmxHttpRequest


def _samenvatting_ctx(netwerk: Netwerk, s: Sessie) -> dict:
    alle = list(Afspraak.objects.van(netwerk).filter(sessie=s))
    inbreng = list(
        Inbreng.objects.filter(sessie=s)
        .select_related("deelnemer")
        .order_by("deelnemer__volgorde", "deelnemer__pk")
    )
    per_casus = []
    for sc in s.casussen.select_related("casus").prefetch_related("deelnemers"):
        eigen = [a for a in inbreng if a.casus_id == sc.casus_id]
        per_casus.append(
            {
                "sc": sc,
                "inbreng": eigen,
                "verschillen": vredestijd.verschillen([a.als_dict() for a in eigen]),
                "afspraken": [a for a in alle if a.casus_id == sc.casus_id],
            }
        )
    return sessie_ctx(netwerk, s, "samenvatting") | {
        "deelnemers": s.deelnemers.all(),
        "per_casus": per_casus,
        "afspraken": alle,
    }


@require_GET
@regisseur_sessie
def samenvatting(request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, s: Sessie):
    return render(request, "afspraken/sessies/samenvatting.html", _samenvatting_ctx(netwerk, s))


@require_GET
@regisseur_sessie
def samenvatting_pdf(request: HtmxHttpRequest, netwerk: Netwerk, lid_: Lidmaatschap, s: Sessie):
    html = render_to_string(
        "afspraken/sessies/samenvatting_pdf.html", _samenvatting_ctx(netwerk, s)
    )
    return pdf_response(naar_pdf(html), f"sessie-{netwerk.slug}-{s.datum:%Y-%m-%d}.pdf")
