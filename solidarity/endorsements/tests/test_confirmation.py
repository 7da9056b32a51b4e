"""The confirmation link: a page with a button, valid 7 days, harmless twice; new links on
request, with the same answer whether or not the address is known."""

import re
import time

import pytest
from django.core import mail

from solidarity.endorsements import services
from solidarity.endorsements.models import Endorsement

pytestmark = pytest.mark.django_db


@pytest.fixture
def unconfirmed(client, vault, form_data, solved):
    client.post("/en/endorse/", {**form_data, "altcha": solved()})
    return Endorsement.objects.get()


def link_in(message):
    return re.search(r"https?://[^/\s]+(/\S+/)", message.body).group(1)


def test_opening_the_link_does_not_confirm_only_the_button_does(client, unconfirmed):
    link = link_in(mail.outbox[0])

    page = client.get(link)

    assert page.status_code == 200
    assert '<form method="post">' in page.content.decode()
    unconfirmed.refresh_from_db()
    assert unconfirmed.status == Endorsement.Status.UNCONFIRMED


def test_confirming_twice_changes_nothing_more(client, unconfirmed):
    link = link_in(mail.outbox[0])

    client.post(link)
    client.post(link)

    unconfirmed.refresh_from_db()
    assert unconfirmed.status == Endorsement.Status.AWAITING_REVIEW
    assert unconfirmed.confirmed_on is not None
    assert "Endorsement confirmed" in client.get(link).content.decode()


def test_a_link_older_than_seven_days_no_longer_works(client, unconfirmed, monkeypatch):
    eight_days_ago = time.time() - 8 * 24 * 3600
    monkeypatch.setattr(time, "time", lambda: eight_days_ago)
    token = services.confirmation_token(unconfirmed)
    monkeypatch.undo()

    response = client.post(f"/en/endorse/confirm/{token}/")

    assert response.status_code == 400
    unconfirmed.refresh_from_db()
    assert unconfirmed.status == Endorsement.Status.UNCONFIRMED


def test_a_link_signed_for_something_else_is_refused(client, unconfirmed):
    from django.core import signing

    forged = signing.dumps(unconfirmed.pk, salt="another purpose")

    assert client.post(f"/en/endorse/confirm/{forged}/").status_code == 400


def test_a_new_link_is_sent_for_an_unconfirmed_endorsement(client, unconfirmed, form_data):
    response = client.post("/en/endorse/resend/", {"email": form_data["contact_email"]})

    assert response.status_code == 302
    assert len(mail.outbox) == 2
    assert "/en/endorse/confirm/" in mail.outbox[1].body


def test_asking_for_a_link_for_an_unknown_address_gets_the_same_answer(client, unconfirmed):
    known = client.post(
        "/en/endorse/resend/", {"email": "canary.contact.7f3a@example.net"}, follow=True
    )
    unknown = client.post("/en/endorse/resend/", {"email": "nobody@example.org"}, follow=True)

    assert known.status_code == unknown.status_code == 200
    assert known.redirect_chain == unknown.redirect_chain
    message = "If an unconfirmed endorsement uses this address, a new link is on its way."
    assert message in known.content.decode()
    assert message in unknown.content.decode()
    assert len(mail.outbox) == 2  # the original and the one new link


def test_a_second_request_within_ten_minutes_sends_nothing_more(client, unconfirmed, form_data):
    client.post("/en/endorse/resend/", {"email": form_data["contact_email"]})
    client.post("/en/endorse/resend/", {"email": form_data["contact_email"]})

    assert len(mail.outbox) == 2


def test_emails_go_out_in_the_language_of_the_form(client, vault, form_data, solved):
    client.post("/fr/endorse/", {**form_data, "altcha": solved()})

    assert "/fr/endorse/confirm/" in mail.outbox[0].body


@pytest.mark.parametrize("queue", ["immediate", "database"])
def test_the_link_names_the_form_sent_and_links_naming_the_row_still_work(
    client, vault, form_data, solved, settings, queue
):
    import uuid

    from django.core import signing
    from django_tasks_db.models import DBTaskResult

    if queue == "database":
        settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    submission_id = uuid.uuid4()
    client.post("/en/endorse/", {**form_data, "submission_id": submission_id, "altcha": solved()})
    for row in DBTaskResult.objects.all():  # what the task worker does
        row.task.call(*row.args_kwargs["args"], **row.args_kwargs["kwargs"])
    services.send_waiting_confirmations()
    endorsement = Endorsement.objects.get()
    token = link_in(mail.outbox[0]).rstrip("/").rsplit("/", 1)[1]
    by_row = signing.dumps(endorsement.pk, salt=services.CONFIRM_SALT)  # links sent before

    assert signing.loads(token, salt=services.CONFIRM_SALT) == str(submission_id)
    assert client.post(f"/en/endorse/confirm/{by_row}/").status_code == 302
    endorsement.refresh_from_db()
    assert endorsement.status == Endorsement.Status.AWAITING_REVIEW
    assert client.post(f"/en/endorse/confirm/{token}/").status_code == 302


@pytest.mark.parametrize(
    "named", ["00000000-0000-4000-8000-000000000000", "not a uuid", [1], True, None, 99999]
)
def test_a_signed_link_naming_no_endorsement_is_refused(client, unconfirmed, named):
    from django.core import signing

    token = signing.dumps(named, salt=services.CONFIRM_SALT)

    assert client.post(f"/en/endorse/confirm/{token}/").status_code == 400
    unconfirmed.refresh_from_db()
    assert unconfirmed.status == Endorsement.Status.UNCONFIRMED


@pytest.mark.parametrize("value", ["6f1c2a9e-53b4-4c1d-9a57-0e8b1f2d3c4a", 1, 123456789])
def test_a_confirmation_token_is_what_signing_dumps_makes(monkeypatch, settings, value):
    """The link's token is computed directly (`services._signed`): the same text as
    Django's `signing.dumps` at the same second, with the secret of the moment."""
    from django.core import signing

    monkeypatch.setattr(time, "time", lambda: 1_796_188_717.25)
    for secret in ("the first secret key, long enough for the test", "and then another one"):
        settings.SECRET_KEY = secret
        expected = signing.dumps(value, salt=services.CONFIRM_SALT)

        assert services._signed(value) == expected
        assert signing.loads(expected, salt=services.CONFIRM_SALT) == value
