"""The whole life of a report, through the pages people use: report → receipt → organizer
reply → anonymous follow-up → close → purge."""

import datetime

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from solidarity.reports.models import Message, Report
from solidarity.reports.retention import purge
from solidarity.reports.tests.conftest import follow_up, send_report


def test_a_report_goes_from_receipt_to_reply_to_follow_up_to_close_to_purge(
    endorser, unlocked_client, settings
):
    reporter = Client()
    response, receipt = send_report(
        reporter,
        organization=str(endorser.pk),
        commitments=["never_ask", "confidential"],
        narrative="The receptionist asked where I was born.",
    )
    assert response.status_code == 201
    assert len(receipt.replace(" ", "")) == 16
    report = Report.objects.get()
    assert report.organization == endorser
    assert report.status == Report.Status.NEW

    inbox = unlocked_client.get(reverse("reports:inbox"))
    assert endorser.name in inbox.content.decode()
    detail = unlocked_client.get(reverse("reports:inbox_detail", args=[report.pk]))
    assert "The receptionist asked where I was born." in detail.content.decode()

    unlocked_client.post(
        reverse("reports:inbox_status", args=[report.pk]), {"status": "contacting"}
    )
    unlocked_client.post(
        reverse("reports:inbox_reply", args=[report.pk]),
        {"reply": "We are calling the clinic tomorrow."},
    )

    conversation = follow_up(reporter, receipt)
    page = conversation.content.decode()
    assert conversation.status_code == 200
    assert "We are calling the clinic tomorrow." in page
    assert "Contacting the organization" in page
    assert "no-store" in conversation["Cache-Control"]
    assert set(reporter.cookies) <= {"csrftoken"}  # no session, nothing to find on the device

    added = follow_up(reporter, receipt, message="It happened again on Monday.")
    assert "It happened again on Monday." in added.content.decode()
    detail = unlocked_client.get(reverse("reports:inbox_detail", args=[report.pk]))
    assert "It happened again on Monday." in detail.content.decode()

    closed = unlocked_client.post(
        reverse("reports:inbox_status", args=[report.pk]), {"status": "restored"}
    )
    assert closed.status_code == 302
    report.refresh_from_db()
    assert report.status == Report.Status.RESTORED
    assert report.closed_on == timezone.localdate()

    assert purge(today=report.closed_on + datetime.timedelta(days=89)) == {"reports shredded": 0}
    assert purge(today=report.closed_on + datetime.timedelta(days=90)) == {"reports shredded": 1}

    report.refresh_from_db()
    assert report.is_shredded
    assert report.private_key_sealed is None
    assert report.private_key_wrapped is None
    assert report.content is None
    assert not Message.objects.exists()
    gone = follow_up(reporter, receipt)
    assert gone.status_code == 400
    assert "We could not open a report with this receipt" in gone.content.decode()
    assert unlocked_client.get(reverse("reports:inbox_detail", args=[report.pk])).status_code == 404
