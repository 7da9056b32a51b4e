"""Importing the official examples, exporting, validating and re-importing loses no supported
field."""

import csv
import datetime
import json
import shutil

import pytest
from django.core.serializers.json import DjangoJSONEncoder

from solidarity.api import selectors
from solidarity.api.hsds import serialize
from solidarity.api.services import hsds_export, hsds_import
from solidarity.api.tests.exported import package_problems, read_package
from solidarity.api.tests.hsds_schemas import EXAMPLES_DIR
from solidarity.cities.models import Commitment
from solidarity.directory.models import Organization, Service
from solidarity.endorsements.models import Endorsement
from solidarity.lib.cache import content_changed

pytestmark = pytest.mark.django_db

SERVICE_ID = "ac148810-d857-441c-9679-408f346de14b"
# Fields of the official example we hold, per table. Left out on purpose: coordinates (the
# example's latitude 100 is out of range and is dropped with a notice).
KEPT = {
    "organization": ["id", "name", "alternate_name", "description", "email", "website"],
    "service": [
        "id", "organization_id", "name", "alternate_name", "description", "url", "email",
        "status", "interpretation_services", "application_process", "fees_description",
        "eligibility_description", "minimum_age", "maximum_age", "assured_date", "alert",
    ],
    "service_at_location": ["id", "service_id", "location_id", "description"],
    "location": ["id", "location_type", "name", "description", "transportation"],
    "address": [
        "id", "location_id", "attention", "address_1", "address_2", "city", "region",
        "state_province", "postal_code", "country", "address_type",
    ],
    "phone": ["id", "location_id", "service_id", "number", "extension", "type", "description"],
    "schedule": [
        "id", "service_id", "location_id", "valid_from", "valid_to", "freq", "byday",
        "description", "opens_at", "closes_at",
    ],
    "language": ["id", "service_id", "location_id", "name", "code", "note"],
    "attribute": ["id", "link_id", "taxonomy_term_id", "value"],
    "taxonomy_term": ["id", "name", "description"],
}  # fmt: skip


@pytest.fixture
def examples(tmp_path):
    """The official CSV examples, with the one attribute linked to the example service (the
    example's `link_entity` is a placeholder)."""
    folder = tmp_path / "examples"
    shutil.copytree(EXAMPLES_DIR / "csv", folder)
    path = folder / "attributes.csv"
    rows = list(csv.DictReader(path.open()))
    rows[0] |= {"link_id": SERVICE_ID, "link_entity": "service"}
    with path.open("w", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return folder


def official_rows(folder, table):
    name = {"service_at_location": "service_at_location.csv"}.get(table)
    files = {
        "organization": "organizations.csv", "service": "services.csv", "location": "locations.csv",
        "address": "addresses.csv", "phone": "phones.csv", "schedule": "schedules.csv",
        "language": "languages.csv", "attribute": "attributes.csv",
        "taxonomy_term": "taxonomy_terms.csv",
    }  # fmt: skip
    return list(csv.DictReader((folder / (name or files[table])).open(encoding="utf-8")))


def same(expected: str, exported: str) -> bool:
    try:
        return float(expected) == float(exported)
    except ValueError:
        return expected.strip() == exported.strip()


def endorse(organization):
    Endorsement.objects.create(
        organization=organization,
        declaration=organization.city.declarations.first(),
        provides_services=True,
        commitments=list(Commitment.values),
        decision_method="general_assembly",
        decided_month=datetime.date(2026, 4, 1),
        status="verified",
        contact_sealed=b"sealed",
        contact_email_hash="hash",
    )
    content_changed("endorsements")  # as the endorsement services do (cached API responses)


def test_official_examples_survive_import_export_and_reimport(tmp_path, city, examples):
    hsds_import(path=examples, city=city)
    endorse(Organization.objects.get())
    hsds_export(directory=tmp_path / "first")
    first = tmp_path / "first" / "hsds-datapackage.zip"
    assert package_problems(first) == []
    _descriptor, tables = read_package(first)
    for table, fields in KEPT.items():
        exported = {row["id"]: row for row in tables[table]}
        for row in official_rows(examples, table):
            kept = exported[row["id"]]
            for name in fields:
                assert same(row[name], kept[name]), (table, name, row[name], kept[name])

    report = hsds_import(path=first, city=city)
    assert sum(report.created.values()) == 0
    hsds_export(directory=tmp_path / "second")
    _descriptor, again = read_package(tmp_path / "second" / "hsds-datapackage.zip")
    for table in KEPT:
        for before, after in zip(tables[table], again[table], strict=True):
            before.pop("last_modified", None)
            after.pop("last_modified", None)
            assert before == after


def test_imported_organizations_stay_private_until_they_endorse(client, city, examples):
    hsds_import(path=examples, city=city)
    assert Service.objects.count() == 1
    assert client.get("/api/services").json()["total_items"] == 0
    assert client.get(f"/api/services/{SERVICE_ID}").status_code == 404
    assert client.get("/api/organizations").json()["total_items"] == 0
    endorse(Organization.objects.get())
    assert client.get("/api/services").json()["total_items"] == 1


def test_imported_services_are_found_by_the_directory_search_and_filters(client, city, examples):
    hsds_import(path=examples, city=city)
    endorse(Organization.objects.get())
    for query in ("search=counselling", "language=ur", "search=counselling&language=ur"):
        assert client.get(f"/api/services?{query}").json()["total_items"] == 1, query
    assert client.get("/api/services?language=fr").json()["total_items"] == 0


def test_the_json_export_is_what_the_api_gives_for_each_public_service(
    tmp_path, city, examples, public_service, hidden_services
):
    """The export reads plain rows per table; the API reads model instances: the nested
    services must be the same, field for field, in every language's fallback."""
    hsds_import(path=examples, city=city)
    endorse(Service.objects.get(pk=SERVICE_ID).organization)
    # Text only in French: English readers get the French (modeltranslation's fallback).
    Service.objects.filter(pk=public_service.pk).update(alert_en="", alert_fr="Fermé lundi")
    hsds_export(directory=tmp_path)
    exported = json.loads((tmp_path / "hsds-services.json").read_text())
    services = selectors.with_details(selectors.public_services(selectors.ServiceFilters()))
    expected = [serialize.service_full(s) for s in services.order_by("pk")]
    assert len(exported) == 2
    assert "Fermé lundi" in [s.get("alert") for s in exported]
    assert exported == json.loads(json.dumps(expected, cls=DjangoJSONEncoder))
