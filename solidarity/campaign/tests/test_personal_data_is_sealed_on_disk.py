"""What volunteers and senders type never reaches the database in clear: the raw SQLite file (with
its write-ahead log), or a pg_dump of PostgreSQL, holds no trace of it."""

import os
import subprocess
from pathlib import Path

import pytest
from django.db import connection
from django.urls import reverse

from solidarity.campaign.models import ContactMessage, Volunteer
from solidarity.campaign.tests.conftest import CANARY_CONTACT, CANARY_MESSAGE, CANARY_NAME


def database_bytes() -> bytes:
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        path = Path(settings["NAME"])
        files = [Path(f"{path}{suffix}") for suffix in ("", "-wal")]
        return b"".join(file.read_bytes() for file in files if file.exists())
    pg_dump = Path(os.environ["PG_BIN_DIR"]) / "pg_dump"
    command = [str(pg_dump), "-h", os.environ["PG_TEST_SOCKET_DIR"], "-U", "postgres"]
    return subprocess.run([*command, settings["NAME"]], check=True, capture_output=True).stdout


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_volunteer_and_contact_canaries_are_absent_from_the_database(
    client, organizer, volunteer_data, contact_data
):
    assert client.post(reverse("campaign:get_involved"), volunteer_data).status_code == 302
    assert client.post(reverse("campaign:contact"), contact_data).status_code == 302
    connection.close()  # let SQLite write everything out

    dump = database_bytes()

    assert Volunteer.objects.count() == 1
    assert ContactMessage.objects.count() == 1
    assert b'["events", "interpretation"]' in dump  # the clear filter fields are there
    for secret in (CANARY_NAME, CANARY_CONTACT, CANARY_MESSAGE, "Weekday evenings"):
        assert secret.encode() not in dump
        assert secret.encode("utf-16-le") not in dump
