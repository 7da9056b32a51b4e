"""Organizers log in with username, password and a TOTP code; guessing gets the account locked
for a while, and nothing about the client's address is kept."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from solidarity.organizers.models import AuditEntry
from solidarity.vault.tests.helpers import current_code

PASSWORD = "a long organizer password"


def login(client, organizer, *, password=PASSWORD, code=None, next_url=""):
    device = organizer.totpdevice_set.get()
    data = {"username": "ana", "password": password, "code": code or current_code(device)}
    if next_url:
        data["next"] = next_url
    return client.post(reverse("accounts:login"), data)


def test_password_and_code_open_the_dashboard(client, organizer):
    response = login(client, organizer)

    assert response.status_code == 302
    assert response["Location"] == reverse("organizers:dashboard")
    assert client.get(reverse("organizers:dashboard")).status_code == 200
    assert AuditEntry.objects.filter(action="login", actor=organizer).exists()


def test_it_returns_to_a_local_next_page(client, organizer):
    response = login(client, organizer, next_url="/en/organizers/audit/")

    assert response["Location"] == "/en/organizers/audit/"


def test_it_never_sends_to_another_site(client, organizer):
    response = login(client, organizer, next_url="https://evil.example/")

    assert response["Location"] == reverse("organizers:dashboard")


def test_a_code_cannot_be_used_twice(client, organizer):
    code = current_code(organizer.totpdevice_set.get())
    login(client, organizer, code=code)
    client.post(reverse("accounts:logout"))

    assert login(client, organizer, code=code).status_code == 400


@pytest.mark.parametrize(
    ("password", "code"),
    [("wrong password here", None), (PASSWORD, "000000"), (PASSWORD, "12ab56")],
)
def test_a_wrong_password_or_code_is_refused_with_one_message(client, organizer, password, code):
    response = login(client, organizer, password=password, code=code)

    assert response.status_code == 400
    assert "_auth_user_id" not in client.session


def test_a_password_without_the_code_gives_no_staff_page(client, organizer):
    client.post(reverse("accounts:login"), {"username": "ana", "password": PASSWORD})

    assert client.get(reverse("organizers:dashboard")).status_code == 302


def test_five_failures_lock_the_account_even_with_the_right_code(client, organizer):
    for _ in range(5):
        login(client, organizer, password="wrong password here")

    response = login(client, organizer)

    assert response.status_code == 400
    assert "Too many failed attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_lockout_touches_only_that_account(client, organizer, django_user_model):
    for _ in range(5):
        client.post(
            reverse("accounts:login"),
            {"username": "someone-else", "password": "x", "code": "123456"},
        )

    assert login(client, organizer).status_code == 302


def test_the_lockout_stores_no_address_and_no_username(client, organizer):
    for _ in range(3):
        client.post(
            reverse("accounts:login"),
            {"username": "ana", "password": "wrong", "code": "123456"},
            REMOTE_ADDR="203.0.113.9",
        )

    stored = repr(cache._cache)  # locmem: the raw keys and values
    assert "203.0.113.9" not in stored
    assert "lockout:" in stored
    assert "ana" not in stored.replace("lockout:", "")


@pytest.mark.parametrize(
    "data",
    [
        {"username": "a" * 10_000, "password": "x", "code": "123456"},
        {"username": "ana\x00", "password": "x\x00", "code": "\x00"},
        {"username": "<script>alert(1)</script>", "password": "x", "code": "123456"},
        {"username": ["a", "b"], "password": "x" * 100_000, "code": "123456"},
    ],
)
def test_hostile_input_gets_a_clear_400(client, organizer, data):
    response = client.post(reverse("accounts:login"), data)

    assert response.status_code == 400
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_the_login_page_has_labels_and_an_error_summary(client, organizer):
    page = login(client, organizer, password="wrong password here").content.decode()

    assert 'class="error-summary"' in page
    assert '<label for="id_code"' in page
    assert 'autocomplete="one-time-code"' in page
