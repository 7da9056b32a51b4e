"""A representative edits the public profile and can withdraw; nobody else can."""

import pytest
from django.test import Client

from solidarity.accounts.models import User
from solidarity.endorsements.models import Endorsement

pytestmark = pytest.mark.django_db


@pytest.fixture
def representative_client(make_endorsement):
    endorsement = make_endorsement(name="Tenants' Union")
    user = User.objects.create_user(username="rep", organization=endorsement.organization)
    visitor = Client()
    visitor.force_login(user)
    visitor.endorsement = endorsement
    return visitor


def test_a_representative_edits_the_public_profile(client, representative_client):
    data = {
        "name": "Tenants' Union of Parc-Ex",
        "description": "We organize tenants.",
        "website": "https://tenants.example.org",
        "phone": "+1 514 555 0100",
        "statement": "Housing for all.",
        "visibility": "listed",
    }

    response = representative_client.post("/en/endorsement/profile/", data)

    assert response.status_code == 302
    page = client.get(
        representative_client.endorsement.organization.get_absolute_url()
    ).content.decode()
    assert "Tenants&#x27; Union of Parc-Ex" in page
    assert "Housing for all." in page


def test_a_representative_can_choose_to_be_counted_only(client, representative_client):
    data = {"name": "Tenants' Union", "visibility": "count_only"}

    representative_client.post("/en/endorsement/profile/", data)

    assert "Tenants" not in client.get("/en/endorsers/").content.decode()


def test_withdrawal_needs_the_box_ticked(representative_client):
    representative_client.post("/en/endorsement/withdraw/", {})

    representative_client.endorsement.refresh_from_db()
    assert representative_client.endorsement.status == Endorsement.Status.VERIFIED


def test_withdrawal_removes_the_organization_from_every_public_place(client, representative_client):
    from solidarity.endorsements.selectors import public_provider_organizations

    organization = representative_client.endorsement.organization
    assert public_provider_organizations().filter(pk=organization.pk).exists()
    client.get("/en/endorsers/count.svg")  # warm the cached count

    representative_client.post("/en/endorsement/withdraw/", {"confirm": "yes"})

    assert not public_provider_organizations().filter(pk=organization.pk).exists()
    for url in ("/en/endorsers/", "/en/endorsers.json", "/en/endorsers.csv", "/en/endorsers.atom"):
        assert "Tenants" not in client.get(url).content.decode(), url
    assert client.get(organization.get_absolute_url()).status_code == 404
    assert "0 organizations" in client.get("/en/endorsers/count.svg").content.decode()


def test_the_profile_pages_need_a_representative(organizer_client):
    anonymous = Client()
    assert anonymous.get("/en/endorsement/profile/").status_code == 302
    assert anonymous.post("/en/endorsement/withdraw/", {"confirm": "yes"}).status_code == 302
    assert organizer_client.get("/en/endorsement/profile/").status_code == 403


def test_hostile_profile_input_gets_400(representative_client):
    response = representative_client.post(
        "/en/endorsement/profile/", {"name": "<img src=x onerror=alert(1)>", "visibility": "listed"}
    )

    assert response.status_code == 400
    assert "remove HTML" in response.content.decode()
