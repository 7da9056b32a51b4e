"""Reports are crypto-shredded REPORT_RETENTION_DAYS after they are closed; open ones never."""

import datetime

import pytest
from django.test import Client

from solidarity.organizers.models import AuditEntry
from solidarity.reports.models import Note, Report
from solidarity.reports.retention import purge
from solidarity.reports.tests.conftest import send_report

TODAY = datetime.date(2026, 12, 1)


@pytest.fixture
def reports(city, organizer):
    """One report in each of new, contacting, restored and unfounded; closed 120 days ago."""
    statuses = ["new", "contacting", "restored", "unfounded"]
    for n in range(len(statuses)):
        send_report(Client(), city=city.pk, organization_name="X", submission=str(n))
    reports = list(Report.objects.all())
    for report, status in zip(reports, statuses, strict=True):
        closed = TODAY - datetime.timedelta(days=120) if status in Report.CLOSED else None
        Report.objects.filter(pk=report.pk).update(status=status, closed_on=closed)
    return reports


def test_open_reports_are_never_shredded_whatever_their_age(reports):
    Report.objects.update(received_on=TODAY - datetime.timedelta(days=2000))

    assert purge(today=TODAY) == {"reports shredded": 2}
    open_reports = Report.objects.filter(status__in=["new", "contacting"])
    assert all(report.private_key_sealed is not None for report in open_reports)


def test_closed_reports_are_shredded_after_the_configured_days(reports, settings):
    settings.REPORT_RETENTION_DAYS = 200
    assert purge(today=TODAY) == {"reports shredded": 0}

    settings.REPORT_RETENTION_DAYS = 120
    assert purge(today=TODAY) == {"reports shredded": 2}
    assert purge(today=TODAY) == {"reports shredded": 0}  # once is enough


def test_shredding_removes_both_key_copies_notes_and_the_receipt_lookup(reports, organizer):
    from solidarity.reports.inbox_services import report_note_add

    closed = Report.objects.get(status="restored")
    report_note_add(report=closed, organizer=organizer, body="internal")
    purge(today=TODAY)

    closed.refresh_from_db()
    assert closed.shredded_on == TODAY
    assert closed.private_key_sealed is None
    assert closed.private_key_wrapped is None
    assert closed.content is None
    assert closed.receipt_lookup is None
    assert not Note.objects.filter(report=closed).exists()
    assert AuditEntry.objects.filter(action="report.shredded", target_id=str(closed.pk)).exists()


def test_the_campaign_wide_purge_shreds_reports_too(reports):
    from solidarity.organizers.purge import purge_all

    results = purge_all(today=TODAY)

    assert results["reports"] == {"reports shredded": 2}
    assert Report.objects.exclude(shredded_on=None).count() == 2
