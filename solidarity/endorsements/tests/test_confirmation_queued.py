"""In production the confirmation e-mail is queued in the database for the task worker
(django-tasks' database backend): it is stored with the endorsement it confirms, before the
visitor is thanked, and the worker writes and sends it — unless the endorsement no longer
waits for confirmation by then."""

import json
import re
import uuid

import pytest
from django.core import mail
from django_tasks_db.models import DBTaskResult

from solidarity.endorsements.models import Endorsement
from solidarity.endorsements.services import endorsement_reference
from solidarity.endorsements.tasks import open_envelope, queue_confirmation

from .conftest import CANARY_EMAIL

pytestmark = pytest.mark.django_db


def run_the_queue():
    """What the task worker (`db_worker`) does with each queued row."""
    for row in DBTaskResult.objects.order_by("enqueued_at"):
        row.task.call(*row.args_kwargs["args"], **row.args_kwargs["kwargs"])


@pytest.fixture(autouse=True)
def queued_in_database(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_the_confirmation_is_queued_with_the_endorsement_and_the_worker_sends_it(
    client, vault, form_data, solved
):
    response = client.post("/en/endorse/", {**form_data, "altcha": solved()})

    assert response["Location"] == "/en/endorse/thanks/"
    endorsement = Endorsement.objects.get()
    queued = DBTaskResult.objects.get()
    assert mail.outbox == []
    assert CANARY_EMAIL not in json.dumps(queued.args_kwargs)  # a sealed envelope

    run_the_queue()

    assert [message.to for message in mail.outbox] == [[CANARY_EMAIL]]
    link = re.search(r"https?://\S+/endorse/confirm/(\S+)/", mail.outbox[0].body)
    assert link is not None
    client.post(f"/en/endorse/confirm/{link[1]}/")
    endorsement.refresh_from_db()
    assert endorsement.status == Endorsement.Status.AWAITING_REVIEW


def test_the_queued_row_is_the_one_the_task_backend_writes(client, vault, form_data, solved):
    client.post("/en/endorse/", {**form_data, "altcha": solved()})
    endorsement = Endorsement.objects.get()
    queue_confirmation(to=CANARY_EMAIL, endorsement=endorsement_reference(endorsement))

    ours, backends = DBTaskResult.objects.order_by("enqueued_at")
    fields = ["status", "priority", "task_path", "queue_name", "backend_name", "run_after"]
    assert [getattr(ours, f) for f in fields] == [getattr(backends, f) for f in fields]
    assert list(ours.args_kwargs) == list(backends.args_kwargs) == ["args", "kwargs"]
    envelopes = [open_envelope(row.args_kwargs["args"][0]) for row in (ours, backends)]
    assert envelopes[0] == envelopes[1]


@pytest.mark.parametrize("from_the_page", [True, False])
def test_the_queued_envelope_holds_the_address_and_the_endorsement_only(
    client, vault, form_data, solved, from_the_page
):
    # The form shown on the page names its submission; one posted by hand may not.
    named = {"submission_id": str(uuid.uuid4())} if from_the_page else {}
    client.post("/fr/endorse/", {**form_data, **named, "altcha": solved()})

    (envelope,) = DBTaskResult.objects.get().args_kwargs["args"]
    endorsement = Endorsement.objects.get()
    reference = named.get("submission_id", endorsement.pk)
    assert endorsement_reference(endorsement) == reference
    assert open_envelope(envelope) == {"to": CANARY_EMAIL, "endorsement": reference}
    run_the_queue()
    (message,) = mail.outbox
    assert "Veuillez confirmer" in message.subject  # written by the worker, in French
    assert form_data["organization_name"] in message.body


@pytest.mark.parametrize("change", ["confirmed", "withdrawn", "erased"])
def test_the_worker_asks_nothing_once_the_endorsement_no_longer_waits(
    client, vault, form_data, solved, change
):
    client.post("/en/endorse/", {**form_data, "altcha": solved()})
    endorsement = Endorsement.objects.get()
    if change == "erased":
        endorsement.delete()
    else:
        status = {"confirmed": "awaiting_review", "withdrawn": "withdrawn"}[change]
        Endorsement.objects.filter(pk=endorsement.pk).update(status=status)

    run_the_queue()

    assert mail.outbox == []


def test_a_duplicate_queues_only_the_notice_to_the_existing_contact(
    client, vault, form_data, solved
):
    client.post("/en/endorse/", {**form_data, "altcha": solved()})
    again = {**form_data, "organization_name": "Another Name", "altcha": solved()}

    response = client.post("/en/endorse/", again)

    assert response["Location"] == "/en/endorse/thanks/"
    assert Endorsement.objects.count() == 1
    assert DBTaskResult.objects.count() == 2
    run_the_queue()
    assert len(mail.outbox) == 2
    assert "already endorsed" in mail.outbox[1].subject


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
