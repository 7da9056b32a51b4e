"""Pagination and every parameter of the list endpoints, combined as a boolean AND."""

import datetime

import pytest

from solidarity.api.tests.conftest import make_organization, make_service
from solidarity.directory.models import Service, TaxonomyTerm

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_services(city, hood):
    organization = make_organization(city, "Maison Commune", status="verified")
    services = [make_service(organization, name, hood=hood) for name in ("Alpha", "Beta", "Gamma")]
    return organization, services


def names(response):
    return [item["name"] for item in response.json()["contents"]]


def test_pages_have_the_hsds_wrapper(client, three_services):
    first = client.get("/api/services?per_page=2").json()
    assert {k: v for k, v in first.items() if k != "contents"} == {
        "total_items": 3, "total_pages": 2, "page_number": 1, "size": 2,
        "first_page": True, "last_page": False, "empty": False,
    }  # fmt: skip
    second = client.get("/api/services?per_page=2&page=2").json()
    assert (second["size"], second["first_page"], second["last_page"]) == (1, False, True)
    beyond = client.get("/api/services?per_page=2&page=9").json()
    assert beyond["contents"] == []
    assert beyond["empty"] is False


def test_search_uses_the_directory_search_in_every_language(client, three_services):
    assert names(client.get("/api/services?search=alpha")) == ["Alpha"]
    assert sorted(names(client.get("/api/services?search=dentiste"))) == ["Alpha", "Beta", "Gamma"]
    assert client.get("/api/services?search=nothingmatches").json()["empty"] is True


def test_filters_combine(client, city, hood, three_services):
    organization, (alpha, _beta, _gamma) = three_services
    other = make_organization(city, "Autre", status="verified")
    make_service(other, "Delta", hood=hood)
    dental = TaxonomyTerm.objects.get(code="dental")
    assert len(names(client.get(f"/api/services?taxonomy_term_id={dental.pk}"))) == 4
    by_org = client.get(
        f"/api/services?organization_id={organization.pk}&taxonomy_id={dental.taxonomy_id}"
    )
    assert sorted(names(by_org)) == ["Alpha", "Beta", "Gamma"]
    Service.objects.filter(pk=alpha.pk).update(
        last_modified=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    )
    recent = client.get(
        f"/api/services?organization_id={organization.pk}&modified_after=2025-01-01T00:00:00Z"
    )
    assert sorted(names(recent)) == ["Beta", "Gamma"]


def test_our_extensions_filter(client, three_services):
    assert len(names(client.get("/api/services?language=es"))) == 3
    assert names(client.get("/api/services?language=zz")) == []
    assert (
        len(names(client.get("/api/services?attribute=free&attribute=no-health-card-needed"))) == 3
    )
    assert len(names(client.get("/api/services?city=montreal"))) == 3
    assert names(client.get("/api/services?city=nowhere")) == []
    assert len(names(client.get("/api/services?lat=45.52&lon=-73.58&radius=1"))) == 3
    assert names(client.get("/api/services?lat=43.65&lon=-79.38&radius=5")) == []


def test_open_now_follows_the_schedules(client, three_services):
    response = client.get("/api/services?open_now=true")
    assert response.status_code == 200
    assert response.json()["total_items"] in (0, 3)  # weekdays 9-17 in the city's time zone


def test_postcode_and_proximity_find_services_at_locations(client, three_services):
    assert client.get("/api/service_at_locations?postcode=H2T 9Z9").json()["total_items"] == 3
    assert client.get("/api/service_at_locations?postcode=M5V 1A1").json()["total_items"] == 0
    near = client.get("/api/service_at_locations?postcode=H2T1S6&proximity=500").json()
    assert near["total_items"] == 3


def test_taxonomy_term_filters(client, db):
    top = client.get("/api/taxonomy_terms?top_only=true&per_page=100").json()["contents"]
    assert top
    assert all("parent_id" not in term for term in top)
    health = TaxonomyTerm.objects.get(code="health")
    children = client.get(f"/api/taxonomy_terms?parent_id={health.pk}").json()["contents"]
    assert "dental" in {term["code"] for term in children}
    found = client.get("/api/taxonomy_terms?search=dentista").json()["contents"]
    assert "dental" in {term["code"] for term in found}


def test_ndjson_streams_every_result_without_pagination(client, three_services):
    response = client.get("/api/services?format=ndjson&per_page=1")
    assert response.streaming
    assert response["Content-Type"].startswith("application/x-ndjson")
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert len(lines) == 3
