"""A text search nearest first is answered from the location indexes (`nearest_matches`), in
growing boxes: it must give the hits, distances and order of the search's own query, including
listings in a box's corner, several listings at one place, and outdated or hidden ones."""

import datetime
import math

import pytest
from django.utils import timezone

from solidarity.directory import selectors
from solidarity.directory.models import Service
from solidarity.directory.selectors import Near, Order, SearchQuery, first_hits, search_hits
from solidarity.directory.tests import factories

pytestmark = pytest.mark.django_db
HERE = Near(45.50, -73.57)
KM_LAT, KM_LON = 1 / 111.195, 1 / (111.195 * math.cos(math.radians(45.50)))


def at(north: float, east: float) -> tuple[float, float]:
    return (HERE.latitude + north * KM_LAT, HERE.longitude + east * KM_LON)


@pytest.fixture
def listings(provider, city):
    today = timezone.localdate()
    shared = factories.location(provider, at=at(1.5, 0))
    for name, days in (("Zeta clinic", 3), ("Alpha clinic", 3), ("Beta clinic", 400)):
        service = factories.service(provider, name={"en": name}, locations=(shared,))
        service.last_verified = today - datetime.timedelta(days=days)
        service.save(update_fields=["last_verified"])
    places = {
        "Near clinic": at(0.5, 0),
        "Corner clinic": at(1.9, 1.9),  # in the 2 km box's corner, 2.7 km away
        "Side clinic": at(0, 2.3),  # outside the 2 km box, 2.3 km away
        "Far clinic": at(20, 0),
        "Too far clinic": at(40, 0),
    }
    for name, point in places.items():
        factories.service(
            provider, name={"en": name}, locations=(factories.location(provider, at=point),)
        )
    factories.service(
        provider,
        name={"en": "Near bakery"},
        locations=(factories.location(provider, at=at(0.1, 0)),),
    )
    hidden = factories.service(
        provider,
        name={"en": "Pending clinic"},
        approved=False,
        locations=(factories.location(provider, at=at(0.2, 0)),),
    )
    assert hidden.review_status != Service.Review.APPROVED


def names(hits) -> list[str]:
    by_id = dict(Service.objects.values_list("pk", "name"))
    return [by_id[hit.pk] for hit in hits]


@pytest.mark.parametrize("limit", [2, 4, 5, 6, 1001])
def test_the_same_hits_as_the_query_in_the_same_order(listings, limit, monkeypatch):
    monkeypatch.setattr(selectors, "FIRST_BOX_KM", 1.0)
    search = SearchQuery(query="clinic", near=HERE, order=Order.DISTANCE)
    expected = first_hits(selectors.service_search(search), limit=limit)
    found = search_hits(search, limit=limit)
    assert names(found) == names(expected)
    assert [round(hit.distance_sq, 12) for hit in found] == [
        round(hit.distance_sq, 12) for hit in expected
    ]


def test_nearest_first_with_places_shared_and_corners(listings):
    found = names(
        search_hits(SearchQuery(query="clinic", near=HERE, order=Order.DISTANCE), limit=20)
    )
    assert found == [
        "Near clinic",
        "Alpha clinic",  # one place: fresh ones by name, then the outdated one
        "Zeta clinic",
        "Beta clinic",
        "Side clinic",
        "Corner clinic",
        "Far clinic",
    ]


@pytest.mark.parametrize("shown", [1, 2, 3, 4])
def test_the_hits_shown_are_in_the_exact_order(listings, shown, monkeypatch):
    """Only the page shown is put in the exact order among listings at one place; the same
    hits are counted."""
    monkeypatch.setattr(selectors, "FIRST_BOX_KM", 1.0)
    search = SearchQuery(query="clinic", near=HERE, order=Order.DISTANCE)
    everything = search_hits(search, limit=20)
    page = search_hits(search, limit=20, shown=shown)
    assert names(page[:shown]) == names(everything[:shown])
    assert sorted(names(page)) == sorted(names(everything))


ORDER = ["Near clinic", "Alpha clinic", "Zeta clinic", "Beta clinic", "Side clinic"]
LAST = ["Corner clinic", "Far clinic"]


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("2", ORDER[2:4]),
        ("x", ORDER[0:2]),
        ("²", ORDER[0:2]),
        ("0", ["Far clinic"]),  # the paginator shows the last page
        ("-1", ["Far clinic"]),
        ("99", ["Far clinic"]),
    ],
)
def test_any_page_number_shows_its_results_in_order(client, listings, page, expected, monkeypatch):
    from solidarity.directory.views import public

    monkeypatch.setattr(public, "PER_PAGE", 2)
    params = {"q": "clinic", "lat": "45.50", "lon": "-73.57", "order": "distance", "page": page}
    body = client.get("/en/services/", params).content.decode()
    shown = sorted(
        (n for n in [*ORDER, *LAST] if f">{n}<" in body), key=lambda n: body.index(f">{n}<")
    )
    assert shown == expected
