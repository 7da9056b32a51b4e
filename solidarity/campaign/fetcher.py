"""The URL fetcher of WeasyPrint for our PDFs: data: URIs and our own static files only.

Imported only when a PDF is made (`pdf.render_pdf`), with WeasyPrint itself.
"""

import logging
from pathlib import Path
from urllib.parse import unquote, urlparse

from weasyprint.urls import URLFetcher, URLFetcherResponse

from solidarity.campaign.pdf import STATIC_DIR

# WeasyPrint logs every rendering step at INFO; the server log needs only its warnings.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


class RefusedURL(ValueError):
    """A document asked for something we do not serve ourselves."""


class LocalOnlyFetcher(URLFetcher):
    """data: URIs and our own static files; nothing else, ever."""

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        scheme = urlparse(url).scheme.lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme == "file" and is_own_static_file(url):
            return super().fetch(url, headers)
        raise RefusedURL(f"Refused to fetch {url[:80]!r}")


def is_own_static_file(url: str) -> bool:
    path = Path(unquote(urlparse(url).path)).resolve()
    return path.is_file() and path.is_relative_to(STATIC_DIR)
