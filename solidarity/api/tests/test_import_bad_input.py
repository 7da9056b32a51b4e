"""Malformed files, wrong encodings, broken references and huge files: a clear error naming the
file, row and field, and the database left as it was."""

import io
import json
import zipfile

import pytest
from django.core.management import CommandError, call_command

from solidarity.api.hsds import readers
from solidarity.api.hsds.importer import ImportFailed
from solidarity.api.services import hsds_import
from solidarity.directory.models import Organization, Service

pytestmark = pytest.mark.django_db

ORG = "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610"
SERVICES_HEADER = "id,organization_id,name,status\n"
ORGS = f"id,name,description\n{ORG},Good Org,Helps\n"


def package(tmp_path, **files):
    folder = tmp_path / "package"
    folder.mkdir()
    for name, content in files.items():
        path = folder / name.replace("_csv", ".csv")
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return folder


def problems_of(path, city):
    with pytest.raises(ImportFailed) as failure:
        hsds_import(path=path, city=city)
    assert Organization.objects.count() == 0
    assert Service.objects.count() == 0
    return [str(p) for p in failure.value.report.problems]


def test_a_bad_field_is_reported_with_file_row_and_field(tmp_path, city):
    services = SERVICES_HEADER + f"11111111-1111-1111-1111-111111111111,{ORG},Clinic,open\n"
    folder = package(tmp_path, organizations_csv=ORGS, services_csv=services)
    assert problems_of(folder, city) == [
        "services.csv, row 2, field status: not one of active, defunct, inactive, temporarily closed"
    ]


def test_a_broken_reference_is_reported_and_nothing_is_written(tmp_path, city):
    missing = "22222222-2222-2222-2222-222222222222"
    services = SERVICES_HEADER + f"11111111-1111-1111-1111-111111111111,{missing},Clinic,active\n"
    folder = package(tmp_path, organizations_csv=ORGS, services_csv=services)
    assert problems_of(folder, city) == [
        f"services.csv, row 2, field organization_id: no organization with id {missing}"
    ]


def test_a_file_that_is_not_utf8_is_refused(tmp_path, city):
    folder = package(
        tmp_path, organizations_csv="id,name,description\n1,Caf\xe9,x\n".encode("latin-1")
    )
    [problem] = problems_of(folder, city)
    assert problem.startswith("organizations.csv, row 2: not UTF-8 text")


def test_malformed_json_is_refused_with_its_position(tmp_path, city):
    path = tmp_path / "services.json"
    path.write_text('[{"id": "x", "name": ')
    [problem] = problems_of(path, city)
    assert problem.startswith("services.json: not valid JSON (Expecting value, line 1")


def test_a_nul_byte_and_a_huge_value_are_refused(tmp_path, city):
    path = tmp_path / "organizations.json"
    path.write_text(json.dumps([{"id": ORG, "name": "A\x00B", "description": "x" * 10}]))
    assert problems_of(path, city) == [
        "organizations.json, row 1, field name: contains a NUL character"
    ]
    path.write_text(json.dumps([{"id": ORG, "name": "A" * 201, "description": "x"}]))
    assert problems_of(path, city) == [
        "organizations.json, row 1, field name: longer than 200 characters"
    ]


def test_a_huge_file_is_refused_before_it_is_read(tmp_path, city, monkeypatch):
    monkeypatch.setattr(readers, "MAX_JSON_BYTES", 100)
    path = tmp_path / "services.json"
    path.write_text(json.dumps([{"id": ORG, "name": "x" * 200}]))
    assert problems_of(path, city) == ["services.json: JSON document too large; use NDJSON"]


def test_a_zip_bomb_is_refused(tmp_path, city, monkeypatch):
    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 1000)
    path = tmp_path / "package.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("organizations.csv", ORGS + "\n" * 100_000)
    assert problems_of(path, city) == ["organizations.csv: file too large once uncompressed"]


def test_every_problem_is_listed_not_only_the_first(tmp_path, city):
    rows = "".join(f"{i},{ORG},,active\n" for i in range(3))
    folder = package(tmp_path, organizations_csv=ORGS, services_csv=SERVICES_HEADER + rows)
    assert problems_of(folder, city) == [
        f"services.csv, row {n}, field name: required" for n in (2, 3, 4)
    ]


def test_the_command_prints_the_problems_and_fails(tmp_path, city):
    path = tmp_path / "organizations.json"
    path.write_text(json.dumps([{"id": ORG, "description": "x"}]))
    errors = io.StringIO()
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_hsds", str(path), stderr=errors, stdout=io.StringIO())
    assert "organizations.json, row 1, field name: required" in errors.getvalue()
