"""Seed fidelity: fed to OpenAPI Generator's `kotlin` generator, the spec reproduces the seed's API surface.

The seed is the `BackupApi` page of the original API's Kotlin SDK docs. Its surface facts (operations,
HTTP methods, paths, signature lines, parameters, return types, request and response media types) are
held in seed_surface.json, so this test needs no file outside the repository. Descriptions and
summaries are ours and are not compared.

`surface_of` reads both the generator's own Markdown (piped tables, `<a id>` anchors, links to
`Model.md`) and the seed's docs-site rendering of it (bare tables, `{#anchor}` headings, escaped
`\\{backup\\}`, links to `../models/Model`).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest

from ._support import SPEC, output_of, require_program, run, tool

FIXTURE = Path(__file__).with_name("seed_surface.json")
# Media types an operation's Accept line may list beyond the seed's: documented errors and the stream.
ACCEPT_ADDITIONS = frozenset({"application/problem+json", "text/event-stream"})
NOT_DEFINED = "Not defined"
JAVA_INSTALL = "Java 17 or newer: apt install openjdk-17-jre-headless"

Surface = dict[str, Any]

_OPERATION_ROW = re.compile(
    r"\[\*\*(?P<name>\w+)\*\*\]\([^)]*\)\s*\|\s*\*\*(?P<method>[A-Z]+)\*\*\s+(?P<path>\S+)"
)
_OPERATION_HEADING = re.compile(r"^#{1,2} \*\*(?P<name>\w+)\*\*(?:\s*\{#[^}]*\})?\s*$")
_SUBHEADING = re.compile(r"^### (?P<title>[^{]+?)(?:\s*\{#[^}]*\})?\s*$")
_PARAMETER_ROW = re.compile(r"^\s*\|?\s*\*\*\w+\*\*\s*\|")
_HEADER_LINE = re.compile(r"^\s*- \*\*(?P<header>Content-Type|Accept)\*\*:\s*(?P<value>.*?)\s*$")
_BASE_URL = re.compile(r"^All URIs are relative to [*`]?(?P<url>[^*`\s]+)[*`]?\s*$")


def _unescape(text: str) -> str:
    r"""Undo Markdown backslash escapes (the docs site writes `/backup/\{backup\}`)."""
    return re.sub(r"\\([\\`*_{}\[\]()#+\-.!|])", r"\1", text)


def _type_name(cell: str) -> str:
    """`[**Backup**](../models/Backup)`, `[**Backup**](Backup.md)` and `**kotlin.String**` name their type."""
    bold = re.search(r"\*\*(.+?)\*\*", cell)
    return _unescape(bold.group(1) if bold else cell.strip())


def _media_types(value: str) -> list[str]:
    value = value.strip()
    if value == NOT_DEFINED:
        return []
    return [media_type.strip() for media_type in value.split(",") if media_type.strip()]


def _cells(row: str) -> list[str]:
    cells = [cell.strip() for cell in row.strip().split("|")]
    if row.strip().startswith("|"):
        cells = cells[1:]
    return cells


def _prose_lines(markdown: str) -> list[str]:
    """The page's lines outside fenced code blocks (the Kotlin examples)."""
    lines: list[str] = []
    fenced = False
    for line in markdown.splitlines():
        if line.lstrip().startswith("```"):
            fenced = not fenced
            continue
        if not fenced:
            lines.append(line)
    return lines


def surface_of(markdown: str) -> Surface:
    """The API surface an OpenAPI Generator Kotlin `XxxApi.md` page documents.

    Returns ``{"base_url": str | None, "operations": {name: operation}}`` where each operation is
    ``{"http_method", "path", "signature", "parameters": [{"name", "type", "optional"}], "return_type"
    (None for an empty body), "content_type": [media types], "accept": [media types]}``; ``[]`` stands
    for the page's "Not defined". Operations keep the order of the page's operations table.
    """
    base_url: str | None = None
    operations: dict[str, dict[str, Any]] = {}
    current: dict[str, Any] | None = None
    section = ""
    for line in _prose_lines(markdown):
        if base_url is None and (match := _BASE_URL.match(line.strip())):
            base_url = match.group("url")
            continue
        if current is None and (match := _OPERATION_ROW.search(line)):
            operations[match.group("name")] = {
                "http_method": match.group("method"),
                "path": _unescape(match.group("path")),
            }
            continue
        if match := _OPERATION_HEADING.match(line):
            current = operations.setdefault(match.group("name"), {})
            current.update(parameters=[], return_type=None)
            section = ""
            continue
        if current is None:
            continue
        if match := _SUBHEADING.match(line):
            section = match.group("title").strip().lower()
            continue
        if line.startswith("> ") and "signature" not in current:
            current["signature"] = " ".join(line[2:].split())
        elif section == "parameters" and _PARAMETER_ROW.match(line):
            cells = _cells(line)
            current["parameters"].append(
                {
                    "name": _type_name(cells[0]),
                    "type": _type_name(cells[1]),
                    "optional": len(cells) > 3 and cells[3] == "[optional]",
                }
            )
        elif section == "return type" and line.strip() and "return_seen" not in current:
            current["return_seen"] = True
            text = line.strip()
            current["return_type"] = None if text.startswith("null") else _type_name(text)
        elif section == "http request headers" and (match := _HEADER_LINE.match(line)):
            key = "content_type" if match.group("header") == "Content-Type" else "accept"
            current[key] = _media_types(match.group("value"))
    for operation in operations.values():
        operation.pop("return_seen", None)
    return {"base_url": base_url, "operations": operations}


def surface_differences(seed: Surface, generated: Surface) -> list[str]:
    """Every way the generated surface departs from the seed's, one line each (empty: they agree)."""
    differences: list[str] = []
    if generated["base_url"] != seed["base_url"]:
        differences.append(f"base URL: seed {seed['base_url']!r}, generated {generated['base_url']!r}")
    seed_operations: dict[str, dict[str, Any]] = seed["operations"]
    generated_operations: dict[str, dict[str, Any]] = generated["operations"]
    for name in seed_operations.keys() - generated_operations.keys():
        differences.append(f"{name}: in the seed, not generated")
    for name in generated_operations.keys() - seed_operations.keys():
        differences.append(f"{name}: generated, not in the seed")
    for name in seed_operations.keys() & generated_operations.keys():
        expected, actual = seed_operations[name], generated_operations[name]
        for key in ("http_method", "path", "signature", "parameters", "return_type", "content_type"):
            if actual.get(key) != expected.get(key):
                differences.append(
                    f"{name}: {key}: seed {expected.get(key)!r}, generated {actual.get(key)!r}"
                )
        if actual.get("accept") is None:
            differences.append(f"{name}: accept: no Accept line generated")
            continue
        seed_accept, generated_accept = set(expected["accept"]), set(actual["accept"])
        if missing := sorted(seed_accept - generated_accept):
            differences.append(f"{name}: accept: lacks the seed's {missing}")
        if extra := sorted(generated_accept - seed_accept - ACCEPT_ADDITIONS):
            differences.append(f"{name}: accept: adds {extra}, beyond {sorted(ACCEPT_ADDITIONS)}")
    return sorted(differences)


def generate_kotlin_docs(spec: Path, out: Path) -> str:
    """Run the pinned OpenAPI Generator (offline) and return the `Backup` tag's API page."""
    require_program("java", "OpenAPI Generator (the seed surface check)", JAVA_INSTALL)
    # C1 only: the JVM starts about a second sooner, and the generator runs too briefly to gain from C2.
    env = {} if "JAVA_OPTS" in os.environ else {"JAVA_OPTS": "-XX:TieredStopAtLevel=1"}
    completed = run(
        [tool("openapi-generator-cli"), "generate", "-g", "kotlin", "-i", spec, "-o", out],
        cwd=out.parent,
        env=env,
    )
    page = out / "docs" / "BackupApi.md"
    assert completed.returncode == 0 and page.exists(), output_of(completed)
    return page.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed_surface() -> Surface:
    surface: Surface = json.loads(FIXTURE.read_text(encoding="utf-8"))
    return surface


@pytest.fixture(scope="module")
def generated_surface(tmp_path_factory: pytest.TempPathFactory) -> Surface:
    return surface_of(generate_kotlin_docs(SPEC, tmp_path_factory.mktemp("kotlin") / "client"))


def test_the_fixture_holds_the_nine_seed_operations(seed_surface: Surface) -> None:
    operations = seed_surface["operations"]
    assert len(operations) == 9
    for name, operation in operations.items():
        assert set(operation) == {
            "http_method",
            "path",
            "signature",
            "parameters",
            "return_type",
            "content_type",
            "accept",
        }, name
        assert re.fullmatch(rf"(\w+ )?{name}\((\w+(, \w+)*)?\)", operation["signature"]), name


@pytest.mark.slow
def test_generated_surface_matches_the_seed(seed_surface: Surface, generated_surface: Surface) -> None:
    assert surface_differences(seed_surface, generated_surface) == []


@pytest.mark.slow
def test_a_renamed_path_is_reported(tmp_path: Path, seed_surface: Surface) -> None:
    original = SPEC.read_text(encoding="utf-8")
    assert original.count("  /backup/{backup}/restore:\n") == 1
    spec = tmp_path / SPEC.name
    spec.write_text(
        original.replace("  /backup/{backup}/restore:\n", "  /backup/{backup}/restores:\n"), encoding="utf-8"
    )
    (tmp_path / "client").mkdir()

    generated = surface_of(generate_kotlin_docs(spec, tmp_path / "client"))

    assert surface_differences(seed_surface, generated) == [
        "backupRestoreSpecificBackup: path: seed '/backup/{backup}/restore', "
        "generated '/backup/{backup}/restores'"
    ]


# A synthetic page in the seed's docs-site format (not the seed: operations and types made up), with
# the generator's Markdown turned into the site's: `{#anchor}` headings, bare tables, escaped braces.
SEED_FORMAT_PAGE = """\
---
title: Widget API | Kotlin SDK
---

# Widget API

All URIs are relative to `http://localhost:8080`

Method | HTTP request | Description
------------- | ------------- | -------------
[**widgetPolish**](#widgetpolish) | **POST** /widget/\\{widget\\}/polish | /widget/\\{widget\\}/polish [POST]
[**widgetsCount**](#widgetscount) | **GET** /widgets/count | /widgets/count [GET]


## **widgetPolish** {#widgetpolish}
> Widget widgetPolish(widget, widget2)

/widget/\\{widget\\}/polish [POST]

Polishes a widget. | Not a table row.

### Example {#widgetpolish-example}
```kotlin
val widget : kotlin.String = widget_example // kotlin.String | The widget.
val widget2 : Widget =  // Widget |
```

### Parameters {#widgetpolish-parameters}

Name | Type | Description  | Notes
------------- | ------------- | ------------- | -------------
 **widget** | **kotlin.String**| The widget. |
 **widget2** | [**Widget**](../models/Widget)|  | [optional]

### Return type {#widgetpolish-return-type}

[**Widget**](../models/Widget)

### Authorization {#widgetpolish-authorization}

No authorization required

### HTTP request headers {#widgetpolish-http-request-headers}

 - **Content-Type**: application/json
 - **Accept**: application/json, text/plain

## **widgetsCount** {#widgetscount}
> widgetsCount()

/widgets/count [GET]

### Parameters {#widgetscount-parameters}
This endpoint does not need any parameter.

### Return type {#widgetscount-return-type}

null (empty response body)

### HTTP request headers {#widgetscount-http-request-headers}

 - **Content-Type**: Not defined
 - **Accept**: Not defined
"""


def test_surface_of_reads_the_seed_format() -> None:
    assert surface_of(SEED_FORMAT_PAGE) == {
        "base_url": "http://localhost:8080",
        "operations": {
            "widgetPolish": {
                "http_method": "POST",
                "path": "/widget/{widget}/polish",
                "signature": "Widget widgetPolish(widget, widget2)",
                "parameters": [
                    {"name": "widget", "type": "kotlin.String", "optional": False},
                    {"name": "widget2", "type": "Widget", "optional": True},
                ],
                "return_type": "Widget",
                "content_type": ["application/json"],
                "accept": ["application/json", "text/plain"],
            },
            "widgetsCount": {
                "http_method": "GET",
                "path": "/widgets/count",
                "signature": "widgetsCount()",
                "parameters": [],
                "return_type": None,
                "content_type": [],
                "accept": [],
            },
        },
    }


def test_surface_differences_applies_the_accept_rule(seed_surface: Surface) -> None:
    generated = json.loads(json.dumps(seed_surface))
    operations = generated["operations"]
    operations["backup"]["accept"] = ["application/problem+json"]  # an allowed addition
    operations["backupSpecificBackupSnapshot"]["accept"] = ["application/json", "application/xml"]
    operations["backupSpecificCreationStatus"]["accept"] = ["text/event-stream"]  # lost the JSON

    assert surface_differences(seed_surface, generated) == [
        "backupSpecificBackupSnapshot: accept: adds ['application/xml'], beyond "
        "['application/problem+json', 'text/event-stream']",
        "backupSpecificCreationStatus: accept: lacks the seed's ['application/json']",
    ]


@pytest.mark.slow
def test_the_generator_is_the_pinned_one(tmp_path: Path) -> None:
    require_program("java", "OpenAPI Generator (the seed surface check)", JAVA_INSTALL)
    completed = run([tool("openapi-generator-cli"), "version"], cwd=tmp_path)
    assert completed.stdout.strip() == "7.26.0", output_of(completed)
