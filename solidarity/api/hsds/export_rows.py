"""The public services as fully nested HSDS dictionaries, for the exports, read as plain rows.

The same dictionaries as `serialize.service_full` (and its nested shapes) gives for a service
read through the API's selector, but built from `values_list` rows, a few queries per chunk of
services and per table: model instances, prefetch machinery and modeltranslation's descriptors
cost far more than the database at 60,000 services. Translated text follows modeltranslation's
rule: the active language, then the fallback languages, the first value not empty.
`tests/test_export.py` checks both paths give the same JSON.
"""

import functools
import operator
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from django.conf import settings
from django.db import connection, models
from django.urls import reverse
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import get_language, resolution_order

from solidarity.api import selectors
from solidarity.api.hsds.serialize import compact, derived_id, term_data
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

CHUNK = 2000
Row = dict[str, Any]


@functools.cache
def translated_names(model: type[models.Model]) -> frozenset[str]:
    try:
        return frozenset(translator.get_options_for_model(model).get_field_names())
    except NotRegistered:
        return frozenset()


# Kinds of column: a value as read, an id (given as text), a date or time (as ISO 8601 text).
PLAIN, ID, ISO = 1, -2, -1


class Columns:
    """`values_list` columns for the attribute names wanted (a translated name becomes its
    columns in resolution order), and a function turning a row back into a dict by name, in the
    order of the names. Ids become text (what the JSON and the CSV show, and cheaper to hash),
    dates and times ISO 8601 text (what `serialize` gives)."""

    def __init__(self, model: type[models.Model], names: Sequence[str]) -> None:
        languages = resolution_order(get_language())
        translated = translated_names(model)
        self.columns: list[str] = []
        self.spec: list[tuple[str, int, int]] = []  # name, first column, kind or width
        for name in names:
            start = len(self.columns)
            if name in translated:
                self.columns += [f"{name}_{language}" for language in languages]
            else:
                self.columns.append(name)
            self.spec.append((name, start, kind(model, name) or len(self.columns) - start))

    def read(self, row: Sequence[Any]) -> Row:
        data = {}
        for name, start, width in self.spec:
            value = row[start]
            if width == PLAIN:
                data[name] = value
            elif width == ID:
                data[name] = text_id(value)
            elif width == ISO:
                data[name] = value if value is None or type(value) is str else value.isoformat()
            else:  # modeltranslation: the first value neither None nor ""
                data[name] = next(
                    (v for v in row[start : start + width] if v is not None and v != ""), ""
                )
        return data


def text_id(value: Any) -> str | None:
    if value is None:
        return None
    if type(value) is str:  # SQLite, read raw: Django stores a UUID as its 32 hex digits
        return f"{value[:8]}-{value[8:12]}-{value[12:16]}-{value[16:20]}-{value[20:]}"
    return str(value)


def kind(model: type[models.Model], name: str) -> int | None:
    """ID or ISO for the columns read that way, None for the others."""
    field = next(f for f in model._meta.concrete_fields if f.attname == name)
    target = field.target_field if isinstance(field, models.ForeignKey) else field
    if isinstance(target, models.UUIDField):
        return ID
    if isinstance(field, models.DateField | models.TimeField) and not isinstance(
        field, models.DateTimeField
    ):
        return ISO
    return None


def raw_rows(queryset: models.QuerySet, columns: Columns) -> Iterator[Sequence[Any]]:
    """The rows of `values_list(columns)` as the driver gives them, without Django's per-value
    converters (the costliest part of reading 700,000 rows). Only for columns `Columns.read`
    converts (ids, dates, times) or the driver gives as Django would (text, numbers)."""
    query = queryset.values_list(*columns.columns).query
    # The SQL's column order is not the order asked (modeltranslation's queryset reorders).
    selected = [*query.extra_select, *query.values_select, *query.annotation_select]
    position = {name: i for i, name in enumerate(selected)}
    reorder = operator.itemgetter(*[position[name] for name in columns.columns])
    sql, params = query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        while batch := cursor.fetchmany(5000):
            yield from map(reorder, batch)


def grouped(
    queryset: models.QuerySet, columns: Columns, key: str, shape: Callable[[Row], Row]
) -> dict[Any, list[Row]]:
    """Rows by `key`, each shaped once (a row nested twice is the same dict, never mutated)."""
    groups: dict[Any, list[Row]] = defaultdict(list)
    seen: set[str] = set()
    read = columns.read
    for values in raw_rows(queryset, columns):
        row = read(values)
        if row["id"] not in seen:  # a join can repeat a row
            seen.add(row["id"])
            groups[row[key]].append(shape(row))
    return groups


SERVICE = (
    "id", "organization_id", "name", "alternate_name", "description", "url", "email", "status",
    "interpretation_services", "application_process", "fees_description",
    "eligibility_description", "minimum_age", "maximum_age", "last_verified", "alert",
    "last_modified",
)  # fmt: skip
ORGANIZATION = ("id", "slug", "name", "alternate_name", "description", "email", "website", "phone")
PHONE = ("id", "service_id", "location_id", "number", "extension", "type", "description")
SCHEDULE = (
    "id", "service_id", "location_id", "valid_from", "valid_to", "freq", "byday", "opens_at",
    "closes_at", "description",
)  # fmt: skip
LANGUAGE = ("id", "service_id", "location_id", "name", "code", "note")
ADDRESS = (
    "id", "location_id", "attention", "address_1", "address_2", "city", "region",
    "state_province", "postal_code", "country", "address_type",
)  # fmt: skip
ATTRIBUTE = ("id", "service_id", "taxonomy_term_id", "value")
LOCATION = (
    "id", "location_type", "organization_id", "name", "description", "transportation",
    "latitude", "longitude", "accessibility",
)  # fmt: skip
SERVICE_AT_LOCATION = ("id", "service_id", "location_id", "description")


def phone_data(row: Row) -> Row:
    extension = row["extension"]
    row["extension"] = int(extension) if extension.isdigit() else None
    return compact(row)


def schedule_data(row: Row) -> Row:
    return compact(row)  # dates and times are ISO 8601 text already (Columns.read)


def attribute_data(row: Row, terms: dict[str, tuple[str, Row]]) -> Row:
    taxonomy_code, term = terms[row["taxonomy_term_id"]]
    return compact(
        {
            "id": row["id"],
            "link_id": row["service_id"],
            "taxonomy_term_id": row["taxonomy_term_id"],
            "link_type": taxonomy_code,
            "link_entity": "service",
            "value": row["value"],
            "taxonomy_term": term,
        }
    )


def location_data(row: Row, children: dict[str, dict[Any, list[Row]]]) -> Row:
    pk = row["id"]
    note = row.pop("accessibility")
    accessibility = note and [
        {"id": str(derived_id(pk, "accessibility")), "location_id": pk, "description": note}
    ]
    return compact(
        {
            **row,
            "languages": children["languages"].get(pk, []),
            "addresses": children["addresses"].get(pk, []),
            "accessibility": accessibility,
            "phones": children["phones"].get(pk, []),
            "schedules": children["schedules"].get(pk, []),
        }
    )


def organization_data(row: Row) -> Row:
    # `Organization.get_absolute_url`, without building a model instance per organization.
    page = reverse("endorsements:endorser", args=[row["slug"]])
    return compact(
        {
            "id": row["id"],
            "name": row["name"],
            "alternate_name": row["alternate_name"],
            "description": row["description"] or row["name"],
            "email": row["email"],
            "website": row["website"],
            "uri": settings.SITE_URL + page,
        }
    )


def organization_phones(row: Row) -> list[Row]:
    if not row["phone"]:
        return []
    phone_id = str(derived_id(row["id"], "phone"))
    return [{"id": phone_id, "organization_id": row["id"], "number": row["phone"]}]


def service_chunk(
    ids: list[uuid.UUID],
    organizations: dict[str, tuple[Row, list[Row]]],
    terms: dict[str, tuple[str, Row]],
) -> Iterator[tuple[Row, list[Row]]]:
    """The nested services of `ids` (sorted; read by id range, so a few queries per table)."""
    wanted = {str(pk) for pk in ids}
    span = {"service_id__gte": ids[0], "service_id__lte": ids[-1]}
    at = {
        "location__is_retired": False,
        "location__service_at_locations__service_id__gte": ids[0],
        "location__service_at_locations__service_id__lte": ids[-1],
    }
    children: dict[str, dict[Any, list[Row]]] = {}
    for key, model, names, order, shape in (
        ("languages", Language, LANGUAGE, ["code"], compact),
        ("addresses", Address, ADDRESS, [], compact),
        ("phones", Phone, PHONE, [], phone_data),
        ("schedules", Schedule, SCHEDULE, ["opens_at"], schedule_data),
    ):
        queryset = model.objects.filter(**at).order_by("location_id", *order, "pk")
        children[key] = grouped(queryset, Columns(model, names), "location_id", shape)
    places = Location.objects.filter(
        is_retired=False,
        service_at_locations__service_id__gte=ids[0],
        service_at_locations__service_id__lte=ids[-1],
    )
    locations = {
        pk: rows[0]
        for pk, rows in grouped(
            places, Columns(Location, LOCATION), "id", lambda r: location_data(r, children)
        ).items()
    }

    def sal_data(row: Row) -> Row:
        return compact({**row, "location": locations[row["location_id"]]})

    nested = {
        key: grouped(
            model.objects.filter(**span).order_by("service_id", *order),
            Columns(model, names),
            "service_id",
            shape,
        )
        for key, model, names, order, shape in (
            ("phones", Phone, PHONE, ["pk"], phone_data),
            ("schedules", Schedule, SCHEDULE, ["opens_at", "pk"], schedule_data),
            ("service_at_locations", ServiceAtLocation, SERVICE_AT_LOCATION, ["pk"], sal_data),
            ("languages", Language, LANGUAGE, ["code", "pk"], compact),
            ("attributes", Attribute, ATTRIBUTE, ["pk"], lambda r: attribute_data(r, terms)),
        )
    }
    services = Service.objects.filter(pk__gte=ids[0], pk__lte=ids[-1]).order_by("pk")
    columns = Columns(Service, SERVICE)
    for values in services.values_list(*columns.columns):
        row = columns.read(values)
        pk = row["id"]
        if pk not in wanted:
            continue
        organization, phones = organizations[row["organization_id"]]
        brief = {("assured_date" if k == "last_verified" else k): v for k, v in row.items()}
        brief = compact({**brief, "organization": organization})
        yield brief | compact({key: groups.get(pk, []) for key, groups in nested.items()}), phones


def text_ids(data: Row) -> Row:
    return {k: str(v) if isinstance(v, uuid.UUID) else v for k, v in data.items()}


def public_services_full() -> Iterator[tuple[Row, list[Row]]]:
    """(nested service, its organization's phones) for every public service, by id."""
    public = selectors.public_services(selectors.ServiceFilters())
    ids = list(public.order_by("pk").values_list("pk", flat=True))
    columns = Columns(Organization, ORGANIZATION)
    owners = Organization.objects.filter(pk__in=public.values("organization_id"))
    organizations = {}
    for values in owners.values_list(*columns.columns):
        row = columns.read(values)
        organizations[row["id"]] = (organization_data(row), organization_phones(row))
    terms = {
        str(term.pk): (term.taxonomy.code, text_ids(term_data(term)))
        for term in TaxonomyTerm.objects.select_related("taxonomy")
    }
    for start in range(0, len(ids), CHUNK):
        yield from service_chunk(ids[start : start + CHUNK], organizations, terms)
