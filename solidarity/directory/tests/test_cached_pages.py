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


def test_a_search_is_never_served_from_the_cache(client, clinic):
    client.get(reverse("directory:search"), {"q": "harbour"})
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("directory:search"), {"q": "harbour"})
    searched = [q for q in queries.captured_queries if "directory_service_fts" in q["sql"]]
    assert searched  # searched the index again, not read from the cache
