"""Every kind of API response validates against the official HSDS 3.0 schemas."""

import pytest

from solidarity.api.tests.hsds_schemas import assert_valid, assert_valid_page

pytestmark = pytest.mark.django_db


def test_the_root_says_which_hsds_version_and_where_the_document_is(client):
    body = client.get("/api/").json()
    assert body["version"] == "3.0"
    assert body["openapi_url"].endswith("/api/openapi.json")
    assert body["profile"].endswith("/en/open-data/")


def test_a_service_is_a_valid_fully_nested_hsds_service(client, public_service):
    body = client.get(f"/api/services/{public_service.pk}").json()
    assert_valid(body, "service.json")
    assert body["organization"]["name"] == "Clinique Solidaire"
    location = body["service_at_locations"][0]["location"]
    assert location["addresses"][0]["postal_code"] == "H2T 1S6"
    assert location["accessibility"][0]["description"] == "Step-free entrance."
    assert {lang["code"] for lang in body["languages"]} == {"es", "ar"}
    assert body["schedules"][0]["byday"] == "MO,TU,WE,TH,FR"


@pytest.mark.parametrize(
    ("query", "item_schema"),
    [
        ("", "compiled/service_list.json"),
        ("?full=true", "service.json"),
        ("?minimal=true", "compiled/service_list.json#/properties/id"),
    ],
)
def test_the_service_list_is_a_valid_page_of_services(client, public_service, query, item_schema):
    page = client.get(f"/api/services{query}").json()
    assert page["total_items"] == 1
    if "minimal" in query:
        assert page["contents"] == [
            {"id": str(public_service.pk), "last_modified": page["contents"][0]["last_modified"]}
        ]
        return
    assert_valid_page(page, item_schema)


def test_organizations_are_valid_hsds_organizations(client, public_service):
    page = client.get("/api/organizations").json()
    assert_valid_page(page, "compiled/organization_list.json")
    full = client.get("/api/organizations?full=true&full_service=true").json()
    assert_valid_page(full, "organization.json")
    one = client.get(f"/api/organizations/{public_service.organization_id}").json()
    assert_valid(one, "organization.json")
    assert one["services"][0]["name"] == "Dental care"


def test_services_at_locations_are_valid(client, public_service):
    page = client.get("/api/service_at_locations").json()
    assert_valid_page(page, "compiled/service_at_location_list.json")
    sal_id = page["contents"][0]["id"]
    assert_valid(
        client.get(f"/api/service_at_locations/{sal_id}").json(), "service_at_location.json"
    )


def test_taxonomies_and_terms_are_valid(client, db):
    taxonomies = client.get("/api/taxonomies").json()
    assert taxonomies["total_items"] >= 2
    assert_valid_page(taxonomies, "taxonomy.json")
    terms = client.get("/api/taxonomy_terms?per_page=100").json()
    assert terms["total_items"] > 20
    assert_valid_page(terms, "taxonomy_term.json")
    term_id = terms["contents"][0]["id"]
    assert_valid(client.get(f"/api/taxonomy_terms/{term_id}").json(), "taxonomy_term.json")
    taxonomy_id = taxonomies["contents"][0]["id"]
    assert_valid(client.get(f"/api/taxonomies/{taxonomy_id}").json(), "taxonomy.json")
