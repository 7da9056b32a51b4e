"""Insert-or-update of plain rows by primary key, for the HSDS import, built on the directory's
bulk helpers so stored values are exactly Django's. Model instances cost more than the database at
60,000 services, so parameters are built column by column (one list comprehension per column,
conversion only for the columns whose values the driver cannot take as they are).

- SQLite: `executemany` of `INSERT … ON CONFLICT (id) DO UPDATE … WHERE <a column differs>`,
  or of a plain `INSERT` into a table that was empty before the import; columns no row of the
  batch names are written into the statement as constants, not bound row by row.
- PostgreSQL: `COPY` (one round trip per batch; `executemany` is one per row): straight into a
  table that was empty before the import, otherwise into a temporary table and then
  `INSERT … SELECT … ON CONFLICT (id) DO UPDATE … WHERE <a column differs>`.

A row whose every imported column is unchanged is not rewritten (a re-import of the same file
writes nothing but what changed; `last_modified` moves only when something did)."""

import functools
import operator
from collections.abc import Sequence
from typing import Any
from uuid import UUID

from django.db import connection, models

from solidarity.directory.bulk import PLAIN, column_defaults, fast, prepare, sqlite_literal

# Field types whose values may need `fast` (UUIDs on SQLite, dates, times); the rest are plain.
CONVERTED = (models.UUIDField, models.ForeignKey, models.DateField, models.TimeField)


def quote(name: str) -> str:
    return connection.ops.quote_name(name)


@functools.cache
def conflict_clause(model: type[models.Model], update: tuple[str, ...], vendor: str) -> str:
    """`ON CONFLICT (id) DO UPDATE SET …` for the `update` columns (and `auto_now` ones), only
    where one of the `update` columns differs from the stored row."""
    fields = list(model._meta.concrete_fields)
    by_name = {f.attname: f for f in fields}
    auto = [f.attname for f in fields if getattr(f, "auto_now", False)]
    table = quote(model._meta.db_table)
    assignments = ", ".join(
        f"{quote(by_name[n].column)} = excluded.{quote(by_name[n].column)}"
        for n in [*update, *auto]
    )
    differs = "IS NOT" if vendor == "sqlite" else "IS DISTINCT FROM"
    changed = " OR ".join(
        f"{table}.{quote(by_name[n].column)} {differs} excluded.{quote(by_name[n].column)}"
        for n in update
    )
    pk = model._meta.pk
    assert pk is not None
    clause = f"ON CONFLICT ({quote(pk.column)}) DO UPDATE SET {assignments}"
    return f"{clause} WHERE {changed}" if changed else clause


@functools.lru_cache(maxsize=256)  # a batch's `now` is one of its literals
def statement(
    model: type[models.Model],
    update: tuple[str, ...],
    vendor: str,
    literals: tuple[str | None, ...] | None = None,
    *,
    new_table: bool = False,
) -> str:
    """The insert of one row. `literals` (SQLite): per concrete field, the SQL literal of a
    constant written into the statement, or None for a bound value. `new_table`: a plain
    INSERT, for rows whose ids the table cannot hold yet (it had no row before the import)."""
    fields = list(model._meta.concrete_fields)
    marks = ["%s"] * len(fields) if literals is None else [lit or "%s" for lit in literals]
    sql = (
        f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(f.column) for f in fields)}) "  # noqa: S608
        f"VALUES ({', '.join(marks)})"
    )
    return sql if new_table else f"{sql} {conflict_clause(model, update, vendor)}"


def parameters(
    model: type[models.Model], rows: Sequence[dict[str, Any]], *, literals: bool = False
) -> tuple[tuple[str | None, ...] | None, list[tuple[Any, ...]]]:
    """One tuple per row, in the order of the model's concrete fields; omitted columns take
    their default (a column no row names is one constant, not looked up row by row).
    `literals` (SQLite): such a constant is written into the statement as an SQL literal and
    left out of the tuples (binding the same NULL to a service's 24 untranslated columns row
    after row cost SQLite more than the insert); returns the literals (None for a bound
    column) with the tuples, or None and the tuples of every column."""
    sqlite = connection.vendor == "sqlite"
    defaults = column_defaults(model)
    named = set().union(*rows)
    count = len(rows)
    columns = []
    written: list[str | None] = []
    for field in model._meta.concrete_fields:
        name = field.attname
        default = prepare(field, defaults[name]) if name in defaults else None
        if name not in named:
            literal = sqlite_literal(default) if literals else None
            written.append(literal)
            if literal is None:
                columns.append([default] * count)
            continue
        written.append(None)
        try:  # every row names the column (a converter's rows all have the same keys)
            values = list(map(operator.itemgetter(name), rows))
        except KeyError:
            values = [row.get(name, default) for row in rows]
        if isinstance(field, CONVERTED):
            # Defaults are prepared already; converting them again is harmless (idempotent).
            # Ids inline (most converted values): `fast` would give the same.
            values = [
                (v.hex if sqlite else v)
                if type(v) is UUID
                else v
                if type(v) in PLAIN
                else fast(v, field, sqlite)
                for v in values
            ]
        columns.append(values)
    params = list(zip(*columns, strict=True))
    return (tuple(written) if literals else None), params


def upsert_rows(
    model: type[models.Model],
    rows: Sequence[dict[str, Any]],
    update: Sequence[str],
    *,
    new_table: bool = False,
) -> None:
    """Writes `rows` (by attribute name). `new_table`: the table had no row before this import
    and `rows` hold ids not written yet in it (PostgreSQL then copies them straight in)."""
    if connection.vendor == "postgresql":
        _literals, params = parameters(model, rows)
        copy_upsert(model, params, tuple(update), new_table=new_table)
        return
    sqlite = connection.vendor == "sqlite"
    literals, params = parameters(model, rows, literals=sqlite)
    # SQLite: a table empty before the import gets plain INSERTs (the importer writes each id
    # once); an upsert's conflict check cost a quarter of the time of its inserts.
    sql = statement(model, tuple(update), connection.vendor, literals, new_table=new_table)
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)


def copy_upsert(
    model: type[models.Model],
    params: list[tuple[Any, ...]],
    update: tuple[str, ...],
    *,
    new_table: bool,
) -> None:
    table = quote(model._meta.db_table)
    columns = ", ".join(quote(f.column) for f in model._meta.concrete_fields)
    with connection.cursor() as cursor:
        if new_table:
            copy(cursor, f"COPY {table} ({columns}) FROM STDIN", params)
            return
        scratch = quote(f"import_{model._meta.db_table}")
        cursor.execute(
            f"CREATE TEMPORARY TABLE IF NOT EXISTS {scratch} "
            f"(LIKE {table} INCLUDING DEFAULTS) ON COMMIT DROP"
        )
        cursor.execute(f"TRUNCATE {scratch}")
        copy(cursor, f"COPY {scratch} ({columns}) FROM STDIN", params)
        cursor.execute(
            f"INSERT INTO {table} ({columns}) SELECT {columns} FROM {scratch} "  # noqa: S608
            f"{conflict_clause(model, update, 'postgresql')}"
        )


def copy(cursor: Any, sql: str, params: list[tuple[Any, ...]]) -> None:
    with cursor.cursor.copy(sql) as stream:
        write = stream.write_row
        for row in params:
            write(row)
