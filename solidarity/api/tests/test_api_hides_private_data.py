"""Hidden data (imported without endorsing, suspended, partial pledge, unconfirmed, listing
waiting for review) never appears in any endpoint, list, count or stream."""

import pytest

pytestmark = pytest.mark.django_db

LISTS = [
    "/api/services",
    "/api/services?full=true",
    "/api/services?minimal=true",
    "/api/organizations?full=true&full_service=true",
    "/api/service_at_locations",
    "/api/services?format=ndjson&full=true",
    "/api/service_at_locations?format=ndjson",
    "/api/organizations?format=ndjson&full=true",
    "/api/endorsements",
]


def body(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


@pytest.mark.parametrize("url", LISTS)
def test_hidden_services_never_appear_in_lists(client, public_service, hidden_services, url):
    text = body(client.get(url))
    assert str(public_service.pk) in text or "Clinique Solidaire" in text
    for hidden in hidden_services:
        assert str(hidden.pk) not in text
        assert hidden.name not in text
        assert hidden.organization.name not in text or "endorsements" in url


def test_counts_only_count_public_services(client, public_service, hidden_services):
    assert client.get("/api/services").json()["total_items"] == 1
    assert client.get("/api/organizations").json()["total_items"] == 1
    assert client.get("/api/service_at_locations").json()["total_items"] == 1


def test_hidden_services_are_not_found_by_id(client, hidden_services):
    for hidden in hidden_services:
        assert client.get(f"/api/services/{hidden.pk}").status_code == 404
        assert client.get(f"/api/organizations/{hidden.organization_id}").status_code == 404
        sal = hidden.service_at_locations.get()
        assert client.get(f"/api/service_at_locations/{sal.pk}").status_code == 404


def test_endorsements_list_only_verified_endorsers_listed_by_name(
    client, public_service, hidden_services
):
    from solidarity.endorsements.models import Endorsement

    Endorsement.objects.filter(organization__name="Partial Pledge").update(visibility="count_only")
    names = [e["organization_name"] for e in client.get("/api/endorsements").json()["contents"]]
    assert names == ["Clinique Solidaire", "Pending Listing Org"]


def test_endorsements_carry_no_contact_field(client, public_service):
    [endorsement] = client.get("/api/endorsements").json()["contents"]
    assert "hash" not in str(endorsement)
    assert not {"contact", "contact_sealed", "contact_email_hash", "email", "language"} & set(
        endorsement
    )
    assert endorsement["commitments"] == sorted(endorsement["commitments"])
    assert endorsement["decided_month"] == "2026-04"


def test_suspension_hides_a_service_at_once(client, public_service):
    from solidarity.endorsements.models import Endorsement
    from solidarity.endorsements.services import endorsement_suspend

    assert client.get(f"/api/services/{public_service.pk}").status_code == 200  # now cached
    endorsement = Endorsement.objects.get(organization=public_service.organization)
    endorsement_suspend(endorsement=endorsement, actor=None, reason="broke a pledge")
    assert client.get(f"/api/services/{public_service.pk}").status_code == 404
    assert client.get("/api/services").json()["total_items"] == 0
