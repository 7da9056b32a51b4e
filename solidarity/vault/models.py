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


class WrappedKey(models.Model):
    """The campaign private key encrypted for one organizer, or under the recovery key."""

    class Kind(models.TextChoices):
        ORGANIZER = "organizer", _("organizer passphrase")
        RECOVERY = "recovery", _("recovery key")

    campaign_key = models.ForeignKey(CampaignKey, on_delete=models.CASCADE, related_name="wraps")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="wrapped_keys",
    )
    salt = models.BinaryField(max_length=16)
    ciphertext = models.BinaryField(max_length=128)
    ops_limit = models.PositiveIntegerField()
    mem_limit = models.PositiveBigIntegerField()
    created_on = models.DateField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["campaign_key", "holder"],
                condition=models.Q(kind="organizer"),
                name="one_wrap_per_organizer",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} wrap of key {self.campaign_key_id}"
