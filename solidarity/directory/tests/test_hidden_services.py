"""Only verified endorsers with all five commitments are public, and only approved, active
listings: hidden services never appear in pages, counts or search."""

import datetime

import pytest
from django.urls import reverse

from solidarity.cities.demo import create_declaration
from solidarity.directory.models import Service
from solidarity.directory.selectors import SearchQuery, service_search
from solidarity.directory.tests import factories
from solidarity.endorsements.models import Endorsement

pytestmark = pytest.mark.django_db


def declare(city):
    create_declaration(city=city, version=1, published_on=datetime.date(2026, 3, 21))


@pytest.fixture
def hidden(city, provider):
    suspended = factories.organization(city, "Suspended Clinic")
    Endorsement.objects.filter(organization=suspended).update(status=Endorsement.Status.SUSPENDED)
    partial = factories.organization(city, "Partial Clinic", public=False)
    factories.endorse(partial, all_five=False)
    unverified = factories.organization(city, "Unverified Clinic", public=False)
    factories.endorse(unverified, status=Endorsement.Status.AWAITING_REVIEW)
    listings = [
        factories.service(org, name={"en": f"Secret dentist {org.name}"}, term_codes=("dental",))
        for org in (suspended, partial, unverified)
    ]
    listings.append(
        factories.service(
            provider, name={"en": "Secret dentist pending"}, approved=False, term_codes=("dental",)
        )
    )
    retired = factories.service(
        provider, name={"en": "Secret dentist retired"}, term_codes=("dental",)
    )
    Service.objects.filter(pk=retired.pk).update(status=Service.Status.INACTIVE)
    listings.append(retired)
    factories.service(provider, name={"en": "Public dentist"}, term_codes=("dental",))
    return listings


def test_hidden_services_are_not_found(hidden):
    assert [s.name for s in service_search(SearchQuery(query="dentist"))] == ["Public dentist"]
    assert service_search(SearchQuery(category="dental")).count() == 1


def test_hidden_services_are_not_on_the_search_page_nor_in_its_count(client, hidden):
    response = client.get(reverse("directory:search"), {"q": "dentist"})
    body = response.content.decode()
    assert "Secret" not in body
    assert "1 service found" in body


def test_hidden_service_pages_are_not_found(client, hidden):
    for listing in hidden:
        assert client.get(listing.get_absolute_url()).status_code == 404
        assert (
            client.get(reverse("directory:report_outdated", args=[listing.pk])).status_code == 404
        )


def test_withdrawal_hides_every_service_at_once(client, provider, hidden):
    Endorsement.objects.filter(organization=provider).update(status=Endorsement.Status.WITHDRAWN)
    assert service_search(SearchQuery()).count() == 0
    assert "0 services found" in client.get(reverse("directory:search")).content.decode()


def test_a_service_hidden_between_the_search_and_its_display_is_not_shown(provider, hidden):
    from solidarity.directory.cards import results
    from solidarity.directory.selectors import first_hits

    hits = first_hits(service_search(SearchQuery(query="dentist")), limit=10)
    assert [hit.pk for hit in hits] == [Service.objects.get(name="Public dentist").pk]
    Endorsement.objects.filter(organization=provider).update(status=Endorsement.Status.SUSPENDED)
    assert results(hits) == []
