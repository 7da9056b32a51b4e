"""Plain-SQL inserts for the surge path: the row the ORM would write, without building a query.

Measured in-process, building an INSERT with the ORM costs several times what running it does;
a submission writes two rows, so they are written here from the same field conversions
(`get_db_prep_save`, defaults, `auto_now_add`) that `Model.save()` uses.

On PostgreSQL the rows go in one statement (`insert_rows_where`: a data-modifying WITH, its
own transaction), and with persistent connections that statement is prepared once per
connection (server-side binding): PostgreSQL then neither parses nor plans it again, and no
value is quoted into SQL text in Python.
"""

import datetime
import functools
import uuid
from collections.abc import Sequence
from contextlib import nullcontext
from functools import cache
from typing import Any, TypeVar

from django.db import DEFAULT_DB_ALIAS, connections, models, router, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.utils import CursorWrapper
from django.db.models.base import ModelState
from django.db.models.fields.related_descriptors import (
    ForeignKeyDeferredAttribute,
    ForwardManyToOneDescriptor,
)
from django.db.models.query_utils import DeferredAttribute

M = TypeVar("M", bound=models.Model)


@cache
def _blank(model: type[models.Model]) -> models.Model:
    return model()


@cache
def _made_per_row(model: type[models.Model]) -> tuple[models.Field[Any, Any], ...]:
    return tuple(f for f in model._meta.concrete_fields if f.has_default() and callable(f.default))


def new(model: type[M], **values: Any) -> M:
    """`model(**values)` without running `Model.__init__` (with every field's default, and on
    translated models modeltranslation's constructor: 0.2 ms, measured): a copy of a blank
    instance, with fresh callable defaults (a UUID key) and `values` set as attributes.

    The copy is what `copy.copy` makes of a model instance (its attributes, and a state of its
    own), without the pickling protocol `copy.copy` goes through for one."""
    instance = model.__new__(model)
    instance.__dict__.update(_blank(model).__dict__)
    instance._state = ModelState()
    for made in _made_per_row(model):
        setattr(instance, made.attname, made.get_default())
    keys = _forward_keys(model)
    for name, value in values.items():
        key = keys.get(name)
        if key is None or not _set_related(instance, key, value):
            setattr(instance, name, value)
    return instance


@cache
def _forward_keys(model: type[models.Model]) -> dict[str, models.ForeignKey[Any, Any]]:
    """The foreign keys of `model` by name, where Django's own descriptor sets them."""
    return {
        field.name: field
        for field in model._meta.concrete_fields
        if isinstance(field, models.ForeignKey)
        and type(getattr(model, field.name)) is ForwardManyToOneDescriptor
    }


def _set_related(instance: models.Model, field: models.ForeignKey[Any, Any], value: Any) -> bool:
    """`setattr(instance, field.name, value)` as `ForwardManyToOneDescriptor.__set__` does it
    when no database router is configured (the database of either side, checked to be the
    same, then the key's columns and the related-object cache), without asking the router
    three times per row. False, and nothing set, in any other case: the caller sets it
    through the descriptor (which also raises what it raises)."""
    if (
        value is None
        or router.routers
        or not isinstance(value, field.remote_field.model._meta.concrete_model)  # type: ignore[arg-type]
    ):
        return False
    database = instance._state.db or value._state.db or DEFAULT_DB_ALIAS
    if (value._state.db or database) != database:
        return False
    instance._state.db = value._state.db = database
    for mine, theirs in field.related_fields:
        instance.__dict__[mine.attname] = getattr(value, theirs.attname)
    field.set_cached_value(instance, value)
    return True


@cache
def _fields(model: type[models.Model], with_pk: bool = False) -> tuple[models.Field[Any, Any], ...]:
    """Every column of a new row except a database-generated primary key (unless `with_pk`:
    an id the caller set)."""
    return tuple(
        field
        for field in model._meta.local_concrete_fields
        if with_pk or not (field.primary_key and getattr(field, "db_returning", False))
    )


@cache
def _sql(model: type[models.Model], vendor: str, with_pk: bool = False) -> tuple[str, str, str]:
    """INSERT … VALUES; and the start and end of INSERT … SELECT … WHERE <condition> RETURNING."""
    quote = connections[DEFAULT_DB_ALIAS].ops.quote_name
    fields = _fields(model, with_pk)
    table = quote(model._meta.db_table)
    columns = ", ".join(quote(field.column) for field in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    pk = quote(model._meta.pk.column)
    return (
        f"INSERT INTO {table} ({columns}) VALUES ({placeholders})",  # noqa: S608 - no input in it
        f"INSERT INTO {table} ({columns}) SELECT {placeholders} WHERE ",
        f" RETURNING {pk}",
    )


_TEXT_PREP = {models.CharField.get_prep_value, models.TextField.get_prep_value}
_TEXT_TO_PYTHON = {models.CharField.to_python, models.TextField.to_python}


def _plain(model: type[models.Model], field: models.Field[Any, Any]) -> type | None:
    """`str` or `bool` when `pre_save` and `get_db_prep_save` of `field` return a value of
    that type unchanged (a text or boolean column read from the instance's own attributes,
    with Django's own methods: no `auto_now`, no modeltranslation descriptor, no conversion);
    else None, and the value goes through those methods."""
    cls = type(field)
    if (
        cls.pre_save is not models.Field.pre_save
        or cls.get_db_prep_save is not models.Field.get_db_prep_save
        or cls.get_db_prep_value is not models.Field.get_db_prep_value
        or type(model.__dict__.get(field.attname)) is not DeferredAttribute
    ):
        return None
    if cls.get_prep_value in _TEXT_PREP and cls.to_python in _TEXT_TO_PYTHON:
        return str
    if (
        cls.get_prep_value is models.BooleanField.get_prep_value
        and cls.to_python is models.BooleanField.to_python
    ):
        return bool
    return None


# Fields whose `get_db_prep_save` gives PostgreSQL a value of exactly these types unchanged
# (Django 5.2's own methods: `to_python`/`get_prep_value` return such a value as it is, the
# PostgreSQL backend's `adapt_datefield_value` returns it as given, and so does UUIDField with
# native UUIDs, and an automatic key with an int: `AutoFieldMixin.get_db_prep_value` only
# asks `validate_autopk_value`, which returns it), and None as None. Exact classes only: a
# subclass may convert. Not IntegerField: the backend wraps its values in psycopg's
# Int2/Int4/Int8 (the tests compare types too).
_EXACT: dict[type, type] = {
    models.DateField: datetime.date,
    models.UUIDField: uuid.UUID,
    models.AutoField: int,
    models.BigAutoField: int,
}


def _exact(model: type[models.Model], field: models.Field[Any, Any]) -> type | None:
    """The type whose values `field` stores unchanged on PostgreSQL (`_EXACT`; through its
    target for a foreign key), when its `pre_save` reads the instance's own attribute (no
    `auto_now`/`auto_now_add`); else None."""
    cls = type(field)
    attribute = type(model.__dict__.get(field.attname))
    if isinstance(field, models.ForeignKey):
        if cls is not models.ForeignKey or attribute is not ForeignKeyDeferredAttribute:
            return None
        target = field.target_field
        if target.model._meta.pk is not target or type(target) not in _EXACT:
            return None
        return _EXACT[type(target)]
    if cls not in _EXACT or attribute is not DeferredAttribute:
        return None
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return None
    return _EXACT[cls]


@cache
def _columns(
    model: type[models.Model], with_pk: bool = False, vendor: str = ""
) -> tuple[tuple[models.Field[Any, Any], str, type | None, type | None], ...]:
    """Each field of `_fields`, its attribute name, its `_plain` type, and on PostgreSQL its
    `_exact` type."""
    return tuple(
        (
            field,
            field.attname,
            _plain(model, field),
            _exact(model, field) if vendor == "postgresql" else None,
        )
        for field in _fields(model, with_pk)
    )


def _values(
    instance: models.Model, connection: BaseDatabaseWrapper, with_pk: bool = False
) -> list[Any]:
    """The database values `instance.save()` would insert, in the order of `_fields`: through
    each field's `pre_save` and `get_db_prep_save`, except a text or boolean value that these
    would return unchanged (`_plain`; measured: a third of the time spent here), and on
    PostgreSQL a date, UUID or key (or None) that they would return unchanged (`_exact`)."""
    attributes = instance.__dict__
    values = []
    for field, attname, plain, exact in _columns(type(instance), with_pk, connection.vendor):
        if plain is not None:
            value = attributes.get(attname)
            if isinstance(value, plain):
                # The text of a str subclass (a TextChoices member) as an exact str: psycopg
                # finds the dumper of a subclass by trying each class of its MRO, raising and
                # catching a KeyError for each, on every statement.
                values.append(value if type(value) is plain else str.__str__(value))
                continue
        elif exact is not None:
            value = attributes.get(attname, _MISSING)
            if value is None or type(value) is exact:
                values.append(value)
                continue
        values.append(field.get_db_prep_save(field.pre_save(instance, True), connection))
    return values


_MISSING = object()


def insert(instance: models.Model) -> None:
    """INSERT the row of `instance` (its primary key set by the caller, e.g. a UUID default)."""
    connection = connections[DEFAULT_DB_ALIAS]
    sql, _start, _end = _sql(type(instance), connection.vendor)
    with connection.cursor() as cursor:
        cursor.execute(sql, _values(instance, connection))
    _stored(instance)


def insert_where(instance: models.Model, condition: str, params: list[Any]) -> bool:
    """INSERT the row of `instance` only if the SQL `condition` (no `%` other than its
    placeholders) holds; sets its generated id. True when the row was stored."""
    connection = connections[DEFAULT_DB_ALIAS]
    _values_sql, start, end = _sql(type(instance), connection.vendor)
    sql = f"{start}{condition}{end}"
    with connection.cursor() as cursor:
        cursor.execute(sql, [*_values(instance, connection), *params])
        row = cursor.fetchone()
    if row is None:
        return False
    instance.pk = row[0]
    _stored(instance)
    return True


def insert_rows_where(
    first: models.Model,
    condition: str,
    params: list[Any],
    *,
    then: Sequence[models.Model],
    connection: BaseDatabaseWrapper | None = None,
) -> bool:
    """INSERT the row of `first` only if the SQL `condition` holds (as `insert_where`), and the
    rows of `then` with it: all of them or none. True when they were stored. `first` keeps
    the id it has, or gets a generated one.

    `first` may refer to a row of `then` by a foreign key that is checked at commit (Django's
    are, on PostgreSQL and SQLite), so that a failed condition costs no other row.
    `connection`: the default database's, when the caller has it already."""
    connection = connection or connections[DEFAULT_DB_ALIAS]
    if connection.vendor != "postgresql":
        with transaction.atomic():
            if not insert_where(first, condition, params):
                return False
            for row in then:
                insert(row)
            return True
    with_pk = first.pk is not None
    sql = _statement(type(first), with_pk, condition, tuple(type(row) for row in then))
    values = [*_values(first, connection, with_pk), *params]
    for row in then:
        values += _values(row, connection)
    # One statement is one transaction of its own; inside a caller's transaction, a savepoint
    # keeps a failed one (a unique violation) from spoiling it.
    savepoint = transaction.atomic() if connection.in_atomic_block else nullcontext()
    with savepoint, _cursor(connection) as cursor:
        cursor.execute(sql, values)
        found = cursor.fetchone()
    if found is None:
        return False
    first.pk = found[0]
    for instance in (first, *then):
        _stored(instance)
    return True


@functools.lru_cache(maxsize=64)
def _statement(
    model: type[models.Model],
    with_pk: bool,
    condition: str,
    then: tuple[type[models.Model], ...],
) -> str:
    """The statement of `insert_rows_where` (PostgreSQL), made once per shape: the same str
    each time, whose encoding psycopg then converts from its cache (`FixedStatementQuery`)."""
    _values_sql, start, end = _sql(model, "postgresql", with_pk)
    items = ", ".join(_then_sql(row, number) for number, row in enumerate(then))
    return f"WITH new AS ({start}{condition}{end}), {items} SELECT * FROM new"  # noqa: S608


@cache
def _then_sql(model: type[models.Model], number: int) -> str:
    """A further INSERT of `insert_rows_where`, as a WITH item: a row for each row of `new`."""
    quote = connections[DEFAULT_DB_ALIAS].ops.quote_name
    fields = _fields(model)
    columns = ", ".join(quote(field.column) for field in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    table = quote(model._meta.db_table)
    return f"also_{number} AS (INSERT INTO {table} ({columns}) SELECT {placeholders} FROM new)"  # noqa: S608


def _cursor(connection: BaseDatabaseWrapper) -> CursorWrapper:
    """A cursor whose statements are prepared once per connection (PostgreSQL), when the
    connection outlives the request (CONN_MAX_AGE): a prepared statement is worth nothing on a
    connection closed after one use, and transaction-pooling proxies such as PgBouncer (which
    need CONN_MAX_AGE=0, docs/deploy.md) must not see one. Otherwise, and while queries are
    logged (DEBUG, tests capturing them: Django cannot show a prepared statement's SQL),
    Django's own cursor."""
    if connection.settings_dict.get("CONN_MAX_AGE") == 0 or connection.queries_logged:
        return connection.cursor()
    if connection.connection is None:  # what ensure_connection checks, without its wrapper
        connection.ensure_connection()
    raw = connection.connection
    if raw.prepare_threshold is None:
        # Django turns automatic preparation off (prepare_threshold=None); this lets only an
        # explicit prepare=True through, and no other cursor of Django's binds on the server.
        raw.prepare_threshold = 2**31
    return connection.make_cursor(_prepared_cursor_class()(raw))


@cache
def _prepared_cursor_class() -> type:
    from django.db.backends.postgresql.base import (  # type: ignore[attr-defined]
        ServerBindingCursor,
    )

    class PreparedCursor(ServerBindingCursor):
        """Server-side binding, and every statement prepared on its first execution."""

        def execute(self, query: Any, params: Any = None, **kwargs: Any) -> Any:
            return super().execute(query, params, prepare=True)

    try:
        from psycopg._queries import PostgresQuery, _query2pg
    except ImportError:  # another psycopg: its own conversion, uncached for long statements
        return PreparedCursor

    class FixedStatementQuery(PostgresQuery):
        """psycopg caches the conversion of a statement's %s placeholders only up to 50
        parameters (ORMs make endless variants of long ones); these statements are a few
        fixed strings, so theirs is always cached (measured: 0.5 ms of a submission with its
        confirmation e-mail queued, 57 parameters)."""

        def convert(self, query: Any, vars: Any) -> None:
            if vars is None or not isinstance(query, str):
                return super().convert(query, vars)
            encoding = self._tx.encoding
            converted = _query2pg(_encoded(query, encoding), encoding)
            self.query, self._want_formats, self._order, self._parts = converted
            self.dump(vars)
            return None

    @functools.lru_cache(maxsize=64)
    def _encoded(query: str, encoding: str) -> bytes:
        """A fixed statement's bytes, one object per statement: psycopg's cache of
        conversions is keyed by them, and a bytes object hashes itself once."""
        return query.encode(encoding)

    PreparedCursor._query_cls = FixedStatementQuery
    return PreparedCursor


def _stored(instance: models.Model) -> None:
    instance._state.adding = False
    instance._state.db = DEFAULT_DB_ALIAS
