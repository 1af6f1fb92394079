"""Content models of the routekaart. Rows are written only by `manage.py load_content` from the
files in `content/`; the `*_html` fields hold Markdown rendered and sanitized at load time."""

import uuid

from django.db import models

from casussen.models import Modus


class Partner(models.TextChoices):
    """THE partner list: the partner organisations, in this order, everywhere. The route's `Rol`,
    step 5's "Wie" (routekaart.stapformulier.WIE) and the live session's PARTNER_KEUZES
    (afspraken.models) are made from it; each adds its own "another partner" choice, whose
    stored value differs (`rol=andere` in a route URL, "anders" in a session's answers)."""

    JONGERENWERK = "jongerenwerk", "Jongerenwerk"
    POLITIE = "politie", "Politie"
    BOA = "boa", "Boa"
    OOV = "oov", "OOV (gemeente)"
    SCHOOL = "school", "School"
    HULPVERLENING = "hulpverlening", "Hulpverlening"
    OM = "om", "Openbaar Ministerie (OM)"


# The four core partners, whom the route asks about by role.
KERNPARTNERS = (Partner.JONGERENWERK, Partner.POLITIE, Partner.BOA, Partner.OOV)

# The context question "Wat is je rol?": a core partner, or another partner.
Rol = models.TextChoices(
    "Rol",
    [(p.name, (p.value, p.label)) for p in KERNPARTNERS]
    + [("ANDERE", ("andere", "Andere partner"))],
    module=__name__,
)


class Stap(models.Model):
    """One node of the route graph; its edges (`volgende`, `ja`, `nee`) are slugs of other steps."""

    class Aard(models.TextChoices):
        """What kind of step it is (the front matter's `aard`)."""

        START = "start", "Start"
        INFO = "info", "Informatie"
        BESLISSING = "beslissing", "Beslissing"
        EVALUATIE = "evaluatie", "Evaluatie"

    slug = models.SlugField(unique=True)
    titel = models.CharField(max_length=200)
    aard = models.CharField(max_length=20, choices=Aard.choices)
    nummer = models.PositiveSmallIntegerField(null=True, blank=True)
    # A shorter name for the route map; empty: the title (routekaart.route.Stap.kaartlabel).
    kaartlabel = models.CharField(max_length=100, blank=True)
    volgende = models.SlugField(blank=True)
    ja = models.SlugField(blank=True)
    nee = models.SlugField(blank=True)
    sleutel = models.SlugField(blank=True)
    beslisvraag = models.CharField(max_length=300, blank=True)
    ja_uitleg_html = models.TextField(blank=True)
    nee_uitleg_html = models.TextField(blank=True)
    intro_html = models.TextField(blank=True)
    body_html = models.TextField(blank=True)
    # Lists of rendered snippets: [html], [{"tekst": html, "uitleg": html}],
    # [{"rol"|"modus"|"fenomeen": slug, "tekst": html}], {"vraag": html, "actie": html}.
    aandachtspunten = models.JSONField(default=list, blank=True)
    vragen = models.JSONField(default=list, blank=True)
    hints = models.JSONField(default=list, blank=True)
    alarm = models.JSONField(default=dict, blank=True)
    # The step lists the interventions (Actie rows), those of the walker's role first.
    toon_acties = models.BooleanField(default=False)
    # The step shows what the walker answered and noted at the earlier steps of their path
    # (the "doorloop samen stap 1 en 2" review).
    terugblik = models.BooleanField(default=False)

    class Meta:
        ordering = ["nummer", "slug"]
        verbose_name = "stap"
        verbose_name_plural = "stappen"

    def __str__(self) -> str:
        return self.titel


class PartnerRol(models.Model):
    slug = models.SlugField(unique=True)
    titel = models.CharField(max_length=200)
    volgorde = models.PositiveSmallIntegerField(default=0)
    kort = models.CharField(max_length=300, blank=True)
    rol_algemeen_html = models.TextField()
    toepassing_online_html = models.TextField()
    voetnoot_html = models.TextField(blank=True)

    class Meta:
        ordering = ["volgorde", "slug"]
        verbose_name = "partnerrol"
        verbose_name_plural = "partnerrollen"

    def __str__(self) -> str:
        return self.titel


class Actie(models.Model):
    """An online or offline intervention of step 5."""

    slug = models.SlugField(unique=True)
    titel = models.CharField(max_length=200)
    modus = models.CharField(max_length=10, choices=Modus.choices)
    volgorde = models.PositiveSmallIntegerField(default=0)
    rollen = models.JSONField(default=list, blank=True)
    # The action is about bringing in a colleague or partner: the route shows the network's
    # contacts and agreements beside it (front matter `netwerk: true`).
    netwerk = models.BooleanField(default=False)
    body_html = models.TextField()

    class Meta:
        ordering = ["modus", "volgorde", "slug"]
        verbose_name = "actie"
        verbose_name_plural = "acties"

    def __str__(self) -> str:
        return self.titel


class Pagina(models.Model):
    """A page or section introduction; `extra` keeps the front matter's lists for its template."""

    slug = models.SlugField(unique=True)
    titel = models.CharField(max_length=200)
    samenvatting = models.CharField(max_length=300, blank=True)
    body_html = models.TextField(blank=True)
    extra = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["slug"]
        verbose_name = "pagina"
        verbose_name_plural = "pagina's"

    def __str__(self) -> str:
        return self.titel


class Inhoudsstand(models.Model):
    """One row whose token changes in the same transaction as any content change.

    Every process keeps the loaded content in memory (routekaart.inhoud) and reads only this
    token per request to know whether that copy is still current. A random token rather than a
    counter, so a rolled-back change (a test's transaction) can never reuse a value.
    """

    token = models.UUIDField(default=uuid.uuid4)
    gewijzigd = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "inhoudsstand"
        verbose_name_plural = "inhoudsstanden"

    def __str__(self) -> str:
        return str(self.token)
