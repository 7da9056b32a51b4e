"""Search-index documents for imported services, built from the imported rows rather than
re-read service by service (the import of 60,000 services must stay within a minute)."""

import functools
import uuid
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from django.db import connection

from solidarity.directory.models import (
    Location,
    Organization,
    Service,
    ServiceAtLocation,
    TaxonomyTerm,
)
from solidarity.directory.search import index

CHUNK = 1000
WRITE_CHUNK = 5000


class SearchDocuments:
    def __init__(self) -> None:
        self.services: dict[uuid.UUID, None] = {}  # in the order they were read
        self.terms: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
        self.organization_names: dict[uuid.UUID, str] = {}
        self.languages: dict[uuid.UUID, list[str]] = defaultdict(list)

    def add_service(self, row: dict[str, Any]) -> None:
        self.services[row["id"]] = None

    def add_term(self, service_id: uuid.UUID, term_id: uuid.UUID) -> None:
        self.terms[service_id].append(term_id)

    def add_language(self, service_id: uuid.UUID, code: str) -> None:
        self.languages[service_id].append(code)

    def write(
        self, service_org: dict[uuid.UUID, uuid.UUID], *, city: str, progress: Callable | None
    ) -> set:
        """Writes the documents of every service added, with the directory's own document and
        filter tags (categories, attributes, languages, city, neighbourhoods); returns their ids.
        The same documents as `index.service_document` and `index.service_tags` give, with each
        term's tags worked out once rather than once per service."""
        terms = {t.pk: t for t in TaxonomyTerm.objects.select_related("parent", "taxonomy")}
        term_tags = {pk: index.term_tags(term) for pk, term in terms.items()}
        language_tags: dict[str, str] = {}
        city_tag = index.tag("city", city)
        with_places = Location.objects.filter(
            neighbourhood__isnull=False, is_retired=False
        ).exists()
        ids = list(self.services)
        rows = []
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            hoods = neighbourhood_names(chunk) if with_places else {}
            names = self.names({service_org[pk] for pk in chunk if pk in service_org})
            texts = stored_texts(chunk)
            for pk in chunk:
                owner = service_org.get(pk)
                tags = [
                    t for term in self.terms.get(pk, ()) if term in terms for t in term_tags[term]
                ]
                for code in self.languages.get(pk, ()):
                    if code not in language_tags:
                        language_tags[code] = index.tag("lang", code)
                    tags.append(language_tags[code])
                tags.append(city_tag)
                places = hoods.get(pk, [])
                tags += [index.tag("hood", f"{city}{slug}") for slug, _name in places]
                where = " ".join(name for _slug, name in places)
                organization = names.get(owner, "") if owner else ""
                document = index.plain_document(texts.get(pk, ()), organization, where, tags)
                rows.append((pk, document))
        if connection.vendor == "sqlite":
            rows.sort(key=lambda row: index.fts_rowid(row[0]))  # the index's b-trees in order
        for start in range(0, len(rows), WRITE_CHUNK):
            index.write_changed_documents(rows[start : start + WRITE_CHUNK])
            if progress:
                progress("search index", min(start + WRITE_CHUNK, len(rows)))
        return set(ids)

    def names(self, organization_ids: set[uuid.UUID]) -> dict[uuid.UUID, str]:
        missing = organization_ids - set(self.organization_names)
        if missing:
            found = Organization.objects.filter(pk__in=missing).values_list("pk", "name")
            self.organization_names.update(found)
        return self.organization_names


def stored_texts(service_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[str]]:
    """Each service's translated text as stored once the import's rows are written (so a file in
    one language keeps the service's text in the others), in the order the index reads it."""
    keys = {index.db_id(pk): pk for pk in service_ids}
    columns = ", ".join(connection.ops.quote_name(c) for c in text_columns())
    marks = ", ".join(["%s"] * len(keys))
    table = connection.ops.quote_name(Service._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id, {columns} FROM {table} WHERE id IN ({marks})",  # noqa: S608
            list(keys),
        )
        return {keys[row[0]]: [v for v in row[1:] if v] for row in cursor.fetchall()}


@functools.cache
def text_columns() -> tuple[str, ...]:
    """The service columns `index.translated_values` reads, in its order."""
    return tuple(f"{f}_{code}" for f in index.SERVICE_FIELDS for code in index.language_codes())


def neighbourhood_names(service_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[tuple[str, str]]]:
    """(slug, name) of the neighbourhoods of each service's active locations."""
    rows = ServiceAtLocation.objects.filter(
        service_id__in=service_ids,
        location__neighbourhood__isnull=False,
        location__is_retired=False,
    ).values_list("service_id", "location__neighbourhood__slug", "location__neighbourhood__name")
    places: dict[uuid.UUID, list[tuple[str, str]]] = defaultdict(list)
    for service_id, slug, name in rows:
        places[service_id].append((slug, name))
    return places
