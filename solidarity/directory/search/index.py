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

TABLE = "directory_service_fts"
SERVICE_FIELDS = (
    "name",
    "alternate_name",
    "description",
    "eligibility_description",
    "application_process",
    "fees_description",
    "interpretation_services",
)
TERM_FIELDS = ("name", "synonyms")


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


def term_text(term: TaxonomyTerm) -> str:
    """A term's words in every language, with its parent's (a dentist is also health care),
    folded. Cached on the instance: a bulk load reuses the same few dozen terms."""
    cached = getattr(term, "_search_text", None)
    if cached is None:
        parts = translated_values(term, TERM_FIELDS)
        if term.parent is not None:
            parts += translated_values(term.parent, TERM_FIELDS)
        cached = document_text(" ".join(parts).replace(",", " "))
        term._search_text = cached  # type: ignore[attr-defined]
    return cached


def service_document(service: Service, *, terms: Iterable[TaxonomyTerm], extra: str = "") -> str:
    parts = translated_values(service, SERVICE_FIELDS)
    parts.append(service.organization.name)
    parts.append(extra)
    own = " ".join(document_text(part) for part in parts if part)
    return " ".join([own, *(term_text(term) for term in terms)])


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
            cursor.executemany(
                f"INSERT OR REPLACE INTO {TABLE} (rowid, service_id, document) "  # noqa: S608
                "VALUES (%s, %s, %s)",
                [[fts_rowid(pk), db_id(pk), document] for pk, document in rows],
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
            sql = f"DELETE FROM {TABLE} WHERE rowid = %s"  # noqa: S608 - a constant table name
            params: list[Any] = [fts_rowid(pk) for pk in service_ids]
        else:
            sql = f"DELETE FROM {TABLE} WHERE service_id = %s"  # noqa: S608 - a constant table name
            params = [db_id(pk) for pk in service_ids]
        cursor.executemany(sql, [[p] for p in params])


def index_services(services: Iterable[Service]) -> int:
    """Rebuilds the index rows of these services (prefetch terms and locations for speed)."""
    rows = []
    for service in services:
        terms = list(service.taxonomy_terms.all())
        hoods = [
            sal.location.neighbourhood.name
            for sal in service.service_at_locations.all()
            if sal.location.neighbourhood is not None
        ]
        rows.append((service.pk, service_document(service, terms=terms, extra=" ".join(hoods))))
    write_documents(rows)
    return len(rows)


def reindex(service_ids: Sequence[uuid.UUID]) -> int:
    services = Service.objects.filter(pk__in=service_ids).select_related("organization")
    services = services.prefetch_related(
        "taxonomy_terms__parent", "service_at_locations__location__neighbourhood"
    )
    return index_services(services)
