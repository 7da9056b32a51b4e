"""HSDS import: flat records → directory rows, in one transaction, idempotent by HSDS id.

Every problem is collected with its file, row and field; if there is any, nothing is written.
Records of HSDS tables the directory does not hold are counted as skipped; contacts (people) are
never imported. Imported organizations stay private until they endorse and are verified.
"""

import functools
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError, connection, models, transaction
from modeltranslation.translator import NotRegistered, translator

from solidarity.api.hsds import fields as f
from solidarity.api.hsds.converters import Converters
from solidarity.api.hsds.documents import SearchDocuments
from solidarity.api.hsds.readers import Problem, ReadError, Record
from solidarity.api.hsds.upsert import upsert_rows
from solidarity.cities.models import City
from solidarity.directory.bulk import (
    fast,
    postgres_foreign_keys_deferred,
    postgres_indexes_rebuilt,
    sqlite_bulk_load,
    sqlite_indexes_deferred,
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
    Taxonomy,
    TaxonomyTerm,
)
from solidarity.directory.search import index

# SQLite's page cache during an import: 128 MiB pushed the import past the 500 MB budget.
IMPORT_CACHE_MIB = 64

BATCH = 5000
LOOKUP_BATCH = 500
REINDEX_BATCH = 200
MAX_PROBLEMS = 200
# Tables the directory holds, in the order they are written.
ORDER = (
    "taxonomy",
    "taxonomy_term",
    "organization",
    "service",
    "service_at_location",
    "location",
    "accessibility",
    "address",
    "phone",
    "schedule",
    "language",
    "attribute",
)
MODELS: dict[str, type[models.Model]] = {
    "taxonomy": Taxonomy,
    "taxonomy_term": TaxonomyTerm,
    "organization": Organization,
    "service": Service,
    "service_at_location": ServiceAtLocation,
    "location": Location,
    "address": Address,
    "phone": Phone,
    "schedule": Schedule,
    "language": Language,
    "attribute": Attribute,
}
# Tables whose ids other records repeat (a service's id in each of its phones, schedules, …).
REFERENCED = {"organization", "service", "location", "taxonomy_term", "taxonomy"}
# Columns an import never changes on a row that exists: our own bookkeeping.
KEEP = {"slug", "city_id", "sector", "review_status", "code"}
NEVER_IMPORTED = {"contact": "contacts describe people and are never imported"}
Progress = Callable[[str, int], None]


@dataclass
class ImportReport:
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)
    problems: list[Problem] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems


class ImportFailed(Exception):
    def __init__(self, report: ImportReport) -> None:
        super().__init__(f"{len(report.problems)} problem(s); nothing was imported")
        self.report = report


class _Rollback(Exception):
    pass


@functools.cache
def max_length(model: type[models.Model], attr: str) -> int | None:
    return getattr(model._meta.get_field(attr), "max_length", None)


@functools.cache
def translated_names(model: type[models.Model]) -> frozenset[str]:
    try:
        return frozenset(translator.get_options_for_model(model).get_field_names())
    except NotRegistered:
        return frozenset()


@functools.cache
def translated_columns(model: type[models.Model], language: str) -> tuple[tuple[str, str], ...]:
    """(attribute, its column in `language`) for the model's translated fields."""
    return tuple((name, f"{name}_{language}") for name in sorted(translated_names(model)))


class Row:
    """One record's fields, converted; each bad field becomes a Problem, not an exception."""

    __slots__ = ("data", "failed", "importer", "record")

    def __init__(self, record: Record, importer: "Importer") -> None:
        self.record = record
        self.data = record.data
        self.importer = importer
        self.failed = False

    def problem(self, name: str | None, message: str) -> None:
        self.failed = True
        self.importer.add_problem(Problem(self.record.file, self.record.row, name, message))

    def get(
        self, name: str, convert: Callable[..., Any], *args: Any, required: bool = False
    ) -> Any:
        value = self.data.get(name)
        if value is None or value == "":
            if required:
                self.problem(name, "required")
            return None
        try:
            return convert(value, *args)
        except ValueError as error:
            self.problem(name, str(error))
            return None

    def text(
        self, name: str, model: type[models.Model], attr: str, *, required: bool = False
    ) -> str:
        value = self.data.get(name)
        if value is None:  # most optional fields: a CSV reader leaves empty values out
            if required:
                self.problem(name, "required")
            return ""
        if type(value) is str and value and "\x00" not in value:  # the common case, inline
            value = value.strip()
            limit = max_length(model, attr)
            if limit is None or len(value) <= limit:
                return value
        return self.get(name, f.text, max_length(model, attr), required=required) or ""

    def id(self, name: str, *, required: bool = False) -> uuid.UUID | None:
        """An HSDS id; those of the records other records point at are parsed once."""
        value = self.data.get(name)
        if type(value) is str:
            known = self.importer.known_ids.get(value)
            if known is not None:
                return known
        return self.get(name, f.hsds_id, required=required)

    def ref(self, name: str, table: str, *, required: bool = False) -> uuid.UUID | None:
        target = self.id(name, required=required)
        if target is not None:  # Importer.expect, inline
            importer = self.importer
            if target.int not in importer.seen[table]:
                where = (self.record.file, self.record.row, name)
                importer.pending[table].setdefault(target, where)
        return target


class Importer(Converters):
    def __init__(self, *, city: City, language: str, progress: Progress | None = None) -> None:
        self.city = city
        self.language = language
        self.progress = progress
        self.report = ImportReport()
        # Ids read per table, as `UUID.int` (hashed in C; `UUID.__hash__` is Python).
        self.seen: dict[str, set[int]] = defaultdict(set)
        self.pending: dict[str, dict[uuid.UUID, tuple[str, int, str]]] = defaultdict(dict)
        self.batches: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self.existing: dict[str, set[uuid.UUID]] = defaultdict(set)
        self.term_ids: dict[uuid.UUID, uuid.UUID] = {}
        self.taxonomy_ids: dict[uuid.UUID, uuid.UUID] = {}
        self.service_org: dict[uuid.UUID, uuid.UUID] = {}
        self.location_org: dict[uuid.UUID, uuid.UUID] = {}
        self.org_phones: dict[uuid.UUID, str] = {}
        self.accessibility: dict[uuid.UUID, str] = {}
        self.touched_services: set[uuid.UUID] = set()
        self.known_ids: dict[str, uuid.UUID] = {}  # id as written → parsed, for REFERENCED
        self.empty_tables: set[str] = set()  # tables with no row before the import
        self.analyzed: set[str] = set()  # database tables ANALYZEd already (PostgreSQL)
        self.documents = SearchDocuments()

    # --- bookkeeping ----------------------------------------------------------------------
    def add_problem(self, problem: Problem) -> None:
        if len(self.report.problems) < MAX_PROBLEMS:
            self.report.problems.append(problem)
        elif len(self.report.problems) == MAX_PROBLEMS:
            self.report.problems.append(Problem("…", None, None, "more problems not shown"))

    def expect(self, table: str, target: uuid.UUID, record: Record, name: str) -> None:
        if target.int not in self.seen[table]:
            self.pending[table].setdefault(target, (record.file, record.row, name))

    def translated(self, model: type[models.Model], attr: str) -> str:
        return f"{attr}_{self.language}" if attr in translated_names(model) else attr

    def build(self, model: type[models.Model], values: dict[str, Any]) -> dict[str, Any]:
        """A plain row by attribute name; translated text goes to the file's language column
        (and to the untranslated column, which must not stay empty). `values` is the
        converter's own new dict, completed in place."""
        for key, column in translated_columns(model, self.language):
            if key in values:
                values[column] = values[key]
        return values

    # --- the run --------------------------------------------------------------------------
    def run(self, tables: Iterable[tuple[str, Iterable[Record]]]) -> ImportReport:
        self.empty_tables = {t for t, m in MODELS.items() if not m._default_manager.exists()}
        empty = [MODELS[t]._meta.db_table for t in sorted(self.empty_tables)]
        with (
            sqlite_indexes_deferred(empty),
            postgres_foreign_keys_deferred(empty) as analyzed,
            postgres_indexes_rebuilt(empty),  # built again before the keys are checked
        ):
            for table, records in tables:
                self.import_table(table, records)
            # Before the keys are added again: a missing record is reported with its file, row
            # and field (the keys' own check would only name the table).
            self.check_references()
            if self.report.problems:
                raise ImportFailed(self.report)
        self.analyzed = set(empty) if analyzed else set()
        self.apply_organization_phones()
        self.apply_accessibility()
        self.reindex()
        return self.report

    def import_table(self, table: str, records: Iterable[Record]) -> None:
        convert = getattr(self, f"convert_{table}", None)
        count = 0
        if convert is None:
            for count, _record in enumerate(records, start=1):
                self.report.skipped[table] += 1
                if self.progress and count % BATCH == 0:
                    self.progress(table, count)
        else:
            count = self.convert_records(table, records, convert)
        self.flush(table)
        if self.progress and count:
            self.progress(table, count)
        if convert is None and count:
            reason = NEVER_IMPORTED.get(table, "not held by the directory")
            self.report.notices.append(f"{table}: {count} record(s) skipped ({reason})")

    def convert_records(
        self, table: str, records: Iterable[Record], convert: Callable[..., Any]
    ) -> int:
        """Converts each record into the table's batch, written every BATCH rows; returns how
        many records there were. The table's state is looked up once, not per record."""
        seen = self.seen[table]
        referenced = table in REFERENCED
        # Only the ids other records repeat go through the parsed-id cache (a phone's own id
        # comes back nowhere, and 200,000 of them would push the services' out of it).
        parse = f.hsds_id if referenced else f.own_id
        known_ids = self.known_ids
        progress = self.progress
        batch = self.batches[table]
        count = skipped = 0
        for count, record in enumerate(records, start=1):
            row = Row(record, self)
            own_id = row.get("id", parse, required=True)
            # The same object nested twice (a service's organization) is read once.
            if own_id is not None and own_id.int not in seen:
                seen.add(own_id.int)
                if referenced and type(record.data["id"]) is str:
                    known_ids[record.data["id"]] = own_id
                instance = convert(row, own_id)
                if row.failed:
                    pass
                elif instance is None:
                    skipped += 1
                else:
                    batch.append(instance)
                    if len(batch) >= BATCH:
                        self.flush(table)
                        batch = self.batches[table]
            if progress and count % BATCH == 0:
                progress(table, count)
        self.report.skipped[table] += skipped
        return count

    def flush(self, table: str) -> None:
        batch = self.batches.pop(table, [])
        if not batch or self.report.problems or table not in MODELS:
            return
        model = MODELS[table]
        existing = 0 if table in self.empty_tables else count_existing(model, batch)
        self.report.updated[table] += existing
        self.report.created[table] += len(batch) - existing
        update = [name for name in batch[0] if name not in KEEP and name != "id"]
        upsert_rows(model, batch, update, new_table=table in self.empty_tables)

    def check_references(self) -> None:
        for table, wanted in self.pending.items():
            seen = self.seen[table]
            missing = [target for target in wanted if target.int not in seen]
            model = MODELS.get(table)
            for start in range(0, len(missing), LOOKUP_BATCH):
                chunk = missing[start : start + LOOKUP_BATCH]
                found = set()
                if model is not None:
                    found = set(
                        model._default_manager.filter(pk__in=chunk).values_list("pk", flat=True)
                    )
                for target in chunk:
                    if target not in found:
                        file, row, name = wanted[target]
                        self.add_problem(Problem(file, row, name, f"no {table} with id {target}"))

    def apply_organization_phones(self) -> None:
        for organization_id, number in self.org_phones.items():
            limit = Organization._meta.get_field("phone").max_length or 40
            Organization.objects.filter(pk=organization_id).update(phone=number[:limit])

    def apply_accessibility(self) -> None:
        column = self.translated(Location, "accessibility")
        for location_id, note in self.accessibility.items():
            Location.objects.filter(pk=location_id).update(**{column: note})

    def reindex(self) -> None:
        """Search documents of imported services built from the rows in hand; services only
        touched (a new attribute, a new location) are re-read by the directory's indexer."""
        # An index empty before the import: its GIN index built once the rows are in (PostgreSQL).
        with postgres_indexes_rebuilt([index.TABLE]) as empty_index:
            written = self.documents.write(
                self.service_org, city=self.city.slug, progress=self.progress, new=empty_index
            )
            others = sorted(self.touched_services - written)
            for start in range(0, len(others), REINDEX_BATCH):
                index.reindex(others[start : start + REINDEX_BATCH])
        # The planner's statistics for the search after a bulk load. PostgreSQL: only the
        # tables written, and not again those analyzed when their keys were added back.
        if connection.vendor == "postgresql":
            tables = [m._meta.db_table for m in MODELS.values()] + [index.TABLE]
            quote = connection.ops.quote_name
            with connection.cursor() as cursor:
                fresh = [quote(t) for t in tables if t not in self.analyzed]
                cursor.execute(f"ANALYZE {', '.join(fresh)}")
        else:
            index.analyze()


def count_existing(model: type[models.Model], batch: list[dict[str, Any]]) -> int:
    """How many of the batch's ids are rows already (plain SQL: Django's `pk__in` costs more
    than the query for thousands of ids)."""
    pk = model._meta.pk
    assert pk is not None
    ids = [fast(row["id"], pk, connection.vendor == "sqlite") for row in batch]
    table = connection.ops.quote_name(model._meta.db_table)
    column = connection.ops.quote_name(pk.column)
    found = 0
    with connection.cursor() as cursor:
        for start in range(0, len(ids), LOOKUP_BATCH):
            chunk = ids[start : start + LOOKUP_BATCH]
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(f"SELECT COUNT(*) FROM {table} WHERE {column} IN ({marks})", chunk)  # noqa: S608
            found += cursor.fetchone()[0]
    return found


def import_records(
    tables: Iterable[tuple[str, Iterable[Record]]],
    *,
    city: City,
    language: str = "en",
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Imports everything or nothing. Raises ImportFailed (with the report) on any problem."""
    importer = Importer(city=city, language=language, progress=progress)
    importer.report.dry_run = dry_run
    try:
        with (
            transaction.atomic(),
            sqlite_bulk_load(cache_mib=IMPORT_CACHE_MIB),
        ):
            importer.run(tables)
            if dry_run:
                raise _Rollback
    except _Rollback:
        pass
    except ReadError as error:
        importer.report.problems.append(error.problem)
        raise ImportFailed(importer.report) from None
    except IntegrityError as error:
        message = f"conflicts with data already in the directory ({error})"
        importer.report.problems.append(Problem("(database)", None, None, message))
        raise ImportFailed(importer.report) from None
    return importer.report
