"""`solidarity-city worker` (deploy/solidarity-worker.service): django-tasks' db_worker, which also
sends the confirmation e-mails new endorsements keep in their rows — within a second or so of
the submission, without a task row, and never twice."""

import threading
import time

import pytest
from django.core import mail
from django.core.management import call_command

from solidarity.endorsements.models import Endorsement
from solidarity.ops.management.commands import worker

from .conftest import CANARY_EMAIL

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def queued_in_database(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def waiting(client, vault, form_data, solved):
    client.post("/en/endorse/", {**form_data, "altcha": solved()})
    assert Endorsement.objects.get().confirmation_envelope is not None
    assert mail.outbox == []


def test_the_worker_in_batch_mode_sends_what_waits_and_the_queued_tasks(waiting, client):
    from solidarity.endorsements.tasks import queue_contact_email

    queue_contact_email(to="someone@example.org", subject="A queued task", body="Body")

    call_command("worker", "--batch", "--queue-name=*", "--interval=0.1", verbosity=0)

    assert sorted(message.to[0] for message in mail.outbox) == [CANARY_EMAIL, "someone@example.org"]
    assert Endorsement.objects.get().confirmation_envelope is None


def test_the_running_worker_sends_a_new_confirmation_within_its_interval(
    client, vault, form_data, solved
):
    stopped = threading.Event()
    polling = threading.Thread(target=worker._send_until, args=(stopped, 0.1), daemon=True)
    polling.start()
    try:
        client.post("/en/endorse/", {**form_data, "altcha": solved()})
        deadline = time.monotonic() + 10
        while not mail.outbox and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.3)  # a few more rounds: still one e-mail
    finally:
        stopped.set()
        polling.join(timeout=10)

    assert [message.to for message in mail.outbox] == [[CANARY_EMAIL]]
    assert Endorsement.objects.get().confirmation_envelope is None


def test_a_failing_relay_is_logged_without_the_address_and_tried_again(
    waiting, monkeypatch, caplog
):
    from solidarity.endorsements import services

    real_send_mail = services.send_mail
    attempts = []

    def flaky(subject, body, sender, to, **kwargs):
        attempts.append(to)
        if len(attempts) == 1:
            raise OSError(f"relay down while sending to {to[0]}")
        return real_send_mail(subject, body, sender, to, **kwargs)

    monkeypatch.setattr(services, "send_mail", flaky)
    stopped = threading.Event()
    polling = threading.Thread(target=worker._send_until, args=(stopped, 0.1), daemon=True)
    with caplog.at_level("WARNING", logger="solidarity.worker"):
        polling.start()
        deadline = time.monotonic() + 10
        while not mail.outbox and time.monotonic() < deadline:
            time.sleep(0.05)
        stopped.set()
        polling.join(timeout=10)

    assert len(attempts) == 2
    assert [message.to for message in mail.outbox] == [[CANARY_EMAIL]]
    assert "OSError" in caplog.text
    assert CANARY_EMAIL not in caplog.text


@pytest.mark.parametrize("unit", ["solidarity-worker", "solidarity-maintenance"])
def test_the_systemd_units_run_commands_that_exist(unit):
    from pathlib import Path

    from django.core.management import get_commands

    text = (Path(__file__).resolve().parents[3] / "deploy" / f"{unit}.service").read_text()
    starts = [line for line in text.splitlines() if line.startswith("ExecStart=")]
    named = [line.split("solidarity-city ", 1)[1].split()[0] for line in starts if "city " in line]
    assert named
    assert set(named) <= set(get_commands())
    if unit == "solidarity-worker":
        assert named == ["worker"]  # not db_worker alone: it would leave confirmations unsent
