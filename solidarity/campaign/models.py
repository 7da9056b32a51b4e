"""Volunteers and contact messages (sealed), the organizers' toolkit and campaign actions."""

import uuid

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from solidarity.cities.models import Commitment
from solidarity.vault.fields import SealedField


class WayToHelp(models.TextChoices):
    INTERPRETATION = "interpretation", _("Interpretation")
    ACCOMPANIMENT = "accompaniment", _("Accompanying people to appointments")
    OUTREACH = "outreach", _("Reaching out to organizations")
    LEGAL = "legal", _("Legal professional")
    MEDICAL = "medical", _("Medical professional")
    EVENTS = "events", _("Events and actions")
    TRANSLATION = "translation", _("Translating this site")


class SpokenLanguage(models.TextChoices):
    """Languages a volunteer can help in. About the helper's skills, never about anyone's origin."""

    EN = "en", _("English")
    FR = "fr", _("French")
    ES = "es", _("Spanish")
    AR = "ar", _("Arabic")
    PT = "pt", _("Portuguese")
    HT = "ht", _("Haitian Creole")
    FA = "fa", _("Persian")
    ZH = "zh", _("Chinese")
    TL = "tl", _("Tagalog")
    TA = "ta", _("Tamil")
    OTHER = "other", _("Another language")


class Volunteer(models.Model):
    """Someone who offered to help. Name, contact and notes are sealed on arrival; only what
    organizers filter on stays in clear. Dates to the day."""

    class Status(models.TextChoices):
        NEW = "new", _("New")
        CONTACTED = "contacted", _("Contacted")
        ACTIVE = "active", _("Active")

    city = models.ForeignKey("cities.City", on_delete=models.CASCADE, related_name="volunteers")
    details_sealed = SealedField()
    ways_to_help = models.JSONField(_("ways to help"), default=list)
    languages = models.JSONField(_("languages"), default=list)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.NEW, db_index=True
    )
    created_on = models.DateField(auto_now_add=True)
    # Retention counts from here: set on arrival and whenever an organizer changes the status.
    last_activity_on = models.DateField(db_index=True)

    class Meta:
        ordering = ["-created_on", "-id"]
        verbose_name = _("volunteer")

    def __str__(self) -> str:
        return f"volunteer #{self.pk} ({self.city_id})"

    def ways_to_help_labels(self) -> list[str]:
        return [str(WayToHelp(code).label) for code in self.ways_to_help if code in WayToHelp]

    def language_labels(self) -> list[str]:
        return [
            str(SpokenLanguage(code).label) for code in self.languages if code in SpokenLanguage
        ]


class ContactMessage(models.Model):
    """A "get in touch" message. Everything the sender typed is sealed."""

    class Topic(models.TextChoices):
        ENDORSE = "endorse", _("Our group wants to endorse the declaration")
        TOOLKIT = "toolkit", _("Help putting the commitments in place")
        MEDIA = "media", _("Media")
        OTHER = "other", _("Something else")

    city = models.ForeignKey(
        "cities.City", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    topic = models.CharField(_("topic"), max_length=16, choices=Topic.choices)
    message_sealed = SealedField()
    handled = models.BooleanField(_("handled"), default=False)
    created_on = models.DateField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_on", "-id"]
        verbose_name = _("contact message")

    def __str__(self) -> str:
        return f"message #{self.pk} ({self.topic})"


class ToolkitPage(models.Model):
    """Guidance for one of the five commitments, written in Markdown by organizers."""

    commitment = models.CharField(
        _("commitment"), max_length=32, choices=Commitment.choices, unique=True
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    model_policy = models.TextField(_("model policy"), max_length=20000, help_text=_("Markdown."))
    staff_checklist = models.TextField(
        _("staff checklist"), max_length=20000, help_text=_("Markdown.")
    )
    guidance = models.TextField(_("guidance"), max_length=20000, help_text=_("Markdown."))
    position = models.PositiveSmallIntegerField(default=0)
    updated_on = models.DateField(auto_now=True)

    class Meta:
        ordering = ["position", "commitment"]
        verbose_name = _("toolkit page")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("campaign:toolkit_page", args=[self.commitment])


class Action(models.Model):
    """An upcoming action or event, published by organizers."""

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    city = models.ForeignKey(
        "cities.City",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="actions",
        help_text=_("Leave empty for an action that concerns every city."),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=5000, blank=True)
    place = models.CharField(_("place"), max_length=300, blank=True)
    starts_at = models.DateTimeField(_("starts at"), db_index=True)
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    is_published = models.BooleanField(_("published"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("action")

    def __str__(self) -> str:
        return self.title
