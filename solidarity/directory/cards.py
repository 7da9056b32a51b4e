"""What a search result shows, kept in the cache per service and language.

Building a result from the database took about 45 ms of CPU for a page of 20 (some 370 model
instances: services, organizations, locations, schedules, languages, attributes and their terms),
more than the search itself. A card is plain data: it is built once, read back with one
`get_many` for the whole page, and what depends on the moment ("open now", "may be outdated",
the distance) is computed for each request from it.

Freshness: every change to the directory bumps the `directory` generation (services.py), which
is part of every card's key, and a card lives at most CARD_TIMEOUT seconds, so a change made
elsewhere (an organization's new name, a renamed category) shows within that time.
"""

import dataclasses
import datetime
import functools
import uuid
from collections.abc import Iterable, Sequence

from django.core.cache import cache
from django.template.defaultfilters import floatformat
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from solidarity.directory import geo
from solidarity.directory.hours import is_open, local_time
from solidarity.directory.models import Service
from solidarity.directory.presenters import GLANCE_ATTRIBUTES
from solidarity.directory.selectors import Hit, for_results, outdated_cutoff, public_services
from solidarity.lib.cache import generations

CARD_TIMEOUT = 300
SCOPE = "directory"


@dataclasses.dataclass(frozen=True)
class Hours:
    """A schedule as `hours.is_open` reads it."""

    days: tuple[str, ...]
    opens_at: datetime.time
    closes_at: datetime.time
    valid_from: datetime.date | None
    valid_to: datetime.date | None


@dataclasses.dataclass(frozen=True)
class Card:
    pk: uuid.UUID
    url: str
    name: str
    organization_name: str
    neighbourhood: str
    point: tuple[float, float] | None
    temporarily_closed: bool
    glance: tuple[str, ...]
    languages: tuple[str, ...]
    last_verified: datetime.date | None
    timezone: str
    hours: tuple[Hours, ...]


@dataclasses.dataclass(frozen=True)
class Result:
    """A card as one request shows it."""

    card: Card
    open_now: bool
    is_outdated: bool
    distance_km: float | None

    def html(self) -> SafeString:
        """The result's `<li>`, written here rather than in a template: twenty template
        includes were a third of a search page's CPU at 60,000 services. Every value goes
        through `format_html`'s escaping."""
        card = self.card
        place = format_html(" · {}", card.neighbourhood) if card.neighbourhood else ""
        if self.distance_km is not None:
            km = floatformat(self.distance_km, 1)
            place = format_html("{} · {}", place, _("%(km)s km away") % {"km": km})
        glance = format_html_join("", "<li>{}</li>", ((name,) for name in card.glance))
        return format_html(
            '<li class="card result">\n  <h3><a href="{}">{}</a></h3>\n'
            '  <p class="muted">{}{}</p>\n'
            '  <ul class="glance">\n    {}\n    {}\n  </ul>\n  {}\n'
            '  <p class="muted">{}{}</p>\n</li>\n',
            card.url,
            card.name,
            card.organization_name,
            place,
            self.status_html(),
            glance,
            self.languages_html(),
            self.outdated_html(),
            self.verified_text(),
        )

    def status_html(self) -> SafeString:
        if self.card.temporarily_closed:
            return format_html('<li class="closed">{}</li>', _("Temporarily closed"))
        if self.open_now:
            return format_html('<li class="open">{}</li>', _("Open now"))
        return format_html("<li>{}</li>", _("Closed now"))

    def languages_html(self) -> SafeString:
        if not self.card.languages:
            return mark_safe("")
        return format_html(
            '<p><span class="muted">{}</span> {}</p>',
            _("Languages spoken:"),
            ", ".join(self.card.languages),
        )

    def outdated_html(self) -> SafeString:
        if not self.is_outdated:
            return mark_safe("")
        return format_html('<strong class="outdated">{}</strong> · ', _("May be outdated"))

    def verified_text(self) -> str:
        if self.card.last_verified is None:
            return ""
        return verified_label(self.card.last_verified, get_language())


@functools.lru_cache(maxsize=2048)
def verified_label(day: datetime.date, language: str) -> str:
    """ "Last verified <date>" in the active `language` (its key): formatting dates was a tenth
    of a page of results."""
    return _("Last verified %(day)s") % {"day": date_format(day, "DATE_FORMAT")}


def card_of(service: Service) -> Card:
    """From a service read with `selectors.for_results`."""
    locations = [sal.location for sal in service.service_at_locations.all()]
    first = locations[0] if locations else None
    point = None
    if first is not None and first.latitude is not None and first.longitude is not None:
        point = (first.latitude, first.longitude)
    neighbourhood = first.neighbourhood if first is not None else None
    terms = [attribute.taxonomy_term for attribute in service.attributes.all()]
    return Card(
        pk=service.pk,
        url=service.get_absolute_url(),
        name=service.name,
        organization_name=service.organization.name,
        neighbourhood=str(neighbourhood.name) if neighbourhood is not None else "",
        point=point,
        temporarily_closed=service.status == Service.Status.TEMPORARILY_CLOSED,
        glance=tuple(str(t.name) for t in terms if t.code in GLANCE_ATTRIBUTES),
        languages=tuple(str(language.name) for language in service.languages.all()),
        last_verified=service.last_verified,
        timezone=service.organization.city.timezone,
        hours=tuple(
            Hours(tuple(s.days), s.opens_at, s.closes_at, s.valid_from, s.valid_to)
            for s in service.schedules.all()
        ),
    )


def card_keys(ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
    prefix = f"card:{generations([SCOPE])}:{get_language()}"
    return {pk: f"{prefix}:{pk.hex}" for pk in ids}


def cards(ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, Card]:
    """The cards of these public services, from the cache or built (and cached) now."""
    keys = card_keys(ids)
    cached = cache.get_many(list(keys.values()))
    found = {pk: cached[key] for pk, key in keys.items() if key in cached}
    missing = [pk for pk in ids if pk not in found]
    if missing:
        built = {s.pk: card_of(s) for s in for_results(public_services().filter(pk__in=missing))}
        cache.set_many({keys[pk]: card for pk, card in built.items()}, CARD_TIMEOUT)
        found.update(built)
    return found


def results(page: Sequence[Hit], *, now: datetime.datetime | None = None) -> list[Result]:
    """One page of hits as this request shows them, in order."""
    now = now or timezone.now()
    cutoff = outdated_cutoff(timezone.localdate(now))
    by_id = cards([hit.pk for hit in page])
    shown = []
    for hit in page:
        card = by_id.get(hit.pk)
        if card is None:  # hidden since the search began
            continue
        local = local_time(card.timezone, now)
        shown.append(
            Result(
                card=card,
                open_now=not card.temporarily_closed and is_open(card.hours, local),
                is_outdated=card.last_verified is None or card.last_verified < cutoff,
                distance_km=geo.km(hit.distance_sq),
            )
        )
    return shown
