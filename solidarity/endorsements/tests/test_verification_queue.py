"""Organizers of a city verify, reject or suspend its endorsements; each action is audited.
Access is checked for every role on every staff URL."""

import pytest
from django.core import mail
from django.test import Client

from solidarity.endorsements.models import Endorsement
from solidarity.organizers.models import AuditEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def pending(make_endorsement):
    return make_endorsement(name="Pending Shelter", status="awaiting_review")


def staff_urls(pk):
    return {
        "get": [
            "/en/endorsements/review/",
            f"/en/endorsements/review/{pk}/",
            f"/en/endorsements/review/{pk}/contact/",
        ],
        "post": [
            f"/en/endorsements/review/{pk}/{action}/" for action in ("verify", "reject", "suspend")
        ],
    }


def test_anonymous_visitors_are_sent_to_log_in(client, pending):
    urls = staff_urls(pending.pk)
    for url in urls["get"]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/accounts/" in response["Location"] or "login" in response["Location"]
    for url in urls["post"]:
        assert client.post(url, {"reason": "x"}).status_code in (302, 403), url
    pending.refresh_from_db()
    assert pending.status == Endorsement.Status.AWAITING_REVIEW


def test_a_representative_cannot_open_the_queue(pending, make_endorsement):
    from solidarity.accounts.models import User

    other = make_endorsement(name="Other Org")
    representative = User.objects.create_user(username="rep", organization=other.organization)
    visitor = Client()
    visitor.force_login(representative)

    for url in staff_urls(pending.pk)["get"]:
        assert visitor.get(url).status_code in (302, 403), url
    assert visitor.post(f"/en/endorsements/review/{pending.pk}/verify/").status_code in (302, 403)
    pending.refresh_from_db()
    assert pending.status == Endorsement.Status.AWAITING_REVIEW


def test_an_organizer_of_another_city_sees_nothing_of_this_city(
    organizer_client, organizer, pending
):
    from solidarity.cities.models import City

    toronto = City.objects.create(slug="toronto", name="Toronto", latitude=43.6, longitude=-79.4)
    organizer.cities.set([toronto])

    assert (
        "Pending Shelter" not in organizer_client.get("/en/endorsements/review/").content.decode()
    )
    assert organizer_client.get(f"/en/endorsements/review/{pending.pk}/").status_code == 404
    assert (
        organizer_client.post(
            f"/en/endorsements/review/{pending.pk}/reject/", {"reason": "x"}
        ).status_code
        == 404
    )


def test_the_sealed_contact_needs_an_unlocked_vault(organizer_client, pending):
    response = organizer_client.get(f"/en/endorsements/review/{pending.pk}/contact/")

    assert response.status_code == 302
    assert "/vault/unlock/" in response["Location"]
    assert (
        "canary"
        not in organizer_client.get(f"/en/endorsements/review/{pending.pk}/").content.decode()
    )


def test_an_unlocked_organizer_reads_the_contact(unlocked_client, pending):
    html = unlocked_client.get(f"/en/endorsements/review/{pending.pk}/contact/").content.decode()

    assert "Zephyrine Canarywood" in html
    assert "canary.contact.7f3a@example.net" in html


def test_verifying_is_audited_and_invites_the_contact(unlocked_client, organizer, pending):
    response = unlocked_client.post(f"/en/endorsements/review/{pending.pk}/verify/")

    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == Endorsement.Status.VERIFIED
    assert pending.verified_by == organizer
    assert AuditEntry.objects.filter(
        action="endorsement.verify", target_id=str(pending.pk)
    ).exists()
    assert mail.outbox[-1].to == [f"0{'canary.contact.7f3a@example.net'}"]
    assert pending.organization.representatives.count() == 1


def test_verifying_needs_the_vault_unlocked(organizer_client, pending):
    response = organizer_client.post(f"/en/endorsements/review/{pending.pk}/verify/")

    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == Endorsement.Status.AWAITING_REVIEW


def test_rejecting_needs_a_reason_and_is_audited(organizer_client, pending):
    refused = organizer_client.post(f"/en/endorsements/review/{pending.pk}/reject/", {"reason": ""})
    assert refused.status_code == 400

    organizer_client.post(
        f"/en/endorsements/review/{pending.pk}/reject/",
        {"reason": "Nobody at that number knew of it."},
    )

    pending.refresh_from_db()
    assert pending.status == Endorsement.Status.REJECTED
    entry = AuditEntry.objects.get(action="endorsement.reject")
    assert entry.detail == "Nobody at that number knew of it."
    assert entry.actor_name == "ana"


def test_suspending_takes_a_verified_endorser_off_the_list(
    client, organizer_client, make_endorsement
):
    verified = make_endorsement(name="Broken Pledge Bakery")
    assert "Broken Pledge Bakery" in client.get("/en/endorsers/").content.decode()

    organizer_client.post(
        f"/en/endorsements/review/{verified.pk}/suspend/", {"reason": "Asked for papers."}
    )

    verified.refresh_from_db()
    assert verified.status == Endorsement.Status.SUSPENDED
    assert "Broken Pledge Bakery" not in client.get("/en/endorsers/").content.decode()
    page = client.get(verified.organization.get_absolute_url()).content.decode()
    assert "suspended" in page
    assert "Asked for papers." in page
    assert AuditEntry.objects.filter(action="endorsement.suspend").exists()


def test_an_impossible_transition_is_refused_politely(organizer_client, pending):
    response = organizer_client.post(
        f"/en/endorsements/review/{pending.pk}/suspend/", {"reason": "x"}, follow=True
    )

    assert response.status_code == 200
    assert "not possible" in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == Endorsement.Status.AWAITING_REVIEW


def test_the_queue_flags_entries_sent_without_proof_of_work(organizer_client, pending):
    html = organizer_client.get("/en/endorsements/review/").content.decode()

    assert "Pending Shelter" in html
    assert "check with extra care" in html
