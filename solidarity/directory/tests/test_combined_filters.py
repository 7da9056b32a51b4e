import pytest

from solidarity.directory.selectors import SearchQuery, service_search
from solidarity.directory.tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def listings(provider, city):
    hood = factories.neighbourhood(city)
    elsewhere = factories.neighbourhood(city, "plateau", (45.5247, -73.5816))
    here = factories.location(provider, at=(45.53, -73.63), hood=hood)
    there = factories.location(provider, at=(45.52, -73.58), hood=elsewhere)
    factories.service(
        provider,
        name={"en": "Free walk-in dentist"},
        term_codes=("dental", "free", "walk-in"),
        languages=("en", "es"),
        locations=(here,),
    )
    factories.service(
        provider,
        name={"en": "Paid dentist"},
        term_codes=("dental",),
        languages=("en", "es"),
        locations=(here,),
    )
    factories.service(
        provider,
        name={"en": "Free dentist elsewhere"},
        term_codes=("dental", "free", "walk-in"),
        languages=("es",),
        locations=(there,),
    )
    factories.service(
        provider,
        name={"en": "Free food bank"},
        term_codes=("food-banks", "free", "walk-in"),
        languages=("en", "es"),
        locations=(here,),
    )
    return hood


def names(**filters) -> set[str]:
    return {s.name for s in service_search(SearchQuery(**filters))}


def test_category_attributes_language_and_neighbourhood_combine(listings, city):
    found = names(
        category="dental",
        attributes=("free", "walk-in"),
        language="es",
        neighbourhood=listings,
        city=city,
    )
    assert found == {"Free walk-in dentist"}


def test_a_parent_category_includes_its_children(listings):
    assert names(category="health") == {
        "Free walk-in dentist",
        "Paid dentist",
        "Free dentist elsewhere",
    }


def test_every_attribute_must_hold(listings):
    assert names(attributes=("free", "walk-in"), category="food") == {"Free food bank"}
    assert names(attributes=("free", "women-only")) == set()


def test_keywords_combine_with_filters(listings):
    assert names(query="dentist", attributes=("free",)) == {
        "Free walk-in dentist",
        "Free dentist elsewhere",
    }


def test_a_city_filter_excludes_other_cities(listings, city):
    from solidarity.cities.models import City

    other = City.objects.create(slug="toronto", name="Toronto", latitude=43.65, longitude=-79.38)
    assert len(names(city=other)) == 0
    assert len(names(city=city)) == 4
