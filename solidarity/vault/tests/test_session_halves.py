"""The unlocked keyring needs both halves: the server-side session row and the browser's cookie.
Neither alone opens anything; it also ends after 30 idle minutes, on logout and on "lock now"."""

import base64
import time

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from solidarity.vault.services import VaultLocked, unwrap_keyring
from solidarity.vault.session import SESSION_KEY, cookie_name, keyring_for

PASSPHRASE = "ana's vault passphrase"


def request_from(client, rf, organizer, *, cookies=None):
    request = rf.get("/")
    request.session = client.session
    request.COOKIES = (
        cookies if cookies is not None else {k: m.value for k, m in client.cookies.items()}
    )
    request.user = organizer
    return request


def test_both_halves_open_the_keyring(unlocked_client, rf, organizer):
    keyring = keyring_for(request_from(unlocked_client, rf, organizer))

    assert keyring == unwrap_keyring(organizer=organizer, passphrase=PASSPHRASE)


def test_the_session_row_holds_no_private_key(unlocked_client, organizer):
    keyring = unwrap_keyring(organizer=organizer, passphrase=PASSPHRASE)
    session_key = unlocked_client.cookies["sessionid"].value
    raw = Session.objects.get(session_key=session_key).session_data

    for private in keyring.values():
        assert base64.b64encode(private).decode() not in raw
        assert private.hex() not in raw
        assert base64.b64encode(private).decode() not in str(
            Session.objects.get(session_key=session_key).get_decoded()
        )


def test_the_session_row_alone_opens_nothing(unlocked_client, rf, organizer):
    request = request_from(unlocked_client, rf, organizer, cookies={})

    with pytest.raises(VaultLocked):
        keyring_for(request)


def test_the_cookie_alone_opens_nothing(unlocked_client, rf, organizer):
    cookie = unlocked_client.cookies[cookie_name()].value
    other = Client()
    other.force_login(organizer)
    request = request_from(other, rf, organizer, cookies={cookie_name(): cookie})

    with pytest.raises(VaultLocked):
        keyring_for(request)


def test_a_forged_cookie_opens_nothing(unlocked_client, rf, organizer):
    forged = base64.urlsafe_b64encode(bytes(32)).decode()
    request = request_from(unlocked_client, rf, organizer, cookies={cookie_name(): forged})

    with pytest.raises(VaultLocked):
        keyring_for(request)


def test_it_locks_after_thirty_idle_minutes(unlocked_client, rf, organizer):
    session = unlocked_client.session
    session[SESSION_KEY]["seen"] = int(time.time()) - 31 * 60
    session.save()

    with pytest.raises(VaultLocked):
        keyring_for(request_from(unlocked_client, rf, organizer))


def test_use_keeps_it_unlocked(unlocked_client, rf, organizer):
    session = unlocked_client.session
    session[SESSION_KEY]["seen"] = int(time.time()) - 29 * 60
    session.save()

    request = request_from(unlocked_client, rf, organizer)
    keyring_for(request)

    assert time.time() - request.session[SESSION_KEY]["seen"] < 5


def test_lock_now_forgets_the_keyring(unlocked_client, rf, organizer):
    response = unlocked_client.post(reverse("vault:lock"))

    assert response.status_code == 302
    assert SESSION_KEY not in unlocked_client.session
    with pytest.raises(VaultLocked):
        keyring_for(request_from(unlocked_client, rf, organizer))


def test_logout_forgets_the_keyring(unlocked_client, organizer):
    session_key = unlocked_client.cookies["sessionid"].value

    unlocked_client.post(reverse("accounts:logout"))

    assert not Session.objects.filter(session_key=session_key).exists()
    assert unlocked_client.cookies[cookie_name()].value == ""


def test_a_locked_organizer_is_sent_to_unlock_and_back(organizer_client):
    response = organizer_client.get(reverse("vault:access"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("vault:unlock") + "?next=")
