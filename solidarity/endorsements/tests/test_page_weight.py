"""Every public endorsement page, with its CSS and JavaScript, stays under 30 KB compressed."""

import gzip
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db
BUDGET = 30 * 1024


def compressed_weight(html: str) -> int:
    total = len(gzip.compress(html.encode()))
    for asset in re.findall(r'(?:href|src)="/static/([^"]+)"', html):
        path = finders.find(asset)
        assert path, asset
        total += len(gzip.compress(Path(path).read_bytes()))
    return total


@pytest.mark.parametrize("url", ["/ar/endorse/", "/en/endorsers/", "/fr/endorse/resend/"])
def test_public_pages_fit_the_budget(client, make_endorsement, url):
    for number in range(30):
        make_endorsement(name=f"Organization number {number}")

    response = client.get(url)

    assert response.status_code == 200
    assert compressed_weight(response.content.decode()) <= BUDGET


def test_no_page_asks_a_third_party_for_anything(client, make_endorsement):
    make_endorsement(name="Parc-Ex Food Bank")

    for url in ("/en/endorse/", "/en/endorsers/"):
        html = client.get(url).content.decode()
        assert not re.search(r'src="(?:https?:)?//', html)
        assert not re.search(r'<link[^>]+href="(?:https?:)?//', html)
