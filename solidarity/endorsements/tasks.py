"""E-mail to endorsement contacts, sent through django-tasks.

A queued task row would otherwise hold a contact's address in clear, so what it carries travels
as an envelope encrypted under a key derived from SECRET_KEY (libsodium SecretBox). With the
default immediate backend it never reaches the database at all.

A confirmation request carries only the address and the endorsement it is for: the task worker
writes the message when it sends it, in the endorsement's language, and sends nothing if the
endorsement no longer waits for confirmation (confirmed through an earlier link, withdrawn,
erased). `confirmation_row` gives the row the database backend (production's) would write for
it, unsaved, so that the surge path can store it in the same statement as the endorsement.
"""

import functools
import hashlib
import hmac
import json
import weakref
from base64 import b64decode, b64encode
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django_tasks import task

from solidarity.endorsements import storage
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


@task()
def send_confirmation(envelope: str) -> None:
    """Asks the contact to confirm the endorsement the envelope names, if it still waits."""
    from solidarity.endorsements.services import confirmation_message_for

    sealed = open_envelope(envelope)
    message = confirmation_message_for(sealed["endorsement"])
    if message is not None:
        subject, body = message
        send_mail(subject, body, None, [sealed["to"]], fail_silently=False)


def queue_confirmation(*, to: str, endorsement: str | int) -> None:
    """`endorsement` names it as its confirmation link does (`services.endorsement_reference`)."""
    send_confirmation.enqueue(seal_envelope({"to": to, "endorsement": endorsement}))


def queues_in_database() -> bool:
    """True when the e-mail task runs on django-tasks' database backend (production's)."""
    from django_tasks_db.backend import DatabaseBackend

    return isinstance(send_confirmation.get_backend(), DatabaseBackend)


_validated: "weakref.WeakSet[Any]" = weakref.WeakSet()


def confirmation_row(*, to: str, endorsement: str | int) -> Any | None:
    """The unsaved `DBTaskResult` that `queue_confirmation` would store, when the e-mail task
    runs on django-tasks' database backend (None on any other backend: queue it instead).
    Its values are the backend's own (`DatabaseBackend._task_to_db_task` and the model's
    pre_save), so a task worker runs it like any other; the tests compare the two rows."""
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.models import DBTaskResult, get_date_max

    task = send_confirmation
    backend = task.get_backend()
    if not isinstance(backend, DatabaseBackend):
        return None
    if backend not in _validated:  # the task and the backend do not change: checked once
        backend.validate_task(task)
        _validated.add(backend)
    envelope = seal_envelope({"to": to, "endorsement": endorsement})
    return storage.new(
        DBTaskResult,
        id=backend._get_id(),
        args_kwargs={"args": [envelope], "kwargs": {}},
        priority=task.priority,
        task_path=task.module_path,
        queue_name=task.queue_name,
        run_after=task.run_after or get_date_max(),
        backend_name=backend.alias,
    )
