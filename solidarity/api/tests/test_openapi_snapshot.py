import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from solidarity.api import openapi


def test_the_committed_openapi_document_is_the_generated_one():
    # When this fails, review the change and run `solidarity-city openapi-snapshot`.
    assert openapi.committed_document() == openapi.generated_document()


def test_the_served_openapi_document_is_the_committed_one(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    assert response.json() == openapi.committed_document()


def test_the_check_command_notices_a_stale_snapshot(tmp_path, monkeypatch):
    stale = tmp_path / "openapi.json"
    stale.write_text('{"openapi": "3.1.0", "paths": {}}')
    monkeypatch.setattr(openapi, "SNAPSHOT", stale)
    with pytest.raises(CommandError, match="out of date"):
        call_command("openapi_snapshot", check=True)
    call_command("openapi_snapshot", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("openapi_snapshot", check=True, stdout=open("/dev/null", "w"))  # noqa: SIM115
