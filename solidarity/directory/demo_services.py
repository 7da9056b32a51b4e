"""Demo services: realistic, fictional listings for the demo cities (deterministic).

`load(services=N)` spreads N services over the demo organizations, with locations in the cities'
neighbourhoods, addresses, phones, weekly hours (some across midnight), languages spoken,
categories, attributes, and text in one to four languages, and writes their search index rows.

Built for 60,000 services (bench/demo_data.md: about 37 s of CPU for the whole command on
SQLite, most of it in the database and the search index): rows are tuples of values
ready for the database, written by `bulk.insert_tuples` in large batches; everything repeated
(the text of a listing in its languages, the index text of its organization, neighbourhood,
categories and filter tags) is computed once and reused; ids are time-ordered UUIDs, so every
insert appends to its tables and indexes instead of landing on a random page.
"""

import datetime
import itertools
import random
import time
import uuid
from collections.abc import Sequence
from types import SimpleNamespace
from typing import Any

from django.db import connection, models
from django.utils import timezone

from solidarity.cities.models import City, Neighbourhood
from solidarity.directory.bulk import (
    column_defaults,
    db_value,
    insert_tuples,
    postgres_foreign_keys_deferred,
    postgres_indexes_rebuilt,
    prepare,
    sqlite_bulk_load,
)
from solidarity.directory.demo_text import (
    APPLICATION,
    DESCRIPTION,
    ELIGIBILITY,
    FEES_FREE,
    SERVICE_NAMES,
    STREETS,
)
from solidarity.directory.models import (
    Address,
    Attribute,
    Language,
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceAtLocation,
    TaxonomyTerm,
)
from solidarity.directory.search import index
from solidarity.directory.services import language_name
from solidarity.directory.taxonomy import ATTRIBUTES, CATEGORIES

BATCH = 10_000  # services per round of inserts
CONTENT = ("en", "fr", "es", "ar")  # languages the demo text is written in
SPOKEN = ["en", "fr", "es", "ar", "pt", "zh-hans", "ta", "fa", "tl", "uk", "ru", "pa", "ur"]
HOURS = [
    ("MO,TU,WE,TH,FR", datetime.time(9), datetime.time(17)),
    ("MO,WE,FR", datetime.time(10), datetime.time(14)),
    ("TU,TH", datetime.time(13), datetime.time(20)),
    ("SA", datetime.time(10), datetime.time(13)),
    ("MO,TU,WE,TH,FR,SA,SU", datetime.time(20), datetime.time(8)),  # overnight shelter
    ("MO,TU,WE,TH,FR,SA,SU", datetime.time(0), datetime.time(0)),  # around the clock
]
SATURDAY = ("SA", datetime.time(10), datetime.time(14))
OVERNIGHT = 4
# Attributes a listing may have, with their chance; one bit each in a listing's `choices`.
ATTRIBUTE_CHANCES = [
    ("free", 0.55),
    ("no-id-required", 0.55),
    ("no-health-card-needed", 0.55),
    ("anonymous", 0.55),
    ("interpretation-available", 0.3),
    ("wheelchair-accessible", 0.3),
    ("families-welcome", 0.3),
]
ATTRIBUTE_BITS = [(1 << n, code) for n, (code, _chance) in enumerate(ATTRIBUTE_CHANCES)]
CHANCES = [(1 << n, chance) for n, (_code, chance) in enumerate(ATTRIBUTE_CHANCES)]
WALK_IN = 1 << len(ATTRIBUTE_CHANCES)  # otherwise by appointment
VERIFIED_DAYS = 301  # verified within the last ten months
ONLY = {"women-shelter": "women-only", "youth-shelter": "youth-only"}
SERVICES_PER_LOCATION = 3
EPOCH_MS = 1_767_225_600_000  # 2026-01-01 00:00 UTC: the demo ids' creation "time"
VERSION_7 = 0x7 << 76 | 0b10 << 62  # the version and variant bits of a UUIDv7
RANDOM_B = (1 << 62) - 1

TEXT_FIELDS = (
    "name",
    "description",
    "eligibility_description",
    "application_process",
    "fees_description",
)
TRANSLATED = [f"{field}_{code}" for field in TEXT_FIELDS for code in CONTENT]
SERVICE_COLUMNS = [
    "id",
    "organization_id",
    "review_status",
    "content_languages",
    "last_verified",
    "name",
    "description",
    *TRANSLATED,
]
LOCATION_COLUMNS = ["id", "organization_id", "name", "latitude", "longitude", "neighbourhood_id"]
ADDRESS_COLUMNS = ["id", "location_id", "address_1", "city", "state_province", "postal_code"]
LINK_COLUMNS = ["id", "service_id", "location_id"]
ATTRIBUTE_COLUMNS = ["id", "service_id", "taxonomy_term_id"]
SCHEDULE_COLUMNS = ["id", "service_id", "byday", "opens_at", "closes_at"]
LANGUAGE_COLUMNS = ["id", "service_id", "code", "name"]
PHONE_COLUMNS = ["id", "service_id", "number"]
TABLES: list[tuple[type[models.Model], list[str]]] = [  # in the order of their foreign keys
    (Location, LOCATION_COLUMNS),
    (Address, ADDRESS_COLUMNS),
    (Service, SERVICE_COLUMNS),
    (ServiceAtLocation, LINK_COLUMNS),
    (Attribute, ATTRIBUTE_COLUMNS),
    (Schedule, SCHEDULE_COLUMNS),
    (Language, LANGUAGE_COLUMNS),
    (Phone, PHONE_COLUMNS),
]
Row = tuple[Any, ...]


class Ids:
    """Deterministic, time-ordered UUIDs (the version 7 layout: a millisecond count, then random
    bits). In creation order, each insert appends to the B-trees of its table and indexes."""

    def __init__(self, rng: random.Random) -> None:
        self.random = rng
        self.count = 0
        self.sqlite = connection.vendor == "sqlite"

    def new(self) -> int:
        self.count += 1
        bits = self.random.getrandbits(74)
        return (EPOCH_MS + self.count) << 80 | (bits >> 62) << 64 | bits & RANDOM_B | VERSION_7

    def db(self, number: int) -> Any:
        """The value Django stores for this UUID: 32 hex digits on SQLite, a uuid elsewhere."""
        return f"{number:032x}" if self.sqlite else uuid.UUID(int=number)

    def new_db(self) -> Any:
        self.count += 1
        bits = self.random.getrandbits(74)
        number = (EPOCH_MS + self.count) << 80 | (bits >> 62) << 64 | bits & RANDOM_B | VERSION_7
        return f"{number:032x}" if self.sqlite else uuid.UUID(int=number)


class Hood:
    """A neighbourhood as the generator needs it, with its parts of the search document."""

    def __init__(self, hood: Neighbourhood, city: City) -> None:
        self.name = str(hood.name)
        self.latitude = hood.latitude
        self.longitude = hood.longitude
        self.postal_prefix = (hood.postal_prefixes.split() or ["A1A"])[0]
        self.db_id = db_value(Location, "neighbourhood_id", hood.pk)
        self.words = index_words(extra=self.name)
        self.tag = index.tag("hood", f"{city.slug}{hood.slug}")


class Site:
    """An organization's current location, shared by a few services."""

    __slots__ = ("db_id", "hood", "used")

    def __init__(self, db_id: Any, hood: Hood) -> None:
        self.db_id = db_id
        self.hood = hood
        self.used = 0


class Organizer:
    """A demo organization as the generator needs it: plain values, no model look-ups."""

    def __init__(self, organization: Organization, city: City, hoods: list[Hood]) -> None:
        self.db_id = db_value(Service, "organization_id", organization.pk)
        self.name = organization.name
        self.words = index_words(organization=organization.name)
        self.city = city
        self.first_language = city.language_codes[:1]
        self.city_tag = index.tag("city", city.slug)
        self.hoods = hoods
        self.site: Site | None = None
        self.address_city = getattr(city, f"name_{city.language_codes[0]}") or str(city.name)
        self.province = city.province or "QC"


class Terms:
    """A listing's category and attributes: their ids and their filter tags in the search
    document (their words are matched at query time: search.synonyms), computed once for each
    combination."""

    __slots__ = ("db_ids", "tags")

    def __init__(self, terms: Sequence[TaxonomyTerm]) -> None:
        self.db_ids = [db_value(Attribute, "taxonomy_term_id", term.pk) for term in terms]
        # The city's tag comes with each listing: asked for an empty city, dropped here.
        tags = index.service_tags(terms=terms, languages=(), city="", hoods=())
        if tags[-1] != index.tag("city", ""):
            raise RuntimeError("service_tags() changed: update demo_services.Terms")
        self.tags = " ".join(tags[:-1])


def index_words(*, organization: str = "", extra: str = "") -> str:
    """The search text of an organization's name or a neighbourhood's name."""
    named = SimpleNamespace(organization=SimpleNamespace(name=organization))
    return index.service_document(named, terms=(), extra=extra, tags=())  # type: ignore[arg-type]


class Texts:
    """Everything repeated across listings, computed once: database values, the text of a
    listing in its languages, and the parts of its search document."""

    def __init__(self, cities: Sequence[City]) -> None:
        terms = list(TaxonomyTerm.objects.select_related("parent", "taxonomy"))
        parents = {t.parent_id for t in terms if t.parent_id}
        self.categories = [
            t for t in terms if t.taxonomy.code == CATEGORIES and t.pk not in parents
        ]
        self.attributes = {t.code: t for t in terms if t.taxonomy.code == ATTRIBUTES}
        self.city_names = {
            c.pk: {code: getattr(c, f"name_{code}") or str(c.name) for code in CONTENT}
            for c in cities
        }
        self.approved = db_value(Service, "review_status", str(Service.Review.APPROVED.value))
        today = timezone.localdate()
        self.verified = [
            db_value(Service, "last_verified", today - datetime.timedelta(days=days))
            for days in range(VERIFIED_DAYS)
        ]
        self.hours = [
            (
                byday,
                db_value(Schedule, "opens_at", opens),
                db_value(Schedule, "closes_at", closes),
            )
            for byday, opens, closes in [*HOURS, SATURDAY]
        ]
        self.spoken = [
            (
                tuple((code, language_name(code)) for code in (*pair, other)),
                " ".join(index.tag("lang", code) for code in (*pair, other)),
            )
            for pair in itertools.permutations(SPOKEN[:4], 2)
            for other in SPOKEN[4:]
        ]
        defaults = column_defaults(Service)
        fields = {f.attname: f for f in Service._meta.concrete_fields}
        self.blank = {name: prepare(fields[name], defaults[name]) for name in TRANSLATED}
        self.listings: dict[tuple[Any, ...], tuple[Row, str]] = {}
        self.term_sets: dict[tuple[str, int], Terms] = {}

    def listing(
        self, category: TaxonomyTerm, languages: tuple[str, ...], walk_in: bool, city: City
    ) -> tuple[Row, str]:
        """The text columns of a listing and their search text (folded, every language)."""
        key = (category.code, languages, walk_in, city.pk)
        cached = self.listings.get(key)
        if cached is None:
            names = SERVICE_NAMES[category.code]
            city_names = self.city_names[city.pk]
            text = {
                "name": names,
                "description": {
                    code: DESCRIPTION[code].format(name=names[code], city=city_names[code])
                    for code in CONTENT
                },
                "eligibility_description": ELIGIBILITY,
                "application_process": APPLICATION[walk_in],
                "fees_description": FEES_FREE,
            }
            values = {
                f"{field}_{code}": text[field][code] if code in languages else None
                for field in TEXT_FIELDS
                for code in CONTENT
            }
            row = (
                ",".join(languages),
                text["name"][languages[0]],
                text["description"][languages[0]],
                *(self.blank[n] if values[n] is None else values[n] for n in TRANSLATED),
            )
            listing = SimpleNamespace(**values, organization=SimpleNamespace(name=""))
            document = index.service_document(listing, terms=(), extra="", tags=())  # type: ignore[arg-type]
            cached = self.listings[key] = (row, document)
        return cached

    def terms(self, category: TaxonomyTerm, choices: int) -> Terms:
        """The category and the attributes picked by the bits of `choices` (see ATTRIBUTE_BITS)."""
        key = (category.code, choices)
        cached = self.term_sets.get(key)
        if cached is None:
            codes = {code for bit, code in ATTRIBUTE_BITS if choices & bit}
            codes.add("walk-in" if choices & WALK_IN else "by-appointment")
            if category.code in ONLY:
                codes.add(ONLY[category.code])
            terms = [category, *(self.attributes[code] for code in sorted(codes))]
            cached = self.term_sets[key] = Terms(terms)
        return cached


def load(*, services: int = 300, stdout: Any = None, **options: Any) -> None:
    """Generates `services` listings over the demo organizations of every city."""
    started = time.monotonic()
    cities = list(City.objects.prefetch_related("neighbourhoods"))
    organizations = list(Organization.objects.order_by("city__position", "slug"))
    if not organizations or services <= 0:
        return
    by_city = {city.pk: city for city in cities}
    hoods = {city.pk: [Hood(hood, city) for hood in city.neighbourhoods.all()] for city in cities}
    organizers = [Organizer(o, by_city[o.city_id], hoods[o.city_id]) for o in organizations]
    # PostgreSQL, tables empty: the keys between them checked once per key after the load, not
    # per row at the commit, and their secondary indexes (and the search index's GIN) built
    # once (bulk.py); SQLite: a page cache for the load.
    tables = [model._meta.db_table for model, _columns in TABLES] + [index.TABLE]
    with (
        sqlite_bulk_load(),
        postgres_foreign_keys_deferred(tables),
        postgres_indexes_rebuilt(tables),
    ):
        Generator(Texts(cities), organizers).run(services)
    index.analyze()  # the planner's statistics for the search (search.index.analyze)
    if stdout is not None:
        stdout.write(f"{services} demo services in {time.monotonic() - started:.1f} s.")


class Generator:
    def __init__(self, texts: Texts, organizers: list[Organizer], *, seed: int = 2026) -> None:
        self.random = random.Random(seed)
        self.ids = Ids(self.random)
        self.texts = texts
        self.organizers = organizers
        self.rows: dict[type, list[Row]] = {model: [] for model, _columns in TABLES}
        self.documents: list[tuple[uuid.UUID, str]] = []

    def run(self, services: int) -> None:
        for number in range(services):
            self.service(self.organizers[number % len(self.organizers)])
            if len(self.documents) >= BATCH:
                self.flush()
        self.flush()

    def service(self, organizer: Organizer) -> None:
        """One listing: its rows in every table and its search document."""
        rnd, ids, texts, rows = self.random.random, self.ids, self.texts, self.rows
        categories = texts.categories
        category = categories[int(rnd() * len(categories))]
        languages = (
            *organizer.first_language,
            *(c for c in CONTENT if c not in organizer.first_language and rnd() < 0.45),
        )
        choices = WALK_IN if rnd() < 0.6 else 0
        for bit, chance in CHANCES:
            if rnd() < chance:
                choices |= bit
        terms = texts.terms(category, choices)
        number = ids.new()
        service_id = ids.db(number)
        text, text_words = texts.listing(
            category, languages, bool(choices & WALK_IN), organizer.city
        )
        verified = texts.verified[int(rnd() * VERIFIED_DAYS)]
        rows[Service].append(
            (service_id, organizer.db_id, texts.approved, text[0], verified, *text[1:])
        )
        site = self.site(organizer)
        rows[ServiceAtLocation].append((ids.new_db(), service_id, site.db_id))
        attributes = rows[Attribute]
        for term_id in terms.db_ids:
            attributes.append((ids.new_db(), service_id, term_id))
        hours = texts.hours
        pattern = OVERNIGHT if category.code == "emergency-shelter" else int(rnd() * 6)
        rows[Schedule].append((ids.new_db(), service_id, *hours[pattern]))
        if rnd() < 0.3:
            rows[Schedule].append((ids.new_db(), service_id, *hours[-1]))
        spoken, spoken_tags = texts.spoken[int(rnd() * len(texts.spoken))]
        languages_rows = rows[Language]
        for code, name in spoken:
            languages_rows.append((ids.new_db(), service_id, code, name))
        phone = f"+1 555 {100 + int(rnd() * 900)} {1000 + int(rnd() * 9000)}"
        rows[Phone].append((ids.new_db(), service_id, phone))
        hood = site.hood
        document = " ".join(
            [
                text_words,
                organizer.words,
                hood.words,
                terms.tags,
                spoken_tags,
                organizer.city_tag,
                hood.tag,
            ]
        )
        self.documents.append((uuid.UUID(int=number), document))

    def site(self, organizer: Organizer) -> Site:
        """A few services share each location of an organization."""
        site = organizer.site
        if site is None or site.used >= SERVICES_PER_LOCATION:
            rng, ids = self.random, self.ids
            hood = rng.choice(organizer.hoods)
            site = organizer.site = Site(ids.new_db(), hood)
            self.rows[Location].append(
                (
                    site.db_id,
                    organizer.db_id,
                    f"{organizer.name} — {hood.name}",
                    round(hood.latitude + rng.uniform(-0.012, 0.012), 5),
                    round(hood.longitude + rng.uniform(-0.016, 0.016), 5),
                    hood.db_id,
                )
            )
            self.rows[Address].append(
                (
                    ids.new_db(),
                    site.db_id,
                    f"{rng.randint(10, 9999)} {rng.choice(STREETS)}",
                    organizer.address_city,
                    organizer.province,
                    f"{hood.postal_prefix} {rng.randint(1, 9)}A{rng.randint(1, 9)}",
                )
            )
        site.used += 1
        return site

    def flush(self) -> None:
        for model, columns in TABLES:
            batch = self.rows[model]
            if batch:
                insert_tuples(model, columns, batch)
                batch.clear()
        index.write_documents(self.documents)
        self.documents.clear()
