"""Receipts: 16 random digits, shown once, stored only as a peppered Argon2id derivation."""

import re

from django.db import connection
from django.test import Client, override_settings

from solidarity.reports import receipts
from solidarity.reports.models import Report
from solidarity.reports.tests.conftest import follow_up, send_report


def test_a_receipt_is_sixteen_random_digits_grouped_like_a_phone_number():
    drawn = {receipts.new_receipt() for _ in range(50)}

    assert len(drawn) == 50
    assert all(re.fullmatch(r"\d{16}", receipt) for receipt in drawn)
    assert receipts.format_receipt("0123456789012345") == "0123 456 789 012 345"


def test_the_receipt_page_shows_it_once_and_is_never_cached(city, organizer):
    response, receipt = send_report(Client(), city=city.pk, organization_name="Corner Pharmacy")

    assert re.fullmatch(r"\d{4} \d{3} \d{3} \d{3} \d{3}", receipt)
    assert "no-store" in response["Cache-Control"]
    assert "never be shown again" in response.content.decode()


def test_the_database_holds_no_receipt_only_a_peppered_lookup(city, organizer):
    _response, receipt = send_report(Client(), city=city.pk, organization_name="Corner Pharmacy")
    digits = receipt.replace(" ", "")
    report = Report.objects.get()

    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM reports_report")
        row = " ".join(str(value) for value in cursor.fetchone())
    assert digits not in row
    limits = {"ops_limit": report.receipt_ops_limit, "mem_limit": report.receipt_mem_limit}
    assert receipts.derive_keys(digits, **limits).lookup == report.receipt_lookup
    with override_settings(REPORT_RECEIPT_PEPPER="another pepper, another server " * 2):
        assert receipts.derive_keys(digits, **limits).lookup != report.receipt_lookup


def test_a_receipt_typed_with_spaces_dashes_or_dots_still_opens_the_report(city, organizer):
    reporter = Client()
    _response, receipt = send_report(reporter, city=city.pk, organization_name="Corner Pharmacy")
    digits = receipt.replace(" ", "")
    typed = f"{digits[:4]}-{digits[4:8]}.{digits[8:12]} {digits[12:]}"

    response = follow_up(reporter, typed)

    assert response.status_code == 200
    assert "They asked for my papers at the front desk." in response.content.decode()


def _without_tokens(html: str) -> str:
    """The page without its per-response random parts (CSRF token, proof-of-work challenge)."""
    return re.sub(r'(value|data-pow-challenge)="[^"]*"', "", html)


def test_wrong_malformed_and_shredded_receipts_all_get_the_same_answer(city, organizer):
    import datetime

    from solidarity.reports.services import report_open_by_receipt, report_shred

    reporter = Client()
    _response, receipt = send_report(reporter, city=city.pk, organization_name="Corner Pharmacy")
    _response, shredded = send_report(
        Client(), city=city.pk, organization_name="Corner Pharmacy", submission="second"
    )
    opened = report_open_by_receipt(receipt_text=shredded)
    assert opened is not None
    report_shred(report=opened.report, today=datetime.date.today())
    digits = receipt.replace(" ", "")
    wrong = digits[:-1] + str((int(digits[-1]) + 1) % 10)
    shredded_report = Report.objects.exclude(shredded_on=None).get()
    assert shredded_report.receipt_lookup is None

    attempts = (wrong, "12345", "abcd" * 4, shredded)
    answers = [follow_up(reporter, attempt) for attempt in attempts]

    assert {answer.status_code for answer in answers} == {400}
    bodies = {_without_tokens(answer.content.decode()) for answer in answers}
    assert len(bodies) == 1
    assert "We could not open a report with this receipt" in bodies.pop()
