"""Reads for confidential reports. Organizers only ever reach reports of their own cities."""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet

from solidarity.cities.models import City
from solidarity.directory.models import Organization
from solidarity.endorsements.models import Endorsement
from solidarity.endorsements.selectors import verified_endorsements
from solidarity.organizers.selectors import organizer_cities
from solidarity.reports.models import COMMITMENT_CHOICES, Report

SEARCH_LIMIT = 30


def public_endorsers() -> QuerySet[Organization]:
    """Organizations listed by name with a verified endorsement (count-only ones stay hidden)."""
    listed = verified_endorsements().filter(
        organization=OuterRef("pk"), visibility=Endorsement.Visibility.LISTED
    )
    return Organization.objects.filter(Exists(listed)).select_related("city")


def endorsers_matching(query: str) -> list[Organization]:
    query = query.strip()
    if not query:
        return []
    named = Q(name__icontains=query) | Q(alternate_name__icontains=query)
    matches = public_endorsers().filter(named)
    return list(matches.order_by("name")[:SEARCH_LIMIT])


def organizer_emails(*, city: City) -> list[str]:
    from solidarity.accounts.models import User

    organizers = User.objects.filter(is_active=True, is_staff=True).exclude(email="")
    organizers = organizers.filter(Q(cities=city) | Q(cities__isnull=True)).distinct()
    return sorted(set(organizers.values_list("email", flat=True)))


def inbox_reports(*, user: Any, status: str = "") -> QuerySet[Report]:
    reports = Report.objects.filter(city__in=organizer_cities(user), shredded_on=None)
    if status:
        reports = reports.filter(status=status)
    return reports.select_related("city", "organization", "assigned_to")


def report_for_organizer(*, user: Any, report_id: Any) -> Report | None:
    """The report if it belongs to one of the organizer's cities; None otherwise, so that a
    report of another city looks exactly like one that does not exist."""
    return inbox_reports(user=user).filter(pk=report_id).first()


def assignable_organizers(*, report: Report) -> QuerySet[Any]:
    from solidarity.accounts.models import User

    organizers = User.objects.filter(is_active=True, is_staff=True)
    return organizers.filter(Q(cities=report.city_id) | Q(cities__isnull=True)).distinct()


def quarter_of(day: datetime.date) -> str:
    return f"{day.year} Q{(day.month - 1) // 3 + 1}"


@dataclass
class QuarterCounts:
    quarter: str
    total: int = 0
    commitments: Counter[str] = field(default_factory=Counter)
    outcomes: Counter[str] = field(default_factory=Counter)


def transparency_counts() -> dict[City, list[QuarterCounts]]:
    """Per city and per quarter received: how many reports, per commitment and per outcome.
    Numbers only — no organization, no narrative, no day."""
    table: dict[City, dict[str, QuarterCounts]] = defaultdict(dict)
    rows = Report.objects.select_related("city").only(
        "city", "received_on", "commitments", "status"
    )
    for report in rows.order_by("city__position", "-received_on"):
        quarter = quarter_of(report.received_on)
        counts = table[report.city].setdefault(quarter, QuarterCounts(quarter))
        counts.total += 1
        counts.commitments.update(report.commitments)
        counts.outcomes[report.status] += 1
    return {city: list(quarters.values()) for city, quarters in table.items()}


def commitment_keys() -> list[tuple[str, str]]:
    return [(key, str(label)) for key, label in COMMITMENT_CHOICES]
