"""Key material. Nothing here opens anything without a passphrase or the printed recovery key.

- `CampaignKey`: an X25519 key pair per deployment (or per city); only the public half is stored.
- `OrganizerKey`: each organizer's own X25519 key pair, its private half wrapped under a key
  derived from the organizer's passphrase (Argon2id + SecretBox).
- `RecoveryKey`: the public half of the printed recovery key.
- `WrappedKey`: a campaign private key sealed to one organizer's or to the recovery public key,
  so granting and rotating never need anyone else's passphrase.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CampaignKey(models.Model):
    """A campaign's X25519 key pair. Only the public half is stored in clear."""

    city = models.ForeignKey(
        "cities.City", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    public_key = models.BinaryField(max_length=32)
    is_active = models.BooleanField(default=True)
    created_on = models.DateField(auto_now_add=True)

    class Meta:
        verbose_name = _("campaign key")

    def __str__(self) -> str:
        scope = self.city.slug if self.city_id else "all cities"  # type: ignore[union-attr]
        return f"Campaign key {self.pk} ({scope})"


class OrganizerKey(models.Model):
    """An organizer's key pair; the private half wrapped under their passphrase."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="vault_key"
    )
    public_key = models.BinaryField(max_length=32)
    salt = models.BinaryField(max_length=16)
    ciphertext = models.BinaryField(max_length=128)
    ops_limit = models.PositiveIntegerField()
    mem_limit = models.PositiveBigIntegerField()
    created_on = models.DateField(auto_now_add=True)

    class Meta:
        verbose_name = _("organizer key")

    def __str__(self) -> str:
        return f"Organizer key of user {self.user_id}"


class RecoveryKey(models.Model):
    """The public half of the recovery key printed by `vault init`."""

    public_key = models.BinaryField(max_length=32)
    is_active = models.BooleanField(default=True)
    created_on = models.DateField(auto_now_add=True)

    class Meta:
        verbose_name = _("recovery key")

    def __str__(self) -> str:
        return f"Recovery key {self.pk}"


class WrappedKey(models.Model):
    """A campaign private key sealed to one organizer's public key or to the recovery key."""

    campaign_key = models.ForeignKey(CampaignKey, on_delete=models.CASCADE, related_name="wraps")
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="wrapped_keys",
    )
    recovery_key = models.ForeignKey(
        RecoveryKey, null=True, blank=True, on_delete=models.CASCADE, related_name="wraps"
    )
    ciphertext = models.BinaryField(max_length=128)
    created_on = models.DateField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["campaign_key", "holder"], name="one_wrap_per_organizer"
            ),
            models.UniqueConstraint(
                fields=["campaign_key", "recovery_key"], name="one_wrap_per_recovery_key"
            ),
            models.CheckConstraint(
                condition=models.Q(holder__isnull=True) ^ models.Q(recovery_key__isnull=True),
                name="wrapped_for_exactly_one",
            ),
        ]

    def __str__(self) -> str:
        return f"Wrap of key {self.campaign_key_id}"
