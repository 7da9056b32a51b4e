"""Demo services: realistic, fictional listings for the demo cities (deterministic).

`load(services=N)` spreads N services over the demo organizations, with locations in the cities'
neighbourhoods, addresses, phones, weekly hours (some across midnight), languages spoken,
categories, attributes, and text in one to four languages. Rows are plain dictionaries written
by `bulk.insert_rows`, and the search index is built in bulk, so 60,000 services load in under
a minute.
"""

import datetime
import random
import time
import types
import uuid
from collections.abc import Iterator
from typing import Any

from django.utils import timezone

from solidarity.cities.models import City, Neighbourhood
from solidarity.directory.bulk import insert_rows
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

BATCH = 5000
SPOKEN = ["en", "fr", "es", "ar", "pt", "zh-hans", "ta", "fa", "tl", "uk", "ru", "pa", "ur"]
HOURS = [
    ("MO,TU,WE,TH,FR", datetime.time(9), datetime.time(17)),
    ("MO,WE,FR", datetime.time(10), datetime.time(14)),
    ("TU,TH", datetime.time(13), datetime.time(20)),
    ("SA", datetime.time(10), datetime.time(13)),
    ("MO,TU,WE,TH,FR,SA,SU", datetime.time(20), datetime.time(8)),  # overnight shelter
    ("MO,TU,WE,TH,FR,SA,SU", datetime.time(0), datetime.time(0)),  # around the clock
]
SERVICES_PER_LOCATION = 3
ORDER = [Location, Address, Service, ServiceAtLocation, Attribute, Schedule, Language, Phone]
Rows = dict[type, list[dict[str, Any]]]


class Generator:
    def __init__(self, *, seed: int = 2026) -> None:
        self.random = random.Random(seed)
        terms = list(TaxonomyTerm.objects.select_related("parent", "taxonomy"))
        parents = {t.parent_id for t in terms if t.parent_id}
        self.categories = [
            t for t in terms if t.taxonomy.code == CATEGORIES and t.pk not in parents
        ]
        self.attributes = {t.code: t for t in terms if t.taxonomy.code == ATTRIBUTES}
        self.today = timezone.localdate()
        self.language_names = {code: language_name(code) for code in SPOKEN}

    def new_id(self) -> uuid.UUID:
        return uuid.UUID(int=self.random.getrandbits(128), version=4)

    def content_languages(self, city: City) -> list[str]:
        languages = list(city.language_codes[:1])
        for code in ("en", "fr", "es", "ar"):
            if code not in languages and self.random.random() < 0.45:
                languages.append(code)
        return languages

    def service(self, organization: Organization) -> tuple[dict[str, Any], TaxonomyTerm, bool]:
        city = organization.city
        category = self.random.choice(self.categories)
        languages = self.content_languages(city)
        walk_in = self.random.random() < 0.6
        names = SERVICE_NAMES[category.code]
        row: dict[str, Any] = {
            "id": self.new_id(),
            "organization_id": organization.pk,
            "review_status": Service.Review.APPROVED,
            "content_languages": ",".join(languages),
            "last_verified": self.today - datetime.timedelta(days=self.random.randint(0, 300)),
            "name": names[languages[0]],
            "description": DESCRIPTION[languages[0]].format(
                name=names[languages[0]], city=city.name
            ),
        }
        for code in languages:
            row[f"name_{code}"] = names[code]
            row[f"description_{code}"] = DESCRIPTION[code].format(name=names[code], city=city.name)
            row[f"eligibility_description_{code}"] = ELIGIBILITY[code]
            row[f"application_process_{code}"] = APPLICATION[walk_in][code]
            row[f"fees_description_{code}"] = FEES_FREE[code]
        return row, category, walk_in

    def attribute_terms(self, category: TaxonomyTerm, walk_in: bool) -> list[TaxonomyTerm]:
        codes = {"walk-in" if walk_in else "by-appointment"}
        for code in ("free", "no-id-required", "no-health-card-needed", "anonymous"):
            if self.random.random() < 0.55:
                codes.add(code)
        for code in ("interpretation-available", "wheelchair-accessible", "families-welcome"):
            if self.random.random() < 0.3:
                codes.add(code)
        if category.code == "women-shelter":
            codes.add("women-only")
        if category.code == "youth-shelter":
            codes.add("youth-only")
        return [category, *(self.attributes[c] for c in sorted(codes))]

    def location(
        self, organization: Organization, hood: Neighbourhood
    ) -> Iterator[tuple[type, dict[str, Any]]]:
        location_id = self.new_id()
        yield (
            Location,
            {
                "id": location_id,
                "organization_id": organization.pk,
                "name": f"{organization.name} — {hood.name}",
                "latitude": round(hood.latitude + self.random.uniform(-0.012, 0.012), 5),
                "longitude": round(hood.longitude + self.random.uniform(-0.016, 0.016), 5),
                "neighbourhood_id": hood.pk,
            },
        )
        prefix = (hood.postal_prefixes.split() or ["A1A"])[0]
        yield (
            Address,
            {
                "id": self.new_id(),
                "location_id": location_id,
                "address_1": f"{self.random.randint(10, 9999)} {self.random.choice(STREETS)}",
                "city": str(organization.city.name),
                "state_province": organization.city.province or "QC",
                "postal_code": f"{prefix} {self.random.randint(1, 9)}A{self.random.randint(1, 9)}",
            },
        )

    def extras(
        self, service_id: uuid.UUID, category: TaxonomyTerm
    ) -> Iterator[tuple[type, dict[str, Any]]]:
        pattern = HOURS[4 if category.code == "emergency-shelter" else self.random.randint(0, 5)]
        yield Schedule, self.schedule(service_id, *pattern)
        if self.random.random() < 0.3:
            yield Schedule, self.schedule(service_id, "SA", datetime.time(10), datetime.time(14))
        for code in self.random.sample(SPOKEN[:4], 2) + self.random.sample(SPOKEN[4:], 1):
            yield (
                Language,
                {
                    "id": self.new_id(),
                    "service_id": service_id,
                    "code": code,
                    "name": self.language_names[code],
                },
            )
        number = f"+1 555 {self.random.randint(100, 999)} {self.random.randint(1000, 9999)}"
        yield Phone, {"id": self.new_id(), "service_id": service_id, "number": number}

    def schedule(
        self, service_id: uuid.UUID, byday: str, opens: datetime.time, closes: datetime.time
    ) -> dict[str, Any]:
        return {
            "id": self.new_id(),
            "service_id": service_id,
            "byday": byday,
            "opens_at": opens,
            "closes_at": closes,
        }


def load(*, services: int = 300, stdout: Any = None, **options: Any) -> None:
    """Generates `services` listings over the demo organizations of every city."""
    started = time.monotonic()
    generator = Generator()
    organizations = list(
        Organization.objects.select_related("city").order_by("city__position", "slug")
    )
    hoods = {city.pk: list(city.neighbourhoods.all()) for city in City.objects.all()}
    if not organizations or services <= 0:
        return
    rows: Rows = {}
    documents: list[tuple[uuid.UUID, str]] = []
    sites: dict[uuid.UUID, tuple[dict[str, Any], Neighbourhood, int]] = {}
    for number in range(services):
        organization = organizations[number % len(organizations)]
        row, category, walk_in = generator.service(organization)
        site, hood = location_for(generator, organization, hoods, sites, rows)
        terms = generator.attribute_terms(category, walk_in)
        add(rows, Service, row)
        add(
            rows,
            ServiceAtLocation,
            {"id": generator.new_id(), "service_id": row["id"], "location_id": site["id"]},
        )
        for term in terms:
            add(
                rows,
                Attribute,
                {"id": generator.new_id(), "service_id": row["id"], "taxonomy_term_id": term.pk},
            )
        for model, extra in generator.extras(row["id"], category):
            add(rows, model, extra)
        listing = types.SimpleNamespace(**row, organization=organization)
        tags = index.service_tags(
            terms=terms,
            languages=[r["code"] for r in rows[Language][-3:]],
            city=organization.city.slug,
            hoods=[f"{organization.city.slug}{hood.slug}"],
        )
        document = index.service_document(listing, terms=terms, extra=str(hood.name), tags=tags)  # type: ignore[arg-type]
        documents.append((row["id"], document))
        if len(rows[Service]) >= BATCH:
            flush(rows, documents)
    flush(rows, documents)
    if stdout is not None:
        stdout.write(f"{services} demo services in {time.monotonic() - started:.1f} s.")


def location_for(
    generator: Generator,
    organization: Organization,
    hoods: dict[int, list[Neighbourhood]],
    sites: dict[uuid.UUID, tuple[dict[str, Any], Neighbourhood, int]],
    rows: Rows,
) -> tuple[dict[str, Any], Neighbourhood]:
    """A few services share each location of an organization."""
    current = sites.get(organization.pk)
    if current is None or current[2] >= SERVICES_PER_LOCATION:
        hood = generator.random.choice(hoods[organization.city_id])
        for model, row in generator.location(organization, hood):
            add(rows, model, row)
        current = (rows[Location][-1], hood, 0)
    sites[organization.pk] = (current[0], current[1], current[2] + 1)
    return current[0], current[1]


def add(rows: Rows, model: type, row: dict[str, Any]) -> None:
    rows.setdefault(model, []).append(row)


def flush(rows: Rows, documents: list[tuple[uuid.UUID, str]]) -> None:
    for model in ORDER:
        batch = rows.pop(model, [])
        if batch:
            insert_rows(model, batch)
    index.write_documents(documents)
    documents.clear()
