"""Door posters for verified endorsers, in any combination of languages."""

from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from solidarity.campaign.pdf import qr_data_uri, render_pdf, text_direction
from solidarity.cities.models import Commitment
from solidarity.endorsements.models import Endorsement

PAGE_SIZES = {"a4": "A4", "letter": "letter", "tabloid": "11in 17in"}
PAGE_HEIGHTS_MM = {"a4": 297, "letter": 279, "tabloid": 431}
# Headline and text sizes (rem) by number of languages: fewer languages, bigger letters.
TYPE_SIZES = {1: (2.8, 1.3), 2: (1.9, 1.1)}
SMALL_TYPE = (1.45, 0.9)
ARABIC_SCALE = 1.2  # Naskh reads smaller than Latin text at the same size


@dataclass(frozen=True)
class PosterLanguage:
    code: str
    direction: str
    commitments: list[str]


def public_page_url(endorsement: Endorsement, *, language: str) -> str:
    with translation.override(language):
        return settings.SITE_URL + endorsement.organization.get_absolute_url()


def poster_languages(endorsement: Endorsement, languages: list[str]) -> list[PosterLanguage]:
    keys = [key for key in Commitment.values if key in endorsement.commitments]
    result = []
    for code in languages:
        with translation.override(code):
            labels = [str(Commitment(key).label) for key in keys]
        direction = "rtl" if code in settings.RTL_LANGUAGES else "ltr"
        result.append(PosterLanguage(code=code, direction=direction, commitments=labels))
    return result


def poster_pdf(*, endorsement: Endorsement, languages: list[str], size: str) -> bytes:
    url = public_page_url(endorsement, language=languages[0])
    headline, text = TYPE_SIZES.get(len(languages), SMALL_TYPE)
    context = {
        "headline_size": headline,
        "text_size": text,
        "arabic_text_size": round(text * ARABIC_SCALE, 2),
        "poster_height": PAGE_HEIGHTS_MM[size] - 24,
        "organization": endorsement.organization,
        "name_direction": text_direction(endorsement.organization.name),
        "languages": poster_languages(endorsement, languages),
        "page_size": PAGE_SIZES[size],
        "size": size,
        "qr": qr_data_uri(url),
        "url": url,
    }
    return render_pdf(render_to_string("campaign/pdf/poster.html", context))
