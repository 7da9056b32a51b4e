"""The contact person's details never reach the database in clear: the raw SQLite file (and its
write-ahead log), or a pg_dump of PostgreSQL, holds no trace of them."""

import os
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from solidarity.endorsements.models import Endorsement
from solidarity.endorsements.tests.conftest import CANARY_EMAIL, CANARY_NAME, CANARY_PHONE


def database_bytes() -> bytes:
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        path = Path(settings["NAME"])
        return b"".join(
            Path(f"{path}{suffix}").read_bytes()
            for suffix in ("", "-wal")
            if Path(f"{path}{suffix}").exists()
        )
    pg_dump = Path(os.environ["PG_BIN_DIR"]) / "pg_dump"
    command = [str(pg_dump), "-h", os.environ["PG_TEST_SOCKET_DIR"], "-U", "postgres"]
    return subprocess.run([*command, settings["NAME"]], check=True, capture_output=True).stdout


# available_apps makes the flush after this test TRUNCATE ... CASCADE on PostgreSQL, so tables
# that other apps link to (search indexes) do not stop it.
@pytest.mark.django_db(transaction=True, available_apps=list(settings.INSTALLED_APPS))
def test_the_contact_canary_is_absent_from_the_database(client, organizer, form_data, solved):
    response = client.post("/en/endorse/", {**form_data, "altcha": solved()})
    assert response.status_code == 302
    connection.close()  # let SQLite write everything out

    dump = database_bytes()

    assert Endorsement.objects.count() == 1
    assert form_data["organization_name"].encode() in dump  # public fields are there in clear
    for secret in (CANARY_EMAIL, CANARY_NAME, CANARY_PHONE, CANARY_EMAIL.upper()):
        assert secret.encode() not in dump
        assert secret.encode("utf-16-le") not in dump
