"""E-mail to endorsement contacts, sent through django-tasks.

A queued task row would otherwise hold a contact's address in clear, so the message travels
as an envelope encrypted under a key derived from SECRET_KEY (libsodium SecretBox). With the
default immediate backend it never reaches the database at all.

`contact_email_row` gives the row the database backend (production's) would write, unsaved, so
that the surge path can store it in the same statement as the endorsement it confirms.
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


def seal_envelope(*, to: str, subject: str, body: str) -> str:
    message = json.dumps({"to": to, "subject": subject, "body": body}).encode()
    return b64encode(crypto.secretbox_encrypt(_envelope_key(), message)).decode()


def open_envelope(envelope: str) -> dict[str, str]:
    message: dict[str, str] = json.loads(
        crypto.secretbox_decrypt(_envelope_key(), b64decode(envelope))
    )
    return message


@task()
def send_contact_email(envelope: str) -> None:
    message = open_envelope(envelope)
    send_mail(message["subject"], message["body"], None, [message["to"]], fail_silently=False)


def queue_contact_email(*, to: str, subject: str, body: str) -> None:
    send_contact_email.enqueue(seal_envelope(to=to, subject=subject, body=body))


def queues_in_database() -> bool:
    """True when the e-mail task runs on django-tasks' database backend (production's)."""
    from django_tasks_db.backend import DatabaseBackend

    return isinstance(send_contact_email.get_backend(), DatabaseBackend)


_validated: "weakref.WeakSet[Any]" = weakref.WeakSet()


def contact_email_row(*, to: str, subject: str, body: str) -> Any | None:
    """The unsaved `DBTaskResult` that `queue_contact_email` would store, when the e-mail task
    runs on django-tasks' database backend (None on any other backend: queue it instead).
    Its values are the backend's own (`DatabaseBackend._task_to_db_task` and the model's
    pre_save), so a task worker runs it like any other; the tests compare the two rows."""
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.models import DBTaskResult, get_date_max

    backend = send_contact_email.get_backend()
    if not isinstance(backend, DatabaseBackend):
        return None
    if backend not in _validated:  # the task and the backend do not change: checked once
        backend.validate_task(send_contact_email)
        _validated.add(backend)
    envelope = seal_envelope(to=to, subject=subject, body=body)
    return storage.new(
        DBTaskResult,
        id=backend._get_id(),
        args_kwargs={"args": [envelope], "kwargs": {}},
        priority=send_contact_email.priority,
        task_path=send_contact_email.module_path,
        queue_name=send_contact_email.queue_name,
        run_after=send_contact_email.run_after or get_date_max(),
        backend_name=backend.alias,
    )
