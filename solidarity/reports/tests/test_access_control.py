"""Only unlocked organizers of the report's city ever see it. Representatives of the reported
organization and organizers of another city never do, on any URL."""

import pytest
from django.test import Client
from django.urls import reverse

from solidarity.reports.models import Message, Note, Report
from solidarity.reports.tests.conftest import CANARY, send_report

POSTS = {
    "reports:inbox_status": {"status": "unfounded"},
    "reports:inbox_assign": {"assignee": ""},
    "reports:inbox_note": {"note": "note"},
    "reports:inbox_reply": {"reply": "reply"},
    "reports:inbox_suspend": {"public_reason": "reason"},
}


@pytest.fixture
def report(endorser):
    response, _receipt = send_report(Client(), organization=str(endorser.pk), narrative=CANARY)
    assert response.status_code == 201
    return Report.objects.get()


def every_request(client, report):
    yield client.get(reverse("reports:inbox"))
    yield client.get(reverse("reports:inbox_detail", args=[report.pk]))
    for name, data in POSTS.items():
        yield client.post(reverse(name, args=[report.pk]), data)


def assert_untouched(report):
    before = (report.status, report.assigned_to_id)
    report.refresh_from_db()
    assert (report.status, report.assigned_to_id) == before
    assert not Message.objects.exists()
    assert not Note.objects.exists()
    assert report.organization.endorsements.get().status == "verified"


def test_anonymous_visitors_are_sent_to_the_login_page_on_every_url(report):
    for response in every_request(Client(), report):
        assert response.status_code == 302
        assert reverse("accounts:login") in response["Location"]
    assert_untouched(report)


def test_representatives_of_the_reported_organization_are_refused_on_every_url(
    report, representative_client
):
    for response in every_request(representative_client, report):
        assert response.status_code == 403
        assert CANARY not in response.content.decode()
    assert_untouched(report)


def test_organizers_of_another_city_never_see_the_report_even_with_the_vault_open(
    report, other_city_client
):
    responses = list(every_request(other_city_client, report))

    inbox, *rest = responses
    assert inbox.status_code == 200
    assert report.organization.name not in inbox.content.decode()
    assert str(report.pk) not in inbox.content.decode()
    assert [response.status_code for response in rest] == [404] * 6
    for response in responses:
        assert CANARY not in response.content.decode()
    assert_untouched(report)


def test_an_organizer_with_a_locked_vault_is_sent_to_unlock_it_first(report, organizer_client):
    for response in every_request(organizer_client, report):
        assert response.status_code == 302
        assert reverse("vault:unlock") in response["Location"]
    assert_untouched(report)


def test_an_organizer_without_the_second_factor_is_sent_to_log_in(report, organizer):
    client = Client()
    client.force_login(organizer)
    for response in every_request(client, report):
        assert response.status_code == 302
        assert reverse("accounts:login") in response["Location"]
    assert_untouched(report)


def test_the_organizer_of_the_city_reads_it(report, unlocked_client):
    response = unlocked_client.get(reverse("reports:inbox_detail", args=[report.pk]))

    assert response.status_code == 200
    assert CANARY in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_an_unlocked_organizer_without_the_campaign_key_is_refused_not_crashed(report):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from solidarity.accounts.models import User
    from solidarity.reports.tests.conftest import otp_client
    from solidarity.vault.keys import organizer_key_set

    newcomer = User.objects.create_user(username="cy", password="a long password!", is_staff=True)
    TOTPDevice.objects.create(user=newcomer, name="phone", confirmed=True)
    organizer_key_set(user=newcomer, passphrase="cy's vault passphrase")
    client = otp_client(newcomer)
    client.post(reverse("vault:unlock"), {"passphrase": "cy's vault passphrase"})

    response = client.get(reverse("reports:inbox_detail", args=[report.pk]))

    assert response.status_code == 403
    assert CANARY not in response.content.decode()
