"""Read HSDS files into flat records, one per HSDS object, each knowing its file and row.

Accepted: JSON (one object, a list, an API `Page`, or `tabular.json` keyed by CSV name), NDJSON
(one object per line, streamed), and the CSV tabular data package (a directory or a zip with a
`datapackage.json`, or CSV files named as in HSDS). Nested objects (a service's phones, its
organization, …) become records of their own, with the parent's id filled in.
"""

import contextlib
import csv
import io
import json
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MAX_FILE_BYTES = 512 * 1024 * 1024  # one file, uncompressed
MAX_JSON_BYTES = 64 * 1024 * 1024  # a JSON document is parsed whole; NDJSON has no limit
MAX_ZIP_MEMBERS = 100
MAX_FIELD_CHARS = 100_000

# HSDS table name → CSV file name (the official datapackage.json's resources).
TABLE_FILES = {
    "organization": "organizations.csv",
    "program": "programs.csv",
    "service": "services.csv",
    "attribute": "attributes.csv",
    "service_at_location": "service_at_location.csv",
    "location": "locations.csv",
    "phone": "phones.csv",
    "contact": "contacts.csv",
    "address": "addresses.csv",
    "schedule": "schedules.csv",
    "funding": "funding.csv",
    "service_area": "service_areas.csv",
    "required_document": "required_documents.csv",
    "language": "languages.csv",
    "accessibility": "accessibility.csv",
    "taxonomy_term": "taxonomy_terms.csv",
    "metadata": "metadata.csv",
    "meta_table_description": "meta_table_descriptions.csv",
    "cost_option": "cost_options.csv",
    "organization_identifier": "organization_identifiers.csv",
    "taxonomy": "taxonomies.csv",
}
FILE_TABLES = {name: table for table, name in TABLE_FILES.items()}

# Nested key in an object of table X → (child table, the child's field that points at the parent).
NESTED: dict[str, dict[str, tuple[str, str | None]]] = {
    "service": {
        "organization": ("organization", None),
        "phones": ("phone", "service_id"),
        "schedules": ("schedule", "service_id"),
        "service_at_locations": ("service_at_location", "service_id"),
        "languages": ("language", "service_id"),
        "attributes": ("attribute", "link_id"),
        "contacts": ("contact", "service_id"),
        "cost_options": ("cost_option", "service_id"),
        "required_documents": ("required_document", "service_id"),
        "funding": ("funding", "service_id"),
        "program": ("program", None),
        "service_areas": ("service_area", "service_id"),
    },
    "organization": {
        "phones": ("phone", "organization_id"),
        "locations": ("location", "organization_id"),
        "services": ("service", "organization_id"),
        "contacts": ("contact", "organization_id"),
        "attributes": ("attribute", "link_id"),
        "funding": ("funding", "organization_id"),
        "programs": ("program", "organization_id"),
        "organization_identifiers": ("organization_identifier", "organization_id"),
    },
    "location": {
        "addresses": ("address", "location_id"),
        "phones": ("phone", "location_id"),
        "schedules": ("schedule", "location_id"),
        "languages": ("language", "location_id"),
        "accessibility": ("accessibility", "location_id"),
        "contacts": ("contact", "location_id"),
        "attributes": ("attribute", "link_id"),
    },
    "service_at_location": {
        "location": ("location", None),
        "service": ("service", None),
        "phones": ("phone", "service_at_location_id"),
        "schedules": ("schedule", "service_at_location_id"),
        "contacts": ("contact", "service_at_location_id"),
        "attributes": ("attribute", "link_id"),
    },
    "phone": {"languages": ("language", "phone_id"), "attributes": ("attribute", "link_id")},
    "attribute": {"taxonomy_term": ("taxonomy_term", None)},
    "taxonomy_term": {"taxonomy_detail": ("taxonomy", None)},
}
# Whose id fills a nested object's own reference: a service's `organization` object is the
# organization its `organization_id` names.
PARENT_REFERENCE = {
    ("service", "organization"): "organization_id",
    ("service", "program"): "program_id",
    ("service_at_location", "location"): "location_id",
    ("service_at_location", "service"): "service_id",
    ("attribute", "taxonomy_term"): "taxonomy_term_id",
    ("taxonomy_term", "taxonomy_detail"): "taxonomy_id",
}
LINK_ENTITY = {"service": "service", "organization": "organization", "location": "location"}


@dataclass(frozen=True)
class Problem:
    file: str
    row: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.field:
            where.append(f"field {self.field}")
        return f"{', '.join(where)}: {self.message}"


class ReadError(Exception):
    """A file that cannot be read at all (not UTF-8, not JSON, too large, …)."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


@dataclass(slots=True)
class Record:
    table: str
    data: dict[str, Any]
    file: str
    row: int


def read_path(path: Path) -> Iterator[Record]:
    if path.is_dir():
        yield from read_package(DirectorySource(path))
    elif zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            yield from read_package(ZipSource(archive, path.name))
    elif path.suffix.lower() == ".ndjson":
        yield from read_ndjson(path)
    elif path.suffix.lower() == ".csv":
        table = FILE_TABLES.get(path.name)
        if table is None:
            raise ReadError(Problem(path.name, None, None, "unknown HSDS CSV file name"))
        with path.open("rb") as stream:
            yield from read_csv(stream, path.name, table)
    else:
        yield from read_json(path)


# --- CSV tabular data package ----------------------------------------------------------------
class DirectorySource:
    def __init__(self, root: Path) -> None:
        self.root = root

    def names(self) -> list[str]:
        return sorted(p.name for p in self.root.iterdir() if p.is_file())

    def open(self, name: str) -> io.BufferedIOBase:
        path = self.root / name
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ReadError(Problem(name, None, None, "file too large"))
        return path.open("rb")


class ZipSource:
    def __init__(self, archive: zipfile.ZipFile, label: str) -> None:
        self.archive = archive
        self.label = label
        members = [i for i in archive.infolist() if not i.is_dir()]
        if len(members) > MAX_ZIP_MEMBERS:
            raise ReadError(Problem(label, None, None, "too many files in the archive"))
        # Flat names only: a package is one folder (possibly wrapped in a top folder).
        self.members = {i.filename.rsplit("/", 1)[-1]: i for i in members}

    def names(self) -> list[str]:
        return sorted(self.members)

    def open(self, name: str) -> io.BufferedIOBase:
        info = self.members[name]
        if info.file_size > MAX_FILE_BYTES:
            raise ReadError(Problem(name, None, None, "file too large once uncompressed"))
        return self.archive.open(info)  # type: ignore[return-value]


def package_tables(source: DirectorySource | ZipSource) -> list[tuple[str, str]]:
    """(table, file name) pairs, from datapackage.json when there is one."""
    names = source.names()
    if "datapackage.json" in names:
        with source.open("datapackage.json") as stream:
            descriptor = parse_json_bytes(stream.read(MAX_JSON_BYTES + 1), "datapackage.json")
        resources = descriptor.get("resources", []) if isinstance(descriptor, dict) else []
        pairs = [(str(r.get("name")), str(r.get("path"))) for r in resources if isinstance(r, dict)]
        return [(table, name) for table, name in pairs if name in names]
    return [(FILE_TABLES[name], name) for name in names if name in FILE_TABLES]


def read_package(source: DirectorySource | ZipSource) -> Iterator[Record]:
    tables = package_tables(source)
    if not tables:
        raise ReadError(Problem(getattr(source, "label", "."), None, None, "no HSDS CSV file"))
    for table, name in tables:
        with source.open(name) as stream:
            yield from read_csv(stream, name, table)


def read_csv(stream: Any, name: str, table: str) -> Iterator[Record]:
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="strict", newline="")
    reader = csv.reader(text)
    row = 1
    try:
        header = next(reader, None)
        if header is None:
            return
        width = len(header)
        named = [(i, key) for i, key in enumerate(header) if key]
        keys = header if len(named) == width else None  # every column named: zipped
        for values in reader:
            if not values:
                continue  # blank lines are skipped, uncounted
            row += 1
            if len(values) != width:
                if len(values) > width:
                    raise ReadError(Problem(name, row, None, "more values than column names"))
                # short rows: the missing values are empty
                values += [""] * (width - len(values))
            if keys is not None:
                data = {key: value for key, value in zip(keys, values, strict=True) if value}
            else:
                data = {key: values[i] for i, key in named if values[i]}
            if max(map(len, values)) > MAX_FIELD_CHARS:
                too_long = next((k for k, v in data.items() if len(v) > MAX_FIELD_CHARS), None)
                if too_long:
                    raise ReadError(Problem(name, row, too_long, "value too long"))
            yield Record(table, data, name, row)
    except UnicodeDecodeError as error:
        raise ReadError(Problem(name, row + 1, None, f"not UTF-8 text ({error.reason})")) from None
    except csv.Error as error:
        raise ReadError(Problem(name, row + 1, None, f"malformed CSV ({error})")) from None


# --- JSON --------------------------------------------------------------------------------------
def parse_json_bytes(raw: bytes, name: str, row: int | None = None) -> Any:
    if len(raw) > MAX_JSON_BYTES:
        raise ReadError(Problem(name, row, None, "JSON document too large; use NDJSON"))
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise ReadError(Problem(name, row, None, f"not UTF-8 text ({error.reason})")) from None
    except json.JSONDecodeError as error:
        where = f"{error.msg}, line {error.lineno}, column {error.colno}"
        raise ReadError(Problem(name, row, None, f"not valid JSON ({where})")) from None
    except RecursionError:
        raise ReadError(Problem(name, row, None, "JSON nested too deeply")) from None


def read_json(path: Path) -> Iterator[Record]:
    if path.stat().st_size > MAX_JSON_BYTES:
        raise ReadError(Problem(path.name, None, None, "JSON document too large; use NDJSON"))
    document = parse_json_bytes(path.read_bytes(), path.name)
    for table, objects in json_tables(document, path.name):
        for row, obj in enumerate(objects, start=1):
            yield from flatten(table, obj, path.name, row)


def read_ndjson(path: Path) -> Iterator[Record]:
    table = table_from_name(path.name)
    with path.open("rb") as stream:
        for row, line in enumerate(stream, start=1):
            if line.strip():
                obj = parse_json_bytes(line, path.name, row)
                yield from flatten(table or guess_table(obj), obj, path.name, row)


def json_tables(document: Any, name: str) -> Iterable[tuple[str, list[Any]]]:
    if isinstance(document, dict) and any(key in FILE_TABLES for key in document):
        return [(FILE_TABLES[k], v) for k, v in document.items() if k in FILE_TABLES]
    if isinstance(document, dict) and isinstance(document.get("contents"), list):
        document = document["contents"]
    objects = document if isinstance(document, list) else [document]
    table = table_from_name(name) or (guess_table(objects[0]) if objects else "service")
    return [(table, objects)]


def table_from_name(name: str) -> str | None:
    stem = name.lower().rsplit(".", 1)[0]
    for suffix in ("_full", "_list", "_package", "-full", "-list", "-package"):
        stem = stem.removesuffix(suffix)
    for table, file in TABLE_FILES.items():
        if stem in (table, file.removesuffix(".csv")) or stem.endswith("-" + table):
            return table
    return None


def guess_table(obj: Any) -> str:
    if not isinstance(obj, dict):
        return "service"
    if "status" in obj or "service_at_locations" in obj:
        return "service"
    if "location_type" in obj:
        return "location"
    if "service_id" in obj and "location_id" in obj:
        return "service_at_location"
    if "taxonomy_id" in obj or "parent_id" in obj or "term_uri" in obj:
        return "taxonomy_term"
    return "organization" if "website" in obj or "locations" in obj else "service"


def flatten(table: str, obj: Any, name: str, row: int) -> Iterator[Record]:
    """The object, then each nested object as a record of its own table (same file and row)."""
    if not isinstance(obj, dict):
        raise ReadError(Problem(name, row, None, f"expected an object for {table}"))
    own = {k: v for k, v in obj.items() if k not in NESTED.get(table, {}) and v is not None}
    for key, (child_table, parent_field) in NESTED.get(table, {}).items():
        value = obj.get(key)
        children = value if isinstance(value, list) else [value] if value else []
        for child in children:
            if isinstance(child, dict):
                child = dict(child)
                if parent_field and "id" in obj:
                    child.setdefault(parent_field, obj["id"])
                    if parent_field == "link_id":
                        child.setdefault("link_entity", LINK_ENTITY.get(table, table))
                reference = PARENT_REFERENCE.get((table, key))
                if reference and "id" in child:
                    own.setdefault(reference, child["id"])
            yield from flatten(child_table, child, name, row)
    yield Record(table, own, name, row)


def tables_in_order(path: Path, order: Iterable[str]) -> Iterator[tuple[str, Iterator[Record]]]:
    """(table, records) in the given order, then the other tables. A CSV package is streamed one
    file at a time; JSON and NDJSON are read whole and grouped (they are bounded in size)."""
    order = list(order)
    rank = {table: i for i, table in enumerate(order)}
    if path.is_dir() or zipfile.is_zipfile(path):
        yield from package_in_order(path, rank)
        return
    grouped: dict[str, list[Record]] = {}
    for record in read_path(path):
        grouped.setdefault(record.table, []).append(record)
    for table in sorted(grouped, key=lambda t: rank.get(t, len(rank))):
        yield table, iter(grouped.pop(table))


def package_in_order(path: Path, rank: dict[str, int]) -> Iterator[tuple[str, Iterator[Record]]]:
    with contextlib.ExitStack() as stack:
        if path.is_dir():
            source: DirectorySource | ZipSource = DirectorySource(path)
        else:
            archive = stack.enter_context(zipfile.ZipFile(path))
            source = ZipSource(archive, path.name)
        tables = sorted(package_tables(source), key=lambda pair: rank.get(pair[0], len(rank)))
        if not tables:
            raise ReadError(Problem(path.name, None, None, "no HSDS CSV file"))
        for table, name in tables:
            with source.open(name) as stream:
                yield table, read_csv(stream, name, table)
