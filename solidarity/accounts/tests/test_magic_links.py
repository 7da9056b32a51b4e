"""Representatives log in with single-use, expiring links, confirmed with a POST button so mail
scanners that follow links cannot use them up; the request form does not reveal who exists."""

import datetime
import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from solidarity.accounts.models import LoginToken, User
from solidarity.accounts.services import invite_representative
from solidarity.directory.models import Organization

EMAIL = "Coordination@Example.org"


@pytest.fixture
def organization(city):
    return Organization.objects.create(
        city=city, name="Centre Solidaire", slug="centre-solidaire", sector="community"
    )


@pytest.fixture
def representative(organization):
    user = invite_representative(organization=organization, email=EMAIL)
    mail.outbox.clear()
    return user


def link_in(message):
    return re.search(r"https?://[^/\s]+(/\S+/link/[^/\s]+/)", message.body).group(1)


def ask(client, email):
    return client.post(reverse("accounts:link_request"), {"email": email})


def test_invite_representative_stores_no_address_and_emails_a_link(organization):
    user = invite_representative(organization=organization, email=EMAIL)

    assert user.organization == organization
    assert not user.has_usable_password()
    assert EMAIL.lower() not in repr(User.objects.filter(pk=user.pk).values().get()).lower()
    assert mail.outbox[0].to == [EMAIL]
    assert "/link/" in mail.outbox[0].body


def test_inviting_the_same_address_again_finds_the_same_account(organization, representative):
    again = invite_representative(organization=organization, email="  coordination@example.ORG ")

    assert again.pk == representative.pk
    assert User.objects.filter(organization=organization).count() == 1


def test_known_and_unknown_addresses_get_the_same_answer(client, representative):
    known = ask(client, EMAIL)
    unknown = ask(client, "nobody@example.org")

    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [EMAIL]


def test_opening_the_link_does_not_use_it_up(client, representative):
    ask(client, EMAIL)
    link = link_in(mail.outbox[0])

    assert client.get(link).status_code == 200
    assert client.get(link).status_code == 200
    assert "_auth_user_id" not in client.session


def test_the_button_logs_in_once(client, representative):
    ask(client, EMAIL)
    link = link_in(mail.outbox[0])

    response = client.post(link)

    assert response.status_code == 302
    assert client.get(reverse("accounts:home")).status_code == 200
    client.post(reverse("accounts:logout"))
    assert client.post(link).status_code == 410


def test_an_expired_link_does_not_work(client, representative):
    ask(client, EMAIL)
    link = link_in(mail.outbox[0])
    LoginToken.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))

    assert client.get(link).status_code == 410
    assert client.post(link).status_code == 410


def test_a_made_up_token_does_not_work(client, representative):
    assert client.post(reverse("accounts:link", args=["x" * 43])).status_code == 410
    assert client.get(reverse("accounts:link", args=["x" * 5000])).status_code == 410


def test_only_a_hash_of_the_token_is_stored(client, representative):
    ask(client, EMAIL)
    token = link_in(mail.outbox[0]).rstrip("/").rsplit("/", 1)[1]

    assert not LoginToken.objects.filter(token_hash__contains=token).exists()
    assert LoginToken.objects.count() == 1


def test_asking_too_often_is_rate_limited(client, representative):
    cache.clear()
    statuses = [ask(client, f"someone{n}@example.org").status_code for n in range(6)]

    assert statuses[:5] == [302] * 5
    assert statuses[5] == 429


def test_the_honeypot_answers_like_success_and_sends_nothing(client, representative):
    response = client.post(reverse("accounts:link_request"), {"email": EMAIL, "nickname": "bot"})

    assert response.status_code == 302
    assert mail.outbox == []


@pytest.mark.parametrize(
    "email", ["", "not an address", "a@b" + "c" * 300 + ".org", "x\x00@example.org"]
)
def test_a_bad_address_gets_a_clear_error(client, email):
    response = ask(client, email)

    assert response.status_code == 400
    assert 'class="error-summary"' in response.content.decode()


def test_representative_pages_refuse_others(organizer_client, representative):
    from django.test import Client

    assert Client().get(reverse("accounts:home")).status_code == 302
    assert organizer_client.get(reverse("accounts:home")).status_code == 403


def test_one_address_gets_at_most_three_links_an_hour_whoever_asks(representative):
    from django.test import Client

    cache.clear()
    for n in range(5):
        Client(REMOTE_ADDR=f"198.51.100.{n}").post(
            reverse("accounts:link_request"), {"email": EMAIL}
        )

    assert len(mail.outbox) == 3
