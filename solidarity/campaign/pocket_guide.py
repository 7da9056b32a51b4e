"""The pocket guide: a city's public services, filtered by category and language, as small A6
pages to print, fold and hand out. Rendered on demand and cached until the selection changes."""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.utils import timezone, translation

from solidarity.campaign.pdf import qr_data_uri, render_pdf
from solidarity.cities.models import City
from solidarity.directory.models import Service, TaxonomyTerm
from solidarity.directory.presenters import decorate
from solidarity.directory.selectors import SearchQuery, categories, for_display, service_search

MAX_SERVICES = 300  # about 75 A6 pages; a bigger city prints one category at a time
CACHE_SECONDS = 24 * 60 * 60


@dataclass(frozen=True)
class GuideOptions:
    city: City
    category: str = ""
    language: str = ""


def guide_services(options: GuideOptions) -> QuerySet[Service]:
    search = SearchQuery(city=options.city, category=options.category, language=options.language)
    return service_search(search)[:MAX_SERVICES]


def selection_fingerprint(services: QuerySet[Service]) -> str:
    """Changes whenever a listing is added, edited or hidden (e.g. its endorser suspended)."""
    digest = hashlib.sha256()
    for pk, modified in services.values_list("pk", "last_modified"):
        digest.update(f"{pk}:{modified.isoformat()};".encode())
    return digest.hexdigest()


def cache_key(options: GuideOptions, fingerprint: str) -> str:
    language = translation.get_language() or settings.LANGUAGE_CODE
    parts = [str(options.city.pk), options.category, options.language, language, fingerprint]
    return "campaign:pocket-guide:" + hashlib.sha256("|".join(parts).encode()).hexdigest()


def pocket_guide_pdf(options: GuideOptions) -> bytes:
    """In the active language. A cached copy is served while the selection is unchanged."""
    services = guide_services(options)
    key = cache_key(options, selection_fingerprint(services))
    pdf = cache.get(key)
    if pdf is None:
        pdf = render_guide(options, services)
        cache.set(key, pdf, CACHE_SECONDS)
    return bytes(pdf)


def render_guide(options: GuideOptions, services: QuerySet[Service]) -> bytes:
    city_url = settings.SITE_URL + options.city.get_absolute_url()
    context = {
        "city": options.city,
        "category": category_term(options.category),
        "language": options.language,
        "services": decorate(for_display(services)),
        "max_services": MAX_SERVICES,
        "today": timezone.localdate(),
        "qr": qr_data_uri(city_url),
        "url": city_url,
        "direction": "rtl" if translation.get_language_bidi() else "ltr",
    }
    return render_pdf(render_to_string("campaign/pdf/pocket_guide.html", context))


def category_term(code: str) -> TaxonomyTerm | None:
    return categories().filter(code=code).first() if code else None
