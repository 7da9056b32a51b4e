import pytest
from django.urls import reverse

from solidarity.directory.tests import factories

pytestmark = pytest.mark.django_db
PAYLOAD = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture
def hostile(provider):
    return factories.service(
        provider,
        name={"en": f"Clinic {PAYLOAD}"},
        description={"en": f"Dental care {PAYLOAD}"},
        term_codes=("dental",),
        hours=[factories.hours("MO", (9, 0), (17, 0))],
    )


def test_search_results_escape_listing_content(client, hostile):
    body = client.get(reverse("directory:search"), {"q": "clinic"}).content.decode()
    assert "&lt;script&gt;" in body
    assert "<script>alert" not in body
    assert "<img src=x" not in body


def test_the_service_page_escapes_listing_content(client, hostile):
    body = client.get(hostile.get_absolute_url()).content.decode()
    assert "&lt;script&gt;" in body
    assert "<script>alert" not in body
    assert "onerror=alert(1)>" not in body


def test_a_search_term_with_markup_is_escaped_when_shown_back(client, hostile):
    body = client.get(reverse("directory:search"), {"q": PAYLOAD}).content.decode()
    assert "<script>alert" not in body
