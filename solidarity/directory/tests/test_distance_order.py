import math

import pytest

from solidarity.directory import services
from solidarity.directory.models import Service
from solidarity.directory.presenters import decorate
from solidarity.directory.selectors import Near, Order, SearchQuery, search_hits, service_search
from solidarity.directory.tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def listings(provider):
    for name, at in [
        ("Far", (45.60, -73.50)),
        ("Near", (45.501, -73.571)),
        ("Middle", (45.53, -73.60)),
        ("Other city", (43.65, -79.38)),
    ]:
        place = factories.location(provider, at=at)
        factories.service(
            provider,
            name={"en": f"{name} food bank"},
            term_codes=("food-banks",),
            locations=(place,),
        )


def test_nearest_services_come_first_and_far_cities_are_left_out(listings):
    found = service_search(SearchQuery(near=Near(45.50, -73.57), order=Order.DISTANCE))
    assert [s.name for s in found] == ["Near food bank", "Middle food bank", "Far food bank"]


def test_distance_is_shown_in_kilometres(listings):
    found = decorate(
        service_search(SearchQuery(query="food", near=Near(45.50, -73.57), order=Order.DISTANCE))
    )
    assert found[0].distance_km < 0.5
    assert 4 < found[1].distance_km < 5
    assert 11 < found[2].distance_km < 13


@pytest.mark.parametrize("query", ["", "food"], ids=["browsing", "searching"])
def test_a_retired_location_does_not_make_a_service_near(provider, query):
    old_place = factories.location(provider, at=(45.501, -73.571))
    new_place = factories.location(provider, at=(45.60, -73.50))
    factories.service(
        provider,
        name={"en": "Moved food bank"},
        term_codes=("food-banks",),
        locations=(old_place, new_place),
    )
    factories.service(
        provider,
        name={"en": "Middle food bank"},
        term_codes=("food-banks",),
        locations=(factories.location(provider, at=(45.53, -73.60)),),
    )
    services.location_retire(location=old_place)

    found = decorate(
        service_search(SearchQuery(query=query, near=Near(45.50, -73.57), order=Order.DISTANCE))
    )

    assert [s.name for s in found] == ["Middle food bank", "Moved food bank"]
    assert found[1].distance_km > 11


def test_nearest_first_looks_beyond_a_small_box_when_a_corner_could_mislead(provider):
    """Browsing nearest first looks in a 4 km box before the whole radius. A listing in the
    box's corner (4.5 km away) must not come before one just outside the box's side (4.2 km)."""
    here = Near(45.50, -73.57)
    km_lat, km_lon = 1 / 111.195, 1 / (111.195 * math.cos(math.radians(45.50)))
    for name, (north, east) in {
        "One km": (1, 0),
        "Three km": (3, 0),
        "Corner": (3.2, 3.2),
        "Side": (0, 4.2),
    }.items():
        place = factories.location(
            provider, at=(here.latitude + north * km_lat, here.longitude + east * km_lon)
        )
        factories.service(provider, name={"en": name}, locations=(place,))

    hits = search_hits(SearchQuery(near=here, order=Order.DISTANCE), limit=3)

    names = dict(Service.objects.values_list("pk", "name"))
    assert [names[hit.pk] for hit in hits] == ["One km", "Three km", "Side"]
