"""A broad search says "more than N" instead of counting every match (DESIGN.md §7 budget)."""

import pytest
from django.urls import reverse

from solidarity.directory.tests import factories
from solidarity.directory.views.public import CappedPaginator

pytestmark = pytest.mark.django_db


@pytest.fixture
def thirty(provider):
    for number in range(30):
        factories.service(provider, name={"en": f"Food bank {number:02d}"})


def test_a_search_past_the_cap_says_more_than_the_cap(client, thirty, monkeypatch):
    monkeypatch.setattr(CappedPaginator, "cap", 21)
    body = client.get(reverse("directory:search"), {"q": "food"}).content.decode()
    assert "More than 21 services found" in body
    assert "Page 1" in body
    assert "Page 1 of" not in body
    assert 'href="?q=food&amp;page=2"' in body


def test_a_search_within_the_cap_gives_the_exact_count(client, thirty, monkeypatch):
    monkeypatch.setattr(CappedPaginator, "cap", 30)
    body = client.get(reverse("directory:search"), {"q": "food"}).content.decode()
    assert "30 services found" in body
    assert "Page 1 of 2" in body


def test_the_cap_is_said_in_french(client, thirty, monkeypatch):
    monkeypatch.setattr(CappedPaginator, "cap", 21)
    body = client.get("/fr/services/", {"q": "food"}).content.decode()
    assert "Plus de 21 services trouvés" in body
