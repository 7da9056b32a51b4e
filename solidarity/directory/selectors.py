"""Reads of the directory. `service_search` is the one search used by the pages, the API and
the pocket guide; `public_services` decides what anyone may see."""

import dataclasses
import datetime
import functools
import math
import uuid
from collections import Counter
from collections.abc import Sequence
from typing import Any

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    Exists,
    F,
    FloatField,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.lookups import In
from django.utils import timezone

from solidarity.cities.models import City, Neighbourhood
from solidarity.directory import geo
from solidarity.directory.hours import local_now, open_now_q, schedule_open_q, valid_on_q
from solidarity.directory.models import (
    Attribute,
    CityDirectorySettings,
    Language,
    Location,
    Organization,
    OutdatedReport,
    Schedule,
    Service,
    ServiceAtLocation,
    TaxonomyTerm,
)
from solidarity.directory.search.index import tag
from solidarity.directory.search.query import (
    at_most,
    keys_of,
    matched_keys,
    matching,
    tsquery,
    usable,
)
from solidarity.directory.search.text import query_words
from solidarity.directory.taxonomy import ATTRIBUTES, CATEGORIES
from solidarity.endorsements.models import Endorsement
from solidarity.endorsements.selectors import (
    all_commitments_q,
    public_provider_organizations,
    verified_endorsements,
)

OUTDATED_AFTER = datetime.timedelta(days=183)
NEAR_RADIUS_KM = 25.0
PUBLIC_STATUSES = (Service.Status.ACTIVE, Service.Status.TEMPORARILY_CLOSED)


class Order:
    RELEVANCE = "relevance"
    DISTANCE = "distance"


@dataclasses.dataclass(frozen=True)
class Near:
    latitude: float
    longitude: float


def outdated_cutoff(today: datetime.date | None = None) -> datetime.date:
    return (today or timezone.localdate()) - OUTDATED_AFTER


def public_services() -> QuerySet[Service]:
    """Services anyone may see: active (or temporarily closed), approved, and offered by a
    verified endorser that made all five commitments. Suspension hides them at once."""
    return Service.objects.filter(
        status__in=PUBLIC_STATUSES,
        review_status=Service.Review.APPROVED,
        organization__in=public_provider_organizations(),
    )


def with_outdated(services: QuerySet[Service]) -> QuerySet[Service]:
    stale = Q(last_verified__isnull=True) | Q(last_verified__lt=outdated_cutoff())
    return services.annotate(
        is_outdated=Case(
            When(stale, then=Value(True)), default=Value(False), output_field=BooleanField()
        )
    )


def with_distance(
    services: QuerySet[Service],
    near: Near,
    *,
    per_match: bool = False,
    radius_km: float = NEAR_RADIUS_KM,
) -> QuerySet[Service]:
    """Keeps services with a location (not retired) within `radius_km` and annotates
    `distance_sq` to the nearest one, computed in SQL (equirectangular: exact enough within a
    city) for the services that pass every filter.

    Which services are in the box: browsing reads them once from `location_box_idx` (an
    uncorrelated subquery: probing 60,000 listings one by one cost 310 ms of CPU against
    175 ms at 60,000 services); a full-text search (`per_match`) looks up its matches'
    locations by id instead, cheaper for all but the broadest words ("food bank": 38 ms
    against 93 ms)."""
    box = geo.bounding_box(near.latitude, near.longitude, radius_km)
    inside = ServiceAtLocation.objects.filter(
        location__latitude__range=box.latitudes,
        location__longitude__range=box.longitudes,
        location__is_retired=False,
    )
    if per_match:
        services = services.filter(Exists(inside.filter(service=OuterRef("pk"))))
    else:
        services = services.filter(pk__in=inside.values("service_id"))
    squared = geo.squared_degrees(near.latitude, near.longitude, prefix="location__")
    mine = inside.filter(service=OuterRef("pk")).order_by().values("service")
    nearest = mine.annotate(d2=Min(squared)).values("d2")
    return services.annotate(distance_sq=Subquery(nearest, output_field=FloatField()))


@dataclasses.dataclass
class SearchQuery:
    query: str = ""
    city: City | None = None
    category: str = ""
    language: str = ""
    attributes: Sequence[str] = ()
    open_now: bool = False
    near: Near | None = None
    neighbourhood: Neighbourhood | None = None
    order: str = Order.RELEVANCE
    now: datetime.datetime | None = None
    radius_km: float = NEAR_RADIUS_KM


def service_search(
    search: SearchQuery, *, services: QuerySet[Service] | None = None, ranked: bool = True
) -> QuerySet[Service]:
    """The directory search: public services matching every filter, best first. Relevance
    order puts listings that may be outdated after fresh ones; distance order needs `near`.
    `ranked=False`: a text search in relevance order is ordered freshest first instead (what
    `search_hits` does with more than RANKED_RESULTS results)."""
    tags = filter_tags(search)
    if search.query or tags:
        # The index drives: each match is checked against the public filter, by id.
        services = Service.objects.all() if services is None else services
        ranked = ranked and bool(search.query) and not distance_order(search)
        services = matching(services, query_words(search.query), tags, ranked=ranked)
        services = listed_matches(services, city=search.city)
    else:
        # Browsing: the public filter and the order are read from one index.
        services = public_services() if services is None else services
        if search.city is not None:
            services = services.filter(organization__city=search.city)
    per_match = bool(search.query or tags)
    services = apply_filters(services, search, per_match=per_match)
    services = with_outdated(services)
    if search.near is not None:
        services = with_distance(
            services, search.near, per_match=per_match, radius_km=search.radius_km
        )
    return services.order_by(*ordering(search, ranked=ranked))


def surely_few(search: SearchQuery) -> bool:
    """Whether a text search is sure to have at most RANKED_RESULTS results, so that it is read
    ranked at once rather than freshest first and then ranked (55-77 ms instead of 36-50 ms
    for "cours de français" in Montreal, 918 results): the index, with the city's tag, has no
    more matches than that. Only the cost depends on the answer, never the results. Asked only
    of a search within a city (or a neighbourhood), the likely narrow ones: reading the index
    up to its 1,001st match cost 2-12 ms, wasted on a broad search ("food bank": 9 ms)."""
    if search.city is None and search.neighbourhood is None:
        return False
    tags = filter_tags(search)
    if search.city is not None:
        tags.append(tag("city", search.city.slug))
    return at_most(query_words(search.query), tags, RANKED_RESULTS)


def distance_order(search: SearchQuery) -> bool:
    return search.order == Order.DISTANCE and search.near is not None


def listed_matches(services: QuerySet[Service], *, city: City | None) -> QuerySet[Service]:
    """`public_services()` (and the city) for the matches of a full-text search.

    The public organizations are read first and given as a list of ids. As a subquery,
    PostgreSQL estimated one public organization (its five `LIKE`s on the commitments) instead
    of 42 with 35,000 services at 60,000 demo services, and so checked "open now" for every
    public service instead of for the 2,000 matches of "shelter" (500 ms). On SQLite, the
    unary `+` keeps it checking each match with one look-up in `service_search_probe_idx` by id
    instead of probing the index once per public organization and match (180 ms instead of
    25 ms for the 5,000 matches of "food bank")."""
    organizations = public_organization_ids(city)
    if not organizations:
        return services.none()
    plus = "+" if connection.vendor == "sqlite" else ""
    listed = ", ".join(["%s"] * len(organizations))
    statuses = ", ".join(["%s"] * len(PUBLIC_STATUSES))
    return services.extra(  # noqa: S610 - constant SQL, values bound as parameters
        where=[
            f"{plus}directory_service.organization_id IN ({listed})",
            f"{plus}directory_service.review_status = %s",
            f"{plus}directory_service.status IN ({statuses})",
        ],
        params=[*organizations, Service.Review.APPROVED, *PUBLIC_STATUSES],
    )


def public_organization_ids(city: City | None) -> list[Any]:
    """The ids of `public_provider_organizations()` (in a city), as the database gives them."""
    sql, params = public_organizations_sql(connection.vendor, city.pk if city else None)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


@functools.lru_cache(maxsize=64)
def public_organizations_sql(vendor: str, city_id: int | None) -> tuple[str, tuple[Any, ...]]:
    """The SQL of `public_provider_organizations()` (in a city): the same for every search,
    so compiled once per process instead of once per search (~2 ms of CPU)."""
    organizations = public_provider_organizations()
    if city_id is not None:
        organizations = organizations.filter(city_id=city_id)
    sql, params = organizations.order_by().values("pk").query.sql_with_params()
    return sql, tuple(params)


def filter_tags(search: SearchQuery) -> list[str]:
    """Category, attributes, language and neighbourhood, as index tags (see search.index)."""
    tags = [tag("cat", search.category)] if search.category else []
    tags += [tag("att", code) for code in search.attributes]
    tags += [tag("lang", search.language)] if search.language else []
    if search.neighbourhood is not None:
        hood = search.neighbourhood
        tags.append(tag("hood", f"{hood.city.slug}{hood.slug}"))
    return tags


def apply_filters(
    services: QuerySet[Service], search: SearchQuery, *, per_match: bool = False
) -> QuerySet[Service]:
    """The filters the index does not hold. `per_match`: the index drives (see `open_now_q`)."""
    if search.open_now:
        cities = [search.city] if search.city is not None else list(City.objects.all())
        now = search.now or timezone.now()
        if per_match:
            services = services.filter(open_now_exists(cities=cities, now=now))
        else:
            services = services.filter(open_now_q(cities=cities, now=now))
    return services


def open_now_exists(*, cities: Sequence[City], now: datetime.datetime) -> Exists:
    """`hours.open_now_q` for the matches of a search, as one look-up of each match's hours
    (in `schedule_open_probe_idx`): a schedule open at the local time of the cities of its
    service's organization. Written as one `EXISTS` rather than one per time zone joined by
    `OR`: PostgreSQL cannot turn an `EXISTS` under an `OR` into a join, and instead built the
    list of every open service for each time zone and checked all 35,000 public services
    against it ("shelter" open now at 60,000 services: 188 -> 113 ms)."""
    groups: dict[datetime.datetime, list[City]] = {}
    for city in cities:
        groups.setdefault(local_now(city, now).replace(tzinfo=None), []).append(city)
    open_here = Q(pk__in=[])
    for local, group in groups.items():
        here = schedule_open_q(local) & valid_on_q(local.date())
        if len(groups) > 1:
            organizations = Organization.objects.filter(city__in=group).order_by().values("pk")
            here &= Q(In(OuterRef("organization_id"), organizations))
        open_here |= here
    return Exists(Schedule.objects.filter(open_here, service=OuterRef("pk")))


def ordering(search: SearchQuery, *, ranked: bool = True) -> list[Any]:
    if distance_order(search):
        return [F("distance_sq").asc(nulls_last=True), "is_outdated", "name", "pk"]
    if search.query and ranked:
        return ["is_outdated", "-relevance", "pk"]
    if search.query:
        return ["is_outdated", F("last_verified").desc(nulls_last=True), "pk"]
    # Browsing: most recently verified first (so "may be outdated" ones come last), which an
    # index serves without sorting every listing.
    return [F("last_verified").desc(nulls_last=True), "pk"]


def for_results(services: QuerySet[Service]) -> QuerySet[Service]:
    """What a result in a list shows (result cards, the map and the pocket guide)."""
    return services.select_related("organization__city").prefetch_related(
        Prefetch("languages", queryset=Language.objects.order_by("code")),
        Prefetch("schedules", queryset=Schedule.objects.order_by("opens_at")),
        Prefetch(
            "attributes", queryset=Attribute.objects.select_related("taxonomy_term__taxonomy")
        ),
        Prefetch(
            "service_at_locations",
            queryset=ServiceAtLocation.objects.select_related("location__neighbourhood").filter(
                location__is_retired=False
            ),
        ),
    )


def for_display(services: QuerySet[Service]) -> QuerySet[Service]:
    """What a service page shows: a result's parts, with the addresses and phones."""
    return for_results(services).prefetch_related(
        "service_at_locations__location__addresses",
        "service_at_locations__location__phones",
        "phones",
    )


@dataclasses.dataclass(frozen=True)
class Hit:
    """One result of `first_hits`: the service's id as the database gave it (turned into a
    UUID only for the rows shown) and, in a "near me" search, its distance."""

    raw_id: Any
    distance_sq: float | None = None

    @property
    def pk(self) -> uuid.UUID:
        return self.raw_id if isinstance(self.raw_id, uuid.UUID) else uuid.UUID(self.raw_id)


def first_hits(services: QuerySet[Service], *, limit: int) -> list[Hit]:
    """The first `limit` results in order, in one query that reads only ids (and distances):
    filtering and ordering stay in the indexes, and the same list both counts the results (up
    to the limit) and gives any page of them. `cards.results` then shows one page."""
    fields = ["pk", "distance_sq"] if "distance_sq" in services.query.annotations else ["pk"]
    compiler = services.values_list(*fields)[:limit].query.get_compiler(connection=connection)
    try:
        sql, params = compiler.as_sql()
    except EmptyResultSet:  # a search with nothing to look for
        return []
    # The columns come in the compiler's order (annotations may come first), by alias.
    aliases = [alias for _expression, _sql, alias in compiler.select]
    positions = [aliases.index(name) for name in fields]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [Hit(*(row[i] for i in positions)) for row in cursor.fetchall()]


# "Nearest first" looks in these smaller boxes before the whole NEAR_RADIUS_KM.
NEARER_STEPS_KM = (4.0, 10.0)
# A text search with at most this many results is ordered by relevance; one with more (the
# search page then says "more than 1,000") freshest first. See `search_hits`.
RANKED_RESULTS = 1000


def search_hits(search: SearchQuery, *, limit: int, shown: int | None = None) -> list[Hit]:
    """`first_hits` of `service_search(search)`. Browsing nearest first, the first `limit`
    results are looked for in a small box first, then a larger one: when the `limit`-th
    result found is within the box's radius, no service outside the box can come before it,
    so the answer is the same as in the whole radius, at a fraction of the cost where
    listings are dense (near the centre of Montreal among 60,000 services: 271 -> 131 ms of
    CPU). A text (or filter) search nearest first starts from the location indexes too
    (`nearest_matches`); with "open now" it is one query.

    A text search in relevance order first reads its results freshest first, which needs no
    rank. With more than RANKED_RESULTS of them, that is the order shown. Ranking is the costly
    part of a broad search: bm25 or ts_rank for each of thousands of matches ("clinic" finds
    26,555 of the 60,000 demo listings, "shelter" 12,526). Their first page would be chosen by
    how often a listing's text repeats a word that all of them contain. With fewer results,
    they are read again, ranked, which is cheap for a few hundred matches; a search sure to
    have few (`surely_few`) is read ranked at once. `limit` must exceed RANKED_RESULTS for the
    two orders to be told apart (the search page asks for 1,001). `shown`: see
    `nearest_matches`."""
    tags = filter_tags(search)
    if (search.query or tags) and distance_order(search) and not search.open_now:
        return nearest_matches(search, limit=limit, shown=shown)
    if search.query and not distance_order(search):
        if surely_few(search):
            return first_hits(service_search(search), limit=limit)
        hits = first_hits(service_search(search, ranked=False), limit=limit)
        if len(hits) > RANKED_RESULTS:
            return hits
        return first_hits(service_search(search), limit=limit)
    browsing = not (search.query or tags)
    if browsing and search.near is not None and search.order == Order.DISTANCE:
        for radius_km in NEARER_STEPS_KM:
            nearer = dataclasses.replace(search, radius_km=radius_km)
            hits = first_hits(service_search(nearer), limit=limit)
            last = hits[-1].distance_sq if hits else None
            within = (radius_km / geo.KM_PER_DEGREE) ** 2
            if len(hits) == limit and last is not None and last <= within:
                return hits
    return first_hits(service_search(search), limit=limit)


# A text search nearest first looks in a box of this radius first, then in boxes sized by
# how many matches the previous one held.
FIRST_BOX_KM = 2.0
# Candidates are checked against the public filter this many at a time, nearest first.
LISTED_CHUNK = 2000


def nearest_matches(search: SearchQuery, *, limit: int, shown: int | None = None) -> list[Hit]:
    """`first_hits` of a text (or filter) search nearest first, without "open now": the same
    hits in the same order, found from the other end. Checking every match's locations cost
    per match ("clinic" near central Montreal: 26,555 matches, 142 ms of CPU on SQLite, 340 ms
    on PostgreSQL). Instead the services with a location in a box around the point are read
    from the location indexes. On SQLite, the matching services are listed once, unranked and
    unjoined (`matched_keys`), the services in the box read from the location indexes alone
    (`in_box`), and those that match are checked against the public filter, nearest first
    (`nearest_listed`); on PostgreSQL one query checks each public service in the box against
    its own index row (`in_box_matching`). As in `search_hits`, a box that holds `limit`
    results, the last within the box's radius, gives the same answer as the whole radius;
    otherwise a larger box is read, sized by how many results the smaller one held. `shown`:
    only the first `shown` hits are shown (the page), so only they are put in the exact order
    among services at the same distance; the rest are in distance order and counted."""
    near = search.near
    assert near is not None
    organizations = public_organization_ids(search.city)
    words, tags = query_words(search.query), filter_tags(search)
    if not organizations or not (usable(words) or tags):
        return []
    postgres = connection.vendor == "postgresql"
    matched = set() if postgres else matched_keys(words, tags)
    if not (postgres or matched):
        return []
    radius = min(FIRST_BOX_KM, search.radius_km)
    while True:
        if postgres:
            nearest, found = in_box_matching(near, radius, organizations, words, tags)
        else:
            nearest = in_box(near, radius)
            found = nearest_listed(nearest, matched, organizations, limit)
        within = (radius / geo.KM_PER_DEGREE) ** 2
        last = nearest[found[limit - 1][0]] if len(found) >= limit else math.inf
        if radius >= search.radius_km or last <= within:
            break
        wanted = math.sqrt(limit / max(len(found), 1)) * 1.2
        radius = min(search.radius_km, radius * min(max(wanted, 1.5), 4.0))
    return [Hit(pk, nearest[pk]) for pk in in_order(found, nearest, limit, shown=shown)]


def nearest_listed(
    nearest: dict[Any, float], matched: set[Any], organizations: list[Any], limit: int
) -> list[tuple[Any, bool]]:
    """The services of `nearest` whose key is `matched` and that are public, nearest first,
    each with whether it may be outdated; checked a chunk at a time, up to the `limit`-th."""
    keys = keys_of(list(nearest))
    candidates = [pk for pk, key in zip(nearest, keys, strict=True) if key in matched]
    candidates.sort(key=nearest.__getitem__)
    found: list[tuple[Any, bool]] = []
    for start in range(0, len(candidates), LISTED_CHUNK):
        if len(found) >= limit and nearest[found[limit - 1][0]] < nearest[candidates[start]]:
            break  # the rest are farther than the `limit`-th result
        found += listed(candidates[start : start + LISTED_CHUNK], organizations)
    return found


def locations_in_box(near: Near, radius_km: float) -> tuple[str, list[Any]]:
    """SQL for (service_id, d2): each live location in the box around `near` with the squared
    distance to it (longitudes scaled by the latitude's cosine), one row per service there."""
    box = geo.bounding_box(near.latitude, near.longitude, radius_km)
    cos = math.cos(math.radians(near.latitude))
    sql = (
        "SELECT sal.service_id, (l.latitude - %s) * (l.latitude - %s)"
        " + ((l.longitude - %s) * %s) * ((l.longitude - %s) * %s) AS d2"
        " FROM directory_location l"
        " JOIN directory_serviceatlocation sal ON sal.location_id = l.id"
        " WHERE l.latitude BETWEEN %s AND %s AND l.longitude BETWEEN %s AND %s"
        " AND NOT l.is_retired"
    )
    lat, lon = near.latitude, near.longitude
    return sql, [lat, lat, lon, cos, lon, cos, *box.latitudes, *box.longitudes]


def in_box_matching(
    near: Near, radius_km: float, organizations: list[Any], words: list[str], tags: list[str]
) -> tuple[dict[Any, float], list[tuple[Any, bool]]]:
    """PostgreSQL: `in_box` and `nearest_listed` in one query, each service in the box checked
    against its own index row (one look-up by id). Listing every match instead meant reading
    the rows of all of them from the index's wide table ("clinic": 26,555 rows, 58 ms)."""
    locations, params = locations_in_box(near, radius_km)
    sql = (
        "SELECT b.service_id::text, b.d2, s.last_verified FROM ("  # noqa: S608 - constant SQL
        f" SELECT service_id, MIN(d2) AS d2 FROM ({locations}) AS located GROUP BY service_id) AS b"
        " JOIN directory_service s ON s.id = b.service_id"
        " WHERE s.organization_id = ANY(%s::uuid[]) AND s.review_status = %s"
        " AND s.status = ANY(%s) AND EXISTS (SELECT 1 FROM directory_service_fts f"
        " WHERE f.service_id = b.service_id AND f.vector @@ to_tsquery('simple', %s))"
        " ORDER BY b.d2"
    )
    params += [[str(pk) for pk in organizations], Service.Review.APPROVED]
    cutoff = outdated_cutoff()
    params += [list(PUBLIC_STATUSES), tsquery(usable(words), tags)]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    nearest = {pk: d2 for pk, d2, _verified in rows}
    return nearest, [(pk, day is None or day < cutoff) for pk, _d2, day in rows]


def in_box(near: Near, radius_km: float) -> dict[str, float]:
    """SQLite: service id -> squared distance to its nearest live location in the box, for every
    service with one there, read from the covering indexes `location_box_idx` and
    `sal_location_service_idx` alone."""
    sql, params = locations_in_box(near, radius_km)
    nearest: dict[str, float] = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for pk, d2 in cursor.fetchall():
            if d2 < nearest.get(pk, math.inf):
                nearest[pk] = d2
    return nearest


def listed(candidates: list[str], organizations: list[Any]) -> list[tuple[str, bool]]:
    """SQLite: the `candidates` (ids as `in_box` gives them) that are public, in the same
    order, each with whether it may be outdated: one look-up each in
    `service_search_probe_idx` (the unary `+` keeps SQLite from using another index)."""
    if not candidates:
        return []
    ids = ", ".join(["%s"] * len(candidates))
    listed_in = ", ".join(["%s"] * len(organizations))
    statuses = ", ".join(["%s"] * len(PUBLIC_STATUSES))
    sql = (
        f"SELECT id, last_verified FROM directory_service WHERE id IN ({ids})"  # noqa: S608 - placeholders only
        f" AND +organization_id IN ({listed_in})"
        f" AND +review_status = %s AND +status IN ({statuses})"
    )
    params = [*candidates, *organizations, Service.Review.APPROVED, *PUBLIC_STATUSES]
    cutoff = outdated_cutoff()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        verified = dict(cursor.fetchall())
    outdated = {pk: day is None or as_date(day) < cutoff for pk, day in verified.items()}
    return [(pk, outdated[pk]) for pk in candidates if pk in outdated]


def as_date(value: Any) -> datetime.date:
    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(value)


def in_order(
    found: list[tuple[Any, bool]], nearest: dict[Any, float], limit: int, *, shown: int | None
) -> list[Any]:
    """The first `limit` of `found` (sorted by distance) in `ordering`'s distance order:
    distance, then fresh before "may be outdated", then name and id. Names are read only for
    services at the same distance as another (the services of one place: 677 of the first
    1,001 for "clinic" in central Montreal), and only for those among the first `shown`."""
    end = limit
    while end < len(found) and nearest[found[end][0]] == nearest[found[limit - 1][0]]:
        end += 1
    first = sorted(found[:end], key=lambda row: (nearest[row[0]], row[1]))
    shown = len(first) if shown is None else min(shown, len(first))
    boundary = (nearest[first[shown - 1][0]], first[shown - 1][1]) if shown else None
    counts = Counter((nearest[pk], outdated) for pk, outdated in first)
    tied = [
        pk
        for pk, outdated in first
        if counts[nearest[pk], outdated] > 1 and boundary and (nearest[pk], outdated) <= boundary
    ]
    position: dict[Any, int] = {}
    if tied:
        # The database's order of names (the visitor's language, its collation), read with the
        # compiled SQL of the ORM's ordering, ids as `in_box` gives them.
        ordered = Service.objects.filter(pk__in=tied).order_by("name", "pk")
        sql, params = ordered.values_list("pk").query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            position = {str(row[0]): index for index, row in enumerate(cursor.fetchall())}
    ranked = sorted(first, key=lambda row: (nearest[row[0]], row[1], position.get(row[0], 0)))
    return [pk for pk, _outdated in ranked[:limit]]


def public_service(service_id: uuid.UUID) -> Service | None:
    return for_display(with_outdated(public_services())).filter(pk=service_id).first()


def categories() -> QuerySet[TaxonomyTerm]:
    return TaxonomyTerm.objects.filter(taxonomy__code=CATEGORIES).select_related("parent")


def service_attributes() -> QuerySet[TaxonomyTerm]:
    return TaxonomyTerm.objects.filter(taxonomy__code=ATTRIBUTES)


def spoken_languages() -> list[str]:
    """Codes of the languages spoken at services, for the language filter (cached: the list
    changes rarely and reading it costs a scan)."""

    def read() -> list[str]:
        return sorted(set(Language.objects.values_list("code", flat=True).distinct()))

    return list(cache.get_or_set("directory:spoken-languages", read, timeout=600) or [])


def organization_services(organization: Organization) -> QuerySet[Service]:
    """A representative's listings (`reported_problems` gives what visitors reported)."""
    services = Service.objects.filter(organization=organization)
    return with_outdated(services).order_by("is_outdated", "name")


def organization_locations(organization: Organization) -> QuerySet[Location]:
    return Location.objects.filter(organization=organization).prefetch_related("addresses")


def organization_pledge(organization: Organization) -> Endorsement | None:
    """The verified endorsement with all five commitments that makes the services public."""
    pledges = verified_endorsements().filter(all_commitments_q(), organization=organization)
    return pledges.order_by("-verified_on").first()


def reviews_new_listings(city: City) -> bool:
    """Whether new listings of the city wait for an organizer (the default)."""
    row = CityDirectorySettings.objects.filter(city=city).first()
    return row.review_new_listings if row is not None else True


def services_awaiting_review(*, organizer: object) -> QuerySet[Service]:
    """New listings of the organizer's cities waiting for review (every city when the organizer
    has none)."""
    from solidarity.organizers.selectors import organizer_cities

    pending = Service.objects.filter(review_status=Service.Review.PENDING)
    pending = pending.filter(organization__city__in=organizer_cities(organizer))
    return pending.select_related("organization").order_by("created_on", "pk")


@dataclasses.dataclass(frozen=True)
class ReportedProblems:
    """What visitors said is outdated in one listing, in the reports nobody has handled yet."""

    reports: int
    first_day: datetime.date
    problems: tuple[tuple[str, int], ...]  # (label, how many reports name it), most named first


def reported_problems(service_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, ReportedProblems]:
    """The unhandled "outdated information" reports of these services, summed up per service."""
    labels = dict(OutdatedReport.Problem.choices)
    rows: dict[uuid.UUID, list[OutdatedReport]] = {}
    reports = OutdatedReport.objects.filter(service_id__in=service_ids, resolved=False)
    for report in reports.order_by("day", "pk"):
        rows.setdefault(report.service_id, []).append(report)
    summaries = {}
    for service_id, found in rows.items():
        named = Counter(p for report in found for p in report.problems if p in labels)
        ordered = sorted(named.items(), key=lambda item: (-item[1], list(labels).index(item[0])))
        summaries[service_id] = ReportedProblems(
            reports=len(found),
            first_day=found[0].day,
            problems=tuple((str(labels[code]), count) for code, count in ordered),
        )
    return summaries


def services_reported_outdated(*, organizer: object) -> list[tuple[Service, ReportedProblems]]:
    """Listings of the organizer's cities with reports nobody has handled, oldest first: the
    organization may not have seen them, and the campaign can call it."""
    from solidarity.organizers.selectors import organizer_cities

    reported = Service.objects.filter(
        organization__city__in=organizer_cities(organizer),
        outdated_reports__resolved=False,
    ).distinct()
    services = {s.pk: s for s in reported.select_related("organization__city")}
    summaries = reported_problems(list(services))
    listed = [(services[pk], summary) for pk, summary in summaries.items()]
    return sorted(listed, key=lambda pair: (pair[1].first_day, str(pair[0].pk)))
