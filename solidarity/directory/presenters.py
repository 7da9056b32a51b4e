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
        terms = [attribute.taxonomy_term for attribute in service.attributes.all()]
        features = [t for t in terms if t.taxonomy.code != "categories"]
        service.__dict__.update(
            open_now=is_open(service.schedules.all(), local_now(service.organization.city, now)),
            distance_km=geo.km(getattr(service, "distance_sq", None)),
            categories=[t for t in terms if t.taxonomy.code == "categories"],
            features=features,
            glance=[t for t in features if t.code in GLANCE_ATTRIBUTES],
            locations=[sal.location for sal in service.service_at_locations.all()],
        )
        for schedule in service.schedules.all():
            labels = [str(WEEKDAYS_ABBR[DAYS.index(d)]) for d in schedule.days if d in DAYS]
            schedule.__dict__["day_labels"] = labels
    return rows
