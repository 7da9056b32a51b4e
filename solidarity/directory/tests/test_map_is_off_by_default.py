import pytest
from django.test import override_settings
from django.urls import reverse

from solidarity.directory.tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def listing(provider):
    place = factories.location(provider, at=(45.53, -73.63))
    return factories.service(provider, name={"en": "Clinic"}, locations=(place,))


def test_no_map_and_no_third_party_address_by_default(client, listing):
    body = client.get(reverse("directory:search")).content.decode()
    assert "leaflet" not in body
    assert "tile.openstreetmap.org" not in body
    assert 'id="map"' not in body


@override_settings(
    DIRECTORY_MAP_ENABLED=True, DIRECTORY_MAP_TILE_URL="https://tiles.example.org/{z}/{x}/{y}.png"
)
def test_the_map_setting_serves_leaflet_from_our_own_static_files(client, listing):
    body = client.get(reverse("directory:search")).content.decode()
    assert "/static/directory/leaflet/leaflet.js" in body
    assert 'data-tiles="https://tiles.example.org/{z}/{x}/{y}.png"' in body
    assert "Clinic" in body  # the list stays the primary view


def test_the_service_page_links_to_openstreetmap_without_embedding_it(client, listing):
    body = client.get(listing.get_absolute_url()).content.decode()
    assert 'href="https://www.openstreetmap.org/?mlat=45.530000' in body
    assert "<iframe" not in body
    assert '<script src="http' not in body
