"""Expired login links and organizer invitations nobody used."""

import datetime

from django.utils import timezone

from solidarity.accounts.models import LoginToken, User


def purge(*, today: datetime.date) -> dict[str, int]:
    now = timezone.make_aware(datetime.datetime.combine(today, datetime.time.min))
    expired = LoginToken.objects.filter(expires_at__lt=now)
    pending = LoginToken.objects.filter(expires_at__gte=now).values("user")
    stale = User.objects.filter(
        is_active=False,
        is_staff=True,
        last_login__isnull=True,
        login_tokens__in=expired.filter(purpose=LoginToken.Purpose.ORGANIZER_INVITATION),
    ).exclude(pk__in=pending)
    _total, users = User.objects.filter(pk__in=list(stale.values_list("pk", flat=True))).delete()
    links, _per_model = expired.delete()
    invitations = users.get("accounts.User", 0)
    return {"unused organizer invitations": invitations, "expired login links": links}
