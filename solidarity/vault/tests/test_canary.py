"""Personal data typed into real forms is nowhere in the database in clear: not in the raw
SQLite file (and its WAL), not in `dumpdata`, not in a `pg_dump` of the PostgreSQL run."""

import datetime
import io
import os
import re
import secrets
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp

from solidarity.accounts.services import invite_representative
from solidarity.campaign.models import Volunteer
from solidarity.directory.models import Organization
from solidarity.vault.services import seal_text

# Committed for real, so the file and pg_dump see it. Naming every app makes the flush afterwards
# cascade (tables created in raw SQL may reference Django's).
pytestmark = pytest.mark.django_db(
    transaction=True, available_apps=[a for a in settings.INSTALLED_APPS if a != "modeltranslation"]
)

CANARY = "canary" + secrets.token_hex(6)  # made at run time: in no source file
VISIBLE = "visible" + secrets.token_hex(6)  # stored in clear on purpose: proves the search works


def submit_personal_data_through_forms(organizer, city):
    # Login form: a wrong password and an unknown username.
    Client().post(
        reverse("accounts:login"), {"username": CANARY, "password": CANARY, "code": "123456"}
    )
    # Unlock form: a wrong passphrase, then the right one.
    unlocked = Client()
    unlocked.force_login(organizer)
    session = unlocked.session
    from django_otp import DEVICE_ID_SESSION_KEY

    session[DEVICE_ID_SESSION_KEY] = organizer.totpdevice_set.get().persistent_id
    session.save()
    unlocked.post(reverse("vault:unlock"), {"passphrase": CANARY})
    unlocked.post(reverse("vault:unlock"), {"passphrase": "ana's vault passphrase"})
    # Invitation form (the username is meant to be stored), then the new organizer's
    # password and vault passphrase.
    unlocked.post(reverse("vault:access"), {"username": VISIBLE})
    link = re.search(
        r"<code>https?://[^/]+(/[^<]+)</code>",
        unlocked.get(reverse("vault:access")).content.decode(),
    ).group(1)
    newcomer = Client()
    newcomer.get(link)
    code = f"{totp(bytes.fromhex(newcomer.session['invitation_totp_key'])):06d}"
    newcomer.post(link, {"password": CANARY + "P", "password_again": CANARY + "P", "code": code})
    newcomer.post(
        reverse("vault:unlock"), {"passphrase": CANARY + "V", "passphrase_again": CANARY + "V"}
    )
    # A representative's e-mail address, by invitation and through the login-link form.
    organization = Organization.objects.create(
        city=city, name="Org", slug="org", sector="community"
    )
    invite_representative(organization=organization, email=f"{CANARY}@example.org")
    Client().post(reverse("accounts:link_request"), {"email": f"{CANARY}@example.org"})
    assert len(mail.outbox) == 2
    # Sealed personal data, as every app stores it.
    Volunteer.objects.create(
        city=city,
        details_sealed=seal_text(CANARY + " 514-555-0199"),
        last_activity_on=datetime.date(2026, 11, 1),
    )


def assert_no_canary(data: bytes, where: str):
    assert VISIBLE.encode() in data, f"the search of {where} is broken"
    assert CANARY.encode() not in data, f"personal data in clear in {where}"
    assert CANARY.upper().encode() not in data.upper(), f"personal data in clear in {where}"


def test_no_canary_in_the_database_files_or_dumps(organizer, city):
    submit_personal_data_through_forms(organizer, city)

    dump = io.StringIO()
    call_command("dumpdata", stdout=dump)
    assert_no_canary(dump.getvalue().encode(), "dumpdata")

    if connection.vendor == "sqlite":
        connection.close()  # let SQLite fold what it can into the main file
        name = Path(connection.settings_dict["NAME"])
        raw = b"".join(p.read_bytes() for p in (name, Path(f"{name}-wal")) if p.exists())
        assert_no_canary(raw, "the SQLite file")
    else:
        assert_no_canary(pg_dump(), "pg_dump")


def pg_dump() -> bytes:
    settings = connection.settings_dict
    return subprocess.run(
        [
            f"{os.environ['PG_BIN_DIR']}/pg_dump",
            "-h",
            os.environ["PG_TEST_SOCKET_DIR"],
            "-U",
            settings["USER"] or "postgres",
            settings["NAME"],
        ],
        check=True,
        capture_output=True,
    ).stdout
