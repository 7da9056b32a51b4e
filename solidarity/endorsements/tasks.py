"""E-mail to endorsement contacts, sent through django-tasks.

A queued task row would otherwise hold a contact's address in clear, so what it carries travels
as an envelope encrypted under a key derived from SECRET_KEY (libsodium SecretBox). With the
default immediate backend it never reaches the database at all.

A new endorsement's confirmation request is not a task row: its envelope (the address alone,
`seal_address`) is stored in the endorsement's own row, and the task worker (`solidarity-city
worker`: django-tasks' db_worker, polling these too) writes the message when it sends it
(`services.send_waiting_confirmations`). With any other task backend, the submission queues
`send_waiting_confirmation` for its endorsement instead (the immediate backend runs it at once).
"""

import functools
import hashlib
import hmac
import json
from base64 import b64decode, b64encode
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django_tasks import task

from solidarity.vault import crypto


def _envelope_key() -> bytes:
    return _envelope_key_for(settings.SECRET_KEY)


@functools.lru_cache(maxsize=8)
def _envelope_key_for(secret: str) -> bytes:
    """The envelopes' key, derived once per SECRET_KEY."""
    return hmac.new(secret.encode(), b"mail-envelope", hashlib.sha256).digest()


def seal_envelope(contents: dict[str, Any]) -> str:
    message = json.dumps(contents).encode()
    return b64encode(crypto.secretbox_encrypt(_envelope_key(), message)).decode()


def open_envelope(envelope: str) -> dict[str, Any]:
    message: dict[str, Any] = json.loads(
        crypto.secretbox_decrypt(_envelope_key(), b64decode(envelope))
    )
    return message


@task()
def send_contact_email(envelope: str) -> None:
    message = open_envelope(envelope)
    send_mail(message["subject"], message["body"], None, [message["to"]], fail_silently=False)


def queue_contact_email(*, to: str, subject: str, body: str) -> None:
    send_contact_email.enqueue(seal_envelope({"to": to, "subject": subject, "body": body}))


def seal_address(address: str) -> bytes:
    """The envelope stored with an endorsement whose confirmation e-mail waits."""
    return crypto.secretbox_encrypt(_envelope_key(), address.encode())


def open_address(envelope: bytes | memoryview) -> str:
    return crypto.secretbox_decrypt(_envelope_key(), bytes(envelope)).decode()


@task()
def send_waiting_confirmation(endorsement_id: int) -> None:
    """Sends the confirmation e-mail waiting in this endorsement, if it still waits."""
    from solidarity.endorsements.services import send_waiting_confirmations

    send_waiting_confirmations(endorsement_id=endorsement_id)


def queues_in_database() -> bool:
    """True when tasks run on django-tasks' database backend (production's), whose worker
    also sends the confirmation e-mails waiting in endorsements."""
    from django_tasks_db.backend import DatabaseBackend

    return isinstance(send_waiting_confirmation.get_backend(), DatabaseBackend)
