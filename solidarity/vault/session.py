"""An unlocked keyring lives only encrypted in the server-side session, under a random key held
in an HttpOnly, SameSite=Strict cookie: the session row alone or the cookie alone opens nothing.

It expires after `VAULT_IDLE_SECONDS` without use, on logout (the session is flushed) and with
the "lock now" button.
"""

import base64
import binascii
import json
import time

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from nacl.exceptions import CryptoError

from solidarity.vault import crypto
from solidarity.vault.sealing import VaultLocked

SESSION_KEY = "vault_keyring"
IDLE_SECONDS = 30 * 60


def cookie_name() -> str:
    # The __Host- prefix makes browsers refuse the cookie unless Secure, host-only and path=/.
    return "__Host-vault" if settings.SESSION_COOKIE_SECURE else "vault"


def idle_seconds() -> int:
    return int(getattr(settings, "VAULT_IDLE_SECONDS", IDLE_SECONDS))


def store_keyring(request: HttpRequest, response: HttpResponse, keyring: dict[int, bytes]) -> None:
    """Encrypts the keyring under a fresh random key; the key goes to the browser only."""
    key = crypto.random_key()
    payload = json.dumps({str(k): base64.b64encode(v).decode() for k, v in keyring.items()})
    request.session[SESSION_KEY] = {
        "box": base64.b64encode(crypto.secretbox_encrypt(key, payload.encode())).decode(),
        "user": request.user.pk,
        "seen": int(time.time()),
    }
    response.set_cookie(
        cookie_name(),
        base64.urlsafe_b64encode(key).decode(),
        httponly=True,
        samesite="Strict",
        secure=settings.SESSION_COOKIE_SECURE,
        path="/",
    )


def lock(request: HttpRequest, response: HttpResponse | None = None) -> None:
    request.session.pop(SESSION_KEY, None)
    if response is not None:
        response.delete_cookie(cookie_name(), path="/", samesite="Strict")


def is_unlocked(request: HttpRequest) -> bool:
    try:
        keyring_for(request)
    except VaultLocked:
        return False
    return True


def keyring_for(request: HttpRequest) -> dict[int, bytes]:
    """{campaign key id: private key} of the unlocked organizer; VaultLocked otherwise."""
    stored = request.session.get(SESSION_KEY)
    cookie = request.COOKIES.get(cookie_name(), "")
    user = request.user
    if not stored or not cookie or not (user.is_active and user.is_staff):
        raise VaultLocked("The vault is locked.")
    if stored.get("user") != user.pk or time.time() - stored.get("seen", 0) > idle_seconds():
        lock(request)
        raise VaultLocked("The vault is locked.")
    try:
        key = base64.urlsafe_b64decode(cookie)
        payload = crypto.secretbox_decrypt(key, base64.b64decode(stored["box"]))
    except (CryptoError, ValueError, binascii.Error, KeyError, TypeError):
        raise VaultLocked("The vault is locked.") from None
    stored["seen"] = int(time.time())
    request.session.modified = True
    return {int(k): base64.b64decode(v) for k, v in json.loads(payload).items()}
