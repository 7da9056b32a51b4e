"""Fast inserts for bulk loads (demo data, imports): plain dictionaries straight to
`executemany`, skipping model instances, which cost more than the database itself at 60,000
services. Values of types the driver cannot take as they are (UUIDs on SQLite, dates, times)
go through the field's own `get_db_prep_save`, so the stored values are exactly Django's.
"""

import datetime
import uuid
from collections.abc import Iterable
from typing import Any

from django.db import connection, models
from django.utils import timezone

PLAIN = (str, int, float, bool, type(None))


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
