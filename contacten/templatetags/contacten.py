"""{% niet_gecontroleerd netwerk %}: the stale contacts on the regisseur's network page, which
belongs to afspraken; a tag keeps that view unaware of contacts."""

from django import template

from afspraken.models import Netwerk
from contacten.models import Contact

register = template.Library()


@register.inclusion_tag("contacten/_verouderd.html")
def niet_gecontroleerd(netwerk: Netwerk) -> dict:
    return {
        "netwerk": netwerk,
        "verouderd": list(Contact.objects.van(netwerk).niet_gecontroleerd()),
    }
