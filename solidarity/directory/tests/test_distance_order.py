import pytest

from solidarity.directory import services
from solidarity.directory.presenters import decorate
from solidarity.directory.selectors import Near, Order, SearchQuery, service_search
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
