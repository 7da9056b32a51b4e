"""PDF rendering with WeasyPrint that never fetches anything from the network.

Posters and guides are rendered from our own templates; everything they show is inlined (CSS
in the template, QR codes as data: URIs) and fonts come from the system (Noto, DejaVu), so the
fetcher refuses every URL except data: URIs and files inside our own static folder.
"""

import base64
import io
import unicodedata
from pathlib import Path

import segno

STATIC_DIR = (Path(__file__).resolve().parent / "static").resolve()


def render_pdf(html: str) -> bytes:
    # WeasyPrint is imported when a PDF is made: importing it with the URL configuration cost
    # every process (web workers, import and export commands) 1-2 s of CPU and its memory.
    from weasyprint import HTML

    from solidarity.campaign.fetcher import LocalOnlyFetcher

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
