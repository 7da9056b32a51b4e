from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from solidarity.cities.models import Commitment
from solidarity.vault.fields import SealedField


class Endorsement(models.Model):
    """An organization's signature on one version of its city's declaration.

    Contact details are sealed by the vault on arrival; only `contact_email_hash` (a keyed hash)
    allows finding a duplicate without storing the address.
    """

    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("Unconfirmed")
        AWAITING_REVIEW = "awaiting_review", _("Awaiting review")
        VERIFIED = "verified", _("Verified")
        REJECTED = "rejected", _("Rejected")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        SUSPENDED = "suspended", _("Suspended")

    class Visibility(models.TextChoices):
        LISTED = "listed", _("Listed by name")
        COUNT_ONLY = "count_only", _("Counted only")

    class DecisionMethod(models.TextChoices):
        GENERAL_ASSEMBLY = "general_assembly", _("General assembly")
        BOARD = "board", _("Board")
        MEMBERS_VOTE = "members_vote", _("Members' vote")
        STAFF_COLLECTIVE = "staff_collective", _("Staff collective")
        OTHER = "other", _("Other")

    organization = models.ForeignKey(
        "directory.Organization",
        on_delete=models.CASCADE,
        related_name="endorsements",
        db_index=False,  # the first column of endorsement_org_status_idx
    )
    declaration = models.ForeignKey(
        "cities.Declaration", on_delete=models.PROTECT, related_name="endorsements"
    )
    provides_services = models.BooleanField(_("provides services"), default=False)
    commitments = models.JSONField(_("commitments made"), default=list, blank=True)
    decision_method = models.CharField(
        _("how the decision was taken"), max_length=32, choices=DecisionMethod.choices
    )
    decided_month = models.DateField(_("month of the decision"))
    statement = models.TextField(_("public statement"), blank=True)
    visibility = models.CharField(
        _("visibility"), max_length=16, choices=Visibility.choices, default=Visibility.LISTED
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.UNCONFIRMED,
    )
    status_reason = models.CharField(_("public reason"), max_length=500, blank=True)
    contact_sealed = SealedField()
    contact_email_hash = models.CharField(max_length=64)
    language = models.CharField(_("language of the contact"), max_length=8, default="en")
    # Set when the browser solved the proof-of-work; unproven entries get no e-mail and wait
    # for an organizer.
    proof_of_work = models.BooleanField(_("proof of work solved"), default=False)
    # Random per form display: a double-submitted form is stored once.
    submission_id = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    # The confirmation e-mail waiting for the task worker (an outbox stored with the row, so a
    # submission writes no task row): the contact's address in an envelope sealed under a key
    # derived from SECRET_KEY (tasks.seal_address). Cleared when the e-mail is sent and when
    # the endorsement stops waiting for confirmation.
    confirmation_envelope = models.BinaryField(null=True, blank=True, editable=False)
    created_on = models.DateField(auto_now_add=True)
    confirmed_on = models.DateField(null=True, blank=True)
    verified_on = models.DateField(null=True, blank=True)
    status_changed_on = models.DateField(null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        db_index=False,
    )

    class Meta:
        ordering = ["-created_on", "-id"]
        verbose_name = _("endorsement")
        # Declared here rather than with db_index: on PostgreSQL a CharField's db_index also
        # builds a second, `varchar_pattern_ops` index for LIKE, which nothing here asks, and
        # every index is written on each of a surge's inserts. verified_by is empty until an
        # organizer verifies: only the filled ones are indexed (for SET_NULL on a deleted user).
        indexes = [
            # "Does this organization have a verified endorsement?" is asked for every public
            # service (directory.selectors.public_services): with both columns in one index no
            # planner can take the status index instead, as SQLite did without statistics
            # (the HSDS export at 60,000 services: 64 s instead of 15).
            models.Index(fields=["organization", "status"], name="endorsement_org_status_idx"),
            models.Index(fields=["status"], name="endorsement_status_idx"),
            models.Index(fields=["contact_email_hash"], name="endorsement_email_hash_idx"),
            models.Index(
                fields=["verified_by"],
                condition=models.Q(verified_by__isnull=False),
                name="endorsement_verified_by_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization} ({self.get_status_display()})"

    @property
    def made_all_commitments(self) -> bool:
        return self.provides_services and set(Commitment.values) <= set(self.commitments)
