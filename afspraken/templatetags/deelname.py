"""{% deelname_toegang %}: the "Meedoen op je telefoon" panel of a live session, for any of the
regisseur's session pages (context: netwerk, sessie, request), without its view having to know."""

from django import template

from afspraken import deelname

register = template.Library()


@register.inclusion_tag("afspraken/doe_mee/_toegang.html", takes_context=True)
def deelname_toegang(context) -> dict:
    request, sessie = context["request"], context["sessie"]
    basis = {"request": request, "netwerk": context["netwerk"], "sessie": sessie}
    return (
        basis | {"csrf_token": context.get("csrf_token")} | (deelname.toegang_ctx(request, sessie))
    )
