"""E-mail to endorsement contacts, sent through django-tasks.

A queued task row would otherwise hold a contact's address in clear, so the message travels
as an envelope encrypted under a key derived from SECRET_KEY (libsodium SecretBox). With the
default immediate backend it never reaches the database at all.
"""

import hashlib
import hmac
import json
from base64 import b64decode, b64encode

from django.conf import settings
from django.core.mail import send_mail
from django_tasks import task

from solidarity.vault import crypto


def _envelope_key() -> bytes:
    return hmac.new(settings.SECRET_KEY.encode(), b"mail-envelope", hashlib.sha256).digest()


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
