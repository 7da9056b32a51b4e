"""Error reports and logs never contain POST bodies, sealed values' plaintext or addresses."""

import logging
import secrets
import sys

import pytest
from django.test import RequestFactory
from django.views.debug import ExceptionReporter

from solidarity.lib.privacy import PrivateLogFilter
from solidarity.vault.services import open_text, seal_text, unwrap_keyring

# Made at run time, so the source lines an error report quotes cannot contain it.
CANARY = "canary-" + secrets.token_hex(8)


def report_for(request, raise_it):
    try:
        raise_it()
    except Exception:
        exc_type, exc_value, tb = sys.exc_info()
    reporter = ExceptionReporter(request, exc_type, exc_value, tb)
    return reporter.get_traceback_text() + reporter.get_traceback_html()


def test_a_crash_while_handling_a_post_does_not_report_its_body(db):
    request = RequestFactory().post("/en/vault/unlock/", {"passphrase": CANARY, "email": CANARY})

    def crash():
        secret = request.POST["passphrase"]  # a local variable holding the secret
        raise ValueError("boom " + str(len(secret)))

    report = report_for(request, crash)

    assert "boom" in report
    assert "passphrase" in report  # the field name is shown, its value is not
    assert CANARY not in report


def test_a_crash_after_opening_a_sealed_value_does_not_report_the_plaintext(organizer):
    request = RequestFactory().get("/en/organizers/")
    keyring = unwrap_keyring(organizer=organizer, passphrase="ana's vault passphrase")
    blob = seal_text(CANARY)

    def crash():
        opened = open_text(blob, keyring=keyring)
        raise RuntimeError(f"failed on a value of {len(opened)} characters")

    assert CANARY not in report_for(request, crash)


def test_log_records_lose_the_request_and_query_strings(caplog):
    request = RequestFactory().post(f"/en/accounts/link/?email={CANARY}", {"email": CANARY})
    logger = logging.getLogger("solidarity.test")
    logger.addFilter(PrivateLogFilter())
    try:
        with caplog.at_level(logging.INFO, logger="solidarity.test"):
            logger.warning(
                '"POST %s HTTP/1.1" 500', request.get_full_path(), extra={"request": request}
            )
    finally:
        logger.filters.clear()

    record = caplog.records[0]
    assert record.request is None
    assert CANARY not in record.getMessage()


@pytest.mark.parametrize("url", ["/en/accounts/login/", "/en/accounts/link/", "/en/vault/unlock/"])
def test_posting_personal_data_logs_none_of_it(client, organizer, caplog, url):
    with caplog.at_level(logging.DEBUG):
        client.post(
            url,
            {
                "username": CANARY,
                "password": CANARY,
                "email": f"{CANARY}@example.org",
                "passphrase": CANARY,
                "code": "123456",
            },
        )

    assert CANARY not in caplog.text
