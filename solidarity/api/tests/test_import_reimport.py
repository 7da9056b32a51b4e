"""A re-import rewrites only what changed: unchanged rows keep their last-modified date, changed
ones are updated, and the search finds the new text."""

import shutil

import pytest
from django.db import connection

from solidarity.api.services import hsds_import
from solidarity.api.tests.hsds_schemas import EXAMPLES_DIR
from solidarity.directory.models import Service
from solidarity.directory.search import index

pytestmark = pytest.mark.django_db


def indexed_words(service: Service) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT document FROM {index.TABLE} WHERE service_id = %s",  # noqa: S608
            [index.db_id(service.pk)],
        )
        return cursor.fetchone()[0].split()


def test_a_reimport_rewrites_only_what_changed(tmp_path, city):
    package = tmp_path / "package"
    shutil.copytree(EXAMPLES_DIR / "csv", package)
    hsds_import(path=package, city=city)
    Service.objects.update(last_modified="2026-01-01T00:00:00Z")
    stamped = Service.objects.get().last_modified

    again = hsds_import(path=package, city=city)
    service = Service.objects.get()
    assert again.updated["service"] == 1
    assert service.last_modified == stamped  # nothing differed: the row was not rewritten

    services = package / "services.csv"
    services.write_text(
        services.read_text(encoding="utf-8").replace("Community Counselling", "Bereavement Help"),
        encoding="utf-8",
    )
    hsds_import(path=package, city=city)
    service = Service.objects.get()
    assert service.name == "Bereavement Help"
    assert service.last_modified > stamped
    assert "bereavement" in indexed_words(service)
    assert "community" not in indexed_words(service)
