"""Category and attribute words are matched at query time, in every language, so an organizer's
new synonym works without re-indexing and listings don't carry every term's words."""

import pytest
from django.db import connection

from solidarity.directory.models import TaxonomyTerm
from solidarity.directory.search import synonyms
from solidarity.directory.search.index import TABLE
from solidarity.directory.selectors import SearchQuery, service_search
from solidarity.directory.tests import factories

pytestmark = pytest.mark.django_db


def names(query: str) -> list[str]:
    return [s.name for s in service_search(SearchQuery(query=query))]


@pytest.fixture
def dentist(provider):
    return factories.service(provider, name={"en": "Sunday smiles"}, term_codes=("dental",))


def test_a_new_synonym_is_found_without_reindexing(dentist):
    assert names("molaire") == []
    term = TaxonomyTerm.objects.get(code="dental")
    term.synonyms_fr = f"{term.synonyms_fr}, molaire"
    term.save()
    synonyms.forget()  # each process holds the vocabulary for a few minutes
    assert names("molaire") == ["Sunday smiles"]


def test_a_parent_category_word_finds_its_children(dentist):
    assert names("santé") == ["Sunday smiles"]  # dental care is health care


def test_term_words_are_not_stored_in_each_listing(dentist):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT document FROM {TABLE}")  # noqa: S608 - a constant
        (document,) = cursor.fetchone()
    assert "sunday" in document
    assert "zzcatdental" in document
    assert "dentiste" not in document  # the French synonym is matched at query time
