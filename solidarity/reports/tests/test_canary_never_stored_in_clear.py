"""What a reporter writes (narrative, contact, an unlisted organization's name, messages) and
what organizers write (replies, notes) never reach the database, a log or an e-mail in clear.

These tests commit for real (transactional), so the raw SQLite file (and its WAL) or a
`pg_dump` of the PostgreSQL test database holds exactly what a seized disk would.
"""

import logging
import os
import subprocess
from pathlib import Path

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.urls import reverse

from solidarity.reports.models import Report
from solidarity.reports.tests.conftest import COMMITTED, follow_up, send_report

SECRETS = {
    "narrative": "Canary-narrative-31d7: the desk clerk photographed my papers",
    "contact": "canary-contact-31d7@example.org",
    "organization_name": "Canary Unlisted Pharmacy 31d7",
    "message": "Canary-message-31d7: it happened again",
    "reply": "Canary-reply-31d7: we are calling them",
    "note": "Canary-note-31d7: the director denies it",
}


class Everything(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage() + repr(record.__dict__))


@pytest.fixture
def logs():
    handler = Everything()
    loggers = [
        logging.getLogger(),
        logging.getLogger("django"),
        logging.getLogger("django.request"),
    ]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.addHandler(handler)
        logger.setLevel(logging.DEBUG)
    yield handler
    for logger, level in zip(loggers, levels, strict=True):
        logger.removeHandler(handler)
        logger.setLevel(level)


def run_the_whole_flow(endorser, unlocked_client, organizer):
    organizer.email = "ana@example.org"
    organizer.save()
    reporter = Client()
    _response, listed_receipt = send_report(
        reporter,
        organization=str(endorser.pk),
        narrative=SECRETS["narrative"],
        contact=SECRETS["contact"],
    )
    _response, _unlisted_receipt = send_report(
        Client(),
        organization="other",
        organization_name=SECRETS["organization_name"],
        city=endorser.city_id,
        narrative=SECRETS["narrative"],
        submission="second-form",
    )
    # Refused forms are logged as bad requests: what they carried must not be.
    refused, _receipt = send_report(
        Client(), narrative=SECRETS["narrative"], contact=SECRETS["contact"], commitments=["x"]
    )
    assert refused.status_code == 400
    assert follow_up(Client(), "0000 0000 0000 0000", message=SECRETS["message"]).status_code == 400
    report = Report.objects.get(organization=endorser)
    unlocked_client.post(
        reverse("reports:inbox_reply", args=[report.pk]), {"reply": SECRETS["reply"]}
    )
    unlocked_client.post(reverse("reports:inbox_note", args=[report.pk]), {"note": SECRETS["note"]})
    response = follow_up(reporter, listed_receipt, message=SECRETS["message"])
    assert SECRETS["reply"] in response.content.decode()  # the flow really ran
    detail = unlocked_client.get(reverse("reports:inbox_detail", args=[report.pk])).content.decode()
    assert all(
        secret in detail for secret in SECRETS.values() if secret != SECRETS["organization_name"]
    )
    return endorser.name


def assert_no_secret_in(blob: bytes, where: str) -> None:
    for name, secret in SECRETS.items():
        for encoded in (secret.encode("utf-8"), secret.encode("utf-16-le")):
            assert encoded not in blob, f"{name} in clear in {where}"


@COMMITTED
def test_the_sqlite_file_holds_no_report_text(endorser, unlocked_client, organizer):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    control = run_the_whole_flow(endorser, unlocked_client, organizer)
    path = Path(connection.settings_dict["NAME"])
    blob = b"".join(
        Path(f"{path}{suffix}").read_bytes()
        for suffix in ("", "-wal")
        if Path(f"{path}{suffix}").exists()
    )

    assert control.encode() in blob  # we are reading the right file
    assert_no_secret_in(blob, str(path))


@COMMITTED
def test_a_pg_dump_holds_no_report_text(endorser, unlocked_client, organizer):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    control = run_the_whole_flow(endorser, unlocked_client, organizer)
    dump = subprocess.run(
        [
            f"{os.environ['PG_BIN_DIR']}/pg_dump",
            "--host",
            os.environ["PG_TEST_SOCKET_DIR"],
            "--username",
            connection.settings_dict["USER"] or "postgres",
            "--dbname",
            connection.settings_dict["NAME"],
        ],
        capture_output=True,
        check=True,
        timeout=120,
    ).stdout

    assert control.encode() in dump
    assert_no_secret_in(dump, "pg_dump")


def test_no_log_line_carries_report_text(endorser, unlocked_client, organizer, logs, capfd):
    run_the_whole_flow(endorser, unlocked_client, organizer)
    captured = capfd.readouterr()

    assert logs.lines  # requests were logged
    assert_no_secret_in("\n".join(logs.lines).encode(), "log records")
    assert_no_secret_in((captured.out + captured.err).encode(), "console output")


@COMMITTED  # notices are sent once the report is committed
def test_no_email_carries_report_text_or_the_organization(endorser, unlocked_client, organizer):
    control = run_the_whole_flow(endorser, unlocked_client, organizer)

    subjects = sorted(message.subject for message in mail.outbox)
    assert subjects == ["A confidential report arrived"] * 2 + ["A reporter added a message"]
    for message in mail.outbox:
        text = "\n".join(
            [
                message.subject,
                message.body,
                *(str(body) for body, _type in getattr(message, "alternatives", [])),
            ]
        )
        assert_no_secret_in(text.encode(), "an e-mail")
        assert control not in text
        assert "never_ask" not in text
