"""PostgreSQL: an import into an empty directory drops the foreign keys between the tables it
fills and the search index's GIN index for the load, and puts them back before the commit. The
database must come out with exactly the keys and indexes it had, whether the import succeeds or
fails, and the keys must still refuse a row that points nowhere."""

import uuid

import pytest
from django.db import IntegrityError, connection, transaction

from solidarity.api.hsds.importer import ImportFailed
from solidarity.api.services import hsds_import
from solidarity.api.tests.hsds_schemas import EXAMPLES_DIR
from solidarity.directory.models import Organization, Phone, Service
from solidarity.directory.search.query import matching

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only"),
]


def schema() -> tuple[list[tuple[str, str, str]], list[tuple[str, str]]]:
    """The directory's foreign keys and indexes, by name with their definitions."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
            "FROM pg_constraint WHERE contype = 'f' "
            "AND conrelid::regclass::text LIKE 'directory%%' ORDER BY 1, 2"
        )
        keys = cursor.fetchall()
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes "
            "WHERE tablename LIKE 'directory%%' ORDER BY 1"
        )
        return keys, cursor.fetchall()


def test_an_import_into_an_empty_directory_keeps_every_key_and_index(city):
    assert not Service.objects.exists()
    before = schema()
    assert any(name == "directory_service_fts_vector" for name, _sql in before[1])
    report = hsds_import(path=EXAMPLES_DIR / "csv", city=city)
    assert report.created["service"] >= 1
    assert schema() == before
    # The rebuilt index answers searches.
    service = Service.objects.first()
    assert service is not None
    found = matching(Service.objects.all(), [service.name.split()[0].lower()])
    assert service in found


def test_a_failed_import_into_an_empty_directory_leaves_keys_and_indexes_as_they_were(
    tmp_path, city
):
    before = schema()
    folder = tmp_path / "package"
    folder.mkdir()
    org = "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610"
    (folder / "organizations.csv").write_text(f"id,name,description\n{org},Org,Helps\n")
    (folder / "services.csv").write_text(
        "id,organization_id,name,status\n"
        f"11111111-1111-1111-1111-111111111111,{uuid.uuid4()},Clinic,active\n"
    )
    with pytest.raises(ImportFailed):
        hsds_import(path=folder, city=city)
    assert not Organization.objects.exists()
    assert schema() == before


def test_the_keys_put_back_still_refuse_a_row_that_points_nowhere(city):
    hsds_import(path=EXAMPLES_DIR / "csv", city=city)
    phones = Phone.objects.count()
    with pytest.raises(IntegrityError):
        add_a_phone_of_no_service()
    assert Phone.objects.count() == phones


def add_a_phone_of_no_service() -> None:
    with transaction.atomic(), connection.cursor() as cursor:
        Phone.objects.create(service_id=uuid.uuid4(), number="+1 514 555 0199")
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # the key's check, now
