"""API responses carry our security headers, set no cookie and answer hostile input with a 4xx."""

import pytest

pytestmark = pytest.mark.django_db

URLS = [
    "/api/",
    "/api/services",
    "/api/services?format=ndjson",
    "/api/organizations",
    "/api/taxonomy_terms",
    "/api/endorsements",
    "/api/openapi.json",
    "/api/services/00000000-0000-0000-0000-000000000000",
]


@pytest.mark.parametrize("url", URLS)
def test_responses_carry_security_headers_and_set_no_cookie(client, settings, url):
    response = client.get(url)
    assert response.status_code in (200, 404)
    assert response.cookies == {}
    assert "Set-Cookie" not in response.headers
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == settings.SECURE_REFERRER_POLICY
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert "default-src 'none'" in response["Content-Security-Policy"]


@pytest.mark.parametrize(
    "query",
    [
        "search=%00",
        "search=" + "x" * 100_000,
        "page=0",
        "page=-1",
        "page=abc",
        "per_page=1000",
        "per_page=1e9",
        "format=xml",
        "taxonomy_term_id=not-a-uuid",
        "modified_after=yesterday",
        "lat=91",
        "lat=nan&lon=0",
        "radius=1000",
        "attribute=<script>",
        "city=../../etc",
        "open_now=maybe",
    ],
)
def test_hostile_parameters_get_a_clear_4xx(client, query):
    response = client.get(f"/api/services?{query}")
    assert 400 <= response.status_code < 500, response.content[:200]


def test_a_search_in_broken_utf8_or_punctuation_finds_nothing_without_error(client):
    for query in ("%ff%fe", "%3C%3E%22", "a"):
        response = client.get(f"/api/services?search={query}")
        assert response.status_code == 200
        assert response.json()["empty"] is True


def test_a_malformed_id_is_a_4xx_not_an_error(client):
    assert client.get("/api/services/%00").status_code in (404, 422)
    assert client.get("/api/services/' OR 1=1 --").status_code in (404, 422)


def test_html_in_listings_is_returned_as_data_not_markup(client, public_service):
    public_service.description_en = "<script>alert(1)</script>"
    public_service.save()
    response = client.get(f"/api/services/{public_service.pk}")
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["description"] == "<script>alert(1)</script>"


def test_the_reference_page_works_without_any_third_party(client):
    page = client.get("/en/open-data/api/").content.decode()
    assert "/api/services" in page
    assert "<script" not in page
    assert "cdn" not in page.lower()
    assert client.get("/api/docs").url == "/en/open-data/api/"
