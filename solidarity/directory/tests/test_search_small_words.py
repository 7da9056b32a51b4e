"""Small words of a query ("de", "the", "في") neither widen nor break a search."""

import pytest

from solidarity.directory.search.text import query_words
from solidarity.directory.selectors import SearchQuery, service_search
from solidarity.directory.tests import factories

pytestmark = pytest.mark.django_db


def names(query: str) -> list[str]:
    return sorted(s.name for s in service_search(SearchQuery(query=query)))


@pytest.fixture
def listings(provider):
    factories.service(
        provider, name={"fr": "Cours de français du soir"}, term_codes=("language-classes",)
    )
    factories.service(
        provider,
        name={"fr": "Dépannage alimentaire"},
        description={"fr": "Des denrées de base pour les familles."},
        term_codes=("food-banks",),
    )
    factories.service(provider, name={"en": "Luca dental"}, term_codes=())


def test_a_french_phrase_finds_the_class_and_not_every_listing_with_de(listings):
    assert names("cours de français") == ["Cours de français du soir"]


def test_the_same_search_in_english_words_around_it(listings):
    assert names("the cours for français") == ["Cours de français du soir"]


def test_a_query_of_only_small_words_still_searches_them_as_whole_words(listings):
    # "de" alone matches the word "de", not every word that starts with it ("dental").
    assert names("de") == ["Cours de français du soir", "Dépannage alimentaire"]
    assert names("du") == ["Cours de français du soir"]


def test_stop_words_are_left_out_in_each_language():
    assert query_words("food bank near me") == ["food", "bank"]
    assert query_words("banco de alimentos para familias") == ["banco", "alimento", "familia"]
    assert query_words("طبيب في المدينة") == ["طبيب", "مدينه"]
    assert query_words("de la") == ["de", "la"]
