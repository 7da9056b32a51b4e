"""Directory pages are served from the cache, and a change to what they show is seen at once:
a suspended or withdrawn endorser's services disappear, an edited listing shows its new text."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from solidarity.directory import services
from solidarity.directory.tests import factories
from solidarity.endorsements import services as endorsement_services
from solidarity.endorsements.models import Endorsement

pytestmark = pytest.mark.django_db


@pytest.fixture
def clinic(provider):
    return factories.service(provider, name={"en": "Harbour clinic"})


def test_the_service_page_is_served_from_the_cache(client, clinic, django_assert_max_num_queries):
    assert client.get(clinic.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(1):  # the generations of what the page is made of
        again = client.get(clinic.get_absolute_url())
    assert "Harbour clinic" in again.content.decode()
    assert "Cookie" in again["Vary"]


def test_a_suspension_takes_the_cached_service_page_down_at_once(
    client, clinic, provider, organizer
):
    assert client.get(clinic.get_absolute_url()).status_code == 200
    endorsement = Endorsement.objects.get(organization=provider)
    endorsement_services.endorsement_suspend(endorsement=endorsement, actor=organizer, reason="x")
    assert client.get(clinic.get_absolute_url()).status_code == 404
    assert "Harbour clinic" not in client.get(reverse("directory:search")).content.decode()


def test_an_edit_shows_on_the_cached_pages_at_once(client, clinic):
    assert "Harbour clinic" in client.get(reverse("directory:search")).content.decode()
    assert "Harbour clinic" in client.get(clinic.get_absolute_url()).content.decode()
    clinic.name = clinic.name_en = "Harbour health centre"
    services.service_save(service=clinic, actor=None, terms=[], languages=["en"], locations=[])
    assert "Harbour health centre" in client.get(reverse("directory:search")).content.decode()
    assert "Harbour health centre" in client.get(clinic.get_absolute_url()).content.decode()


def searched_index(client, path, params):
    """Whether answering this search read the search index (not the worker's cached answer)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, params)
    assert response.status_code == 200
    return any("directory_service_fts" in q["sql"] for q in queries.captured_queries)


def test_a_search_is_answered_from_the_workers_memory_until_a_listing_changes(client, clinic):
    path = reverse("directory:search")
    assert searched_index(client, path, {"q": "harbour"})
    assert not searched_index(client, path, {"q": "harbour"})
    assert searched_index(client, path, {"q": "harbour", "page": "1"})  # another search

    clinic.name = clinic.name_en = "Harbour health centre"
    services.service_save(service=clinic, actor=None, terms=[], languages=["en"], locations=[])
    assert searched_index(client, path, {"q": "harbour"})
    assert "Harbour health centre" in client.get(path, {"q": "harbour"}).content.decode()


def test_an_api_search_is_answered_from_the_workers_memory(client, clinic):
    assert searched_index(client, "/api/services", {"search": "harbour"})
    assert not searched_index(client, "/api/services", {"search": "harbour"})
    assert client.get("/api/services", {"search": "harbour"}).json()["total_items"] == 1


def test_a_search_with_the_cache_off_searches_every_time(client, clinic, settings):
    settings.SEARCH_CACHE_SECONDS = 0
    path = reverse("directory:search")
    assert searched_index(client, path, {"q": "harbour"})
    assert searched_index(client, path, {"q": "harbour"})


def test_a_suspension_drops_the_cached_searches_at_once(client, clinic, provider, organizer):
    path = reverse("directory:search")
    assert "Harbour clinic" in client.get(path, {"q": "harbour"}).content.decode()
    assert client.get("/api/services", {"search": "harbour"}).json()["total_items"] == 1
    endorsement = Endorsement.objects.get(organization=provider)
    endorsement_services.endorsement_suspend(endorsement=endorsement, actor=organizer, reason="x")
    assert "Harbour clinic" not in client.get(path, {"q": "harbour"}).content.decode()
    assert client.get("/api/services", {"search": "harbour"}).json()["total_items"] == 0
