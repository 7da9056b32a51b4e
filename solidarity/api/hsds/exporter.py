"""HSDS export of the public directory: a CSV tabular data package (zip) and a JSON list of fully
nested services, written in one pass. Streamed: services are read in chunks, as plain rows per
table (`export_rows`), and written as they come, so memory stays flat whatever the size of the
directory."""

import csv
import datetime
import json
import os
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import orjson
from django.core.serializers.json import DjangoJSONEncoder

from solidarity.api import selectors
from solidarity.api.hsds import export_rows
from solidarity.api.hsds.export_rows import COLUMNS
from solidarity.directory.bulk import cyclic_gc_paused

# zlib level 6 (the default) costs twice the CPU of level 1 for a zip about 25 % larger.
ZIP_LEVEL = 1
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
# Tables whose rows can be reached from more than one service (a shared location, a phone of
# both a service and its location): listed once, by id.
SHARED = {"location", "address", "phone", "schedule", "language", "accessibility"}


class TableWriter:
    """One CSV per table, in a temporary directory, of the published rows (`export_rows`)."""

    def __init__(self, directory: Path) -> None:
        self.files = {
            t: (directory / FILES[t]).open("w", newline="", encoding="utf-8") for t in COLUMNS
        }
        self.writers = {t: csv.writer(self.files[t]) for t in COLUMNS}
        self.seen: dict[str, set[str]] = {t: set() for t in SHARED}
        self.counts = dict.fromkeys(COLUMNS, 0)
        for table, columns in COLUMNS.items():
            self.writers[table].writerow([name for name, _type in columns])

    def write(self, table: str, rows: list[export_rows.Row]) -> None:
        if table in SHARED:
            seen, fresh = self.seen[table], []
            for row in rows:
                if row[0] not in seen:
                    seen.add(row[0])
                    fresh.append(row)
            rows = fresh
        self.writers[table].writerows(rows)
        self.counts[table] += len(rows)

    def close(self) -> None:
        for stream in self.files.values():
            if not stream.closed:
                stream.close()


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
    the public directory (`export_rows`); returns the row count of each table and of the JSON
    list. Both files are replaced atomically."""
    count = 0
    with cyclic_gc_paused(), tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        tables = TableWriter(folder)
        try:
            with (
                atomic_target(json_target) as partial_json,
                partial_json.open("wb") as stream,
            ):
                stream.write(b"[")
                for chunk in export_rows.public_directory():
                    for table, rows in chunk.rows.items():
                        tables.write(table, rows)
                    if chunk.services:
                        # The JSON's own shape: one service a line, in a list.
                        stream.write(b"\n" if count == 0 else b",\n")
                        stream.write(b",\n".join(map(orjson.dumps, chunk.services)))
                        count += len(chunk.services)
                stream.write(b"\n]\n")
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


ENDORSEMENT_FIELDS = (
    "commitments", "decided_month", "verified_on", "statement", "declaration__version",
    "organization__name", "organization__slug", "organization__sector",
    "organization__city__slug",
)  # fmt: skip


def export_endorsements_json(target: Path) -> int:
    from solidarity.api.endpoints.endorsements import endorsement_data

    # The columns `endorsement_data` reads: the declaration's text in every language, repeated
    # on each row, and the sealed contact were most of what the query read.
    endorsements = selectors.public_endorsements().only(*ENDORSEMENT_FIELDS)
    with cyclic_gc_paused():
        rows = [endorsement_data(e) for e in endorsements]
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
