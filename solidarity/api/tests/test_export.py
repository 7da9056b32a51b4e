import json

import pytest
from django.core.management import call_command

from solidarity.api.services import hsds_export
from solidarity.api.tests.exported import package_problems, read_package
from solidarity.api.tests.hsds_schemas import assert_valid

pytestmark = pytest.mark.django_db


def test_the_data_package_is_valid_hsds(tmp_path, public_service):
    counts = hsds_export(directory=tmp_path)
    assert counts["service"] == 1
    assert package_problems(tmp_path / "hsds-datapackage.zip") == []
    _descriptor, tables = read_package(tmp_path / "hsds-datapackage.zip")
    assert tables["service"][0]["name"] == "Dental care"
    assert tables["address"][0]["postal_code"] == "H2T 1S6"
    assert tables["schedule"][0]["opens_at"] == "09:00:00"


def test_the_json_export_is_a_list_of_valid_nested_services(tmp_path, public_service):
    hsds_export(directory=tmp_path)
    services = json.loads((tmp_path / "hsds-services.json").read_text())
    assert [s["name"] for s in services] == ["Dental care"]
    for service in services:
        assert_valid(service, "service.json")


def test_exports_hold_nothing_hidden(tmp_path, public_service, hidden_services):
    hsds_export(directory=tmp_path)
    _descriptor, tables = read_package(tmp_path / "hsds-datapackage.zip")
    assert [row["name"] for row in tables["service"]] == ["Dental care"]
    assert [row["name"] for row in tables["organization"]] == ["Clinique Solidaire"]
    hidden_ids = {str(s.pk) for s in hidden_services}
    everything = (tmp_path / "hsds-services.json").read_text()
    assert not any(hidden_id in everything for hidden_id in hidden_ids)
    endorsements = json.loads((tmp_path / "endorsements.json").read_text())
    names = {e["organization_name"] for e in endorsements}
    assert "Suspended Org" not in names
    assert "Imported Only" not in names


def test_the_export_command_writes_the_files_the_open_data_page_links(
    tmp_path, settings, client, public_service
):
    settings.OPEN_DATA_DIR = tmp_path
    call_command("export_hsds", stdout=open("/dev/null", "w"))  # noqa: SIM115
    page = client.get("/en/open-data/").content.decode()
    assert "/api/exports/hsds-datapackage.zip" in page
    download = client.get("/api/exports/hsds-datapackage.zip")
    assert download.status_code == 200
    assert b"".join(download.streaming_content)[:2] == b"PK"
    assert client.get("/api/exports/..%2Fsettings.py").status_code == 404


def test_a_suspension_takes_the_published_export_down_at_once(
    client, public_service, django_capture_on_commit_callbacks
):
    from solidarity.api.exports import export_dir
    from solidarity.api.services import hsds_export
    from solidarity.endorsements.models import Endorsement
    from solidarity.endorsements.services import endorsement_suspend

    hsds_export()
    assert (export_dir() / "hsds-services.json").is_file()
    endorsement = Endorsement.objects.get(organization=public_service.organization)
    with django_capture_on_commit_callbacks(execute=True):
        endorsement_suspend(endorsement=endorsement, actor=None, reason="broke a pledge")
    assert not (export_dir() / "hsds-services.json").exists()
    assert "hsds-services.json" not in client.get("/en/open-data/").content.decode()
