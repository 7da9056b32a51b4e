"""What each result shows at a glance, computed for the rows of one page."""

import datetime
from collections.abc import Iterable

from django.utils import timezone
from django.utils.dates import WEEKDAYS_ABBR

from solidarity.directory import geo
from solidarity.directory.hours import DAYS, is_open, local_now
from solidarity.directory.models import Service

GLANCE_ATTRIBUTES = ("free", "no-id-required", "no-health-card-needed", "walk-in")


def decorate(services: Iterable[Service], *, now: datetime.datetime | None = None) -> list[Service]:
    """Adds `open_now`, `distance_km`, `term_codes`, `categories`, `glance` and `locations`."""
    now = now or timezone.now()
    rows = list(services)
    for service in rows:
        city = service.organization.city
        service.open_now = is_open(service.schedules.all(), local_now(city, now))  # type: ignore[attr-defined]
        service.distance_km = geo.km(getattr(service, "distance_sq", None))  # type: ignore[attr-defined]
        terms = [attribute.taxonomy_term for attribute in service.attributes.all()]
        service.categories = [t for t in terms if t.taxonomy.code == "categories"]  # type: ignore[attr-defined]
        service.features = [t for t in terms if t.taxonomy.code != "categories"]  # type: ignore[attr-defined]
        service.glance = [t for t in service.features if t.code in GLANCE_ATTRIBUTES]  # type: ignore[attr-defined]
        for schedule in service.schedules.all():
            schedule.day_labels = [
                str(WEEKDAYS_ABBR[DAYS.index(d)]) for d in schedule.days if d in DAYS
            ]  # type: ignore[attr-defined]
        service.locations = [sal.location for sal in service.service_at_locations.all()]  # type: ignore[attr-defined]
    return rows
