"""The spec gate: the OpenAPI document is valid and Redocly's linter finds nothing in it.

Redocly CLI is pinned in package.json / package-lock.json and installed by `npm ci` (`./dev test` runs
it). Its configuration is spec/redocly.yaml; single, reasoned exceptions, when there are any, go in
spec/.redocly.lint-ignore.yaml.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_spec_validator import OpenAPIV31SpecValidator

from ._support import REPO, SPEC, output_of, require_program, run, spec_document

REDOCLY = REPO / "node_modules" / ".bin" / "redocly"
LINT_CONFIG = REPO / "spec" / "redocly.yaml"
LINT_IGNORE = REPO / "spec" / ".redocly.lint-ignore.yaml"
# No usage data sent, no update check: the gate must work offline and say the same thing every time.
REDOCLY_ENV = {"REDOCLY_TELEMETRY": "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true", "NO_COLOR": "1"}


@pytest.fixture(scope="module")
def redocly() -> Path:
    require_program("node", "the spec linter (Redocly)", "Node 22 with npm")
    if not REDOCLY.exists():
        message = "Redocly CLI is not installed: run `npm ci` (./dev test does)"
        if os.environ.get("CI"):
            pytest.fail(f"{message}; in CI the spec gate must run")
        pytest.skip(message)
    return REDOCLY


def lint(redocly: Path, spec: Path, config: Path) -> dict[str, Any]:
    completed = run(
        [redocly, "lint", spec, "--config", config, "--format=json"], cwd=spec.parent, env=REDOCLY_ENV
    )
    try:
        report: dict[str, Any] = json.loads(completed.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"redocly lint printed no JSON report:\n{output_of(completed)}")
    return report


def describe(problems: list[dict[str, Any]]) -> str:
    return "\n".join(
        f"{problem['severity']} {problem['ruleId']} at "
        f"{', '.join(location.get('pointer', '?') for location in problem['location'])}: {problem['message']}"
        for problem in problems
    )


def test_spec_is_valid_openapi_3_1() -> None:
    document = spec_document()
    assert document["openapi"] == "3.1.0"
    errors = [
        f"{'/'.join(str(part) for part in error.absolute_path)}: {error.message}"
        for error in OpenAPIV31SpecValidator(document, base_uri=SPEC.as_uri()).iter_errors()
    ]
    assert errors == []


def test_redocly_finds_no_errors_and_no_warnings(redocly: Path) -> None:
    report = lint(redocly, SPEC, LINT_CONFIG)
    assert report["version"] == "2.77.0", "node_modules holds another Redocly CLI: run `npm ci`"
    assert report["problems"] == [], describe(report["problems"])
    assert report["totals"]["errors"] == 0
    assert report["totals"]["warnings"] == 0
    # Every entry of the ignore file still silences a finding: a stale entry (the spec was fixed, or
    # the location moved) must be removed, not left to hide a future problem there.
    ignored = yaml.safe_load(LINT_IGNORE.read_text(encoding="utf-8")) if LINT_IGNORE.exists() else {}
    entries = sum(len(pointers) for rules in ignored.values() for pointers in rules.values())
    assert report["totals"]["ignored"] == entries


def test_the_gate_fails_on_a_finding(redocly: Path, tmp_path: Path) -> None:
    """The same config on a copy of the spec with one summary removed reports it: the gate can fail."""
    spec_dir = tmp_path / "spec"
    spec_dir.mkdir()
    for source in (path for path in (LINT_CONFIG, LINT_IGNORE) if path.exists()):
        shutil.copy(source, spec_dir / source.name)
    document = spec_document()
    paths = document["paths"]
    assert isinstance(paths, dict)
    del paths["/backups"]["get"]["summary"]
    broken = spec_dir / SPEC.name
    broken.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True), encoding="utf-8")

    report = lint(redocly, broken, spec_dir / LINT_CONFIG.name)

    assert [(problem["ruleId"], problem["severity"]) for problem in report["problems"]] == [
        ("operation-summary", "error")
    ]


@pytest.mark.parametrize(
    "config", [path for path in (LINT_CONFIG, LINT_IGNORE) if path.exists()], ids=lambda path: path.name
)
def test_every_lint_exception_gives_its_reason(config: Path) -> None:
    """Each rule turned off or down in the config, and each rule in the ignore file, follows a comment."""
    lines = config.read_text(encoding="utf-8").splitlines()
    if config == LINT_CONFIG:
        exception = re.compile(r"^\s+[\w./-]+:\s*(off|warn)\s*$")
    else:
        exception = re.compile(r"^  [\w./-]+:\s*$")
    found = [index for index, line in enumerate(lines) if exception.match(line)]
    assert found, f"no exceptions found in {config.name}: is the pattern still right?"
    for index in found:
        assert lines[index - 1].lstrip().startswith("#"), f"{config.name}:{index + 1} has no reason comment"
