from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """Campaign organizers (is_staff, scoped to cities) and organizations' representatives.

    No e-mail address is stored in clear: `email_hash` is a keyed hash used to find a
    representative from the address they type when asking for a login link.
    """

    email_hash = models.CharField(max_length=64, blank=True, db_index=True)
    organization = models.ForeignKey(
        "directory.Organization",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="representatives",
        verbose_name=_("organization represented"),
    )
    cities = models.ManyToManyField(
        "cities.City",
        blank=True,
        related_name="organizers",
        verbose_name=_("cities organized"),
        help_text=_("Leave empty for an organizer of every city."),
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    @property
    def is_organizer(self) -> bool:
        return self.is_active and self.is_staff

    @property
    def is_representative(self) -> bool:
        return self.is_active and self.organization_id is not None


class LoginToken(models.Model):
    """A single-use link: a representative's login link, or an invitation to a new organizer.

    Only a keyed hash of the token is stored, so a copy of the database cannot log anyone in.
    """

    class Purpose(models.TextChoices):
        LOGIN = "login", _("login link")
        ORGANIZER_INVITATION = "organizer_invitation", _("organizer invitation")

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="login_tokens")
    purpose = models.CharField(max_length=32, choices=Purpose.choices)
    token_hash = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("login link")

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} for user {self.user_id}"
