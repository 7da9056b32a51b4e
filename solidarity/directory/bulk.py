"""Fast inserts for bulk loads (demo data, imports): plain dictionaries straight to
`executemany`, skipping model instances, which cost more than the database itself at 60,000
services. Values of types the driver cannot take as they are (UUIDs on SQLite, dates, times)
go through the field's own `get_db_prep_save`, so the stored values are exactly Django's.
"""

import contextlib
import datetime
import gc
import math
import uuid
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from django.db import DatabaseError, connection, models, transaction
from django.utils import timezone

PLAIN = (str, int, float, bool, type(None))
# PostgreSQL: how long the DDL of a bulk load waits for another session's lock before it gives
# up (and the load runs as it would without it).
LOCK_WAIT = "2s"


def column_defaults(model: type[models.Model]) -> dict[str, Any]:
    now = timezone.now()
    defaults: dict[str, Any] = {}
    for field in model._meta.concrete_fields:
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            defaults[field.attname] = (
                now.date()
                if isinstance(field, models.DateField)
                and not isinstance(field, models.DateTimeField)
                else now
            )
        elif not field.primary_key:
            defaults[field.attname] = field.get_default()  # "" for text, None when nullable
    return defaults


def insert_rows(model: type[models.Model], rows: Iterable[dict[str, Any]]) -> int:
    """Inserts rows given by attribute name (`organization_id`, `name_en`, …); omitted columns
    take their default. Rows must carry their primary key when it has no database default."""
    fields = [
        f
        for f in model._meta.concrete_fields
        if not (f.primary_key and isinstance(f, models.AutoField))
    ]
    defaults = column_defaults(model)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    table = connection.ops.quote_name(model._meta.db_table)
    sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"  # noqa: S608 - names from the model
    names = [f.attname for f in fields]
    sqlite = connection.vendor == "sqlite"
    by_name = dict(zip(names, fields, strict=True))
    defaults = {
        name: prepare(by_name[name], value) for name, value in defaults.items() if name in by_name
    }
    params = [
        tuple(
            fast(row[name], by_name[name], sqlite) if name in row else defaults.get(name)
            for name in names
        )
        for row in rows
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)
    return len(params)


def prepare(field: models.Field, value: Any) -> Any:
    if isinstance(value, PLAIN):
        return value
    return field.get_db_prep_save(value, connection)


def fast(value: Any, field: models.Field, sqlite: bool) -> Any:
    """`prepare` without the field machinery for the common types (what Django stores)."""
    kind = type(value)
    if kind in PLAIN:
        return value
    if kind is uuid.UUID:
        return value.hex if sqlite else value
    if kind is datetime.date or kind is datetime.time:
        return value.isoformat() if sqlite else value
    return prepare(field, value)


def db_value(model: type[models.Model], name: str, value: Any) -> Any:
    """A value as `insert_tuples` wants it: what Django would store in column `name`
    (an attribute name: `organization_id`, `opens_at`)."""
    field = next(f for f in model._meta.concrete_fields if f.attname == name)
    return fast(value, field, connection.vendor == "sqlite")


def insert_tuples(
    model: type[models.Model], names: Sequence[str], rows: Iterable[tuple[Any, ...]]
) -> int:
    """The fastest path for a bulk load: rows are tuples of values ready for the database
    (`db_value`), in the order of `names` (attribute names); every other column takes its
    default. One `executemany`, no per-value work in Python."""
    fields = {
        f.attname: f
        for f in model._meta.concrete_fields
        if not (f.primary_key and isinstance(f, models.AutoField))
    }
    unknown = set(names) - set(fields)
    if unknown:
        raise ValueError(f"{model.__name__} has no column {sorted(unknown)}")
    defaults = column_defaults(model)
    rest = [name for name in fields if name not in names]
    missing = [name for name in rest if name not in defaults]
    if missing:
        raise ValueError(f"{model.__name__}: no value and no default for {missing}")
    tail = tuple(prepare(fields[name], defaults[name]) for name in rest)
    if connection.vendor == "postgresql":
        return copy_rows(model, [fields[n].column for n in [*names, *rest]], rows, tail)
    literals = [sqlite_literal(value) for value in tail] if connection.vendor == "sqlite" else []
    if literals and None not in literals:
        # Constants written into the statement, not bound for every row: services have 26
        # columns left to their default, and binding them cost 1.0 s of 1.4 s per 60,000 rows.
        values = ["%s"] * len(names) + [str(literal) for literal in literals]
        tail = ()
    else:
        values = ["%s"] * (len(names) + len(rest))
    columns = ", ".join(connection.ops.quote_name(fields[n].column) for n in [*names, *rest])
    table = connection.ops.quote_name(model._meta.db_table)
    sql = f"INSERT INTO {table} ({columns}) VALUES ({', '.join(values)})"  # noqa: S608 - see above
    params = [row + tail for row in rows] if tail else list(rows)
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)
    return len(params)


def copy_rows(
    model: type[models.Model],
    columns: list[str],
    rows: Iterable[tuple[Any, ...]],
    tail: tuple[Any, ...],
) -> int:
    """PostgreSQL: `COPY … FROM STDIN`. An `executemany` there is one round trip per row (Django
    binds on the client), which cost 24 s of wall time for 10,000 demo services."""
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    sql = f"COPY {table} ({', '.join(quote(c) for c in columns)}) FROM STDIN"
    count = 0
    with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        for row in rows:
            copy.write_row(row + tail)
            count += 1
    return count


def sqlite_literal(value: Any) -> str | None:
    """An SQLite literal for a constant of a plain type, None when there is none. `%` is
    doubled: Django's SQLite cursor turns `%s` into `?` and `%%` into `%`."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "1" if value else "0"
    if type(value) is int or (type(value) is float and math.isfinite(value)):
        return repr(value)
    if type(value) is str and "\x00" not in value:
        return "'" + value.replace("'", "''").replace("%", "%%") + "'"
    return None


@contextlib.contextmanager
def sqlite_pragma(name: str, value: int) -> Iterator[None]:
    """SQLite: the integer pragma `name` set to `value` for the block, then put back."""
    with connection.cursor() as cursor:
        cursor.execute(f"PRAGMA {name}")
        (before,) = cursor.fetchone()
        cursor.execute(f"PRAGMA {name} = {int(value)}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA {name} = {int(before)}")


@contextlib.contextmanager
def sqlite_bulk_load(cache_mib: int = 512) -> Iterator[None]:
    """SQLite only, for one large transaction: a page cache big enough that the load never
    spills half-written pages to the WAL (nor reads them back). Durability settings are untouched
    (the commit is as safe as any other); the cache goes back to its size afterwards. Other
    databases: nothing."""
    if connection.vendor != "sqlite":
        yield
        return
    with sqlite_pragma("cache_size", -1024 * int(cache_mib)):
        yield


@contextlib.contextmanager
def sqlite_memory_temp_store() -> Iterator[None]:
    """SQLite only, around (not inside) a bulk load's transaction: its temporary files in
    memory, above all the sub-journal that a savepoint (a nested `atomic`) keeps, where the
    pages every row of an `executemany` changes were written: 2.6 GB of small writes to a
    temporary file for a 10,000-service import. SQLite decides where that journal lives when
    the write transaction begins (at BEGIN: the project's transactions are IMMEDIATE), so this
    must be entered before the transaction; inside one (a test's) it does nothing. Other
    databases: nothing."""
    if connection.vendor != "sqlite" or connection.in_atomic_block:
        yield
        return
    with sqlite_pragma("temp_store", 2):  # 2: MEMORY
        yield


@contextlib.contextmanager
def sqlite_indexes_deferred(tables: Sequence[str]) -> Iterator[None]:
    """SQLite only, inside one transaction that loads these (empty) tables: their plain indexes
    are dropped for the load and created again when the block ends, one sort each instead of a
    random insert per row (with random UUID keys, scattered writes spill the page cache).
    Primary keys, unique indexes and indexes that begin with a foreign-key column stay: SQLite
    looks child rows up through those while deferred foreign-key violations are pending (a
    service's location written after it), a full scan per row without them. The DDL is part
    of the transaction: a rollback restores the indexes as they were. Other databases: nothing."""
    if connection.vendor != "sqlite" or not tables:
        yield
        return
    quote = connection.ops.quote_name
    found: list[tuple[str, str]] = []
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"PRAGMA foreign_key_list({quote(table)})")
            references = {row[3] for row in cursor.fetchall()}  # the child's columns
            cursor.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                "AND tbl_name = %s ORDER BY name",
                [table],
            )
            for name, sql in cursor.fetchall():
                cursor.execute(f"PRAGMA index_info({quote(name)})")
                first = next((row[2] for row in cursor.fetchall() if row[0] == 0), None)
                if "UNIQUE" not in sql.upper() and first not in references:
                    found.append((name, sql))
        for name, _sql in found:
            cursor.execute(f"DROP INDEX {quote(name)}")
    yield
    with connection.cursor() as cursor:
        for _name, sql in found:
            cursor.execute(sql)


@contextlib.contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Bulk loads and the export allocate millions of short-lived rows and dictionaries, and no
    reference cycles: the cyclic collector, set off by the allocations, walks the whole heap
    again and again (40 % of the export's CPU at 60,000 services)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextlib.contextmanager
def postgres_foreign_keys_deferred(tables: Sequence[str]) -> Iterator[bool]:
    """PostgreSQL only, inside one transaction that loads these tables, each empty when it
    begins: the foreign keys between two of them are dropped for the load and added again
    (same name, same definition) when the block ends, each checked by one set-based query
    instead of a trigger per inserted row (1.2 million of them, 11.7 s at the commit of a
    60,000-service import). Keys to any other table (a city, a taxonomy term) stay: dropping
    a key locks both of its tables against reads until the commit, and these tables are empty,
    so only pages that would have shown nothing wait for the import. The DDL is part of the
    transaction: a rollback (any failure, an exception in the block) restores the keys as they
    were. The tables are ANALYZEd before the keys are checked. Yields whether the keys were
    dropped: not when another session holds a lock on one of the tables for more than
    `LOCK_WAIT` (the load then runs with the keys, as before), nor when the transaction has
    rows of its own waiting for their check. Other databases:
    nothing."""
    if connection.vendor != "postgresql" or len(tables) < 2:
        yield False
        return
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
            "FROM pg_constraint WHERE contype = 'f' AND conrelid::regclass::text = ANY(%s) "
            "AND confrelid::regclass::text = ANY(%s) ORDER BY 1, 2",
            [list(tables), list(tables)],
        )
        keys = cursor.fetchall()
    if not keys:
        yield False
        return
    try:
        with transaction.atomic(), lock_wait_bounded() as cursor:
            for table, name, _definition in keys:
                cursor.execute(f"ALTER TABLE {quote(table)} DROP CONSTRAINT {quote(name)}")
    except DatabaseError:
        # Rolled back to the savepoint: the keys, and the lock timeout, are as they were.
        yield False
        return
    yield True
    with connection.cursor() as cursor:
        # The planner's statistics of the loaded tables first: without them the check of a key
        # on a column that is all NULL took a nested loop over two 60,000-row tables (113 s).
        cursor.execute(f"ANALYZE {', '.join(quote(table) for table in tables)}")
    run_pending_checks(tables)
    with connection.cursor() as cursor:
        by_table: dict[str, list[str]] = {}
        for table, name, definition in keys:
            by_table.setdefault(table, []).append(f"ADD CONSTRAINT {quote(name)} {definition}")
        for table, additions in by_table.items():
            cursor.execute(f"ALTER TABLE {quote(table)} {', '.join(additions)}")


@contextlib.contextmanager
def postgres_indexes_rebuilt(tables: Sequence[str], *, work_mem_mib: int = 128) -> Iterator[bool]:
    """PostgreSQL only, inside one transaction that fills these tables, all empty when it
    begins: their indexes other than primary keys and unique ones (secondary b-trees, the GIN
    index of the search vectors) are dropped for the load and built again, one sort each, when
    the block ends, with `work_mem_mib` of maintenance memory for the transaction, instead of
    taking a random insert per row (random UUID keys). The tables are locked against reads until
    the commit (they were empty). A rollback restores the indexes as they were. Yields whether
    they were dropped: not when a table has rows or another session holds a lock on one for
    more than LOCK_WAIT. Other databases: nothing."""
    if connection.vendor != "postgresql" or not tables:
        yield False
        return
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i "
            "JOIN pg_class c ON c.oid = i.indexrelid "
            "WHERE i.indrelid::regclass::text = ANY(%s) AND NOT i.indisunique "
            "AND NOT i.indisprimary AND NOT EXISTS "
            "(SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid) ORDER BY 1",
            [list(tables)],
        )
        indexes = cursor.fetchall()
    if not indexes:
        yield False
        return
    try:
        with transaction.atomic(), lock_wait_bounded() as cursor:
            for table in tables:
                cursor.execute(f"SELECT EXISTS (SELECT 1 FROM {quote(table)})")  # noqa: S608
                if cursor.fetchone()[0]:
                    raise _NotEmpty
            for name, _definition in indexes:
                cursor.execute(f"DROP INDEX {quote(name)}")
    except (DatabaseError, _NotEmpty):
        yield False
        return
    yield True
    run_pending_checks(tables)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT set_config('maintenance_work_mem', %s, true)", [f"{int(work_mem_mib)}MB"]
        )
        for _name, definition in indexes:
            cursor.execute(definition)


def run_pending_checks(tables: Sequence[str]) -> None:
    """PostgreSQL: the deferred checks of the foreign keys of these tables that are waiting for
    the commit run now (PostgreSQL alters no table, nor builds an index on it, with checks
    still pending on it); the keys are deferred again afterwards as they were declared."""
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conname, condeferred FROM pg_constraint WHERE contype = 'f' AND condeferrable "
            "AND conrelid::regclass::text = ANY(%s) ORDER BY 1",
            [list(tables)],
        )
        keys = cursor.fetchall()
        if not keys:
            return
        cursor.execute(f"SET CONSTRAINTS {', '.join(quote(name) for name, _d in keys)} IMMEDIATE")
        deferred = [quote(name) for name, initially_deferred in keys if initially_deferred]
        if deferred:
            cursor.execute(f"SET CONSTRAINTS {', '.join(deferred)} DEFERRED")


class _NotEmpty(Exception):
    pass


@contextlib.contextmanager
def lock_wait_bounded() -> Iterator[Any]:
    """PostgreSQL: a cursor whose statements wait at most LOCK_WAIT for a lock (then fail);
    the transaction's lock timeout is put back afterwards."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('lock_timeout')")
        (before,) = cursor.fetchone()
        cursor.execute("SELECT set_config('lock_timeout', %s, true)", [LOCK_WAIT])
        yield cursor
        cursor.execute("SELECT set_config('lock_timeout', %s, true)", [before])
