"""The directory, aligned with Open Referral HSDS 3.0 (`organization`, `service`, `location`,
`service_at_location`, `address`, `phone`, `schedule`, `language`, `taxonomy`, `taxonomy_term`,
`attribute`). Ids are UUIDs like HSDS ids. Free text is translated with modeltranslation
(`name_en`, `name_fr`, …, falling back to the other languages).

Nothing in these tables describes a person: attributes describe the *service* ("no ID required").
"""

import uuid

from django.conf import settings
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
    # Unique by the constraint below: a unique SlugField would also build a LIKE index on
    # PostgreSQL (`varchar_pattern_ops`) that no query uses, written on every insert.
    slug = models.SlugField(max_length=220, db_index=False)
    alternate_name = models.CharField(_("other name"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    sector = models.CharField(_("sector"), max_length=32, choices=Sector.choices)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("public e-mail"), blank=True)
    phone = models.CharField(_("public phone number"), max_length=40, blank=True)
    listings_reminder_sent_on = models.DateField(null=True, blank=True, editable=False)
    created_on = models.DateField(auto_now_add=True)
    updated_on = models.DateField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organization")
        constraints = [models.UniqueConstraint(fields=["slug"], name="organization_slug_unique")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("endorsements:endorser", args=[self.slug])


class Taxonomy(models.Model):
    """HSDS `taxonomy`: the product ships two, `categories` and `service-attributes`."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    code = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    uri = models.URLField(blank=True)
    version = models.CharField(max_length=20, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("taxonomy")
        verbose_name_plural = _("taxonomies")

    def __str__(self) -> str:
        return self.name


class TaxonomyTerm(models.Model):
    """HSDS `taxonomy_term`. `synonyms` (per language, comma-separated) feed the search index, so
    that "dentiste", "dentista" and "طبيب أسنان" all find dental care."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    taxonomy = models.ForeignKey(Taxonomy, on_delete=models.PROTECT, related_name="terms")
    code = models.SlugField(max_length=64)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    synonyms = models.TextField(_("synonyms"), blank=True, help_text=_("Comma-separated."))
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["taxonomy", "position", "code"]
        constraints = [models.UniqueConstraint(fields=["taxonomy", "code"], name="unique_term")]
        verbose_name = _("taxonomy term")

    def __str__(self) -> str:
        return self.name


class Service(models.Model):
    """HSDS `service`. Public only when its organization is a public provider (verified
    endorsement with all five commitments), it is active and an organizer approved it."""

    class Status(models.TextChoices):  # HSDS values
        ACTIVE = "active", _("Active")
        INACTIVE = "inactive", _("Retired")
        DEFUNCT = "defunct", _("Defunct")
        TEMPORARILY_CLOSED = "temporarily closed", _("Temporarily closed")

    class Review(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="services"
    )
    name = models.CharField(_("name"), max_length=200)
    alternate_name = models.CharField(_("other name"), max_length=200, blank=True)
    description = models.TextField(_("what it is"), max_length=4000, blank=True)
    eligibility_description = models.TextField(
        _("who it is for"), max_length=1000, blank=True, help_text=_("Never immigration status.")
    )
    application_process = models.TextField(_("how to get it"), max_length=1000, blank=True)
    fees_description = models.TextField(_("fees"), max_length=1000, blank=True)
    interpretation_services = models.TextField(_("interpretation"), max_length=500, blank=True)
    alert = models.CharField(_("notice"), max_length=300, blank=True)
    url = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("public e-mail"), blank=True)
    minimum_age = models.PositiveSmallIntegerField(_("minimum age"), null=True, blank=True)
    maximum_age = models.PositiveSmallIntegerField(_("maximum age"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE
    )
    review_status = models.CharField(
        _("review"), max_length=10, choices=Review.choices, default=Review.PENDING
    )
    # Languages the listing's text is written in (codes), kept by services.
    content_languages = models.CharField(max_length=50, blank=True)
    last_verified = models.DateField(_("last verified"), null=True, blank=True)  # assured_date
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    last_modified = models.DateTimeField(auto_now=True)
    created_on = models.DateField(auto_now_add=True)
    taxonomy_terms: models.ManyToManyField["TaxonomyTerm", "Attribute"] = models.ManyToManyField(
        TaxonomyTerm, through="Attribute", related_name="services", blank=True
    )

    class Meta:
        ordering = ["name"]
        indexes = [
            models.Index(fields=["status", "review_status"], name="service_public_idx"),
            models.Index(fields=["-last_verified"], name="service_verified_idx"),
            # Covers the public filter and the browsing order (id included), so counting and
            # choosing a page of results read this index, never the wide rows.
            models.Index(
                fields=["organization", "status", "review_status", "last_verified", "id"],
                name="service_public_page_idx",
            ),
            # A search joins its matches to services by id: this index answers the public
            # filter and the freshness of each match without reading the wide rows.
            models.Index(
                fields=["id", "organization", "status", "review_status", "last_verified"],
                name="service_search_probe_idx",
            ),
        ]
        verbose_name = _("service")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("directory:service", args=[self.pk])


class Location(models.Model):
    """HSDS `location`. `neighbourhood` is our extension: the list people pick from without JS."""

    class LocationType(models.TextChoices):
        PHYSICAL = "physical", _("A place you can visit")
        POSTAL = "postal", _("Postal address only")
        VIRTUAL = "virtual", _("Online or by phone")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="locations"
    )
    location_type = models.CharField(
        _("type"), max_length=10, choices=LocationType.choices, default=LocationType.PHYSICAL
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    description = models.TextField(_("description"), max_length=1000, blank=True)
    transportation = models.CharField(_("getting there"), max_length=300, blank=True)
    accessibility = models.CharField(_("accessibility"), max_length=300, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    neighbourhood = models.ForeignKey(
        "cities.Neighbourhood",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="locations",
        verbose_name=_("neighbourhood"),
    )
    is_retired = models.BooleanField(default=False)

    class Meta:
        ordering = ["name"]
        indexes = [
            # "Near me" reads the locations in a box around the visitor (the first index) and
            # then the coordinates of each result's locations by id (the second): from these
            # indexes, not from the wide rows (text in four languages).
            models.Index(
                fields=["latitude", "longitude", "is_retired", "id"], name="location_box_idx"
            ),
            models.Index(
                fields=["id", "latitude", "longitude", "is_retired"], name="location_live_point_idx"
            ),
        ]
        verbose_name = _("location")

    def __str__(self) -> str:
        return self.name or str(self.pk)


class ServiceAtLocation(models.Model):
    """HSDS `service_at_location`: where a service is delivered."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, related_name="service_at_locations"
    )
    location = models.ForeignKey(
        Location, on_delete=models.CASCADE, related_name="service_at_locations"
    )
    description = models.TextField(_("description"), max_length=1000, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["service", "location"], name="unique_service_location")
        ]
        indexes = [
            # "Near me" reads the services at the locations in a box from this index alone.
            models.Index(fields=["location", "service"], name="sal_location_service_idx"),
        ]
        verbose_name = _("service at a location")

    def __str__(self) -> str:
        return f"{self.service} @ {self.location}"


class Address(models.Model):
    """HSDS `address` of a location."""

    class AddressType(models.TextChoices):
        PHYSICAL = "physical", _("Street address")
        POSTAL = "postal", _("Postal address")
        VIRTUAL = "virtual", _("Virtual")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="addresses")
    attention = models.CharField(max_length=200, blank=True)
    address_1 = models.CharField(_("street address"), max_length=200)
    address_2 = models.CharField(_("unit, floor"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100)
    region = models.CharField(max_length=100, blank=True)
    state_province = models.CharField(_("province"), max_length=50)
    postal_code = models.CharField(_("postal code"), max_length=10)
    country = models.CharField(max_length=2, default="CA")
    address_type = models.CharField(
        max_length=10, choices=AddressType.choices, default=AddressType.PHYSICAL
    )

    class Meta:
        verbose_name = _("address")
        verbose_name_plural = _("addresses")

    def __str__(self) -> str:
        return ", ".join(p for p in (self.address_1, self.address_2, self.city) if p)


class Phone(models.Model):
    """HSDS `phone` of a service or a location."""

    class PhoneType(models.TextChoices):
        VOICE = "voice", _("Voice")
        TEXT = "text", _("Text messages")
        CELL = "cell", _("Mobile")
        FAX = "fax", _("Fax")
        VIDEO = "video", _("Video")
        TEXTPHONE = "textphone", _("TTY")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.CASCADE, related_name="phones"
    )
    location = models.ForeignKey(
        Location, null=True, blank=True, on_delete=models.CASCADE, related_name="phones"
    )
    number = models.CharField(_("phone number"), max_length=30)
    extension = models.CharField(_("extension"), max_length=10, blank=True)
    type = models.CharField(
        _("type"), max_length=10, choices=PhoneType.choices, default=PhoneType.VOICE
    )
    description = models.CharField(_("description"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("phone")

    def __str__(self) -> str:
        return self.number

    @property
    def tel(self) -> str:
        """The `tel:` URI for tap-to-call."""
        digits = "".join(c for c in self.number if c.isdigit() or c == "+")
        return f"tel:{digits}" + (f";ext={self.extension}" if self.extension else "")


class Schedule(models.Model):
    """HSDS `schedule`, the weekly form (`freq=WEEKLY`, `byday`, `opens_at`, `closes_at`), in the
    city's time zone. `closes_at` earlier than `opens_at` means open across midnight."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.CASCADE, related_name="schedules"
    )
    location = models.ForeignKey(
        Location, null=True, blank=True, on_delete=models.CASCADE, related_name="schedules"
    )
    freq = models.CharField(max_length=10, default="WEEKLY")
    byday = models.CharField(_("days"), max_length=30, help_text=_("e.g. MO,TU,WE"))
    opens_at = models.TimeField(_("opens at"))
    closes_at = models.TimeField(_("closes at"))
    valid_from = models.DateField(null=True, blank=True)
    valid_to = models.DateField(null=True, blank=True)
    description = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        ordering = ["opens_at"]
        indexes = [
            # "Open now" in a search reads each match's hours from this index alone.
            models.Index(
                fields=["service", "byday", "opens_at", "closes_at", "valid_from", "valid_to"],
                name="schedule_open_probe_idx",
            ),
        ]
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")

    def __str__(self) -> str:
        return f"{self.byday} {self.opens_at:%H:%M}-{self.closes_at:%H:%M}"

    @property
    def days(self) -> list[str]:
        return [d.strip() for d in self.byday.split(",") if d.strip()]


class Language(models.Model):
    """HSDS `language`: a language spoken at a service (BCP 47 code)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.CASCADE, related_name="languages"
    )
    location = models.ForeignKey(
        Location, null=True, blank=True, on_delete=models.CASCADE, related_name="languages"
    )
    code = models.CharField(_("language code"), max_length=10, db_index=True)
    name = models.CharField(_("language"), max_length=100)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("language")

    def __str__(self) -> str:
        return self.name


class Attribute(models.Model):
    """HSDS `attribute`: links a service to a taxonomy term (a category or a service attribute
    such as "free" or "no ID required"). `link_entity` is always "service" here."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="attributes")
    taxonomy_term = models.ForeignKey(
        TaxonomyTerm, on_delete=models.PROTECT, related_name="attributes"
    )
    value = models.CharField(max_length=200, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["service", "taxonomy_term"], name="unique_attribute")
        ]
        verbose_name = _("attribute")

    def __str__(self) -> str:
        return f"{self.service}: {self.taxonomy_term}"

    @property
    def link_entity(self) -> str:
        return "service"


class CityDirectorySettings(models.Model):
    """Per-city directory policy set by organizers."""

    city = models.OneToOneField(
        "cities.City", on_delete=models.CASCADE, related_name="directory_settings"
    )
    review_new_listings = models.BooleanField(
        _("new listings wait for organizer review"), default=True
    )

    class Meta:
        verbose_name = _("directory settings")
        verbose_name_plural = _("directory settings")

    def __str__(self) -> str:
        return str(self.city)


class OutdatedReport(models.Model):
    """A visitor says a listing is outdated. Only which parts are wrong and the day: no free
    text, so nothing personal can land here."""

    class Problem(models.TextChoices):
        HOURS = "hours", _("The opening hours are wrong")
        ADDRESS = "address", _("The address is wrong")
        PHONE = "phone", _("The phone number does not work")
        CLOSED = "closed", _("The service has closed")
        LANGUAGES = "languages", _("The languages spoken are wrong")
        FEES = "fees", _("The fees are wrong")
        OTHER = "other", _("Something else is wrong")

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="outdated_reports")
    problems = models.JSONField(default=list)
    day = models.DateField()
    resolved = models.BooleanField(default=False)

    class Meta:
        ordering = ["-day", "-id"]
        verbose_name = _("outdated information report")

    def __str__(self) -> str:
        return f"{self.service} ({self.day})"
