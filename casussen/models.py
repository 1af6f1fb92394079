from django.db import models


class Modus(models.TextChoices):
    """Whether a professional sees a message online themselves or has it forwarded (offline)."""

    ONLINE = "online", "Online"
    OFFLINE = "offline", "Offline"


class Fenomeen(models.Model):
    slug = models.SlugField(unique=True)
    titel = models.CharField(max_length=200)
    kort = models.CharField(max_length=100)
    volgorde = models.PositiveSmallIntegerField(default=0)
    body_html = models.TextField()

    class Meta:
        ordering = ["volgorde", "slug"]
        verbose_name = "fenomeen"
        verbose_name_plural = "fenomenen"

    def __str__(self) -> str:
        return self.kort


class Casus(models.Model):
    """An example case with its (fictional) example message."""

    class Berichtsoort(models.TextChoices):
        POST = "post", "Bericht (post)"
        STORY = "story", "Verhaal (story)"
        DM = "dm", "Direct bericht (DM)"

    class Zichtbaarheid(models.TextChoices):
        OPENBAAR = "openbaar", "Openbaar"
        BESLOTEN = "besloten", "Besloten"

    slug = models.SlugField(unique=True)
    titel = models.CharField(max_length=200)
    fenomeen = models.ForeignKey(Fenomeen, on_delete=models.CASCADE, related_name="casussen")
    modus = models.CharField(max_length=10, choices=Modus.choices)
    platform = models.CharField(max_length=50)
    berichtsoort = models.CharField(max_length=10, choices=Berichtsoort.choices)
    zichtbaarheid = models.CharField(max_length=10, choices=Zichtbaarheid.choices)
    volgorde = models.PositiveSmallIntegerField(default=0)
    doorgestuurd_via = models.CharField(max_length=200, blank=True)
    # The mock message, kept as plain text (escaped when shown): afzender, tekst, tijd, bereik, reacties.
    bericht = models.JSONField(default=dict)
    situatie_html = models.TextField()

    class Meta:
        ordering = ["volgorde", "slug"]
        verbose_name = "casus"
        verbose_name_plural = "casussen"

    def __str__(self) -> str:
        return self.titel
