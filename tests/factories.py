"""factory_boy factories for the content models, for tests that need a few rows of their own
instead of the whole shipped content."""

import factory

from casussen.models import Casus, Fenomeen, Modus
from routekaart.models import Pagina, PartnerRol


class FenomeenFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Fenomeen
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"fenomeen-{n}")
    kort = factory.Sequence(lambda n: f"Fenomeen {n}")
    titel = factory.LazyAttribute(lambda o: f"Online {o.kort.lower()}")
    volgorde = factory.Sequence(int)
    body_html = "<p>Uitleg over dit fenomeen.</p>"


class CasusFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Casus

    slug = factory.Sequence(lambda n: f"casus-{n}")
    titel = factory.Sequence(lambda n: f"Voorbeeldcasus {n}")
    fenomeen = factory.SubFactory(FenomeenFactory)
    modus = Modus.ONLINE
    platform = "TikTok"
    berichtsoort = Casus.Berichtsoort.POST
    zichtbaarheid = Casus.Zichtbaarheid.OPENBAAR
    volgorde = factory.Sequence(int)
    bericht = factory.LazyAttribute(
        lambda o: {"afzender": "@voorbeeld", "tekst": f"Bericht bij {o.titel}", "reacties": []}
    )
    situatie_html = "<p>Je ziet dit bericht.</p>"


class PartnerRolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerRol

    slug = "politie"
    titel = "Politie"
    volgorde = 1
    rol_algemeen_html = "<p>Rol algemeen.</p>"
    toepassing_online_html = "<p>Toepassing online.</p>"


class PaginaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pagina
        django_get_or_create = ("slug",)

    slug = "casussen"
    titel = factory.LazyAttribute(lambda o: o.slug.capitalize())
