"""PDF rendering with WeasyPrint that never fetches anything from the network.

Posters and guides are rendered from our own templates; everything they show is inlined (CSS
in the template, QR codes as data: URIs) and fonts come from the system (Noto, DejaVu), so the
fetcher refuses every URL except data: URIs and files inside our own static folder.
"""

import base64
import io
import logging
import unicodedata
from pathlib import Path
from urllib.parse import unquote, urlparse

import segno
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

STATIC_DIR = (Path(__file__).resolve().parent / "static").resolve()

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


def render_pdf(html: str) -> bytes:
    document = HTML(string=html, base_url=STATIC_DIR.as_uri() + "/", url_fetcher=LocalOnlyFetcher())
    return bytes(document.write_pdf())


def qr_png(url: str) -> bytes:
    """One pixel per module with a four-module quiet zone; print CSS scales it up crisply."""
    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(buffer, kind="png", scale=1, border=4)
    return buffer.getvalue()


def qr_data_uri(url: str) -> str:
    return "data:image/png;base64," + base64.b64encode(qr_png(url)).decode("ascii")


def text_direction(text: str) -> str:
    """The direction of the first strongly directional character (Unicode bidi rule P2).

    WeasyPrint has no `unicode-bidi: isolate`, so a Latin address inside an Arabic page gets
    its own `dir` from this, and its numbers stay where they belong."""
    for character in text:
        kind = unicodedata.bidirectional(character)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "ltr"
