"""The public directory as the exports publish it, read chunk by chunk as plain rows.

For each chunk of public services (by id), one query per table gives its rows in their published
form, which is the CSV row: translated text resolved by the database in modeltranslation's order
(the active language, then the fallback languages, the first value not empty), ids as text, dates
and times as ISO 8601 text. The same rows, nested, are the services of the JSON export: the
dictionaries `serialize.service_full` gives for a service read through the API's selector
(`tests/test_round_trip.py` checks both are the same). Model instances, prefetching and Django's
per-value converters cost far more than the database at 60,000 services.
"""

import dataclasses
import datetime
import functools
import operator
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models
from django.db.models import F, Func, Value
from django.db.models.functions import Cast, Coalesce, NullIf
from django.urls import reverse
from modeltranslation.manager import MultilingualQuerySet
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import get_language, resolution_order

from solidarity.api import selectors
from solidarity.api.hsds.serialize import derived_id, taxonomy_data, term_data
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
    Taxonomy,
    TaxonomyTerm,
)

CHUNK = 2000
Row = Sequence[Any]
Data = dict[str, Any]

# Columns we publish, in the order of the official datapackage.json, with their Frictionless type.
COLUMNS: dict[str, list[tuple[str, str]]] = {
    "organization": [
        ("id", "string"), ("name", "string"), ("alternate_name", "string"),
        ("description", "string"), ("email", "string"), ("website", "string"), ("uri", "string"),
    ],
    "service": [
        ("id", "string"), ("organization_id", "string"), ("name", "string"),
        ("alternate_name", "string"), ("description", "string"), ("url", "string"),
        ("email", "string"), ("status", "string"), ("interpretation_services", "string"),
        ("application_process", "string"), ("fees_description", "string"),
        ("eligibility_description", "string"), ("minimum_age", "number"),
        ("maximum_age", "number"), ("assured_date", "date"), ("alert", "string"),
        ("last_modified", "datetime"),
    ],
    "attribute": [
        ("id", "string"), ("link_id", "string"), ("taxonomy_term_id", "string"),
        ("link_type", "string"), ("link_entity", "string"), ("value", "string"),
    ],
    "service_at_location": [
        ("id", "string"), ("service_id", "string"), ("location_id", "string"),
        ("description", "string"),
    ],
    "location": [
        ("id", "string"), ("location_type", "string"), ("organization_id", "string"),
        ("name", "string"), ("description", "string"), ("transportation", "string"),
        ("latitude", "number"), ("longitude", "number"),
    ],
    "phone": [
        ("id", "string"), ("location_id", "string"), ("service_id", "string"),
        ("organization_id", "string"), ("number", "string"), ("extension", "number"),
        ("type", "string"), ("description", "string"),
    ],
    "address": [
        ("id", "string"), ("location_id", "string"), ("attention", "string"),
        ("address_1", "string"), ("address_2", "string"), ("city", "string"),
        ("region", "string"), ("state_province", "string"), ("postal_code", "string"),
        ("country", "string"), ("address_type", "string"),
    ],
    "schedule": [
        ("id", "string"), ("service_id", "string"), ("location_id", "string"),
        ("valid_from", "date"), ("valid_to", "date"), ("freq", "string"), ("byday", "string"),
        ("description", "string"), ("opens_at", "time"), ("closes_at", "time"),
    ],
    "language": [
        ("id", "string"), ("service_id", "string"), ("location_id", "string"),
        ("name", "string"), ("code", "string"), ("note", "string"),
    ],
    "accessibility": [("id", "string"), ("location_id", "string"), ("description", "string")],
    "taxonomy_term": [
        ("id", "string"), ("code", "string"), ("name", "string"), ("description", "string"),
        ("parent_id", "string"), ("taxonomy", "string"), ("taxonomy_id", "string"),
    ],
    "taxonomy": [
        ("id", "string"), ("name", "string"), ("description", "string"), ("uri", "string"),
        ("version", "string"),
    ],
}  # fmt: skip
# Where a column comes from when it is not the model field of that name.
SOURCES: dict[str, dict[str, str | Value]] = {
    "organization": {"uri": "slug"},  # made a URL in `organization_rows`
    "service": {"assured_date": "last_verified"},
    "attribute": {
        "link_id": "service_id",
        "link_type": "taxonomy_term__taxonomy__code",
        "link_entity": Value("service"),
    },
    "phone": {"organization_id": Value(None, output_field=models.CharField())},
}
# Columns read after the published ones, for the JSON or for another table.
EXTRA = {"organization": ["phone"], "location": ["accessibility"]}
# The JSON's key order, where it is not the CSV's (`serialize`'s order).
JSON_KEYS = {
    "phone": ["id", "service_id", "location_id", "number", "extension", "type", "description"],
    "schedule": [
        "id", "service_id", "location_id", "valid_from", "valid_to", "freq", "byday",
        "opens_at", "closes_at", "description",
    ],
}  # fmt: skip
MODELS: dict[str, type[models.Model]] = {
    "organization": Organization,
    "service": Service,
    "attribute": Attribute,
    "service_at_location": ServiceAtLocation,
    "location": Location,
    "phone": Phone,
    "address": Address,
    "schedule": Schedule,
    "language": Language,
}


@functools.cache
def translated_names(model: type[models.Model]) -> frozenset[str]:
    try:
        return frozenset(translator.get_options_for_model(model).get_field_names())
    except NotRegistered:
        return frozenset()


class UuidText(Func):
    """A UUID column as the text HSDS publishes (8-4-4-4-12), where the database has a UUID
    type: computed there, far cheaper than a `uuid.UUID` per value in Python."""

    template = "(%(expressions)s)::text"
    output_field = models.CharField()


def hex_to_text(value: str) -> str:
    """Django keeps a UUID as its 32 hex digits where the database has no UUID type (SQLite:
    faster formatted here than with SQL's SUBSTR)."""
    return f"{value[:8]}-{value[8:12]}-{value[12:16]}-{value[16:20]}-{value[20:]}"


class TextIds(dict[str, str]):
    """`hex_to_text` of the ids that come many times (a service's, in each of its child rows),
    formatted once. Cleared for each chunk of services."""

    def __missing__(self, key: str) -> str:
        text = self[key] = hex_to_text(key)
        return text


def iso(value: datetime.date | datetime.time) -> str:
    return value.isoformat()


def extension_number(extension: str) -> int | None:
    return int(extension) if extension.isdigit() else None


class Reader:
    """The SELECT giving `names` of `model` in their published form, and the conversions left
    to Python: dates and times where the driver gives objects, `convert` for the others."""

    def __init__(
        self,
        model: type[models.Model],
        names: Sequence[str],
        sources: dict[str, str | Value] | None = None,
        convert: dict[str, Callable[[Any], Any]] | None = None,
        ids: TextIds | None = None,
    ) -> None:
        languages = resolution_order(get_language())
        self.select: dict[str, Any] = {}
        self.conversions: list[tuple[int, Callable[[Any], Any]]] = []
        for position, name in enumerate(names):
            source = (sources or {}).get(name, name)
            field = model_field(model, source)
            self.select[f"published_{position}"] = expression(model, source, field, languages)
            function = (convert or {}).get(name) or conversion(field, ids)
            if function:
                self.conversions.append((position, function))

    def rows(self, queryset: models.QuerySet) -> Iterator[Sequence[Any]]:
        """The rows of `queryset` in the order of `names`: tuples, or lists where Python
        converted a value."""
        rows = raw_rows(queryset.annotate(**self.select), list(self.select))
        if not self.conversions:
            yield from rows
            return
        conversions = self.conversions
        for values in rows:
            row = list(values)
            for position, function in conversions:
                value = row[position]
                if value is not None:
                    row[position] = function(value)
            yield row


def model_field(model: type[models.Model], source: str | Value) -> models.Field | None:
    if not isinstance(source, str) or "__" in source or source in translated_names(model):
        return None
    return next(f for f in model._meta.concrete_fields if f.attname == source)


def expression(
    model: type[models.Model],
    source: str | Value,
    field: models.Field | None,
    languages: Sequence[str],
) -> Any:
    if isinstance(source, Value):
        return source
    if source in translated_names(model):  # modeltranslation's fallback, done by the database
        text: models.TextField = models.TextField()
        columns = [
            NullIf(F(f"{source}_{lang}"), Value(""), output_field=text) for lang in languages
        ]
        return Coalesce(*columns, Value(""), output_field=text)
    if is_uuid(field) and connection.features.has_native_uuid_field:
        return UuidText(F(source))
    if connection.vendor == "sqlite" and isinstance(field, models.DateField | models.TimeField):
        # Kept as ISO 8601 text: read as such, not parsed into objects by the driver.
        return Cast(F(source), models.TextField())
    return F(source)


def conversion(field: models.Field | None, ids: TextIds | None) -> Callable[[Any], Any] | None:
    if is_uuid(field) and not connection.features.has_native_uuid_field:
        return hex_to_text if field.primary_key or ids is None else ids.__getitem__  # type: ignore[union-attr]
    if connection.vendor == "sqlite" or isinstance(field, models.DateTimeField):
        return None  # ISO 8601 text already; timestamps are the caller's
    if isinstance(field, models.DateField | models.TimeField):
        return iso
    return None


def is_uuid(field: models.Field | None) -> bool:
    target = field.target_field if isinstance(field, models.ForeignKey) else field
    return isinstance(target, models.UUIDField)


def raw_rows(queryset: models.QuerySet, names: Sequence[str]) -> Iterator[Sequence[Any]]:
    """The rows of `queryset.values_list(*names)` as the driver gives them, without Django's
    per-value converters (the costliest part of reading 700,000 rows)."""
    if isinstance(queryset, MultilingualQuerySet):
        # Its `values_list` reorders the columns; these are plain annotations.
        queryset = queryset.rewrite(False)
    query = queryset.values_list(*names).query
    if list(query.selected or ()) != list(names):
        raise ValueError(f"Columns out of order: {query.selected}")
    sql, params = query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        while batch := cursor.fetchmany(5000):
            yield from batch


def table_reader(table: str, ids: TextIds, **convert: Callable[[Any], Any]) -> Reader:
    names = [name for name, _type in COLUMNS[table]] + EXTRA.get(table, [])
    return Reader(MODELS[table], names, SOURCES.get(table), convert, ids)


class Shape:
    """A published row as the JSON's dictionary: in `serialize`'s key order, empty values left
    out (HSDS allows a missing field, never `null`)."""

    def __init__(self, table: str) -> None:
        names = [name for name, _type in COLUMNS[table]]
        self.keys = JSON_KEYS.get(table, names)
        self.values = operator.itemgetter(*[names.index(key) for key in self.keys])

    def __call__(self, row: Row) -> Data:
        values = self.values(row)
        return {k: v for k, v in zip(self.keys, values, strict=True) if v is not None and v != ""}


@dataclasses.dataclass
class Chunk:
    """CSV rows per table (a row reached from several chunks comes in each: the writer lists it
    once) and the nested services for the JSON, in order."""

    rows: dict[str, list[Row]] = dataclasses.field(default_factory=lambda: defaultdict(list))
    services: list[Data] = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class Place:
    """A location: its JSON, and the CSV rows it brings (its own, its addresses, ...) once a
    public service of the chunk is there."""

    data: Data
    rows: list[tuple[str, Row]]
    listed: bool = False


# Tables nested under a service (and under a location), with their order within one parent.
SERVICE_CHILDREN = {
    "phones": ("phone", ["pk"]),
    "schedules": ("schedule", ["opens_at", "pk"]),
    "service_at_locations": ("service_at_location", ["pk"]),
    "languages": ("language", ["code", "pk"]),
    "attributes": ("attribute", ["pk"]),
}
LOCATION_CHILDREN = {
    "languages": ("language", ["code", "pk"]),
    "addresses": ("address", ["pk"]),
    "phones": ("phone", ["pk"]),
    "schedules": ("schedule", ["opens_at", "pk"]),
}
JSON = DjangoJSONEncoder()


def position(table: str, name: str) -> int:
    return [column for column, _type in COLUMNS[table]].index(name)


class Directory:
    """Reads the public services chunk by chunk; readers and shapes built once."""

    def __init__(self) -> None:
        self.ids = TextIds()
        self.readers = {t: table_reader(t, self.ids) for t in MODELS}
        self.readers["phone"] = table_reader("phone", self.ids, extension=extension_number)
        self.readers["service"] = table_reader("service", self.ids, last_modified=moment)
        self.shapes = {t: Shape(t) for t in COLUMNS}
        self.organizations: dict[str, Data] = {}
        self.terms: dict[str, Data] = {}

    def chunks(self) -> Iterator[Chunk]:
        public = selectors.public_services(selectors.ServiceFilters())
        ids = [row[0] for row in Reader(Service, ["id"]).rows(public.order_by("pk"))]
        yield self.organization_rows(public)
        last = Chunk()
        for term in TaxonomyTerm.objects.select_related("taxonomy").order_by("pk"):
            row = published(term_data(term), "taxonomy_term")
            last.rows["taxonomy_term"].append(row)
            self.terms[row[0]] = self.shapes["taxonomy_term"](row)
        for start in range(0, len(ids), CHUNK):
            yield self.service_chunk(ids[start : start + CHUNK])
        for taxonomy in Taxonomy.objects.order_by("pk"):
            last.rows["taxonomy"].append(published(taxonomy_data(taxonomy), "taxonomy"))
        yield last

    def organization_rows(self, public: models.QuerySet) -> Chunk:
        """Every organization with a public service, and its public phone number (a phone of
        its own in HSDS)."""
        chunk = Chunk()
        owners = Organization.objects.filter(pk__in=public.values("organization_id"))
        description, uri = position("organization", "description"), position("organization", "uri")
        for values in self.readers["organization"].rows(owners.order_by("pk")):
            row = list(values)
            pk, phone = row[0], row.pop()
            row[description] = row[description] or row[1]  # required: the name at least
            # `Organization.get_absolute_url`, without a model instance per organization.
            row[uri] = settings.SITE_URL + reverse("endorsements:endorser", args=[row[uri]])
            chunk.rows["organization"].append(row)
            self.organizations[pk] = self.shapes["organization"](row)
            if phone:
                phone_id = str(derived_id(pk, "phone"))
                chunk.rows["phone"].append([phone_id, None, None, pk, phone, None, None, None])
        return chunk

    def service_chunk(self, ids: list[str]) -> Chunk:
        """The services of `ids` (sorted: read by id range, one query per table)."""
        chunk, wanted = Chunk(), set(ids)
        self.ids.clear()
        span = {"service_id__gte": ids[0], "service_id__lte": ids[-1]}
        places = self.places(ServiceAtLocation.objects.filter(**span).values("location_id"))
        nested = {
            key: self.children(chunk, table, order, span, wanted, places)
            for key, (table, order) in SERVICE_CHILDREN.items()
        }
        services = Service.objects.filter(pk__gte=ids[0], pk__lte=ids[-1]).order_by("pk")
        for row in self.readers["service"].rows(services):
            if row[0] in wanted:
                *fields, timestamp = row
                data = self.shapes["service"](row)
                data["last_modified"] = JSON.default(timestamp)
                data["organization"] = self.organizations[row[1]]
                for key, groups in nested.items():
                    if children := groups.get(row[0]):
                        data[key] = children
                chunk.services.append(data)
                chunk.rows["service"].append([*fields, timestamp.isoformat()])
        return chunk

    def children(
        self,
        chunk: Chunk,
        table: str,
        order: list[str],
        span: dict[str, str],
        wanted: set[str],
        places: dict[str, Place],
    ) -> dict[str, list[Data]]:
        """The JSON of one child table's rows, by service; their CSV rows (and the rows of the
        locations they reach) into `chunk`."""
        queryset = MODELS[table]._default_manager.filter(**span).order_by("service_id", *order)
        if table == "service_at_location":
            queryset = queryset.filter(location__is_retired=False)
        groups: dict[str, list[Data]] = defaultdict(list)
        shape, rows = self.shapes[table], chunk.rows[table]
        parent = position(table, "link_id" if table == "attribute" else "service_id")
        for row in self.readers[table].rows(queryset):
            if row[parent] not in wanted:
                continue
            rows.append(row)
            data = shape(row)
            if table == "attribute":
                data["taxonomy_term"] = self.terms[row[2]]
            elif table == "service_at_location":
                place = places[row[2]]
                data["location"] = place.data
                if not place.listed:
                    place.listed = True
                    for name, place_row in place.rows:
                        chunk.rows[name].append(place_row)
            groups[row[parent]].append(data)
        return groups

    def places(self, location_ids: models.QuerySet) -> dict[str, Place]:
        """The locations whose ids the subquery gives, nested, with their CSV rows."""
        children: dict[str, dict[str, list[tuple[Row, Data]]]] = {}
        for key, (table, order) in LOCATION_CHILDREN.items():
            queryset = MODELS[table]._default_manager.filter(location_id__in=location_ids)
            parent = position(table, "location_id")
            groups: dict[str, list[tuple[Row, Data]]] = defaultdict(list)
            children[key] = groups
            shape = self.shapes[table]
            for row in self.readers[table].rows(queryset.order_by("location_id", *order)):
                groups[row[parent]].append((row, shape(row)))
        places = {}
        locations = Location.objects.filter(pk__in=location_ids, is_retired=False).order_by("pk")
        for values in self.readers["location"].rows(locations):
            row = list(values)
            pk, note = row[0], row.pop()
            rows: list[tuple[str, Row]] = [("location", row)]
            data = self.shapes["location"](row)
            for key, pairs_by_location in children.items():
                if key == "phones" and note:  # `serialize.location_data`'s key order
                    accessibility = [str(derived_id(pk, "accessibility")), pk, note]
                    rows.append(("accessibility", accessibility))
                    data["accessibility"] = [self.shapes["accessibility"](accessibility)]
                if pairs := pairs_by_location.get(pk):
                    data[key] = [child for _row, child in pairs]
                    rows += [(LOCATION_CHILDREN[key][0], child_row) for child_row, _ in pairs]
            places[pk] = Place(data, rows)
        return places


def moment(value: datetime.datetime | str) -> datetime.datetime:
    """A timestamp as Django reads it: SQLite keeps it in UTC, without a time zone."""
    if isinstance(value, str):
        value = datetime.datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=datetime.UTC)


def published(data: Data, table: str) -> Row:
    """A `serialize` dictionary as a CSV row (ids as text)."""
    return [text(data.get(name)) for name, _type in COLUMNS[table]]


def text(value: Any) -> Any:
    return value if value is None or isinstance(value, str | int | float) else str(value)


def public_directory() -> Iterator[Chunk]:
    """The public directory, chunk by chunk: the organizations first, then the services by id
    (a few queries per chunk of 2,000), the taxonomies last."""
    return Directory().chunks()
