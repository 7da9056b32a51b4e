"""Accounts: representatives log in by single-use e-mailed links; organizers are invited with a
single-use link, then choose their password, second factor and vault passphrase."""

import datetime
import secrets
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from solidarity.accounts.models import LoginToken, User
from solidarity.organizers.services import audit_log
from solidarity.vault.sealing import email_hash, keyed_hash

# Configurable in settings; the e-mails and pages say "30 minutes" and "7 days": keep in step.
LOGIN_LINK_LIFETIME = datetime.timedelta(
    minutes=getattr(settings, "ACCOUNTS_LOGIN_LINK_MINUTES", 30)
)
INVITATION_LIFETIME = datetime.timedelta(days=getattr(settings, "ACCOUNTS_INVITATION_DAYS", 7))


def _token_hash(token: str) -> str:
    return keyed_hash(token, purpose="login-token")


def login_token_create(*, user: User, purpose: str, lifetime: datetime.timedelta) -> str:
    """Returns the raw token; only its keyed hash is stored."""
    token = secrets.token_urlsafe(32)
    LoginToken.objects.create(
        user=user,
        purpose=purpose,
        token_hash=_token_hash(token),
        expires_at=timezone.now() + lifetime,
    )
    return token


def login_token_find(*, token: str, purpose: str) -> LoginToken | None:
    """The valid, unexpired token, without using it up (GET pages show a button)."""
    if not token or len(token) > 100:
        return None
    return (
        LoginToken.objects.select_related("user")
        .filter(token_hash=_token_hash(token), purpose=purpose, expires_at__gt=timezone.now())
        .first()
    )


def login_token_use(*, token: str, purpose: str) -> User | None:
    """Uses a token up and returns its user, or None if it is unknown, used or expired."""
    with transaction.atomic():
        found = login_token_find(token=token, purpose=purpose)
        if found is None or not found.user.is_active:
            return None
        deleted, _rows = LoginToken.objects.filter(pk=found.pk).delete()
    return found.user if deleted else None


def _send_link(*, email: str, template: str, url: str, context: dict[str, Any]) -> None:
    context = {**context, "url": url, "site_url": settings.SITE_URL}
    subject = render_to_string(f"accounts/email/{template}_subject.txt", context).strip()
    body = render_to_string(f"accounts/email/{template}.txt", context)
    send_mail(subject, body, None, [email])


def login_link_send(*, user: User, email: str, template: str = "login_link") -> None:
    """A new link replaces any earlier one, so at most one works at a time."""
    LoginToken.objects.filter(user=user, purpose=LoginToken.Purpose.LOGIN).delete()
    token = login_token_create(
        user=user, purpose=LoginToken.Purpose.LOGIN, lifetime=LOGIN_LINK_LIFETIME
    )
    url = settings.SITE_URL + reverse("accounts:link", args=[token])
    _send_link(email=email, template=template, url=url, context={"user": user})


def login_link_request(*, email: str) -> None:
    """E-mails a login link if the address belongs to an active representative. The caller
    answers the same either way, so the form does not reveal who is a representative."""
    user = User.objects.filter(
        email_hash=email_hash(email), organization__isnull=False, is_active=True
    ).first()
    if user is not None:
        login_link_send(user=user, email=email)


@transaction.atomic
def invite_representative(*, organization: Any, email: str, actor: Any = None) -> User:
    """The representative account found by e-mail hash (created if new), and a login link
    e-mailed to that address. The address itself is not stored."""
    digest = email_hash(email)
    user = User.objects.filter(email_hash=digest).first()
    if user is None:
        user = User(username=f"rep-{secrets.token_hex(6)}", email_hash=digest)
        user.set_unusable_password()
    user.organization = organization
    user.is_active = True
    user.save()
    audit_log(
        actor=actor, action="representative_invite", target=user, city_id=organization.city_id
    )
    login_link_send(user=user, email=email, template="representative_invitation")
    return user


@transaction.atomic
def organizer_invite(*, inviter: User, username: str, cities: Any = ()) -> tuple[User, str]:
    """A new organizer account, inactive until the invitation link is used; returns the token
    (the inviter passes the link on through a channel they trust)."""
    user = User(username=username, is_staff=True, is_active=False)
    user.set_unusable_password()
    user.save()
    user.cities.set(cities)
    token = login_token_create(
        user=user, purpose=LoginToken.Purpose.ORGANIZER_INVITATION, lifetime=INVITATION_LIFETIME
    )
    audit_log(actor=inviter, action="organizer_invite", target=user)
    return user, token


def totp_matches(key_hex: str, code: str) -> bool:
    """Checks a code against a TOTP secret that is not saved yet (one step of drift)."""
    if not code.isdigit() or len(code) != 6:
        return False
    totp = TOTP(bytes.fromhex(key_hex), step=30, digits=6)
    for drift in (-1, 0, 1):
        totp.drift = drift
        if totp.token() == int(code):
            return True
    return False


@transaction.atomic
def organizer_invitation_accept(*, token: str, password: str, totp_key: str) -> User | None:
    """Uses the invitation: sets the password and the confirmed second factor, activates."""
    found = login_token_find(token=token, purpose=LoginToken.Purpose.ORGANIZER_INVITATION)
    if found is None:
        return None
    LoginToken.objects.filter(pk=found.pk).delete()
    user = found.user
    user.set_password(password)
    user.is_active = True
    user.save()
    TOTPDevice.objects.create(user=user, name="default", key=totp_key, confirmed=True)
    audit_log(actor=user, action="organizer_invitation_accept", target=user)
    return user
