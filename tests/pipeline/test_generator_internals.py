"""What the pipeline takes from openapi-python-client besides its command line still holds.

Everything checked here is used through codegen/backup_api_codegen/_generator_internals.py (or is
the command line the driver runs). After a generator upgrade, a failure names what changed and
where our side of it lives.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

from backup_api_codegen import _generator_internals as generator
from backup_api_codegen.driver import GENERATOR_CONFIG
from backup_api_codegen.operations import spec_operations
from tests.support.terminal import plain_text_env

from ._support import CLIENT_PACKAGE, REPO, run, spec_document, tool

INTERNALS = "codegen/backup_api_codegen/_generator_internals.py"
# The options the driver passes (driver.generate_client).
CLI_OPTIONS = (
    "--path",
    "--config",
    "--custom-template-path",
    "--meta",
    "--output-path",
    "--fail-on-warning",
)


def changed(piece: str, detail: str) -> None:
    pytest.fail(
        f"openapi-python-client {generator.version()}: {piece} is not as the pipeline assumes: "
        f"{detail}. Adapt {INTERNALS} (see codegen/README.md, 'Upgrading the generator').",
        pytrace=False,
    )


def test_the_installed_generator_is_the_pinned_one() -> None:
    # The generator pins live with the driver (codegen/pyproject.toml, a dev-only workspace member).
    pyproject = tomllib.loads((REPO / "codegen" / "pyproject.toml").read_text(encoding="utf-8"))
    pins = [pin for pin in pyproject["project"]["dependencies"] if pin.startswith(generator.DISTRIBUTION)]
    assert pins == [f"{generator.DISTRIBUTION}=={generator.version()}"], "run `uv sync --locked`"


def test_the_documented_upgrade_bumps_the_pin_where_it_lives() -> None:
    # codegen/README.md, "Upgrading the generator", step 1: the command must edit codegen/pyproject.toml.
    readme = (REPO / "codegen" / "README.md").read_text(encoding="utf-8")
    pyproject = tomllib.loads((REPO / "codegen" / "pyproject.toml").read_text(encoding="utf-8"))
    commands = re.findall(r"`uv add ([^`]*)`", readme)
    assert commands == [f"--package {pyproject['project']['name']} {generator.DISTRIBUTION}==<version>"]


def test_its_own_templates_are_where_the_pipeline_reads_them() -> None:
    folder = generator.UPSTREAM_TEMPLATES
    for name in ("endpoint_module.py.jinja", "endpoint_macros.py.jinja", "client.py.jinja", "helpers.jinja"):
        if not (folder / name).is_file():
            changed("UPSTREAM_TEMPLATES", f"{folder} has no {name}")


def test_the_command_line_takes_the_options_the_driver_passes() -> None:
    completed = run(
        [tool("openapi-python-client"), "generate", "--help"],
        cwd=REPO,
        env=plain_text_env(),
    )
    assert completed.returncode == 0, completed.stderr
    missing = [option for option in CLI_OPTIONS if not re.search(rf"{option}\b", completed.stdout)]
    if missing:
        changed("the command line `openapi-python-client generate`", f"no {', '.join(missing)}")


def test_the_config_files_field_prefix_is_read() -> None:
    check_call("field_prefix", lambda: generator.field_prefix(REPO / GENERATOR_CONFIG), "field_")


@pytest.mark.parametrize(
    ("function", "argument", "expected"),
    [
        (lambda: generator.tag_identifier("Backups"), "Backups", "backups"),
        (lambda: generator.tag_identifier("Local assets"), "Local assets", "local_assets"),
        (lambda: generator.operation_identifier("backupsList", "field_"), "backupsList", "backups_list"),
        (lambda: generator.class_name("local_assets", "field_"), "local_assets", "LocalAssets"),
    ],
)
def test_names_are_made_as_the_generator_makes_them(
    function: Callable[[], str], argument: str, expected: str
) -> None:
    check_call(f"naming {argument!r}", function, expected)


def test_the_generated_tree_is_named_as_the_internals_say() -> None:
    """Our naming, checked against what the generator actually wrote into generated/."""
    for _method, _path, operation in spec_operations(spec_document()):
        tag = generator.tag_identifier(operation["tags"][0])
        module = generator.operation_identifier(operation["operationId"], "field_")
        path = CLIENT_PACKAGE / "api" / tag / f"{module}.py"
        if not path.is_file():
            changed("operation_identifier / tag_identifier", f"{path.relative_to(REPO)} was not generated")
        resources = (path.parent / "__init__.py").read_text(encoding="utf-8")
        if f"class {generator.class_name(tag, 'field_')}Resource(" not in resources:
            changed("class_name", f"api/{tag}/__init__.py has no resource class for the tag {tag!r}")


def check_call(piece: str, function: Callable[[], object], expected: object) -> None:
    try:
        found = function()
    except Exception as error:
        changed(piece, f"{type(error).__name__}: {error}")
    else:
        if found != expected:
            changed(piece, f"expected {expected!r}, got {found!r}")


def test_nothing_else_imports_the_generator() -> None:
    """The driver and the tests reach the generator's internals through one module only."""
    offenders = [
        path.relative_to(REPO).as_posix()
        for folder in ("codegen", "tests", "server", "benchmarks")
        for path in sorted((REPO / folder).rglob("*.py"))
        if path != REPO / INTERNALS
        and re.search(r"^\s*(from|import) openapi_python_client\b", read(path), re.M)
    ]
    assert offenders == [], f"import openapi_python_client only in {INTERNALS}"


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")
