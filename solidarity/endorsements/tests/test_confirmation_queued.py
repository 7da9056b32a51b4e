"""In production the confirmation e-mail waits for the task worker (django-tasks' database
backend): it is stored in the endorsement's own row, in the statement that stores it, before the
visitor is thanked; the worker writes the message and sends it — unless the endorsement no
longer waits for confirmation by then."""

import smtplib
import uuid

import pytest
from django.core import mail
from django_tasks_db.models import DBTaskResult

from solidarity.endorsements.models import Endorsement
from solidarity.endorsements.services import send_waiting_confirmations
from solidarity.endorsements.tasks import open_address
from solidarity.vault.services import unwrap_keyring

from .conftest import CANARY_EMAIL

pytestmark = pytest.mark.django_db


def run_the_worker():
    """What the task worker (`solidarity-city worker`) does: queued tasks, then the
    confirmations waiting in endorsements."""
    for row in DBTaskResult.objects.order_by("enqueued_at"):
        row.task.call(*row.args_kwargs["args"], **row.args_kwargs["kwargs"])
    return send_waiting_confirmations()


def fail(error):
    """A stand-in for send_mail that raises `error`, counting its calls."""

    def send_mail(*args, **kwargs):
        send_mail.calls += 1
        raise error

    send_mail.calls = 0
    return send_mail


@pytest.fixture(autouse=True)
def queued_in_database(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_the_confirmation_waits_in_the_endorsement_and_the_worker_sends_it(
    client, vault, form_data, solved
):
    response = client.post("/en/endorse/", {**form_data, "altcha": solved()})

    assert response["Location"] == "/en/endorse/thanks/"
    endorsement = Endorsement.objects.get()
    assert mail.outbox == []
    assert not DBTaskResult.objects.exists()  # no task row: the row itself is the outbox
    envelope = bytes(endorsement.confirmation_envelope)
    assert CANARY_EMAIL.encode() not in envelope  # sealed
    assert open_address(envelope) == CANARY_EMAIL

    assert run_the_worker() == 1

    assert [message.to for message in mail.outbox] == [[CANARY_EMAIL]]
    endorsement.refresh_from_db()
    assert endorsement.confirmation_envelope is None  # sent: nothing of the address is left
    assert run_the_worker() == 0  # and not sent twice
    link = mail.outbox[0].body.split("/endorse/confirm/", 1)[1].split("/", 1)[0]
    client.post(f"/en/endorse/confirm/{link}/")
    endorsement.refresh_from_db()
    assert endorsement.status == Endorsement.Status.AWAITING_REVIEW


@pytest.mark.parametrize("from_the_page", [True, False])
def test_the_worker_writes_the_message_in_the_language_of_the_form(
    client, vault, form_data, solved, from_the_page
):
    # The form shown on the page names its submission; one posted by hand may not.
    named = {"submission_id": str(uuid.uuid4())} if from_the_page else {}
    client.post("/fr/endorse/", {**form_data, **named, "altcha": solved()})

    run_the_worker()

    (message,) = mail.outbox
    assert "Veuillez confirmer" in message.subject
    assert form_data["organization_name"] in message.body
    assert "/fr/endorse/confirm/" in message.body


def test_without_proof_of_work_nothing_waits(client, vault, form_data):
    client.post("/en/endorse/", form_data)

    assert Endorsement.objects.get().confirmation_envelope is None
    assert run_the_worker() == 0
    assert mail.outbox == []


@pytest.mark.parametrize("change", ["confirmed", "verified", "rejected", "withdrawn", "erased"])
def test_the_worker_asks_nothing_once_the_endorsement_no_longer_waits(
    client, vault, form_data, solved, change, organizer
):
    from solidarity.endorsements import services

    client.post("/en/endorse/", {**form_data, "altcha": solved()})
    endorsement = Endorsement.objects.get()
    if change == "erased":
        endorsement.delete()
    elif change == "confirmed":
        services.endorsement_confirm(endorsement=endorsement)
    elif change == "rejected":
        services.endorsement_reject(endorsement=endorsement, actor=organizer, reason="Unknown")
    elif change == "withdrawn":
        services.endorsement_withdraw(endorsement=endorsement, actor=organizer)
    else:
        keyring = unwrap_keyring(organizer=organizer, passphrase="ana's vault passphrase")
        services.endorsement_verify(endorsement=endorsement, actor=organizer, keyring=keyring)
        mail.outbox.clear()  # the representative's invitation

    assert run_the_worker() == 0
    assert mail.outbox == []
    if change != "erased":
        endorsement.refresh_from_db()
        assert endorsement.confirmation_envelope is None  # the address is not kept


def test_an_unreachable_relay_leaves_the_e_mail_waiting(
    client, vault, form_data, solved, monkeypatch
):
    from solidarity.endorsements import services

    client.post("/en/endorse/", {**form_data, "altcha": solved()})
    with monkeypatch.context() as patched:
        patched.setattr(services, "send_mail", fail(ConnectionRefusedError()))
        with pytest.raises(ConnectionRefusedError):
            send_waiting_confirmations()
    assert Endorsement.objects.get().confirmation_envelope is not None

    assert run_the_worker() == 1
    assert [message.to for message in mail.outbox] == [[CANARY_EMAIL]]


def test_an_address_the_relay_refuses_is_not_tried_again(
    client, vault, form_data, solved, monkeypatch
):
    from solidarity.endorsements import services

    client.post("/en/endorse/", {**form_data, "altcha": solved()})
    refused = fail(smtplib.SMTPRecipientsRefused({CANARY_EMAIL: (550, b"No such user")}))
    monkeypatch.setattr(services, "send_mail", refused)

    send_waiting_confirmations()
    send_waiting_confirmations()

    assert refused.calls == 1
    assert Endorsement.objects.get().confirmation_envelope is None


def test_a_duplicate_queues_only_the_notice_to_the_existing_contact(
    client, vault, form_data, solved
):
    client.post("/en/endorse/", {**form_data, "altcha": solved()})
    again = {**form_data, "organization_name": "Another Name", "altcha": solved()}

    response = client.post("/en/endorse/", again)

    assert response["Location"] == "/en/endorse/thanks/"
    assert Endorsement.objects.count() == 1
    assert DBTaskResult.objects.count() == 1  # the notice
    run_the_worker()
    assert len(mail.outbox) == 2
    assert sum("already endorsed" in message.subject for message in mail.outbox) == 1


@pytest.mark.parametrize("language", ["en", "fr", "es", "ar"])
@pytest.mark.parametrize("name", ['Café & Co "Les Amis"', "{{ url }} 50% {% now %}", "Ñandú"])
def test_the_message_is_the_template_rendered_with_the_values(language, name, city, monkeypatch):
    from django.template.loader import render_to_string
    from django.urls import reverse
    from django.utils import translation

    from solidarity.directory.models import Organization
    from solidarity.endorsements import services

    endorsement = Endorsement(
        pk=12345, language=language, organization=Organization(name=name, city=city)
    )
    token = "a" + services.confirmation_token(endorsement)  # its characters, and no clock
    monkeypatch.setattr(services, "confirmation_token", lambda endorsement: token)
    with translation.override(language):
        url = f"http://testserver{reverse('endorsements:confirm', args=[token])}"
        expected = render_to_string(
            "endorsements/email/confirm.txt", {"organization": name, "url": url, "days": 7}
        )

    subject, body = services._confirmation_message(endorsement)

    assert body == expected.replace("http://testserver", services._link(""))
    assert subject


def test_a_resent_link_waits_in_the_row_like_the_first(client, vault, form_data, solved):
    from solidarity.endorsements import services

    client.post("/en/endorse/", {**form_data, "altcha": solved()})
    run_the_worker()
    mail.outbox.clear()

    services.endorsement_resend_confirmation(email=CANARY_EMAIL, language="en")

    assert not DBTaskResult.objects.exists()
    assert Endorsement.objects.get().confirmation_envelope is not None
    assert run_the_worker() == 1
    assert [message.to for message in mail.outbox] == [[CANARY_EMAIL]]
