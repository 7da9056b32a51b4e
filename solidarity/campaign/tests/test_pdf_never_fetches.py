"""PDFs are rendered from our own templates with system fonts: nothing is fetched from anywhere."""

import pytest
from weasyprint.urls import URLFetcher

from solidarity.campaign.fetcher import LocalOnlyFetcher, RefusedURL
from solidarity.campaign.pdf import STATIC_DIR, render_pdf
from solidarity.campaign.tests.pdf_helpers import pdf_text


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:1/tracker.png",
        "https://fonts.example/font.woff2",
        "ftp://example.org/x",
        "file:///etc/passwd",
        f"file://{STATIC_DIR}/../models.py",
    ],
)
def test_the_fetcher_refuses_anything_but_our_static_files_and_data(url):
    with pytest.raises(RefusedURL):
        LocalOnlyFetcher().fetch(url)


def test_the_fetcher_reads_data_uris_and_our_own_static_files():
    assert LocalOnlyFetcher().fetch("data:text/plain,hello").read() == b"hello"
    css = (STATIC_DIR / "campaign" / "campaign.css").as_uri()
    assert b"toolkit" in LocalOnlyFetcher().fetch(css).read()


def test_a_document_asking_for_remote_resources_renders_without_fetching_them(monkeypatch):
    fetched = []
    original = URLFetcher.fetch

    def spy(self, url, headers=None):
        fetched.append(url)
        return original(self, url, headers)

    monkeypatch.setattr(URLFetcher, "fetch", spy)
    html = (
        '<link rel="stylesheet" href="https://cdn.example/x.css">'
        '<img src="http://tracker.example/pixel.png"><p>Still here</p>'
    )
    assert "Still here" in pdf_text(render_pdf(html))
    assert fetched == []
