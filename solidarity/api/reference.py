"""Turns the generated OpenAPI document into rows for the server-rendered reference page."""

from typing import Any


def schema_type(schema: dict[str, Any]) -> str:
    if "anyOf" in schema:
        return " | ".join(schema_type(s) for s in schema["anyOf"] if s.get("type") != "null")
    if "enum" in schema:
        return " | ".join(str(value) for value in schema["enum"])
    if "const" in schema:
        return str(schema["const"])
    kind = str(schema.get("type", "object"))
    return f"{kind} ({schema['format']})" if "format" in schema else kind


def parameter_rows(operation: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "name": parameter["name"],
            "where": parameter["in"],
            "type": schema_type(parameter.get("schema", {})),
            "required": parameter.get("required", False),
            "description": parameter.get("description", ""),
        }
        for parameter in operation.get("parameters", [])
    ]


def operations(document: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            rows.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "anchor": operation["operationId"],
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "parameters": parameter_rows(operation),
                    "extension": "extension" in operation.get("summary", "").lower(),
                }
            )
    return rows
