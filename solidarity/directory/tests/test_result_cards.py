"""Search results are read from cached cards: a change shows at once, and what depends on the
moment (open now, may be outdated) is worked out for each visit."""

import datetime
import zoneinfo

import pytest
from django.urls import reverse

from solidarity.directory import cards, services
from solidarity.directory.models import Service
from solidarity.directory.selectors import SearchQuery, first_hits, service_search
from solidarity.directory.tests import factories

pytestmark = pytest.mark.django_db
MONTREAL = zoneinfo.ZoneInfo("America/Toronto")


@pytest.fixture
def clinic(provider):
    return factories.service(
        provider,
        name={"en": "Harbour clinic"},
        hours=[factories.hours(factories.WEEKDAYS, (9, 0), (17, 0))],
        term_codes=("primary-care",),
    )


def search_page(client, **params) -> str:
    return client.get(reverse("directory:search"), params).content.decode()


def test_an_edit_shows_on_the_next_search(client, clinic):
    assert "Harbour clinic" in search_page(client, q="clinic")  # the card is now cached
    clinic.name_en = "Harbour health centre"
    clinic.name = "Harbour health centre"
    services.service_save(
        service=clinic,
        actor=None,
        terms=list(clinic.taxonomy_terms.all()),
        languages=["en"],
        locations=[],
    )
    body = search_page(client, q="harbour")
    assert "Harbour health centre" in body
    assert "Harbour clinic" not in body


def test_still_accurate_removes_may_be_outdated_at_once(client, clinic):
    Service.objects.filter(pk=clinic.pk).update(last_verified=datetime.date(2020, 1, 1))
    services.directory_changed()
    assert "May be outdated" in search_page(client, q="harbour")
    services.service_mark_accurate(service=Service.objects.get(pk=clinic.pk), actor=None)
    assert "May be outdated" not in search_page(client, q="harbour")


def test_open_now_is_judged_at_each_visit_from_the_same_card(clinic):
    hits = first_hits(service_search(SearchQuery(query="harbour")), limit=10)
    wednesday_morning = datetime.datetime(2026, 12, 2, 10, 0, tzinfo=MONTREAL)
    wednesday_night = datetime.datetime(2026, 12, 2, 22, 0, tzinfo=MONTREAL)
    assert [r.open_now for r in cards.results(hits, now=wednesday_morning)] == [True]
    assert [r.open_now for r in cards.results(hits, now=wednesday_night)] == [False]


def test_a_card_is_written_in_the_page_language(client, provider):
    factories.service(provider, name={"en": "Corner pantry"}, term_codes=("free",))
    english = client.get("/en/services/", {"q": "pantry"}).content.decode()
    french = client.get("/fr/services/", {"q": "pantry"}).content.decode()
    assert "<li>Free</li>" in english
    assert "<li>Gratuit</li>" in french
    assert "<li>Free</li>" not in french
