"""The index is written by the services on every edit (no signals), so search never disagrees
with the listing."""

import pytest
from django.core.management import call_command

from solidarity.directory import services
from solidarity.directory.selectors import SearchQuery, service_search
from solidarity.directory.tests import factories

pytestmark = pytest.mark.django_db


def names(**filters) -> list[str]:
    return [s.name for s in service_search(SearchQuery(**filters))]


def test_editing_a_listing_updates_what_finds_it(provider):
    listing = factories.service(
        provider, name={"en": "Tuesday soup"}, term_codes=("community-meals",)
    )
    assert names(query="soup") == ["Tuesday soup"]
    listing.name_en = listing.name = "Tuesday stew"
    services.service_save(
        service=listing, actor=None, terms=factories.terms("dental"), languages=["ar"], locations=[]
    )
    assert names(query="soup") == []
    assert names(query="stew dentiste") == ["Tuesday stew"]
    assert names(category="food") == []
    assert names(language="ar") == ["Tuesday stew"]


def test_moving_a_location_to_another_neighbourhood_moves_its_services(provider, city):
    first = factories.neighbourhood(city, "parc-extension")
    second = factories.neighbourhood(city, "plateau", (45.52, -73.58))
    place = factories.location(provider, at=(45.53, -73.63), hood=first)
    factories.service(provider, name={"en": "Legal clinic"}, locations=(place,))
    assert names(neighbourhood=first) == ["Legal clinic"]
    place.neighbourhood = second
    services.location_save(
        location=place,
        address={
            "address_1": "2 Main St",
            "city": "Montreal",
            "state_province": "QC",
            "postal_code": "H2T 1A1",
        },
    )
    assert names(neighbourhood=first) == []
    assert names(neighbourhood=second) == ["Legal clinic"]
    assert names(query="plateau") == ["Legal clinic"]


def test_the_reindex_command_rebuilds_every_row(provider, tmp_path):
    factories.service(provider, name={"en": "Night shelter"}, term_codes=("emergency-shelter",))
    from django.db import connection

    from solidarity.directory.search.index import TABLE

    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE}")  # noqa: S608 - a constant
    assert names(query="refugio") == []
    call_command("directory_reindex", stdout=(tmp_path / "out.txt").open("w"))
    assert names(query="refugio") == ["Night shelter"]
