"""PostgreSQL keeps each service's search vector in the table row (migration 0013): read back
from the TOAST table, matching a broad word at 60,000 services took five times longer."""

import pytest
from django.db import connection

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL storage"),
]


def storage(column: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attstorage FROM pg_attribute "
            "WHERE attrelid = 'directory_service_fts'::regclass AND attname = %s",
            [column],
        )
        return cursor.fetchone()[0]


def test_the_vector_is_kept_in_the_row_and_the_document_out_of_it():
    assert storage("vector") == "m"  # MAIN: in the row
    assert storage("document") == "e"  # EXTERNAL: out of line, uncompressed
