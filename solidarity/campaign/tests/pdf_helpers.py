"""Reading the PDFs we render, as a person (or a phone's QR scanner) would."""

import io
import unicodedata
from typing import cast

import pypdf


def pdf_text(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return " ".join(unicodedata.normalize("NFKC", text).split())  # lines wrap anywhere


def page_size_in_points(pdf: bytes) -> tuple[int, int]:
    box = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    return round(float(box.width)), round(float(box.height))


def qr_matrix_from_pdf(pdf: bytes) -> list[list[bool]]:
    """The QR code's modules, read back from the image embedded in the first page (dark=True)."""
    (image,) = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].images
    assert image.image is not None
    picture = image.image.convert("L")
    pixels = cast(list[int], list(picture.get_flattened_data()))  # mode L: one int a pixel
    width = picture.width
    return [
        [value < 128 for value in pixels[y * width : (y + 1) * width]]
        for y in range(picture.height)
    ]


def qr_matrix_for(url: str) -> list[list[bool]]:
    import segno

    code = segno.make(url, error="m", micro=False)
    return [[bool(module) for module in row] for row in code.matrix_iter(scale=1, border=4)]
