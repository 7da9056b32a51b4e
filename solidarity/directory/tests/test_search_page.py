import pytest
from django.urls import reverse

from solidarity.directory.tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def many(provider, city):
    hood = factories.neighbourhood(city)
    place = factories.location(provider, at=(45.53, -73.63), hood=hood)
    for number in range(25):
        factories.service(
            provider,
            name={"en": f"Food bank {number:02d}", "fr": f"Banque alimentaire {number:02d}"},
            term_codes=("food-banks", "free", "no-id-required"),
            languages=("fr", "ar"),
            locations=(place,),
            hours=[factories.hours("MO,TU,WE,TH,FR,SA,SU", (0, 0), (0, 0))],
        )


@pytest.mark.parametrize(
    ("language", "heading", "direction"),
    [
        ("en", "Find a service", "ltr"),
        ("fr", "Trouver un service", "ltr"),
        ("es", "Buscar un servicio", "ltr"),
        ("ar", "ابحث عن خدمة", "rtl"),
    ],
)
def test_the_search_page_speaks_every_language(client, many, language, heading, direction):
    body = client.get(f"/{language}/services/", {"q": "food"}).content.decode()
    assert heading in body
    assert f'dir="{direction}"' in body


def test_results_show_what_matters_at_a_glance(client, many):
    body = client.get(reverse("directory:search"), {"q": "food bank"}).content.decode()
    assert "25 services found" in body
    assert "Open now" in body
    assert "Free" in body
    assert "No ID required" in body
    assert "Last verified" in body
    assert "Parc Extension" in body


def test_results_are_paginated_keeping_the_filters(client, many):
    first = client.get(
        reverse("directory:search"), {"q": "food", "attributes": "free"}
    ).content.decode()
    assert "Page 1 of 2" in first
    assert 'href="?q=food&amp;attributes=free&amp;page=2"' in first
    second = client.get(
        reverse("directory:search"), {"q": "food", "attributes": "free", "page": "2"}
    ).content.decode()
    assert second.count('class="card result"') == 5


def test_the_neighbourhood_list_works_without_javascript(client, many, city):
    body = client.get(reverse("directory:search")).content.decode()
    assert '<option value="montreal/parc-extension">' in body
    found = client.get(
        reverse("directory:search"), {"neighbourhood": "montreal/parc-extension"}
    ).content.decode()
    assert "25 services found" in found


def test_the_home_page_search_box_lands_on_the_search(client, many, city):
    response = client.get(reverse("directory:search"), {"q": "banque", "city": city.slug})
    assert response.status_code == 200
    assert "25 services found" in response.content.decode()


def test_the_service_page_shows_hours_phone_and_pledge(client, provider):
    listing = factories.service(
        provider,
        name={"en": "Night shelter"},
        description={"en": "Beds for the night."},
        hours=[factories.hours("FR", (20, 0), (8, 0))],
    )
    listing.phones.create(number="+1 514 555 0199")
    body = client.get(listing.get_absolute_url()).content.decode()
    assert 'href="tel:+15145550199"' in body
    assert "(the next day)" in body
    assert "made all five commitments" in body
    assert "Report outdated information" in body
