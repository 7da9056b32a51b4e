"""Rate limits (keyed on the hourly client hash, in cache) and the honeypot field."""

import pytest
from django.core import mail

from solidarity.endorsements.models import Endorsement

pytestmark = pytest.mark.django_db


def test_the_eleventh_submission_in_an_hour_gets_429(client, vault, form_data):
    for number in range(10):
        response = client.post(
            "/en/endorse/", {**form_data, "contact_email": f"person{number}@example.org"}
        )
        assert response.status_code == 302

    response = client.post("/en/endorse/", {**form_data, "contact_email": "late@example.org"})

    assert response.status_code == 429
    assert Endorsement.objects.count() == 10


def test_another_visitor_is_not_limited_by_the_first(client, vault, form_data):
    from django.test import Client

    for number in range(11):
        client.post("/en/endorse/", {**form_data, "contact_email": f"p{number}@example.org"})
    other = Client(REMOTE_ADDR="192.0.2.77")

    response = other.post("/en/endorse/", {**form_data, "contact_email": "other@example.org"})

    assert response.status_code == 302


def test_a_filled_honeypot_is_thanked_and_forgotten(client, vault, form_data, solved):
    response = client.post("/en/endorse/", {**form_data, "nickname": "bot", "altcha": solved()})

    assert response.status_code == 302
    assert response["Location"] == "/en/endorse/thanks/"
    assert Endorsement.objects.count() == 0
    assert mail.outbox == []


def test_the_honeypot_is_hidden_from_people(client, city):
    html = client.get("/en/endorse/").content.decode()

    assert '<div class="hp-field" aria-hidden="true">' in html
    assert 'name="nickname"' in html


def test_asking_for_new_links_is_rate_limited(client, db):
    statuses = [
        client.post("/en/endorse/resend/", {"email": f"a{n}@example.org"}).status_code
        for n in range(6)
    ]

    assert statuses == [302] * 5 + [429]
