"""The import writes search documents in bulk from the rows it holds; they must be the very
documents the directory's own indexer writes for the same services."""

import pytest
from django.db import connection

from solidarity.api.services import hsds_import
from solidarity.api.tests.hsds_schemas import EXAMPLES_DIR
from solidarity.directory.models import Service
from solidarity.directory.search import index

pytestmark = pytest.mark.django_db


def documents() -> dict[str, list[str]]:
    """Each service's indexed words (their order does not change what a search finds)."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT service_id, document FROM {index.TABLE}")  # noqa: S608
        return {str(pk): sorted(document.split()) for pk, document in cursor.fetchall()}


def test_imported_documents_are_the_indexers_own(client, tmp_path, city, public_service):
    # Our own export of a service with terms, languages, a neighbourhood and text in two
    # languages (the file holds one), and the official example package: one service updated,
    # one created.
    lines = b"".join(client.get("/api/services?format=ndjson&full=true").streaming_content)
    path = tmp_path / "services.ndjson"
    path.write_bytes(lines)
    hsds_import(path=path, city=city)
    hsds_import(path=EXAMPLES_DIR / "csv", city=city)
    imported = documents()
    assert len(imported) == Service.objects.count() == 2
    assert "zzhoodmontrealplateau" in imported[str(index.db_id(public_service.pk))]

    index.reindex(list(Service.objects.values_list("pk", flat=True)))
    assert documents() == imported


def test_a_service_imported_is_found_by_its_words_and_filters(client, city):
    hsds_import(path=EXAMPLES_DIR / "csv", city=city)
    service = Service.objects.get()
    words = documents()[str(index.db_id(service.pk))]
    assert service.name.split()[0].lower() in words
    assert index.tag("city", city.slug) in words
