"""A cached page or search goes to a browser that accepts gzip compressed once, not on every
request: the same page, the same headers GZipMiddleware gives, and a change still shows at once.
"""

import gzip
import json

import pytest
from django.http import HttpResponse
from django.test import override_settings
from django.urls import reverse

from solidarity.directory import services
from solidarity.directory.tests import factories
from solidarity.lib.cache import gzipped

pytestmark = pytest.mark.django_db

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


@pytest.fixture
def clinic(provider):
    return factories.service(provider, name={"en": "Harbour clinic"})


def page(response):
    """The page a browser shows: the body, uncompressed when it came compressed."""
    if response.get("Content-Encoding") == "gzip":
        return gzip.decompress(response.content).decode()
    return response.content.decode()


@pytest.mark.parametrize("params", [{}, {"q": "harbour"}], ids=["listing", "search"])
def test_the_compressed_copy_is_made_once_and_shows_the_same_page(client, clinic, params):
    path = reverse("directory:search")
    first, second = client.get(path, params, **GZIP), client.get(path, params, **GZIP)
    plain = client.get(path, params)

    assert first["Content-Encoding"] == second["Content-Encoding"] == "gzip"
    # GZipMiddleware pads each compression with random bytes: equal bytes were compressed once.
    assert second.content == first.content
    assert page(second) == page(plain)
    assert "Harbour clinic" in page(second)
    assert int(second["Content-Length"]) == len(second.content) < len(plain.content)
    assert {"Accept-Encoding", "Cookie"} <= {v.strip() for v in second["Vary"].split(",")}


def test_a_browser_that_does_not_accept_gzip_gets_the_page_as_it_is(client, clinic):
    path = reverse("directory:search")
    client.get(path, {"q": "harbour"}, **GZIP)  # the compressed copy is kept

    for accept in ({}, {"HTTP_ACCEPT_ENCODING": "identity"}, {"HTTP_ACCEPT_ENCODING": "gzipped"}):
        response = client.get(path, {"q": "harbour"}, **accept)
        assert not response.has_header("Content-Encoding")
        assert "Harbour clinic" in response.content.decode()
        assert "Accept-Encoding" in response["Vary"]


def test_an_edit_shows_at_once_in_the_compressed_page(client, clinic):
    path = reverse("directory:search")
    assert "Harbour clinic" in page(client.get(path, **GZIP))

    clinic.name = clinic.name_en = "Harbour health centre"
    services.service_save(service=clinic, actor=None, terms=[], languages=["en"], locations=[])

    assert "Harbour health centre" in page(client.get(path, **GZIP))
    assert "Harbour health centre" in page(client.get(clinic.get_absolute_url(), **GZIP))


def test_the_api_sends_the_same_json_compressed(client, clinic):
    first = client.get("/api/services", {"search": "harbour"}, **GZIP)
    second = client.get("/api/services", {"search": "harbour"}, **GZIP)

    assert second["Content-Encoding"] == "gzip"
    assert second.content == first.content
    names = [service["name"] for service in json.loads(page(second))["contents"]]
    assert names == ["Harbour clinic"]


def test_what_gzipmiddleware_would_not_compress_is_kept_without_a_copy():
    assert gzipped(HttpResponse("short")) is None  # under 200 bytes
    assert gzipped(HttpResponse("x" * 1000, headers={"Content-Encoding": "br"})) is None
    with override_settings(MIDDLEWARE=[]):  # compressed by the reverse proxy instead
        assert gzipped(HttpResponse("x" * 1000)) is None


def test_the_copy_is_what_gzipmiddleware_sends():
    response = HttpResponse("Harbour clinic " * 100, headers={"ETag": '"v1"'})

    compressed = gzipped(response)

    assert compressed is not None
    assert gzip.decompress(compressed.content) == response.content
    assert compressed["Content-Length"] == str(len(compressed.content))
    assert compressed["ETag"] == 'W/"v1"'  # weakened, as the middleware does
    assert response.content == ("Harbour clinic " * 100).encode()  # the original is untouched
    assert not response.has_header("Content-Encoding")
