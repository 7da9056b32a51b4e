"""Reads for endorsements. Public reads show only verified endorsements, and only the fields in
`PUBLIC_FIELDS`; counts come from cached aggregates (no counter row is written per submission).
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.cache import cache
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.urls import reverse

from solidarity.cities.models import City, Commitment
from solidarity.directory.models import Organization, Sector
from solidarity.endorsements.models import Endorsement

COUNTS_TTL = 300
Status = Endorsement.Status
PUBLIC_FIELDS = (
    "name",
    "slug",
    "url",
    "city",
    "sector",
    "website",
    "description",
    "provides_services",
    "all_commitments",
    "commitments",
    "declaration_version",
    "decision_method",
    "decided_month",
    "statement",
    "verified_on",
)


def all_commitments_q(prefix: str = "") -> Q:
    """Endorsements whose commitments include all five keys (portable JSON containment)."""
    q = Q(**{f"{prefix}provides_services": True})
    for key in Commitment.values:
        q &= Q(**{f"{prefix}commitments__icontains": f'"{key}"'})
    return q


def verified_endorsements() -> QuerySet[Endorsement]:
    return Endorsement.objects.filter(status=Endorsement.Status.VERIFIED)


def public_provider_organizations() -> QuerySet[Organization]:
    """Organizations whose services may be public: a verified endorsement with all five
    commitments. Withdrawal or suspension removes them at once."""
    pledged = verified_endorsements().filter(all_commitments_q(), organization=OuterRef("pk"))
    return Organization.objects.filter(Exists(pledged))


def public_endorsements(
    *, city: City | None = None, sector: str = "", services: bool = False, q: str = ""
) -> QuerySet[Endorsement]:
    """Verified endorsements of organizations that chose to be listed by name."""
    rows = verified_endorsements().filter(visibility=Endorsement.Visibility.LISTED)
    if city is not None:
        rows = rows.filter(organization__city=city)
    if sector:
        rows = rows.filter(organization__sector=sector)
    if services:
        rows = rows.filter(all_commitments_q())
    if q:
        rows = rows.filter(
            Q(organization__name__icontains=q) | Q(organization__alternate_name__icontains=q)
        )
    return rows.select_related("organization__city", "declaration").order_by(
        "organization__name", "pk"
    )


def public_endorser(*, slug: str) -> Endorsement | None:
    """The listed endorsement behind an endorser's public page: verified, or suspended (the page
    then says so, with the public reason). Withdrawn or rejected: no page."""
    return (
        Endorsement.objects.filter(
            organization__slug=slug,
            visibility=Endorsement.Visibility.LISTED,
            status__in=[Status.VERIFIED, Status.SUSPENDED],
        )
        .select_related("organization__city", "declaration")
        .order_by("-verified_on", "-pk")
        .first()
    )


def public_record(endorsement: Endorsement) -> dict[str, Any]:
    """The only fields of an endorsement that may leave the server (pages, exports, feeds)."""
    organization = endorsement.organization
    record = {
        "name": organization.name,
        "slug": organization.slug,
        "url": reverse("endorsements:endorser", args=[organization.slug]),
        "city": organization.city.slug,
        "sector": organization.sector,
        "website": organization.website,
        "description": organization.description or "",
        "provides_services": endorsement.provides_services,
        "all_commitments": endorsement.made_all_commitments,
        "commitments": [key for key in Commitment.values if key in endorsement.commitments],
        "declaration_version": endorsement.declaration.version,
        "decision_method": endorsement.decision_method,
        "decided_month": endorsement.decided_month.strftime("%Y-%m"),
        "statement": endorsement.statement,
        "verified_on": endorsement.verified_on.isoformat() if endorsement.verified_on else None,
    }
    return record


# --- Cached aggregates ------------------------------------------------------------------------
# Public numbers change only when an organizer verifies or an endorsement leaves; those writes
# bump a generation number, so the next read recomputes. A surge of submissions writes nothing
# shared.


def public_generation() -> int:
    return int(cache.get_or_set("endorsements:generation", 1, timeout=None) or 1)


def bump_public_generation() -> None:
    try:
        cache.incr("endorsements:generation")
    except ValueError:
        cache.set("endorsements:generation", 2, timeout=None)


@dataclass(frozen=True)
class Counts:
    total: int = 0
    listed: int = 0
    providers: int = 0
    by_sector: list[tuple[str, int]] = field(default_factory=list)  # (sector key, count)

    @property
    def sectors(self) -> list[tuple[str, str, int]]:
        """(key, label in the current language, count): labels are never cached."""
        return [(key, str(Sector(key).label), number) for key, number in self.by_sector]

    @property
    def count_only(self) -> int:
        return self.total - self.listed


def endorsement_counts(*, city: City | None = None) -> Counts:
    key = f"endorsements:counts:{public_generation()}:{city.pk if city else 'all'}"
    counts = cache.get(key)
    if counts is None:
        counts = _count(city)
        cache.set(key, counts, COUNTS_TTL)
    return counts


def _count(city: City | None) -> Counts:
    rows = verified_endorsements()
    if city is not None:
        rows = rows.filter(organization__city=city)
    totals = rows.aggregate(
        total=Count("pk"),
        listed=Count("pk", filter=Q(visibility=Endorsement.Visibility.LISTED)),
        providers=Count("pk", filter=all_commitments_q()),
    )
    sectors = dict(
        rows.values_list("organization__sector")
        .annotate(n=Count("pk"))
        .values_list("organization__sector", "n")
    )
    by_sector = [(key, sectors[key]) for key in Sector.values if key in sectors]
    return Counts(by_sector=by_sector, **totals)


@dataclass(frozen=True)
class Month:
    month: datetime.date
    new: int
    total: int


def growth(*, city: City | None = None) -> list[Month]:
    """Verified endorsers per month (new and cumulative), from the first to the latest month."""
    key = f"endorsements:growth:{public_generation()}:{city.pk if city else 'all'}"
    months = cache.get(key)
    if months is None:
        months = _growth(city)
        cache.set(key, months, COUNTS_TTL)
    return months


def _growth(city: City | None) -> list[Month]:
    rows = verified_endorsements().exclude(verified_on=None)
    if city is not None:
        rows = rows.filter(organization__city=city)
    per_month = dict(
        rows.annotate(month=TruncMonth("verified_on"))
        .values_list("month")
        .annotate(n=Count("pk"))
        .values_list("month", "n")
    )
    return _cumulate(per_month)


def _cumulate(per_month: dict[Any, int]) -> list[Month]:
    if not per_month:
        return []
    counts = {_as_date(month): n for month, n in per_month.items()}
    month, last, total, result = min(counts), max(counts), 0, []
    while month <= last:
        total += counts.get(month, 0)
        result.append(Month(month=month, new=counts.get(month, 0), total=total))
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return result


def _as_date(value: Any) -> datetime.date:
    return value.date() if isinstance(value, datetime.datetime) else value


# --- Organizers -------------------------------------------------------------------------------


def review_queue(*, user: Any, statuses: Iterable[str]) -> QuerySet[Endorsement]:
    """Endorsements in the organizer's cities, oldest first, in the given states."""
    from solidarity.organizers.selectors import organizer_cities

    return (
        Endorsement.objects.filter(
            status__in=list(statuses), organization__city__in=organizer_cities(user)
        )
        .select_related("organization__city", "declaration")
        .order_by("created_on", "pk")
    )


def queue_counts(*, user: Any) -> dict[str, int]:
    rows = review_queue(user=user, statuses=Status.values).order_by()
    return dict(rows.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))


def same_name_organizations(endorsement: Endorsement) -> QuerySet[Organization]:
    """Other organizations of the city with the same name: a hint of a duplicate or a forgery."""
    organization = endorsement.organization
    return Organization.objects.filter(
        city_id=organization.city_id, name__iexact=organization.name
    ).exclude(pk=organization.pk)


def representative_endorsement(*, organization: Organization) -> Endorsement | None:
    return (
        Endorsement.objects.filter(organization=organization)
        .exclude(status__in=[Status.REJECTED, Status.WITHDRAWN])
        .select_related("organization", "declaration")
        .order_by("-pk")
        .first()
    )
