"""Demo services: realistic, fictional listings for the demo cities (deterministic).

`load(services=N)` spreads N services over the demo organizations, with locations in the cities'
neighbourhoods, addresses, phones, weekly hours (some across midnight), languages spoken,
categories, attributes, and text in one to four languages. Everything is written with
`bulk_create` and the search index is built in bulk, so 60,000 services load in under a minute.
"""

import datetime
import random
import uuid
from collections.abc import Iterator
from typing import Any

from django.utils import timezone

from solidarity.cities.models import City, Neighbourhood
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

BATCH = 2000
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


def field_defaults(model: type[Any]) -> dict[str, Any]:
    """Every plain field's default, computed once: passing them all to the constructor skips
    modeltranslation's per-instance defaults, which dominate the cost of 60,000 rows."""
    return {
        field.attname: field.get_default()
        for field in model._meta.concrete_fields
        if not field.is_relation and not field.primary_key and not getattr(field, "auto_now", False)
    }


class Factory:
    def __init__(self) -> None:
        self.defaults: dict[type[Any], dict[str, Any]] = {}

    def __call__(self, model: type[Any], **values: Any) -> Any:
        if model not in self.defaults:
            self.defaults[model] = field_defaults(model)
        return model(**{**self.defaults[model], **values})


make = Factory()


class Generator:
    """Builds unsaved rows; `load` saves them in batches."""

    def __init__(self, *, seed: int = 2026) -> None:
        self.random = random.Random(seed)
        terms = TaxonomyTerm.objects.select_related("parent", "taxonomy")
        parents = {t.parent_id for t in terms if t.parent_id}
        self.categories = [
            t for t in terms if t.taxonomy.code == CATEGORIES and t.pk not in parents
        ]
        self.attributes = {t.code: t for t in terms if t.taxonomy.code == ATTRIBUTES}
        self.today = timezone.localdate()

    def texts(self, category: str, city: City, languages: list[str]) -> dict[str, str]:
        names = SERVICE_NAMES[category]
        fields: dict[str, str] = {}
        for code in languages:
            fields[f"name_{code}"] = names[code]
            fields[f"description_{code}"] = DESCRIPTION[code].format(
                name=names[code], city=city.name
            )
            fields[f"eligibility_description_{code}"] = ELIGIBILITY[code]
        fields["name"] = names[languages[0]]
        fields["description"] = fields[f"description_{languages[0]}"]
        return fields

    def content_languages(self, city: City) -> list[str]:
        languages = list(city.language_codes[:1])
        for code in ("en", "fr", "es", "ar"):
            if code not in languages and self.random.random() < 0.45:
                languages.append(code)
        return languages

    def service(self, organization: Organization, city: City) -> tuple[Service, TaxonomyTerm, bool]:
        category = self.random.choice(self.categories)
        languages = self.content_languages(city)
        walk_in = self.random.random() < 0.6
        service = make(
            Service,
            id=uuid.UUID(int=self.random.getrandbits(128), version=4),
            organization=organization,
            review_status=Service.Review.APPROVED,
            content_languages=",".join(languages),
            last_verified=self.today - datetime.timedelta(days=self.random.randint(0, 300)),
            **self.texts(category.code, city, languages),
            **{f"application_process_{c}": APPLICATION[walk_in][c] for c in languages},
            **{f"fees_description_{c}": FEES_FREE[c] for c in languages},
        )
        return service, category, walk_in

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
        return [category] + [self.attributes[c] for c in sorted(codes)]

    def location(self, organization: Organization, hood: Neighbourhood) -> tuple[Location, Address]:
        location = make(
            Location,
            id=uuid.UUID(int=self.random.getrandbits(128), version=4),
            organization=organization,
            name=f"{organization.name} — {hood.name}",
            latitude=round(hood.latitude + self.random.uniform(-0.012, 0.012), 5),
            longitude=round(hood.longitude + self.random.uniform(-0.016, 0.016), 5),
            neighbourhood=hood,
        )
        prefix = (hood.postal_prefixes.split() or ["A1A"])[0]
        address = make(
            Address,
            location=location,
            address_1=f"{self.random.randint(10, 9999)} {self.random.choice(STREETS)}",
            city=str(hood.city.name),
            state_province=hood.city.province or "QC",
            postal_code=f"{prefix} {self.random.randint(1, 9)}A{self.random.randint(1, 9)}",
        )
        return location, address

    def extras(self, service: Service, category: TaxonomyTerm) -> Iterator[Any]:
        pattern = HOURS[4 if category.code == "emergency-shelter" else self.random.randint(0, 5)]
        yield make(
            Schedule, service=service, byday=pattern[0], opens_at=pattern[1], closes_at=pattern[2]
        )
        if self.random.random() < 0.3:
            yield make(
                Schedule,
                service=service,
                byday="SA",
                opens_at=datetime.time(10),
                closes_at=datetime.time(14),
            )
        for code in self.random.sample(SPOKEN[:4], 2) + self.random.sample(SPOKEN[4:], 1):
            yield make(Language, service=service, code=code, name=language_name(code))
        number = f"+1 555 {self.random.randint(100, 999)} {self.random.randint(1000, 9999)}"
        yield make(Phone, service=service, number=number)


def load(*, services: int = 300, stdout: Any = None, **options: Any) -> None:
    """Generates `services` listings over the demo organizations of every city."""
    generator = Generator()
    organizations = list(
        Organization.objects.select_related("city").order_by("city__position", "slug")
    )
    hoods = {city.pk: list(city.neighbourhoods.all()) for city in City.objects.all()}
    if not organizations or services <= 0:
        return
    pending: dict[type, list[Any]] = {}
    documents: list[tuple[uuid.UUID, str]] = []
    current_location: dict[uuid.UUID, tuple[Location, int]] = {}
    for number in range(services):
        organization = organizations[number % len(organizations)]
        service, category, walk_in = generator.service(organization, organization.city)
        location = location_for(generator, organization, hoods, current_location, pending)
        terms = generator.attribute_terms(category, walk_in)
        add(pending, service, make(ServiceAtLocation, service=service, location=location))
        add(pending, *[make(Attribute, service=service, taxonomy_term=term) for term in terms])
        add(pending, *generator.extras(service, category))
        hood_name = location.neighbourhood.name if location.neighbourhood else ""
        documents.append(
            (service.pk, index.service_document(service, terms=terms, extra=hood_name))
        )
        if len(pending[Service]) >= BATCH:
            flush(pending, documents)
    flush(pending, documents)
    if stdout is not None:
        stdout.write(f"{services} demo services.")


def location_for(
    generator: Generator,
    organization: Organization,
    hoods: dict[int, list[Neighbourhood]],
    current: dict[uuid.UUID, tuple[Location, int]],
    pending: dict[type, list[Any]],
) -> Location:
    """A few services share each location of an organization."""
    location, used = current.get(organization.pk, (None, SERVICES_PER_LOCATION))
    if location is None or used >= SERVICES_PER_LOCATION:
        hood = generator.random.choice(hoods[organization.city_id])
        location, address = generator.location(organization, hood)
        add(pending, location, address)
        used = 0
    current[organization.pk] = (location, used + 1)
    return location


def add(pending: dict[type, list[Any]], *objects: Any) -> None:
    for obj in objects:
        pending.setdefault(type(obj), []).append(obj)


ORDER = [Location, Address, Service, ServiceAtLocation, Attribute, Schedule, Language, Phone]


def flush(pending: dict[type, list[Any]], documents: list[tuple[uuid.UUID, str]]) -> None:
    for model in ORDER:
        rows = pending.pop(model, [])
        if rows:
            model.objects.bulk_create(rows, batch_size=BATCH)
    index.write_documents(documents, fresh=True)
    documents.clear()
