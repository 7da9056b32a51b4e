"""`/api/services?search=` orders and counts its results as the directory's search page does:
by relevance up to RANKED_RESULTS results, freshest first past it, and always counted exactly."""

import datetime

import pytest

from solidarity.api.tests.conftest import make_organization, make_service
from solidarity.directory import selectors

pytestmark = pytest.mark.django_db


@pytest.fixture
def dental(city, hood):
    organization = make_organization(city, "Maison Commune", status="verified")
    for name, day in (("Alpha", 1), ("Beta", 20), ("Gamma", 10)):
        service = make_service(organization, name, hood=hood)
        service.last_verified = datetime.date(2026, 11, day)
        service.save(update_fields=["last_verified"])


def names(response):
    return [item["name"] for item in response.json()["contents"]]


def test_a_search_with_more_results_than_ranked_is_paged_freshest_first(
    client, dental, monkeypatch
):
    monkeypatch.setattr(selectors, "RANKED_RESULTS", 2)
    first = client.get("/api/services?search=dentiste&per_page=2").json()
    assert [item["name"] for item in first["contents"]] == ["Beta", "Gamma"]
    assert (first["total_items"], first["total_pages"]) == (3, 2)
    assert names(client.get("/api/services?search=dentiste&per_page=2&page=2")) == ["Alpha"]


def test_a_search_with_few_results_is_ranked_and_counted(client, dental):
    found = client.get("/api/services?search=beta&per_page=2").json()
    assert [item["name"] for item in found["contents"]] == ["Beta"]
    assert found["total_items"] == 1
    beyond = client.get("/api/services?search=dentiste&per_page=2&page=5").json()
    assert (beyond["contents"], beyond["total_items"]) == ([], 3)
