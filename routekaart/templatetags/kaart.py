"""The route map's template tag: `{% kaartstand kaart pad as kaartstand %}` gives
`Kaart.langs(pad)`, so the map template marks the path taken without working it out itself."""

from django import template

from routekaart.route import Kaart, Kaartstand

register = template.Library()


@register.simple_tag
def kaartstand(kaart: Kaart, pad) -> Kaartstand:
    """The map along `pad`; an include without a path (`pad` is then "") marks nothing."""
    return kaart.langs(list(pad or ()))
