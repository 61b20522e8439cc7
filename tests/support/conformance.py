"""Checks that every answer the server gives is one the spec documents for that operation."""

from __future__ import annotations

import copy
import re
from functools import cache
from pathlib import Path
from typing import Any

import httpx
import yaml

SPEC_PATH = Path(__file__).resolve().parents[2] / "spec" / "backup-api.yaml"


@cache
def spec() -> dict[str, Any]:
    document: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    return document


@cache
def _operations() -> list[tuple[str, re.Pattern[str], dict[str, Any]]]:
    operations = []
    for template, item in spec()["paths"].items():
        pattern = re.compile("^" + re.sub(r"\{[^}]+\}", "[^/]+", template) + "$")
        for method, operation in item.items():
            if method in {"get", "post", "put", "patch", "delete"}:
                operations.append((method.upper(), pattern, operation))
    return operations


def operation_for(method: str, raw_path: str) -> dict[str, Any] | None:
    # A concrete path wins over a templated one (OpenAPI): `/backup/asset` is never `/backup/{backup}`.
    concrete = spec()["paths"].get(raw_path)
    if concrete is not None:
        operation: dict[str, Any] | None = concrete.get(method.lower())
        return operation
    for candidate_method, pattern, candidate in _operations():
        if candidate_method == method and pattern.match(raw_path):
            return candidate
    return None


def documented_statuses(method: str, raw_path: str) -> set[int]:
    operation = operation_for(method, raw_path)
    return set() if operation is None else {int(code) for code in operation["responses"]}


def check_response(response: httpx.Response) -> None:
    """An httpx response hook: fail on any status or error media type the spec does not document."""
    request = response.request
    raw_path = request.url.raw_path.decode("ascii").split("?", 1)[0]
    if raw_path in {"/openapi.json", "/openapi.yaml"}:
        return
    operation = operation_for(request.method, raw_path)
    if operation is None:
        return  # no such operation: routing answers 404/405, which tests assert themselves
    allowed = documented_statuses(request.method, raw_path)
    assert response.status_code in allowed, (
        f"{request.method} {raw_path} answered {response.status_code}, documented: {sorted(allowed)}"
    )
    if response.status_code >= 400:
        assert response.headers.get("content-type", "").startswith("application/problem+json")
        try:
            problem = response.json()
        except httpx.ResponseNotRead:
            return  # a streamed answer: its body is the caller's to read
        documented = set(spec()["components"]["schemas"]["ProblemType"]["enum"])
        assert problem.get("type") in documented, (
            f"problem type {problem.get('type')!r} is not in ProblemType"
        )


def backup_id_operations() -> list[tuple[str, str]]:
    """Every operation that takes a backup id in its path, as (METHOD, path with `{id}`)."""
    return [
        (method.upper(), path.replace("{backup}", "{id}"))
        for path, item in spec()["paths"].items()
        if "{backup}" in path
        for method in item
        if method in {"get", "post", "put", "patch", "delete"}
    ]


def schema_example(component: str) -> dict[str, Any]:
    """The first example the spec gives for a component schema (a fresh copy)."""
    example: dict[str, Any] = copy.deepcopy(spec()["components"]["schemas"][component]["examples"][0])
    return example
