"""Validate documents against the vendored official HSDS 3.0 schemas.

The per-object schemas refer to each other by relative `$ref` ("phone.json"); the API's
openapi.json refers to them by their upstream URL. A `referencing` registry maps both to the
vendored files, so validation never touches the network.
"""

import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

HSDS_DIR = Path(__file__).parent / "hsds"
SCHEMA_DIR = HSDS_DIR / "schema"
EXAMPLES_DIR = HSDS_DIR / "examples"
BASE_URI = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"


@cache
def registry() -> Registry:
    resources = []
    for path in sorted(SCHEMA_DIR.rglob("*.json")):
        uri = BASE_URI + path.relative_to(SCHEMA_DIR).as_posix()
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append((uri, Resource.from_contents(contents, default_specification=DRAFT202012)))
    return Registry().with_resources(resources)


@cache
def validator(schema_name: str) -> Draft202012Validator:
    """A validator for `service.json`, `compiled/service_list.json`, … or `Page`."""
    if schema_name == "Page":
        schema: dict[str, Any] = {"$ref": BASE_URI + "openapi.json#/components/schemas/Page"}
    else:
        schema = {"$ref": BASE_URI + schema_name}
    return Draft202012Validator(schema, registry=registry(), format_checker=FormatChecker())


def errors(document: Any, schema_name: str) -> list[str]:
    """Every violation, as "path: message" lines (empty when the document is valid)."""
    found = validator(schema_name).iter_errors(document)
    return [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}" for e in found]


def assert_valid(document: Any, schema_name: str) -> None:
    problems = errors(document, schema_name)
    assert not problems, f"not valid against HSDS {schema_name}:\n" + "\n".join(problems[:20])


def assert_valid_page(page: dict[str, Any], item_schema: str) -> None:
    assert_valid(page, "Page")
    assert isinstance(page["contents"], list)
    for item in page["contents"]:
        assert_valid(item, item_schema)
