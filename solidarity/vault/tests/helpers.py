"""Test helpers: a current TOTP code, a client logged in with the second factor, an organizer
with a second factor, and the `vault` command with secrets on stdin."""

import io
import sys

from django.core.management import call_command
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp


def current_code(device) -> str:
    return f"{totp(device.bin_key, step=device.step, digits=device.digits):06d}"


def verified_client(user) -> Client:
    client = Client()
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = user.totpdevice_set.get().persistent_id
    session.save()
    return client


def new_organizer(username: str):
    """A staff user with a confirmed TOTP device (no vault key yet)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from solidarity.accounts.models import User

    user = User.objects.create_user(username=username, password="x" * 20, is_staff=True)
    TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    return user


def run_vault(*args: str, stdin: str = "") -> str:
    """`solidarity-city vault ...` with `stdin` as its standard input; returns its output."""
    out = io.StringIO()
    saved, sys.stdin = sys.stdin, io.StringIO(stdin)
    try:
        call_command("vault", *args, stdout=out)
    finally:
        sys.stdin = saved
    return out.getvalue()
