"""The export reads the directory in chunks of services: a row several services reach (a shared
location, a phone of both a service and its location) is published once in its table, and
nested in each service; a retired location is published nowhere, as in the API."""

import json

import pytest

from solidarity.api.hsds import export_rows
from solidarity.api.services import hsds_export
from solidarity.api.tests.conftest import make_service
from solidarity.api.tests.exported import package_problems, read_package
from solidarity.directory.models import Location, Phone, ServiceAtLocation

pytestmark = pytest.mark.django_db


@pytest.fixture
def one_service_a_chunk(monkeypatch):
    monkeypatch.setattr(export_rows, "CHUNK", 1)


def test_a_location_shared_by_services_of_different_chunks_is_listed_once(
    tmp_path, public_service, one_service_a_chunk
):
    other = make_service(public_service.organization, "Food bank")
    shared = public_service.service_at_locations.get().location
    ServiceAtLocation.objects.create(service=other, location=shared)
    Phone.objects.filter(location=shared).update(service=public_service)

    hsds_export(directory=tmp_path)

    _descriptor, tables = read_package(tmp_path / "hsds-datapackage.zip")
    assert [row["id"] for row in tables["location"]].count(str(shared.pk)) == 1
    assert len(tables["address"]) == len({row["id"] for row in tables["address"]}) == 2
    assert len(tables["phone"]) == len({row["id"] for row in tables["phone"]})
    services = json.loads((tmp_path / "hsds-services.json").read_text())
    reached = [
        {sal["location"]["id"] for sal in service["service_at_locations"]} for service in services
    ]
    assert all(str(shared.pk) in locations for locations in reached)
    assert package_problems(tmp_path / "hsds-datapackage.zip") == []


def test_a_retired_location_is_published_nowhere(tmp_path, public_service):
    location = public_service.service_at_locations.get().location
    Location.objects.filter(pk=location.pk).update(is_retired=True)

    hsds_export(directory=tmp_path)

    _descriptor, tables = read_package(tmp_path / "hsds-datapackage.zip")
    assert tables["location"] == []
    assert tables["service_at_location"] == []
    assert tables["address"] == []
    (service,) = json.loads((tmp_path / "hsds-services.json").read_text())
    assert "service_at_locations" not in service
    assert str(location.pk) not in (tmp_path / "hsds-services.json").read_text()


def test_the_endorsements_file_is_read_in_one_query(
    tmp_path, public_service, hidden_services, django_assert_num_queries
):
    from solidarity.api.hsds.exporter import export_endorsements_json

    with django_assert_num_queries(1):
        assert export_endorsements_json(tmp_path / "endorsements.json") == 3
