"""Confidential reports of broken pledges (DESIGN.md §5).

Each report has an X25519 key pair of its own. What the reporter wrote and every message are
sealed to the report's public key. Its private key exists only twice, wrapped: sealed to the
campaign key (`private_key_sealed`, so organizers can open it) and encrypted under a key derived
from the reporter's receipt (`private_key_wrapped`). Clearing both crypto-shreds the report; the
clear columns left (city, commitments, outcome, dates to the day) feed the transparency page.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from solidarity.cities.models import Commitment
from solidarity.vault.fields import SealedField

OTHER = "other"
COMMITMENT_CHOICES = [*Commitment.choices, (OTHER, _("Something else"))]


class Report(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("New")
        CONTACTING = "contacting", _("Contacting the organization")
        RESTORED = "restored", _("Resolved: pledge restored")
        SUSPENDED = "suspended", _("Resolved: endorsement suspended")
        UNFOUNDED = "unfounded", _("Unfounded")

    CLOSED = (Status.RESTORED, Status.SUSPENDED, Status.UNFOUNDED)

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    city = models.ForeignKey("cities.City", on_delete=models.PROTECT, related_name="+")
    organization = models.ForeignKey(
        "directory.Organization",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    commitments = models.JSONField(default=list)
    month = models.DateField(_("month it happened"))
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.NEW)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    public_key = models.BinaryField(max_length=32)
    # Narrative, unlisted organization name and optional contact, sealed to `public_key`.
    content = models.BinaryField(null=True)
    private_key_sealed = SealedField(null=True)
    private_key_wrapped = models.BinaryField(null=True)
    # NULL once shredded: unique, and empty strings would collide.
    receipt_lookup = models.CharField(max_length=64, null=True, unique=True)  # noqa: DJ001
    receipt_ops_limit = models.PositiveIntegerField(default=0)
    receipt_mem_limit = models.PositiveBigIntegerField(default=0)
    received_on = models.DateField()
    closed_on = models.DateField(null=True, blank=True)
    shredded_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-received_on", "id"]
        verbose_name = _("report")
        indexes = [models.Index(fields=["city", "status"])]

    def __str__(self) -> str:
        return f"Report {str(self.pk)[:8]} ({self.status})"

    @property
    def is_closed(self) -> bool:
        return self.status in self.CLOSED

    @property
    def is_shredded(self) -> bool:
        return self.shredded_on is not None

    @property
    def commitment_labels(self) -> list[str]:
        labels = dict(COMMITMENT_CHOICES)
        return [str(labels.get(key, key)) for key in self.commitments]


class Message(models.Model):
    """A message in the conversation between the reporter and organizers."""

    class Author(models.TextChoices):
        REPORTER = "reporter", _("You")
        ORGANIZERS = "organizers", _("Organizers")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="messages")
    author = models.CharField(max_length=16, choices=Author.choices)
    # Which organizer wrote it; shown to organizers only, never to the reporter.
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.BinaryField()  # sealed to the report's public key
    sent_on = models.DateField()

    class Meta:
        ordering = ["sent_on", "id"]

    def __str__(self) -> str:
        return f"{self.author} message on {self.sent_on}"


class Note(models.Model):
    """Organizers' internal note, sealed to the campaign key: the receipt never opens it."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="notes")
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = SealedField()
    written_on = models.DateField()

    class Meta:
        ordering = ["written_on", "id"]

    def __str__(self) -> str:
        return f"Note on {self.written_on}"
