import io
import json

import pytest
from django.core.management import call_command

from solidarity.api.services import hsds_import
from solidarity.api.tests.hsds_schemas import EXAMPLES_DIR
from solidarity.directory.models import Attribute, Organization, Phone, Service, TaxonomyTerm

pytestmark = pytest.mark.django_db


def test_import_is_idempotent_by_hsds_id(city):
    first = hsds_import(path=EXAMPLES_DIR / "csv", city=city)
    second = hsds_import(path=EXAMPLES_DIR / "csv", city=city)
    assert first.created["service"] == 1
    assert second.created["service"] == 0
    assert second.updated["service"] == 1
    assert Service.objects.count() == 1
    assert Phone.objects.count() == 1


def test_a_dry_run_checks_everything_and_writes_nothing(city):
    report = hsds_import(path=EXAMPLES_DIR / "service_full.json", city=city, dry_run=True)
    assert report.created["service"] == 1
    assert Service.objects.count() == 0
    assert Organization.objects.count() == 0


def test_contacts_are_never_imported(city):
    report = hsds_import(path=EXAMPLES_DIR / "service_full.json", city=city)
    assert report.skipped["contact"] == 5
    assert any("contacts describe people" in notice for notice in report.notices)


def test_known_taxonomy_terms_are_mapped_and_unknown_ones_created(tmp_path, city):
    dental = TaxonomyTerm.objects.get(code="dental")
    service_id = "ac148810-d857-441c-9679-408f346de14b"
    document = {
        "id": service_id,
        "name": "Teeth",
        "status": "active",
        "organization": {"id": "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610", "name": "O", "description": "d"},
        "attributes": [
            {"id": "6c2a7b0e-0000-4000-8000-000000000001", "taxonomy_term": {
                "id": "6c2a7b0e-0000-4000-8000-0000000000aa", "name": "Dental care",
                "description": "Teeth", "code": "dental"}},
            {"id": "6c2a7b0e-0000-4000-8000-000000000002", "taxonomy_term": {
                "id": "6c2a7b0e-0000-4000-8000-0000000000bb", "name": "Podiatry",
                "description": "Feet", "taxonomy": "Other directory"}},
        ],
    }  # fmt: skip
    path = tmp_path / "service.json"
    path.write_text(json.dumps(document))
    hsds_import(path=path, city=city)
    terms = set(
        Attribute.objects.filter(service_id=service_id).values_list("taxonomy_term", flat=True)
    )
    podiatry = TaxonomyTerm.objects.get(name_en="Podiatry")
    assert terms == {dental.pk, podiatry.pk}
    assert podiatry.taxonomy.name_en == "Other directory"


def test_the_text_lands_in_the_language_of_the_file(tmp_path, city):
    path = tmp_path / "services.json"
    path.write_text(json.dumps([{
        "id": "ac148810-d857-441c-9679-408f346de14b", "name": "Soins dentaires", "status": "active",
        "organization": {"id": "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610", "name": "O", "description": "d"},
    }]))  # fmt: skip
    hsds_import(path=path, city=city, language="fr")
    service = Service.objects.get()
    assert service.name_fr == "Soins dentaires"
    assert not service.name_en


def test_the_command_reports_counts_and_progress(city):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_hsds", str(EXAMPLES_DIR / "csv"), stdout=out, stderr=err)
    assert "service: 1 new, 0 updated, 0 skipped" in out.getvalue()
    assert "service: 1" in err.getvalue()  # the progress lines
    call_command("import_hsds", str(EXAMPLES_DIR / "csv"), "--dry-run", stdout=out, stderr=err)
    assert "Dry run: nothing was written." in out.getvalue()


def test_ndjson_from_our_own_api_can_be_imported(client, tmp_path, city, public_service):
    lines = b"".join(client.get("/api/services?format=ndjson&full=true").streaming_content)
    path = tmp_path / "services.ndjson"
    path.write_bytes(lines)
    report = hsds_import(path=path, city=city)
    assert report.updated["service"] == 1
    assert report.created == {} or sum(report.created.values()) == 0
