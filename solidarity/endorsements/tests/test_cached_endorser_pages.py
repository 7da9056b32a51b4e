"""The endorsers' pages are cached; a withdrawal or suspension removes an endorser at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from solidarity.directory.tests import factories
from solidarity.endorsements import services
from solidarity.endorsements.models import Endorsement

pytestmark = pytest.mark.django_db


@pytest.fixture
def endorser(city):
    organization = factories.organization(city, "Harbour Tenants Union")
    return Endorsement.objects.get(organization=organization)


def test_a_withdrawal_removes_the_endorser_from_the_cached_pages_at_once(client, endorser):
    listing = reverse("endorsements:endorsers")
    page = reverse("endorsements:endorser", args=[endorser.organization.slug])
    assert "Harbour Tenants Union" in client.get(listing).content.decode()
    assert client.get(page).status_code == 200
    services.endorsement_withdraw(endorsement=endorser, actor=None)
    assert "Harbour Tenants Union" not in client.get(listing).content.decode()
    assert client.get(page).status_code == 404


def test_the_endorsers_page_is_served_from_the_cache(
    client, endorser, django_assert_max_num_queries
):
    listing = reverse("endorsements:endorsers")
    client.get(listing)
    with django_assert_max_num_queries(1):
        assert "Harbour Tenants Union" in client.get(listing).content.decode()


def test_a_name_search_is_not_cached(client, endorser):
    listing = reverse("endorsements:endorsers")
    client.get(listing, {"q": "harbour"})
    with CaptureQueriesContext(connection) as queries:
        assert "Harbour Tenants Union" in client.get(listing, {"q": "harbour"}).content.decode()
    assert len(queries) >= 2  # searched again, not read from the cache
