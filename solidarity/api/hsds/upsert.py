"""Insert-or-update of plain rows by primary key, for the HSDS import: `executemany` with
`INSERT … ON CONFLICT (id) DO UPDATE` (SQLite and PostgreSQL), built on the directory's bulk
helpers so stored values are exactly Django's. Model instances cost more than the database at
60,000 services."""

from collections.abc import Sequence
from typing import Any

from django.db import connection, models

from solidarity.directory.bulk import column_defaults, fast, prepare


def upsert_rows(
    model: type[models.Model], rows: Sequence[dict[str, Any]], update: Sequence[str]
) -> None:
    fields = list(model._meta.concrete_fields)
    quote = connection.ops.quote_name
    names = [f.attname for f in fields]
    by_name = {f.attname: f for f in fields}
    auto = [f.attname for f in fields if getattr(f, "auto_now", False)]
    assignments = ", ".join(
        f"{quote(by_name[n].column)} = excluded.{quote(by_name[n].column)}"
        for n in [*update, *auto]
    )
    sql = (
        f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(f.column) for f in fields)}) "  # noqa: S608
        f"VALUES ({', '.join(['%s'] * len(fields))}) "
        f"ON CONFLICT ({quote(model._meta.pk.column)}) DO UPDATE SET {assignments}"
    )
    sqlite = connection.vendor == "sqlite"
    defaults = {
        n: prepare(by_name[n], v) for n, v in column_defaults(model).items() if n in by_name
    }
    params = [
        tuple(fast(row[n], by_name[n], sqlite) if n in row else defaults.get(n) for n in names)
        for row in rows
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)
