import re

import pytest
from django.conf import settings
from django.urls import reverse

PUBLIC_PAGES = [
    "campaign:get_involved",
    "campaign:contact",
    "campaign:status_for_all",
    "campaign:actions",
    "campaign:toolkit",
]


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_each_page_has_open_graph_tags_with_a_self_hosted_image(client, city, name):
    html = client.get(reverse(name)).content.decode()
    image = re.search(r'<meta property="og:image" content="([^"]+)"', html)
    assert image is not None
    assert image.group(1) == f"{settings.SITE_URL}/static/campaign/og-image.png"
    assert '<meta property="og:title"' in html


@pytest.mark.parametrize("name", PUBLIC_PAGES)
@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar"])
def test_no_page_loads_anything_from_another_site(client, city, name, lang):
    html = client.get(f"/{lang}{reverse(name)[3:]}").content.decode()
    loaded = re.findall(r'<(?:script|link|img|iframe)[^>]+(?:src|href)="([^"]+)"', html)
    assert loaded
    for url in loaded:
        assert url.startswith("/"), url


def test_the_open_graph_image_exists_and_is_small(client):
    from solidarity.campaign.pdf import STATIC_DIR

    image = STATIC_DIR / "campaign" / "og-image.png"
    assert image.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert image.stat().st_size < 60_000


def test_the_status_for_all_page_says_what_we_ask_in_arabic(client, city):
    html = client.get("/ar/status-for-all/").content.decode()
    assert 'dir="rtl"' in html
    assert "إنهاء الاحتجاز والترحيل." in html
