"""Search-index documents for imported services, built from the imported rows rather than
re-read service by service (the import of 60,000 services must stay within a minute)."""

import types
import uuid
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from solidarity.directory.models import Organization, ServiceAtLocation, TaxonomyTerm
from solidarity.directory.search import index

CHUNK = 1000


class SearchDocuments:
    def __init__(self) -> None:
        self.services: dict[uuid.UUID, dict[str, Any]] = {}
        self.terms: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
        self.organization_names: dict[uuid.UUID, str] = {}
        self.languages: dict[uuid.UUID, list[str]] = defaultdict(list)

    def add_service(self, row: dict[str, Any]) -> None:
        text = {k: v for k, v in row.items() if k.split("_")[0] in SERVICE_TEXT_PREFIXES and v}
        self.services[row["id"]] = text

    def add_term(self, service_id: uuid.UUID, term_id: uuid.UUID) -> None:
        self.terms[service_id].append(term_id)

    def add_language(self, service_id: uuid.UUID, code: str) -> None:
        self.languages[service_id].append(code)

    def write(
        self, service_org: dict[uuid.UUID, uuid.UUID], *, city: str, progress: Callable | None
    ) -> set:
        """Writes the documents of every service added, with the directory's own document and
        filter tags (categories, attributes, languages, city, neighbourhoods); returns their ids."""
        terms = {t.pk: t for t in TaxonomyTerm.objects.select_related("parent", "taxonomy")}
        ids = list(self.services)
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            hoods = neighbourhood_names(chunk)
            names = self.names({service_org[pk] for pk in chunk if pk in service_org})
            rows = []
            for pk in chunk:
                owner = service_org.get(pk)
                organization = types.SimpleNamespace(name=names.get(owner, "") if owner else "")
                listing = types.SimpleNamespace(**self.services[pk], organization=organization)
                found = [terms[t] for t in self.terms.get(pk, []) if t in terms]
                places = hoods.get(pk, [])
                tags = index.service_tags(
                    terms=found,
                    languages=self.languages.get(pk, []),
                    city=city,
                    hoods=[f"{city}{slug}" for slug, _name in places],
                )
                where = " ".join(name for _slug, name in places)
                document = index.service_document(listing, terms=found, extra=where, tags=tags)  # type: ignore[arg-type]
                rows.append((pk, document))
            index.write_documents(rows)
            if progress:
                progress("search index", start + len(chunk))
        return set(ids)

    def names(self, organization_ids: set[uuid.UUID]) -> dict[uuid.UUID, str]:
        missing = organization_ids - set(self.organization_names)
        if missing:
            found = Organization.objects.filter(pk__in=missing).values_list("pk", "name")
            self.organization_names.update(found)
        return self.organization_names


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


SERVICE_TEXT_PREFIXES = {"name", "alternate", "description", "eligibility", "application"}
SERVICE_TEXT_PREFIXES |= {"fees", "interpretation"}
