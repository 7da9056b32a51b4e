import uuid

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Sector(models.TextChoices):
    COMMUNITY = "community", _("Community organization")
    COLLECTIVE = "collective", _("Collective")
    UNION = "union", _("Union")
    HEALTHCARE = "healthcare", _("Healthcare")
    EDUCATION = "education", _("Education")
    FOOD_BANK = "food_bank", _("Food bank")
    SHELTER = "shelter", _("Shelter")
    HOUSING_COOP = "housing_coop", _("Housing co-op")
    LEGAL_CLINIC = "legal_clinic", _("Legal clinic")
    FAITH = "faith", _("Faith group")
    BUSINESS = "business", _("Business")
    OTHER = "other", _("Other")


class Organization(models.Model):
    """An organization's public profile (HSDS `organization`). Nothing here is private."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    city = models.ForeignKey("cities.City", on_delete=models.PROTECT, related_name="organizations")
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(max_length=220, unique=True)
    alternate_name = models.CharField(_("other name"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    sector = models.CharField(_("sector"), max_length=32, choices=Sector.choices)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("public e-mail"), blank=True)
    phone = models.CharField(_("public phone number"), max_length=40, blank=True)
    created_on = models.DateField(auto_now_add=True)
    updated_on = models.DateField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organization")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("endorsements:endorser", args=[self.slug])
