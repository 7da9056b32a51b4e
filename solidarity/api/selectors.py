"""What the open-data API and exports may show: public data only, read through the directory's
own search selector (so the pages and the API cannot drift) and the endorsements' selectors."""

import dataclasses
import datetime
import uuid
from collections.abc import Callable, Sequence
from typing import Any

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Window

from solidarity.cities.models import City, Neighbourhood
from solidarity.directory import geo
from solidarity.directory import selectors as directory
from solidarity.directory.models import (
    Address,
    Attribute,
    Language,
    Location,
    Organization,
    Schedule,
    Service,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)
from solidarity.directory.search.query import usable
from solidarity.directory.search.text import query_words
from solidarity.endorsements.models import Endorsement
from solidarity.endorsements.selectors import public_provider_organizations, verified_endorsements

LANGUAGES = ("en", "fr", "es", "ar")
MAX_SEARCH_MATCHES = 2000
LOCATION_PREFETCH = (
    Prefetch("languages", queryset=Language.objects.order_by("code", "pk")),
    Prefetch("addresses", queryset=Address.objects.order_by("pk")),
    "phones",
    Prefetch("schedules", queryset=Schedule.objects.order_by("opens_at", "pk")),
)
ACTIVE_LOCATIONS = Location.objects.filter(is_retired=False).prefetch_related(*LOCATION_PREFETCH)
SERVICE_PREFETCH = (
    "phones",
    Prefetch("schedules", queryset=Schedule.objects.order_by("opens_at", "pk")),
    Prefetch("languages", queryset=Language.objects.order_by("code", "pk")),
    Prefetch(
        "attributes",
        queryset=Attribute.objects.select_related("taxonomy_term__taxonomy").order_by("pk"),
    ),
    Prefetch(
        "service_at_locations",
        queryset=ServiceAtLocation.objects.filter(location__is_retired=False)
        .select_related("location")
        .prefetch_related(*(f"location__{p}" for p in ("languages", "addresses", "phones")))
        .prefetch_related("location__schedules")
        .order_by("pk"),
    ),
)


@dataclasses.dataclass(frozen=True)
class ServiceFilters:
    search: str = ""
    taxonomy_term_id: uuid.UUID | None = None
    taxonomy_id: uuid.UUID | None = None
    organization_id: uuid.UUID | None = None
    modified_after: datetime.datetime | None = None
    language: str = ""
    open_now: bool = False
    attributes: Sequence[str] = ()
    city: str = ""
    latitude: float | None = None
    longitude: float | None = None
    radius_km: float | None = None


def search_query(filters: ServiceFilters) -> directory.SearchQuery | None:
    """The directory's own search for these filters; None when the city does not exist."""
    city = City.objects.filter(slug=filters.city).first() if filters.city else None
    if filters.city and city is None:
        return None
    near = None
    if filters.latitude is not None and filters.longitude is not None:
        near = directory.Near(filters.latitude, filters.longitude)
    return directory.SearchQuery(
        query=filters.search,
        city=city,
        language=filters.language,
        attributes=tuple(filters.attributes),
        open_now=filters.open_now,
        near=near,
        order=directory.Order.DISTANCE if near else directory.Order.RELEVANCE,
    )


def public_services(filters: ServiceFilters, *, ranked: bool = True) -> QuerySet[Service]:
    """`ranked=False`: a text search freshest first (see `search_page`)."""
    search = search_query(filters)
    if search is None or (search.query and not usable(query_words(search.query))):
        # Nothing searchable in the query (only punctuation or one-letter words): no match.
        return Service.objects.none()
    services = directory.service_search(search, ranked=ranked)
    if filters.taxonomy_term_id:
        with_term = Attribute.objects.filter(
            service=OuterRef("pk"), taxonomy_term_id=filters.taxonomy_term_id
        )
        services = services.filter(Exists(with_term))
    if filters.taxonomy_id:
        terms = TaxonomyTerm.objects.filter(taxonomy_id=filters.taxonomy_id).values("pk")
        services = services.filter(
            Exists(Attribute.objects.filter(service=OuterRef("pk"), taxonomy_term__in=terms))
        )
    if filters.organization_id:
        services = services.filter(organization_id=filters.organization_id)
    if filters.modified_after:
        services = services.filter(last_modified__gte=filters.modified_after)
    if search.near is not None and filters.radius_km is not None:
        limit = (filters.radius_km / geo.KM_PER_DEGREE) ** 2
        services = services.filter(**{"distance_sq__lte": limit})  # the search annotates it
    return services


def search_page(filters: ServiceFilters, *, start: int, size: int) -> tuple[list[uuid.UUID], int]:
    """The ids of one page of a text search and how many results it has, in the order of the
    directory's search page (`directory.selectors.search_hits`): relevance for at most
    RANKED_RESULTS results, freshest first for more. The results are counted and paged in one
    query (a window count), freshest first, which needs no rank; only a search with few results
    is then paged again, ranked, at the cost of ranking those few. A search that is sure to
    have few (`directory.selectors.surely_few`) is paged ranked at once."""
    search = search_query(filters)
    near = filters.latitude is not None and filters.longitude is not None  # distance order
    few = search is not None and not near and directory.surely_few(search)
    first = public_services(filters, ranked=few)
    counted = first.annotate(total_items=Window(Count("pk")))
    rows = list(counted.values_list("pk", "total_items")[start : start + size])
    total = rows[0][1] if rows else (first.count() if start else 0)
    ids = [pk for pk, _total in rows]
    if ids and not (few or near) and total <= directory.RANKED_RESULTS:
        ranked = public_services(filters)
        ids = list(ranked.values_list("pk", flat=True)[start : start + size])
    return ids, total


def with_details(services: QuerySet[Service]) -> QuerySet[Service]:
    return services.select_related("organization").prefetch_related(*SERVICE_PREFETCH)


def with_organization(services: QuerySet[Service]) -> QuerySet[Service]:
    return services.select_related("organization")


def as_listed(services: QuerySet[Service]) -> QuerySet[Service]:
    return services


def services_by_id(
    ids: Sequence[uuid.UUID], *, details: Callable[[QuerySet[Service]], QuerySet[Service]]
) -> dict[uuid.UUID, Service]:
    """The rows of one page of `public_services` results (ids read in the same request)."""
    return details(Service.objects.filter(pk__in=ids)).in_bulk()


def public_service(service_id: uuid.UUID) -> Service | None:
    return with_details(directory.public_services()).filter(pk=service_id).first()


def public_organizations(search: str = "") -> QuerySet[Organization]:
    organizations = public_provider_organizations().filter(
        Exists(directory.public_services().filter(organization=OuterRef("pk")))
    )
    if search:
        organizations = organizations.filter(
            Q(name__icontains=search) | Q(alternate_name__icontains=search)
        )
    return organizations.order_by("name", "pk")


def organization_details(organizations: QuerySet[Organization]) -> QuerySet[Organization]:
    return organizations.prefetch_related(Prefetch("locations", queryset=ACTIVE_LOCATIONS))


def organization_services(organization: Organization) -> list[Service]:
    services = directory.public_services().filter(organization=organization)
    return list(with_details(services).order_by("name", "pk"))


def postcode_area(postcode: str) -> Neighbourhood | None:
    """The neighbourhood whose postal prefixes include this postcode's first letters."""
    compact = postcode.replace(" ", "").upper()
    for hood in Neighbourhood.objects.exclude(postal_prefixes=""):
        if any(compact.startswith(p.upper()) for p in hood.postal_prefixes.split()):
            return hood
    return None


def public_service_at_locations(
    filters: ServiceFilters, *, postcode: str = "", proximity_m: float | None = None
) -> QuerySet[ServiceAtLocation]:
    sals: QuerySet[ServiceAtLocation] = ServiceAtLocation.objects.filter(
        service__in=matching_service_ids(filters), location__is_retired=False
    )
    if postcode and proximity_m is None:
        # No service areas in the directory: the postcode's area is its first three characters
        # (a Canadian forward sortation area).
        area = "".join(c for c in postcode if c.isalnum())[:3]
        at_area = Address.objects.filter(
            location=OuterRef("location"), postal_code__istartswith=area
        )
        sals = sals.filter(Exists(at_area))
    elif postcode:
        sals = near_postcode(sals, postcode, proximity_m or 0)
    return (
        sals.select_related("service__organization", "location")
        .prefetch_related(
            *(f"location__{p}" for p in ("languages", "addresses", "phones", "schedules"))
        )
        .order_by("service__name", "pk")
    )


def near_postcode(
    sals: QuerySet[ServiceAtLocation], postcode: str, proximity_m: float
) -> QuerySet[ServiceAtLocation]:
    area = postcode_area(postcode)
    if area is None:
        return sals.none()
    box = geo.bounding_box(area.latitude, area.longitude, proximity_m / 1000)
    squared = geo.squared_degrees(area.latitude, area.longitude, prefix="location__")
    limit = (proximity_m / 1000 / geo.KM_PER_DEGREE) ** 2
    return (
        sals.filter(
            location__latitude__range=box.latitudes, location__longitude__range=box.longitudes
        )
        .alias(d2=squared)
        .filter(d2__lte=limit)
    )


def matching_service_ids(filters: ServiceFilters) -> Any:
    """Ids of the matching services, as a subquery; with a text search or filters the search
    index answers (language, attributes), the best MAX_SEARCH_MATCHES as a list, because the
    full-text join cannot run inside a subquery."""
    services = public_services(filters)
    if filters.search or filters.language or filters.attributes:
        return list(services.values_list("pk", flat=True)[:MAX_SEARCH_MATCHES])
    return services.values("pk")


def public_service_at_location(sal_id: uuid.UUID) -> ServiceAtLocation | None:
    sals = ServiceAtLocation.objects.filter(
        pk=sal_id, service__in=directory.public_services().values("pk"), location__is_retired=False
    )
    return (
        sals.select_related("location")
        .prefetch_related(
            *(f"location__{p}" for p in ("languages", "addresses", "phones", "schedules"))
        )
        .first()
    )


def taxonomies(search: str = "") -> QuerySet[Taxonomy]:
    found = Taxonomy.objects.order_by("code", "pk")
    if search:
        found = found.filter(translated_contains("name", search))
    return found


def taxonomy_terms(
    *,
    search: str = "",
    taxonomy_id: uuid.UUID | None = None,
    top_only: bool = False,
    parent_id: uuid.UUID | None = None,
) -> QuerySet[TaxonomyTerm]:
    terms = TaxonomyTerm.objects.select_related("taxonomy").order_by(
        "taxonomy__code", "position", "code", "pk"
    )
    if search:
        terms = terms.filter(
            translated_contains("name", search) | translated_contains("synonyms", search)
        )
    if taxonomy_id:
        terms = terms.filter(taxonomy_id=taxonomy_id)
    if top_only:
        terms = terms.filter(parent__isnull=True)
    if parent_id:
        terms = terms.filter(parent_id=parent_id)
    return terms


def translated_contains(field: str, text: str) -> Q:
    q = Q()
    for code in LANGUAGES:
        q |= Q(**{f"{field}_{code}__icontains": text})
    return q


def public_endorsements() -> QuerySet[Endorsement]:
    return (
        verified_endorsements()
        .filter(visibility=Endorsement.Visibility.LISTED)
        .select_related("organization__city", "declaration")
        .order_by("organization__name", "pk")
    )


def outreach_organizations(cities: QuerySet[City]) -> QuerySet[Organization]:
    """Organizations in the directory (imported from open data) that have never endorsed:
    the organizers' list of who to invite. Never public."""
    endorsed = Endorsement.objects.filter(organization=OuterRef("pk"))
    return (
        Organization.objects.filter(city__in=cities)
        .exclude(Exists(endorsed))
        .select_related("city")
        .annotate(service_count=Count("services"))
        .order_by("city__position", "name", "pk")
    )
