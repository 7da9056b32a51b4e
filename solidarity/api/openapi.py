"""The committed OpenAPI snapshot: `solidarity-city openapi-snapshot` refreshes it, and a test
fails when the generated document drifts from it unnoticed."""

import json
from pathlib import Path
from typing import Any

SNAPSHOT = Path(__file__).parent / "openapi.json"


def generated_document() -> dict[str, Any]:
    from solidarity.api.api import api

    # Through JSON, so tuples, enums and the like compare like the committed file.
    return json.loads(json.dumps(api.get_openapi_schema(), sort_keys=True))


def render(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def committed_document() -> dict[str, Any]:
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def write_snapshot() -> None:
    SNAPSHOT.write_text(render(generated_document()), encoding="utf-8")
