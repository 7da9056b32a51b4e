"""Insert-or-update of plain rows by primary key, for the HSDS import: `executemany` with
`INSERT … ON CONFLICT (id) DO UPDATE` (SQLite and PostgreSQL), built on the directory's bulk
helpers so stored values are exactly Django's. Model instances cost more than the database at
60,000 services, so parameters are built column by column (one list comprehension per column,
conversion only for the columns whose values the driver cannot take as they are)."""

import functools
from collections.abc import Callable, Sequence
from typing import Any

from django.db import connection, models

from solidarity.directory.bulk import column_defaults, fast, prepare

# Field types whose values may need `fast` (UUIDs on SQLite, dates, times); the rest are plain.
CONVERTED = (models.UUIDField, models.ForeignKey, models.DateField, models.TimeField)


@functools.cache
def statement(model: type[models.Model], update: tuple[str, ...], vendor: str) -> str:
    fields = list(model._meta.concrete_fields)
    quote = connection.ops.quote_name
    by_name = {f.attname: f for f in fields}
    auto = [f.attname for f in fields if getattr(f, "auto_now", False)]
    assignments = ", ".join(
        f"{quote(by_name[n].column)} = excluded.{quote(by_name[n].column)}"
        for n in [*update, *auto]
    )
    return (
        f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(f.column) for f in fields)}) "  # noqa: S608
        f"VALUES ({', '.join(['%s'] * len(fields))}) "
        f"ON CONFLICT ({quote(model._meta.pk.column)}) DO UPDATE SET {assignments}"
    )


def converter(field: models.Field, sqlite: bool) -> Callable[[Any], Any] | None:
    if not isinstance(field, CONVERTED):
        return None
    return lambda value: fast(value, field, sqlite)


def upsert_rows(
    model: type[models.Model], rows: Sequence[dict[str, Any]], update: Sequence[str]
) -> None:
    sqlite = connection.vendor == "sqlite"
    fields = list(model._meta.concrete_fields)
    defaults = column_defaults(model)
    columns = []
    for field in fields:
        name = field.attname
        default = prepare(field, defaults[name]) if name in defaults else None
        values = [row.get(name, default) for row in rows]
        convert = converter(field, sqlite)
        if convert is not None:
            # Defaults are prepared already; converting them again is harmless (idempotent).
            values = [convert(value) for value in values]
        columns.append(values)
    params = list(zip(*columns, strict=True))
    with connection.cursor() as cursor:
        cursor.executemany(statement(model, tuple(update), connection.vendor), params)
