"""HSDS export of the public directory: a CSV tabular data package (zip) and a JSON list of fully
nested services, written in one pass. Streamed: services are read in chunks, as plain rows per
table (`export_rows`), and written as they come, so memory stays flat whatever the size of the
directory."""

import csv
import datetime
import json
import os
import tempfile
import uuid
import zipfile
from pathlib import Path
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder

from solidarity.api import selectors
from solidarity.api.hsds import export_rows, serialize
from solidarity.directory.models import Taxonomy, TaxonomyTerm

# zlib level 6 (the default) costs twice the CPU of level 1 for a zip about 25 % larger.
ZIP_LEVEL = 1
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
FILES = {
    "organization": "organizations.csv",
    "service": "services.csv",
    "attribute": "attributes.csv",
    "service_at_location": "service_at_location.csv",
    "location": "locations.csv",
    "phone": "phones.csv",
    "address": "addresses.csv",
    "schedule": "schedules.csv",
    "language": "languages.csv",
    "accessibility": "accessibility.csv",
    "taxonomy_term": "taxonomy_terms.csv",
    "taxonomy": "taxonomies.csv",
}


DATED = {"date", "datetime", "time"}


def cell(value: Any) -> str:
    if type(value) is str:
        return value
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    return "" if value is None else str(value)


class TableWriter:
    """One CSV per table, in a temporary directory; an id is written once per table."""

    def __init__(self, directory: Path) -> None:
        self.files = {
            t: (directory / FILES[t]).open("w", newline="", encoding="utf-8") for t in COLUMNS
        }
        self.writers = {t: csv.writer(self.files[t]) for t in COLUMNS}
        self.seen: dict[str, set[uuid.UUID | str]] = {t: set() for t in COLUMNS}
        self.counts = dict.fromkeys(COLUMNS, 0)
        self.names = {t: [name for name, _type in columns] for t, columns in COLUMNS.items()}
        # The csv module writes None as "" and numbers and text as `str` does: only dates and
        # times need `cell` (str() of a datetime is not ISO 8601).
        self.dated = {
            t: [i for i, (_n, kind) in enumerate(columns) if kind in DATED]
            for t, columns in COLUMNS.items()
        }
        for table in COLUMNS:
            self.writers[table].writerow(self.names[table])

    def write(self, table: str, data: dict[str, Any]) -> None:
        seen = self.seen[table]
        if data["id"] in seen:
            return
        seen.add(data["id"])
        values = [data.get(name) for name in self.names[table]]
        for i in self.dated[table]:
            values[i] = cell(values[i])
        self.writers[table].writerow(values)
        self.counts[table] += 1

    def close(self) -> None:
        for stream in self.files.values():
            if not stream.closed:
                stream.close()


def write_location(tables: TableWriter, location: dict[str, Any]) -> None:
    tables.write("location", location)
    for key, table in (
        ("addresses", "address"),
        ("phones", "phone"),
        ("schedules", "schedule"),
        ("languages", "language"),
        ("accessibility", "accessibility"),
    ):
        for child in location.get(key, []):
            tables.write(table, child)


def write_service(tables: TableWriter, service: dict[str, Any], org_phones: list[dict]) -> None:
    tables.write("service", service)
    tables.write("organization", service["organization"])
    for phone in org_phones:
        tables.write("phone", phone)
    for key, table in (("phones", "phone"), ("schedules", "schedule"), ("languages", "language")):
        for child in service.get(key, []):
            tables.write(table, child)
    for attribute in service.get("attributes", []):
        tables.write("attribute", attribute)
    for sal in service.get("service_at_locations", []):
        tables.write("service_at_location", sal)
        write_location(tables, sal["location"])


def descriptor(counts: dict[str, int]) -> dict[str, Any]:
    resources = [
        {
            "name": table,
            "path": FILES[table],
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": {
                "primaryKey": "id",
                "fields": [{"name": n, "type": t} for n, t in COLUMNS[table]],
            },
        }
        for table in COLUMNS
    ]
    return {
        "name": "solidarity_city_directory",
        "title": "Solidarity City: services that never ask about immigration status",
        "profile": "tabular-data-package",
        "version": "3.0.0",
        "created": datetime.datetime.now(tz=datetime.UTC).isoformat(timespec="seconds"),
        "license": {"name": "ODC-By-1.0", "path": "https://opendatacommons.org/licenses/by/1-0/"},
        "resources": resources,
    }


def export_hsds(zip_target: Path, json_target: Path) -> dict[str, int]:
    """Writes the CSV data package (zip) and the JSON list of nested services in one pass over
    the public services (each built once, by `export_rows`); returns the row count of each
    table and of the JSON list. Both files are replaced atomically."""
    encoder = DjangoJSONEncoder(ensure_ascii=False)
    count = 0
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        tables = TableWriter(folder)
        try:
            with (
                atomic_target(json_target) as partial_json,
                partial_json.open("w", encoding="utf-8") as stream,
            ):
                stream.write("[")
                for service, org_phones in export_rows.public_services_full():
                    count += 1
                    stream.write(("\n" if count == 1 else ",\n") + encoder.encode(service))
                    write_service(tables, service, org_phones)
                stream.write("\n]\n")
                for term in TaxonomyTerm.objects.select_related("taxonomy").order_by("pk"):
                    tables.write("taxonomy_term", serialize.term_data(term))
                for taxonomy in Taxonomy.objects.order_by("pk"):
                    tables.write("taxonomy", serialize.taxonomy_data(taxonomy))
                tables.close()
                write_zip(zip_target, folder, tables.counts)
        finally:
            tables.close()
    return {**tables.counts, "services (JSON)": count}


def write_zip(target: Path, folder: Path, counts: dict[str, int]) -> None:
    package = folder / "datapackage.json"
    package.write_text(json.dumps(descriptor(counts), indent=2), encoding="utf-8")
    with (
        atomic_target(target) as partial,
        zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=ZIP_LEVEL) as archive,
    ):
        archive.write(package, "datapackage.json")
        for table in COLUMNS:
            archive.write(folder / FILES[table], FILES[table])


def export_endorsements_json(target: Path) -> int:
    from solidarity.api.endpoints.endorsements import endorsement_data

    rows = [endorsement_data(e) for e in selectors.public_endorsements()]
    with atomic_target(target) as partial:
        partial.write_text(json.dumps(rows, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1))
    return len(rows)


class atomic_target:
    """A temporary path beside `target`, moved over it only when the block succeeds, so the
    open-data page never links a half-written file."""

    def __init__(self, target: Path) -> None:
        self.target = target
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
        os.close(handle)
        self.partial = Path(name)

    def __enter__(self) -> Path:
        return self.partial

    def __exit__(self, kind: object, *rest: object) -> None:
        if kind is None:
            os.replace(self.partial, self.target)
            self.target.chmod(0o644)
        else:
            self.partial.unlink(missing_ok=True)
