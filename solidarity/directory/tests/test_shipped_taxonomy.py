import pytest

from solidarity.directory.models import TaxonomyTerm
from solidarity.directory.taxonomy import ATTRIBUTES, CATEGORIES

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "fr", "es", "ar")


def test_it_ships_the_categories_of_the_issue_under_their_parents():
    terms = TaxonomyTerm.objects.filter(taxonomy__code=CATEGORIES)
    dental = terms.get(code="dental")
    assert dental.parent is not None
    assert dental.parent.code == "health"
    assert {t.code for t in terms.filter(parent__code="shelter")} == {
        "emergency-shelter",
        "women-shelter",
        "youth-shelter",
    }


def test_every_term_has_a_name_and_synonyms_in_every_language():
    for term in TaxonomyTerm.objects.all():
        for code in LANGUAGES:
            assert getattr(term, f"name_{code}"), (term.code, code)
            assert getattr(term, f"synonyms_{code}"), (term.code, code)


def test_attributes_describe_the_service_never_the_person():
    codes = set(
        TaxonomyTerm.objects.filter(taxonomy__code=ATTRIBUTES).values_list("code", flat=True)
    )
    assert {"free", "no-id-required", "no-health-card-needed", "walk-in"} <= codes
    forbidden = ("status", "citizen", "visa", "permit", "passport", "nationality")
    assert not [c for c in codes if any(word in c for word in forbidden)]
