"""What organizers do from the inbox: states, assignment, sealed notes, replies, suspension.
Every action is audited without a word of the report."""

import pytest
from django.test import Client
from django.urls import reverse

from solidarity.endorsements.models import Endorsement
from solidarity.organizers.models import AuditEntry
from solidarity.reports.models import Note, Report
from solidarity.reports.tests.conftest import CANARY, send_report


@pytest.fixture
def report(endorser):
    send_report(Client(), organization=str(endorser.pk), narrative=CANARY)
    return Report.objects.get()


def post(client, name, report, data):
    return client.post(reverse(name, args=[report.pk]), data)


def test_the_inbox_lists_reports_and_filters_them_by_state(report, unlocked_client, city):
    send_report(Client(), city=city.pk, organization_name="Unlisted", submission="two")
    other = Report.objects.exclude(pk=report.pk).get()
    post(unlocked_client, "reports:inbox_status", other, {"status": "contacting"})

    everything = unlocked_client.get(reverse("reports:inbox")).content.decode()
    new_only = unlocked_client.get(reverse("reports:inbox") + "?status=new").content.decode()

    assert str(report.pk) in everything
    assert str(other.pk) in everything
    assert str(report.pk) in new_only
    assert str(other.pk) not in new_only
    assert CANARY not in everything  # the list never opens narratives


def test_states_follow_the_workflow_and_closing_is_dated(report, unlocked_client):
    post(unlocked_client, "reports:inbox_status", report, {"status": "contacting"})
    post(unlocked_client, "reports:inbox_status", report, {"status": "unfounded"})
    report.refresh_from_db()
    assert report.status == Report.Status.UNFOUNDED
    assert report.closed_on is not None

    post(unlocked_client, "reports:inbox_status", report, {"status": "contacting"})  # reopened
    report.refresh_from_db()
    assert report.status == Report.Status.CONTACTING
    assert report.closed_on is None


def test_a_report_is_assigned_to_an_organizer_of_its_city(report, unlocked_client, organizer):
    response = post(unlocked_client, "reports:inbox_assign", report, {"assignee": organizer.pk})

    assert response.status_code == 302
    report.refresh_from_db()
    assert report.assigned_to == organizer


def test_an_organizer_of_another_city_cannot_be_assigned(
    report, unlocked_client, other_city_client
):
    from solidarity.accounts.models import User

    bo = User.objects.get(username="bo")
    response = post(unlocked_client, "reports:inbox_assign", report, {"assignee": bo.pk})

    assert response.status_code == 400
    report.refresh_from_db()
    assert report.assigned_to is None


def test_notes_are_sealed_and_shown_only_to_organizers(report, unlocked_client):
    from solidarity.reports.tests.conftest import follow_up

    post(unlocked_client, "reports:inbox_note", report, {"note": "Internal: call the director"})
    note = Note.objects.get()

    assert b"call the director" not in bytes(note.body)
    page = unlocked_client.get(reverse("reports:inbox_detail", args=[report.pk])).content.decode()
    assert "Internal: call the director" in page
    assert follow_up(Client(), "0000000000000000").status_code == 400  # and not to visitors


def test_suspending_the_endorsement_makes_it_public_with_a_reason_and_resolves(
    report, unlocked_client, endorser
):
    reason = "Asked visitors for their papers; suspended while the campaign investigates."
    response = post(unlocked_client, "reports:inbox_suspend", report, {"public_reason": reason})

    assert response.status_code == 302
    endorsement = Endorsement.objects.get(organization=endorser)
    assert endorsement.status == Endorsement.Status.SUSPENDED
    assert endorsement.status_reason == reason
    report.refresh_from_db()
    assert report.status == Report.Status.SUSPENDED
    assert report.closed_on is not None
    public = Client().get(endorser.get_absolute_url())
    page = public.content.decode()
    assert public.status_code == 200
    assert "The campaign has suspended this endorsement." in page
    assert reason in page
    assert CANARY not in page


def test_every_action_is_audited_without_the_reports_words(report, unlocked_client, organizer):
    post(unlocked_client, "reports:inbox_status", report, {"status": "contacting"})
    post(unlocked_client, "reports:inbox_assign", report, {"assignee": organizer.pk})
    post(unlocked_client, "reports:inbox_note", report, {"note": CANARY})
    post(unlocked_client, "reports:inbox_reply", report, {"reply": CANARY})
    post(unlocked_client, "reports:inbox_suspend", report, {"public_reason": "Suspended."})

    entries = AuditEntry.objects.filter(target_id=str(report.pk))
    actions = sorted(entries.values_list("action", flat=True))
    assert actions == [
        "report.assigned",
        "report.noted",
        "report.replied",
        "report.status",
        "report.status",
    ]
    assert all(entry.actor == organizer for entry in entries)
    assert AuditEntry.objects.filter(action="endorsement.suspend").exists()
    for entry in AuditEntry.objects.all():
        assert CANARY not in f"{entry.detail} {entry.target_label}"
