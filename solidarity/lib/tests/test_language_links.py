"""The language links of every page: the same page in each language, with the visitor's query
string; paths that carry a token are never remembered by the process."""

import re

import pytest

from solidarity.lib.context_processors import translated_path

pytestmark = pytest.mark.django_db


def language_links(html: str) -> dict[str, str]:
    return {code: href for href, code in re.findall(r'<a href="([^"]+)" lang="(\w+)"', html)}


def test_the_search_page_links_to_itself_in_each_language_with_the_query(client):
    html = client.get("/fr/services/", {"q": "dentiste"}).content.decode()

    assert language_links(html) == {
        "en": "/en/services/?q=dentiste",
        "fr": "/fr/services/?q=dentiste",
        "es": "/es/services/?q=dentiste",
        "ar": "/ar/services/?q=dentiste",
    }


def test_a_path_with_a_token_is_not_remembered(client):
    translated_path.cache_clear()
    client.get("/en/endorse/confirm/secret-token-123/")
    client.get("/en/services/")

    remembered = translated_path.cache_info().currsize
    html = client.get("/es/endorse/confirm/secret-token-123/").content.decode()

    assert translated_path.cache_info().currsize == remembered == 4  # the search page's four
    assert 'href="/ar/endorse/confirm/secret-token-123/"' in html
