"""Paths and small helpers shared by the pipeline tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
SPEC = REPO / "spec" / "backup-api.yaml"
GENERATED = REPO / "generated"
CLIENT_PROJECT = GENERATED / "backup-api-client"
CLIENT_PACKAGE = CLIENT_PROJECT / "backup_api_client"
OVERRIDES = REPO / "overrides"


def committable_files(root: Path) -> list[Path]:
    """The files under ``root`` that git would commit (tracked, or untracked and not ignored).

    Caches a tool left in the tree (``.mypy_cache/``, ``__pycache__/``) are not part of the output. Out
    of a git checkout, every file but ``__pycache__`` counts.
    """
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", "."],
        cwd=root,
        capture_output=True,
        check=False,
    )
    if listed.returncode == 0 and listed.stdout:
        names = {name for name in listed.stdout.decode().split("\0") if name}
        return sorted(Path(name) for name in names if (root / name).is_file())
    return sorted(
        path.relative_to(root)
        for path in root.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    )


def copy_files(source: Path, target: Path) -> Path:
    """Copy the committable files of ``source`` into ``target`` (created)."""
    target.mkdir(parents=True)
    for relative in committable_files(source):
        (target / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source / relative, target / relative)
    return target


# What `codegen check` needs of a repository: the spec and everything else that goes into generated/.
REPO_INPUTS = ("spec", "codegen", "templates", "overrides", "generated")


def copy_repo(target: Path) -> Path:
    """A copy of the repository's codegen inputs (and generated/), to change one and regenerate."""
    for name in REPO_INPUTS:
        if (REPO / name).is_dir():  # git keeps no empty folder: a clean clone may lack overrides/
            copy_files(REPO / name, target / name)
    return target


def tool(name: str) -> Path:
    """A console script installed next to the running interpreter: the version pinned in uv.lock."""
    path = Path(sys.executable).parent / name
    assert path.exists(), f"{name} is not installed next to {sys.executable}; run `uv sync --locked`"
    return path


def require_program(name: str, purpose: str, install: str) -> None:
    """Skip (fail in CI) with one line when a program a check needs is not on PATH."""
    if shutil.which(name) is not None:
        return
    message = f"{name} is not on PATH, so {purpose} cannot run; install it ({install})"
    if os.environ.get("CI"):
        pytest.fail(f"{message}; in CI it must run", pytrace=False)
    pytest.skip(message)


def spec_document(path: Path = SPEC) -> dict[str, object]:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(document, dict)
    return document


def spec_version(path: Path = SPEC) -> str:
    info = spec_document(path)["info"]
    assert isinstance(info, dict)
    return str(info["version"])


def run(
    command: Sequence[str | Path],
    cwd: Path,
    env: Mapping[str, str] | None = None,
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    """Run a command, capturing its output as text; the caller checks the exit code."""
    return subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def output_of(completed: subprocess.CompletedProcess[str]) -> str:
    return f"exit {completed.returncode}\n--- stdout\n{completed.stdout}\n--- stderr\n{completed.stderr}"
