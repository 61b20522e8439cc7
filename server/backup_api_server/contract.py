"""The published spec, and request validation against it.

Request bodies are validated with the spec's own JSON Schemas (2020-12) rather than with pydantic: the
server must accept exactly what the spec admits (an integral float for an integer, say) and refuse
everything it forbids (a numeric string for an integer), which pydantic's lax or strict modes each get
wrong in one direction.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import jsonschema_rs
import yaml

SPEC_PACKAGE = "backup_api_server_models"
SPEC_RESOURCE = "openapi.yaml"


@cache
def spec_text() -> str:
    return resources.files(SPEC_PACKAGE).joinpath(SPEC_RESOURCE).read_text(encoding="utf-8")


@cache
def spec_document() -> dict[str, Any]:
    document: dict[str, Any] = yaml.safe_load(spec_text())
    return document


@cache
def spec_json() -> bytes:
    return json.dumps(spec_document(), ensure_ascii=False).encode()


def backup_id_schema() -> dict[str, Any]:
    """The spec's `BackupId` schema: the id rule (`pattern`, `minLength`, `maxLength`)."""
    schema: dict[str, Any] = spec_document()["components"]["schemas"]["BackupId"]
    return schema


@cache
def backup_id_pattern() -> re.Pattern[str]:
    return re.compile(backup_id_schema()["pattern"])


def backup_id_rule() -> str:
    """The id rule in words, for an answer that refuses an id."""
    schema = backup_id_schema()
    return f"pattern {schema['pattern']}, {schema['minLength']} to {schema['maxLength']} characters"


def backup_id_is_valid(candidate: str) -> bool:
    schema = backup_id_schema()
    return (
        schema["minLength"] <= len(candidate) <= schema["maxLength"]
        # fullmatch, not search: the pattern's `$` would also match before a trailing newline.
        and backup_id_pattern().fullmatch(candidate) is not None
    )


@cache
def schema_validator(component: str) -> jsonschema_rs.Draft202012Validator:
    schema = {"$ref": f"#/components/schemas/{component}", "components": spec_document()["components"]}
    return jsonschema_rs.Draft202012Validator(schema, validate_formats=True)


def schema_errors(component: str, instance: object, limit: int = 5) -> list[str]:
    """The first ways ``instance`` breaks the named component schema, as ``location: message`` lines."""
    validator = schema_validator(component)
    if validator.is_valid(instance):
        return []
    errors = []
    for error in validator.iter_errors(instance):
        location = "".join(f"[{part!r}]" for part in error.instance_path)
        errors.append(f"body{location}: {error.message}")
        if len(errors) == limit:
            break
    return errors


@dataclass(frozen=True)
class PageLimits:
    """The spec's `PageLimit` parameter: how many items a page holds."""

    minimum: int
    maximum: int
    default: int


@cache
def problem_types() -> frozenset[str]:
    """The spec's `ProblemType` enum: every problem `type` the server may answer."""
    return frozenset(spec_document()["components"]["schemas"]["ProblemType"]["enum"])


def page_limits() -> PageLimits:
    schema = spec_document()["components"]["parameters"]["PageLimit"]["schema"]
    return PageLimits(schema["minimum"], schema["maximum"], schema["default"])
