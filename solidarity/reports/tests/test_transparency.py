"""The transparency page: numbers per city, quarter, commitment and outcome — no detail."""

import datetime

from django.test import Client
from django.urls import reverse

from solidarity.reports.models import Report
from solidarity.reports.selectors import quarter_of, transparency_counts
from solidarity.reports.tests.conftest import CANARY, send_report


def test_quarters_are_named_by_year_and_number():
    assert quarter_of(datetime.date(2026, 1, 1)) == "2026 Q1"
    assert quarter_of(datetime.date(2026, 12, 31)) == "2026 Q4"


def test_counts_per_commitment_and_outcome_per_quarter_per_city(endorser, city, other_city):
    send_report(Client(), organization=str(endorser.pk), commitments=["never_ask", "no_fees"])
    send_report(
        Client(),
        city=other_city.pk,
        organization_name="X",
        commitments=["never_ask"],
        submission="2",
    )
    Report.objects.filter(city=other_city).update(
        status="unfounded", received_on=datetime.date(2025, 5, 2)
    )

    counts = transparency_counts()

    [montreal] = counts[city]
    assert montreal.total == 1
    assert montreal.commitments == {"never_ask": 1, "no_fees": 1}
    assert montreal.outcomes == {"new": 1}
    [toronto] = counts[other_city]
    assert toronto.quarter == "2025 Q2"
    assert toronto.outcomes == {"unfounded": 1}


def test_the_page_shows_numbers_and_no_detail(endorser, city):
    send_report(Client(), organization=str(endorser.pk), narrative=CANARY)

    response = Client().get(reverse("reports:transparency"))
    page = response.content.decode()

    assert response.status_code == 200
    assert "Montreal" in page
    assert "Never ask about immigration status" in page
    assert endorser.name not in page
    assert CANARY not in page
    assert set(response.cookies) == set()


def test_shredded_reports_still_count(endorser, city):
    from solidarity.reports.services import report_shred

    send_report(Client(), organization=str(endorser.pk))
    report_shred(report=Report.objects.get(), today=datetime.date.today())

    assert transparency_counts()[city][0].total == 1
