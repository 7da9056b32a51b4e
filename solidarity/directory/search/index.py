"""Writes the search index. Called by the directory's services (no signals), in bulk by the demo
data and the HSDS import. One row per service: every language of its text, its organization, its
neighbourhoods, and the names and synonyms of its taxonomy terms in every language."""

import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from django.conf import settings
from django.db import connection

from solidarity.directory.models import Service, TaxonomyTerm
from solidarity.directory.search.text import document_text
from solidarity.directory.taxonomy import CATEGORIES

TABLE = "directory_service_fts"
# SQLite only: index rowid → service, so a search never reads the documents (migration 0011).
KEYS = "directory_service_fts_key"
SERVICE_FIELDS = (
    "name",
    "alternate_name",
    "description",
    "eligibility_description",
    "application_process",
    "fees_description",
    "interpretation_services",
)


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def translated_values(obj: object, fields: Sequence[str]) -> list[str]:
    values = []
    for field in fields:
        for code in language_codes():
            value = getattr(obj, f"{field}_{code}", None)
            if value:
                values.append(value)
    return values


def tag(kind: str, code: str) -> str:
    """A filter token ("zzattfree", "zzlanges"): filters become index look-ups, so combining
    them costs an intersection of posting lists instead of a probe per service."""
    return f"zz{kind}" + "".join(c for c in code.lower() if c.isascii() and c.isalnum())


def own_tag(term: TaxonomyTerm) -> str:
    return tag("cat" if term.taxonomy.code == CATEGORIES else "att", term.code)


def term_tags(term: TaxonomyTerm) -> list[str]:
    """A category also tags its parent (a dentist is health care); an attribute tags itself.
    The terms' names and synonyms are not in the documents: a query word that begins one of
    them matches these tags instead (search.synonyms)."""
    if term.taxonomy.code != CATEGORIES:
        return [own_tag(term)]
    codes = [term.code] + ([term.parent.code] if term.parent is not None else [])
    return [tag("cat", code) for code in codes]


def service_tags(
    *, terms: Iterable[TaxonomyTerm], languages: Iterable[str], city: str, hoods: Iterable[str]
) -> list[str]:
    tags = [t for term in terms for t in term_tags(term)]
    tags += [tag("lang", code) for code in languages]
    tags += [tag("city", city)] + [tag("hood", hood) for hood in hoods]
    return tags


def service_document(
    service: Service,
    *,
    terms: Iterable[TaxonomyTerm] = (),
    extra: str = "",
    tags: Iterable[str] = (),
) -> str:
    """The service's own text in every language, its organization's name, `extra` (the names
    of its neighbourhoods) and its filter tags. `terms` is accepted for callers written before
    the terms' words left the documents (search.synonyms); their tags are in `tags`."""
    parts = translated_values(service, SERVICE_FIELDS)
    parts.append(service.organization.name)
    parts.append(extra)
    own = " ".join(document_text(part) for part in parts if part)
    return " ".join([own, *tags])


def db_id(service_id: object) -> Any:
    pk = Service._meta.pk
    assert pk is not None
    return pk.get_db_prep_value(service_id, connection)


def fts_rowid(service_id: uuid.UUID) -> int:
    """A stable FTS5 rowid from the service's UUID, so a row is replaced without a table scan."""
    return int.from_bytes(service_id.bytes[:8], "big") >> 1


def write_documents(rows: Sequence[tuple[uuid.UUID, str]]) -> None:
    """Writes (or replaces) the index rows of these (service id, document) pairs."""
    if not rows:
        return
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            keys = [[fts_rowid(pk), db_id(pk)] for pk, _document in rows]
            cursor.executemany(
                f"INSERT OR REPLACE INTO {TABLE} (rowid, service_id, document) "  # noqa: S608
                "VALUES (%s, %s, %s)",
                [[*key, document] for key, (_pk, document) in zip(keys, rows, strict=True)],
            )
            cursor.executemany(
                f"INSERT OR REPLACE INTO {KEYS} (rowid, service_id) VALUES (%s, %s)",  # noqa: S608
                keys,
            )
        else:
            cursor.executemany(
                f"INSERT INTO {TABLE} (service_id, document) VALUES (%s, %s) "  # noqa: S608
                "ON CONFLICT (service_id) DO UPDATE SET document = EXCLUDED.document",
                [[db_id(pk), document] for pk, document in rows],
            )


def remove_documents(service_ids: Sequence[uuid.UUID]) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            rowids = [[fts_rowid(pk)] for pk in service_ids]
            cursor.executemany(f"DELETE FROM {TABLE} WHERE rowid = %s", rowids)  # noqa: S608
            cursor.executemany(f"DELETE FROM {KEYS} WHERE rowid = %s", rowids)  # noqa: S608
        else:
            sql = f"DELETE FROM {TABLE} WHERE service_id = %s"  # noqa: S608 - a constant table name
            cursor.executemany(sql, [[db_id(pk)] for pk in service_ids])


def analyze() -> None:
    """Refreshes the planner's statistics after a bulk load (demo data, an import) and daily.
    Without them SQLite joins each match to its service through the wide rows instead of
    `service_search_probe_idx`: about twice the time at 60,000 services. PostgreSQL's
    autovacuum keeps its own statistics; an explicit ANALYZE only makes them current sooner."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def index_services(services: Iterable[Service]) -> int:
    """Rebuilds the index rows of these services (prefetch terms and locations for speed)."""
    rows = []
    for service in services:
        terms = list(service.taxonomy_terms.all())
        hoods = [
            sal.location.neighbourhood
            for sal in service.service_at_locations.all()
            if sal.location.neighbourhood is not None and not sal.location.is_retired
        ]
        tags = service_tags(
            terms=terms,
            languages=[language.code for language in service.languages.all()],
            city=service.organization.city.slug,
            hoods=[f"{service.organization.city.slug}{hood.slug}" for hood in hoods],
        )
        names = " ".join(hood.name for hood in hoods)
        document = service_document(service, extra=names, tags=tags)
        rows.append((service.pk, document))
    write_documents(rows)
    return len(rows)


def reindex(service_ids: Sequence[uuid.UUID]) -> int:
    services = Service.objects.filter(pk__in=service_ids).select_related("organization__city")
    services = services.prefetch_related(
        "taxonomy_terms__parent",
        "taxonomy_terms__taxonomy",
        "languages",
        "service_at_locations__location__neighbourhood",
    )
    return index_services(services)


# --- Added for bulk loads (the HSDS import); the functions above are unchanged. ---------------


def plain_document(texts: Iterable[str], organization: str, extra: str, tags: Iterable[str]) -> str:
    """`service_document` for a bulk load that holds a service's text as plain values, not a
    model instance: `texts` are its translated values in the order `translated_values` reads
    them (SERVICE_FIELDS, then language_codes() within each); the same string results."""
    parts = [*texts, organization, extra]
    own = " ".join(document_text(part) for part in parts if part)
    return " ".join([own, *tags])


def write_changed_documents(rows: Sequence[tuple[uuid.UUID, str]]) -> int:
    """`write_documents` for a bulk load: writes only the rows whose document is new or differs
    from the stored one (a re-import of the same data rewrites nothing); returns how many were
    written. PostgreSQL: one COPY into a temporary table and one `INSERT … SELECT … ON CONFLICT`
    (an `executemany` is one statement per row, each updating the GIN index); SQLite: the stored
    documents of the batch read by rowid, then `write_documents` for the rest."""
    if not rows:
        return 0
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            marks = ", ".join(["%s"] * len(rows))
            cursor.execute(
                f"SELECT rowid, document FROM {TABLE} WHERE rowid IN ({marks})",  # noqa: S608
                [fts_rowid(pk) for pk, _document in rows],
            )
            stored = dict(cursor.fetchall())
            changed = [row for row in rows if stored.get(fts_rowid(row[0])) != row[1]]
            write_documents(changed)
            return len(changed)
        cursor.execute(
            "CREATE TEMPORARY TABLE IF NOT EXISTS import_documents "
            "(service_id uuid NOT NULL, document text NOT NULL) ON COMMIT DROP"
        )
        cursor.execute("TRUNCATE import_documents")
        with cursor.cursor.copy("COPY import_documents (service_id, document) FROM STDIN") as copy:
            for pk, document in rows:
                copy.write_row((pk, document))
        cursor.execute(
            f"INSERT INTO {TABLE} (service_id, document) "  # noqa: S608
            "SELECT service_id, document FROM import_documents "
            "ON CONFLICT (service_id) DO UPDATE SET document = EXCLUDED.document "
            f"WHERE {TABLE}.document IS DISTINCT FROM EXCLUDED.document"
        )
        return cursor.rowcount
