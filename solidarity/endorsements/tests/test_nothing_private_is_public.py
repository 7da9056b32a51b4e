"""No public page, export, feed, badge or API carries a field of the contact person."""

import json

import pytest

from solidarity.endorsements.selectors import PUBLIC_FIELDS
from solidarity.endorsements.tests.conftest import CANARY_EMAIL, CANARY_NAME, CANARY_PHONE

pytestmark = pytest.mark.django_db

PUBLIC_URLS = [
    "/en/endorsers/",
    "/en/endorsers/?city=montreal",
    "/en/endorsers.json",
    "/en/endorsers.csv",
    "/en/endorsers.atom",
    "/en/endorsers/badge.svg",
    "/en/endorsers/count.svg",
    "/ar/endorsers/",
]
SECRETS = [CANARY_NAME, CANARY_EMAIL, CANARY_PHONE, "Chair", "contact_"]


@pytest.fixture
def endorsers(make_endorsement):
    listed = make_endorsement(name="Listed Clinic")
    make_endorsement(name="Quiet Collective", visibility="count_only")
    make_endorsement(name="Pending Shelter", status="awaiting_review")
    return listed


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_public_pages_and_exports_never_contain_the_contact(client, endorsers, url):
    body = client.get(url).content.decode()

    for secret in SECRETS:
        assert secret not in body
    assert "Quiet Collective" not in body
    assert "Pending Shelter" not in body


def test_the_endorser_page_never_contains_the_contact(client, endorsers):
    body = client.get(endorsers.organization.get_absolute_url()).content.decode()

    assert "Listed Clinic" in body
    for secret in SECRETS:
        assert secret not in body


def test_the_json_export_has_only_public_keys(client, endorsers):
    data = json.loads(client.get("/en/endorsers.json").content)

    assert [row["name"] for row in data["results"]] == ["Listed Clinic"]
    assert all(tuple(row) == PUBLIC_FIELDS for row in data["results"])
    assert not any("contact" in key or "email" in key for key in data["results"][0])


def test_the_csv_export_has_only_public_columns(client, endorsers):
    header = client.get("/en/endorsers.csv").content.decode().splitlines()[0]

    assert header.split(",") == list(PUBLIC_FIELDS)


def test_the_api_never_contains_the_contact(client, endorsers):
    response = client.get("/api/endorsements")
    if response.status_code == 404:
        pytest.skip("the API app does not serve endorsements")
    body = response.content.decode()

    for secret in SECRETS[:3]:
        assert secret not in body


def test_count_only_and_pending_endorsers_have_no_public_page(client, make_endorsement):
    quiet = make_endorsement(name="Quiet Collective", visibility="count_only")
    pending = make_endorsement(name="Pending Shelter", status="awaiting_review")

    assert client.get(quiet.organization.get_absolute_url()).status_code == 404
    assert client.get(pending.organization.get_absolute_url()).status_code == 404
