"""A search with few results is ordered by relevance; one with more than RANKED_RESULTS (the
page says "more than 1,000") freshest first: ranking every match of a broad word cost more
than the rest of the search (bench/directory_search.md)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from solidarity.directory import selectors
from solidarity.directory.tests import factories

pytestmark = pytest.mark.django_db


def names(body: str, candidates: list[str]) -> list[str]:
    return sorted((n for n in candidates if n in body), key=body.index)


@pytest.fixture
def shelters(provider):
    today = timezone.localdate()
    listings = [
        ("Shelter shelter shelter beds", 30),  # the best text match, verified a month ago
        ("Night refuge", 2),  # found through its category, verified two days ago
        ("Family shelter", 10),
        ("Old shelter", 400),  # may be outdated: last whatever the order
    ]
    for name, days in listings:
        service = factories.service(provider, name={"en": name}, term_codes=("emergency-shelter",))
        service.last_verified = today - datetime.timedelta(days=days)
        service.save(update_fields=["last_verified"])
    return [name for name, _days in listings]


@pytest.mark.parametrize("where", [{}, {"city": "montreal"}], ids=["anywhere", "in a city"])
def test_few_results_are_ordered_by_relevance(client, shelters, where):
    body = client.get(reverse("directory:search"), {"q": "shelter", **where}).content.decode()
    found = names(body, shelters)
    assert found[0] == "Shelter shelter shelter beds"
    assert found[-1] == "Old shelter"
    assert set(found) == set(shelters)


@pytest.mark.parametrize("where", [{}, {"city": "montreal"}], ids=["anywhere", "in a city"])
def test_more_results_than_ranked_are_shown_freshest_first(client, shelters, monkeypatch, where):
    monkeypatch.setattr(selectors, "RANKED_RESULTS", 3)
    body = client.get(reverse("directory:search"), {"q": "shelter", **where}).content.decode()
    assert names(body, shelters) == [
        "Night refuge",
        "Family shelter",
        "Shelter shelter shelter beds",
        "Old shelter",
    ]
    assert "4 services found" in body


def test_a_category_word_finds_the_listings_of_its_subcategories(provider):
    factories.service(provider, name={"en": "Youth house"}, term_codes=("youth-shelter",))
    factories.service(provider, name={"en": "Women's house"}, term_codes=("women-shelter",))
    found = selectors.service_search(selectors.SearchQuery(query="shelter"))
    assert sorted(s.name for s in found) == ["Women's house", "Youth house"]


def test_a_capped_search_says_which_listings_come_first(client, shelters, monkeypatch):
    from solidarity.directory.views.public import CappedPaginator

    monkeypatch.setattr(selectors, "RANKED_RESULTS", 3)
    monkeypatch.setattr(CappedPaginator, "cap", 3)
    url = reverse("directory:search")

    body = client.get(url, {"q": "shelter"}).content.decode()
    assert "More than 3 services found" in body
    assert "The most recently checked listings come first." in body
    assert names(body, shelters)[0] == "Night refuge"

    few = client.get(url, {"q": "beds"}).content.decode()
    assert "1 service found" in few
    assert "The most recently checked listings come first." not in few
