from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Commitment(models.TextChoices):
    """The five pledges a service provider makes. Keys are stable across declaration versions."""

    NEVER_ASK = "never_ask", _("Never ask about immigration status")
    CONFIDENTIAL = "confidential", _("Keep status confidential, never share it with authorities")
    NO_FEES = "no_fees", _("No fees based on immigration status")
    NO_BORDER_AGENCY = "no_border_agency", _("No cooperation with the border agency")
    EQUAL_STANDARDS = "equal_standards", _("Equal labour and human-rights standards for all")


class City(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=100)
    province = models.CharField(_("province"), max_length=50, blank=True)
    timezone = models.CharField(_("time zone"), max_length=64, default="America/Toronto")
    default_languages = models.CharField(
        _("default languages"),
        max_length=50,
        default="en,fr",
        help_text=_("Comma-separated codes."),
    )
    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("city")
        verbose_name_plural = _("cities")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("cities:city", args=[self.slug])

    @property
    def language_codes(self) -> list[str]:
        return [code.strip() for code in self.default_languages.split(",") if code.strip()]


class Neighbourhood(models.Model):
    city = models.ForeignKey(City, on_delete=models.CASCADE, related_name="neighbourhoods")
    slug = models.SlugField()
    name = models.CharField(_("name"), max_length=100)
    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))
    postal_prefixes = models.CharField(
        _("postal code prefixes"), max_length=200, blank=True, help_text=_("e.g. H2T H2S")
    )

    class Meta:
        ordering = ["city", "name"]
        constraints = [
            models.UniqueConstraint(fields=["city", "slug"], name="unique_neighbourhood_slug")
        ]
        verbose_name = _("neighbourhood")

    def __str__(self) -> str:
        return f"{self.name} ({self.city})"


class Declaration(models.Model):
    """One version of a city's declaration. Endorsements point at the version they signed."""

    city = models.ForeignKey(City, on_delete=models.PROTECT, related_name="declarations")
    version = models.PositiveSmallIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), help_text=_("Paragraphs separated by a blank line."))
    services_intro = models.TextField(
        _("introduction to the commitments"),
        help_text=_("Shown before the five commitments service providers make."),
    )
    is_published = models.BooleanField(_("published"), default=False)
    published_on = models.DateField(_("published on"), null=True, blank=True)

    class Meta:
        ordering = ["city", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["city", "version"], name="unique_declaration_version")
        ]
        verbose_name = _("declaration")

    def __str__(self) -> str:
        return f"{self.city} v{self.version}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("cities:declaration", args=[self.city.slug])

    @property
    def paragraphs(self) -> list[str]:
        return [p.strip() for p in self.body.split("\n\n") if p.strip()]


class DeclarationCommitment(models.Model):
    declaration = models.ForeignKey(
        Declaration, on_delete=models.CASCADE, related_name="commitments"
    )
    key = models.CharField(max_length=32, choices=Commitment.choices)
    position = models.PositiveSmallIntegerField()
    text = models.TextField(_("text"))

    class Meta:
        ordering = ["declaration", "position"]
        constraints = [
            models.UniqueConstraint(fields=["declaration", "key"], name="unique_commitment_key")
        ]
        verbose_name = _("commitment")

    def __str__(self) -> str:
        return self.get_key_display()
