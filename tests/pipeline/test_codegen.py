"""Drift and determinism of `codegen`: generated/ is exactly what the spec, templates/ and overrides/ make."""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

import pytest
import yaml

from backup_api_codegen.driver import GenerationError, check, diff_trees, generate_into, iter_files

from ._support import (
    CLIENT_PACKAGE,
    CLIENT_PROJECT,
    GENERATED,
    REPO,
    committable_files,
    copy_files,
    copy_repo,
    spec_version,
)

NOTICE = re.compile(r"^(# |<!-- )(Generated from spec/backup-api\.yaml|Hand-written in overrides/)")


def tree_bytes(root: Path) -> dict[str, bytes]:
    return {relative.as_posix(): (root / relative).read_bytes() for relative in iter_files(root)}


@pytest.mark.slow
def test_committed_output_matches_the_spec(tmp_path: Path) -> None:
    # The files git would commit: a cache some tool left in generated/ is not output.
    differences = check(REPO, generated=copy_files(GENERATED, tmp_path / "generated"))
    assert differences == [], "generated/ is stale: run `./dev gen`\n" + "".join(differences)


@pytest.mark.slow
def test_a_hand_edit_in_generated_is_reported(tmp_path: Path) -> None:
    generated = copy_files(GENERATED, tmp_path / "generated")
    client = generated / "backup-api-client" / "backup_api_client" / "client.py"
    client.write_text(client.read_text(encoding="utf-8") + "\nPATCHED = True\n", encoding="utf-8")
    stray = generated / "backup-api-client" / "backup_api_client" / "stray.py"
    stray.write_text("STRAY = True\n", encoding="utf-8")

    differences = "".join(check(REPO, generated=generated))

    assert "+++ generated/backup-api-client/backup_api_client/client.py (from the spec)" in differences
    assert "-PATCHED = True" in differences
    assert "--- generated/backup-api-client/backup_api_client/stray.py (committed)" in differences


@pytest.mark.slow
def test_a_spec_edit_without_regeneration_is_reported(tmp_path: Path) -> None:
    repo = copy_repo(tmp_path / "repo")
    spec = repo / "spec" / "backup-api.yaml"
    document = yaml.safe_load(spec.read_text(encoding="utf-8"))
    document["paths"]["/backups"]["get"]["description"] = "Returns every completed backup, oldest first."
    spec.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True), encoding="utf-8")

    differences = "".join(check(repo))

    # The operation's description is its method's docstring, in the tag's resource module.
    assert "generated/backup-api-client/backup_api_client/api/backups/__init__.py" in differences
    assert re.search(r"^\+.*Returns every completed backup, oldest first\.$", differences, re.MULTILINE)


def test_an_empty_file_missing_or_added_is_reported(tmp_path: Path) -> None:
    fresh, committed = tmp_path / "fresh", tmp_path / "committed"
    for root in (fresh, committed):
        root.mkdir()
        (root / "kept.py").write_text("KEPT = True\n", encoding="utf-8")
    (fresh / "py.typed").write_text("", encoding="utf-8")  # generated, not committed
    (committed / "stray.py").write_text("", encoding="utf-8")  # committed, not generated

    differences = "".join(diff_trees(fresh, committed))

    assert "py.typed" in differences
    assert "stray.py" in differences


@pytest.mark.slow
def test_generation_is_deterministic(tmp_path: Path) -> None:
    """Two runs into differently named folders give the same bytes: no timestamps, no absolute paths."""
    first, second = tmp_path / "one" / "generated", tmp_path / "two" / "elsewhere"
    generate_into(first, REPO)
    generate_into(second, REPO)
    assert tree_bytes(first) == tree_bytes(second)


def test_every_generated_file_carries_its_notice() -> None:
    """Each file says where it comes from, `py.typed` too.

    PEP 561 gives a meaning only to a `py.typed` reading `partial`; a comment in it is harmless, so
    it is not an exception.
    """
    files = committable_files(GENERATED)
    assert Path("backup-api-client/backup_api_client/py.typed") in files
    missing = [
        relative.as_posix()
        for relative in files
        if not NOTICE.match((GENERATED / relative).read_text(encoding="utf-8").split("\n", 1)[0])
    ]
    assert missing == []
    assert "partial" not in (CLIENT_PACKAGE / "py.typed").read_text(encoding="utf-8")


def test_client_versions_are_the_spec_version() -> None:
    version = spec_version()
    pyproject = tomllib.loads((CLIENT_PROJECT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["version"] == version
    module = ast.parse((CLIENT_PACKAGE / "__init__.py").read_text(encoding="utf-8"))
    assigned = {
        target.id: node.value
        for node in module.body
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    assert isinstance(assigned.get("__version__"), ast.Constant)
    assert ast.literal_eval(assigned["__version__"]) == version


@pytest.mark.slow
def test_a_template_error_names_the_template_and_its_line(tmp_path: Path) -> None:
    repo = copy_repo(tmp_path / "repo")
    template = repo / "templates" / "client.py.jinja"
    lines = template.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.append("{{ no_such_global.attribute }}\n")
    template.write_text("".join(lines), encoding="utf-8")

    with pytest.raises(GenerationError) as failed:
        generate_into(tmp_path / "generated", repo)

    first_line = str(failed.value).splitlines()[0]
    assert f"at client.py.jinja:{len(lines)}: " in first_line
    assert "'no_such_global' is undefined" in first_line
