"""Helpers to read an exported data package back and check it against the HSDS schemas."""

import csv
import io
import json
import zipfile
from pathlib import Path
from typing import Any

from solidarity.api.tests.hsds_schemas import HSDS_DIR, errors

OFFICIAL = json.loads((HSDS_DIR / "datapackage.json").read_text(encoding="utf-8"))
OFFICIAL_FIELDS = {
    r["name"]: {f["name"]: f["type"] for f in r["schema"]["fields"]} for r in OFFICIAL["resources"]
}


def read_package(path: Path) -> tuple[dict[str, Any], dict[str, list[dict[str, str]]]]:
    with zipfile.ZipFile(path) as archive:
        descriptor = json.loads(archive.read("datapackage.json"))
        tables = {}
        for resource in descriptor["resources"]:
            text = archive.read(resource["path"]).decode("utf-8")
            tables[resource["name"]] = list(csv.DictReader(io.StringIO(text)))
    return descriptor, tables


def typed(row: dict[str, str], types: dict[str, str]) -> dict[str, Any]:
    """A CSV row as the JSON object it stands for: empty cells left out, numbers as numbers."""
    result: dict[str, Any] = {}
    for name, value in row.items():
        if value == "":
            continue
        result[name] = float(value) if types.get(name) in ("number", "integer") else value
    return result


def package_problems(path: Path) -> list[str]:
    descriptor, tables = read_package(path)
    problems = []
    for resource in descriptor["resources"]:
        name = resource["name"]
        official = OFFICIAL_FIELDS[name]
        for field in resource["schema"]["fields"]:
            if official.get(field["name"]) != field["type"]:
                problems.append(
                    f"{name}.{field['name']}: not an HSDS field of type {field['type']}"
                )
        for number, row in enumerate(tables[name], start=2):
            for problem in errors(typed(row, official), f"{name}.json"):
                problems.append(f"{resource['path']} row {number}: {problem}")
    return problems
