"""Hostile input gets a clear 4xx, never a 500, and is never stored."""

import pytest
from django.test import Client
from django.urls import reverse

from solidarity.reports.models import Message, Report
from solidarity.reports.tests.conftest import follow_up, report_data, send_report

BIG = "x" * 100_000


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"narrative": BIG}, "at most 20000 characters"),
        ({"contact": BIG}, "at most 500 characters"),
        ({"organization_name": BIG}, "at most 200 characters"),
        ({"narrative": "nul \x00 byte"}, "Null characters are not allowed"),
        ({"commitments": ["asked_for_passport"]}, "Select a valid choice"),
        ({"month": "1999-01"}, "Select a valid choice"),
        ({"month": "<script>"}, "Select a valid choice"),
        ({"city": "not-a-number"}, "Select a valid choice"),
        (
            {"organization": "'; DROP TABLE reports_report; --"},
            "Choose an organization from the list",
        ),
        (
            {"organization": "00000000-0000-0000-0000-000000000000"},
            "Choose an organization from the list",
        ),
        ({"narrative": ""}, "This field is required"),
    ],
)
def test_bad_report_fields_get_a_clear_400(city, organizer, overrides, message):
    data = {"city": city.pk, "organization_name": "Corner Pharmacy", **overrides}
    response = Client().post(reverse("reports:report"), report_data(**data))

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Report.objects.exists()


def test_an_unverified_organization_cannot_be_reported_by_id(city, organizer):
    from solidarity.endorsements.models import Endorsement
    from solidarity.reports.tests.conftest import make_endorser

    pending = make_endorser(city, "Pending Clinic")
    Endorsement.objects.update(status="awaiting_review")
    response = Client().post(reverse("reports:report"), report_data(organization=str(pending.pk)))

    assert response.status_code == 400
    assert not Report.objects.exists()


def test_html_in_a_report_is_shown_as_text_to_organizers(city, unlocked_client):
    payload = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    send_report(Client(), city=city.pk, organization_name=payload, narrative=payload)
    report = Report.objects.get()

    page = unlocked_client.get(reverse("reports:inbox_detail", args=[report.pk])).content.decode()

    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page


def test_bad_utf8_and_a_huge_body_never_cause_a_500(city, organizer):
    client = Client()
    bad = client.post(
        reverse("reports:report"),
        data=b"narrative=\xff\xfe\xfd&organization=other&month=\xc3",
        content_type="application/x-www-form-urlencoded",
    )
    huge = client.post(
        reverse("reports:follow_up"),
        data=b"receipt=" + b"1" * 3_000_000,
        content_type="application/x-www-form-urlencoded",
    )

    assert bad.status_code == 400
    assert huge.status_code == 400


@pytest.mark.parametrize(
    "data",
    [
        {"receipt": BIG},
        {"receipt": "1234\x005678"},
        {"receipt": ""},
        {"receipt": "1234", "altcha": BIG},
        {"receipt": "1234", "altcha": "not base64 at all"},
        {"receipt": "1234567890123456", "message": BIG},
    ],
)
def test_bad_follow_up_fields_get_a_clear_400(city, organizer, data):
    response = Client().post(reverse("reports:follow_up"), data)

    assert response.status_code == 400
    assert "<form" in response.content.decode()


def test_an_empty_message_from_the_reporter_is_refused(city, organizer):
    reporter = Client()
    _response, receipt = send_report(reporter, city=city.pk, organization_name="Corner Pharmacy")

    response = follow_up(reporter, receipt, message="")

    assert response.status_code == 400
    assert "This field is required" in response.content.decode()
    assert "They asked for my papers at the front desk." in response.content.decode()
    assert not Message.objects.exists()


def test_organizer_forms_refuse_hostile_values(endorser, unlocked_client):
    send_report(Client(), organization=str(endorser.pk))
    report = Report.objects.get()
    cases = [
        ("reports:inbox_status", {"status": "suspended"}),  # only through the suspension form
        ("reports:inbox_status", {"status": "<b>"}),
        ("reports:inbox_assign", {"assignee": "99999"}),
        ("reports:inbox_note", {"note": BIG}),
        ("reports:inbox_reply", {"reply": "\x00"}),
        ("reports:inbox_suspend", {"public_reason": ""}),
    ]
    for name, data in cases:
        response = unlocked_client.post(reverse(name, args=[report.pk]), data)
        assert response.status_code == 400, name
    report.refresh_from_db()
    assert report.status == Report.Status.NEW
    assert not report.messages.exists()


def test_an_inbox_url_with_a_malformed_id_is_a_404(unlocked_client):
    response = unlocked_client.get("/en/organizers/reports/not-a-uuid/")

    assert response.status_code == 404
