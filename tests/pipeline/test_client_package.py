"""The generated client is a publishable package: it builds, passes `twine check`, installs on its own
and type-checks under `mypy --strict`."""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
import zipfile
from pathlib import Path

import pytest

from ._support import CLIENT_PACKAGE, CLIENT_PROJECT, REPO, output_of, run, spec_version, tool

pytestmark = pytest.mark.slow

DISTRIBUTION = "backup-api-client"
PACKAGE = "backup_api_client"


def uv() -> str:
    """The uv running these tests (`uv run` sets UV), else the one on PATH."""
    found = os.environ.get("UV") or shutil.which("uv")
    assert found, "uv is needed to build the client: ./dev test installs it"
    return found


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An sdist, and a wheel built from that sdist (uv's default), of generated/backup-api-client."""
    out = tmp_path_factory.mktemp("dist")
    completed = run([uv(), "build", "--no-config", "--out-dir", out, CLIENT_PROJECT], cwd=REPO)
    assert completed.returncode == 0, output_of(completed)
    return out


def only(dist: Path, pattern: str) -> Path:
    matches = sorted(dist.glob(pattern))
    assert len(matches) == 1, f"{pattern}: {matches}"
    return matches[0]


def test_both_distributions_pass_twine_check(dist: Path) -> None:
    version = spec_version()
    sdist = only(dist, f"{PACKAGE}-{version}.tar.gz")
    wheel = only(dist, f"{PACKAGE}-{version}-py3-none-any.whl")
    completed = run([tool("twine"), "check", "--strict", sdist, wheel], cwd=dist)
    assert completed.returncode == 0, output_of(completed)


def test_the_wheel_installs_and_imports_on_its_own(dist: Path, tmp_path: Path) -> None:
    wheel = only(dist, "*.whl")
    with zipfile.ZipFile(wheel) as archive:
        assert f"{PACKAGE}/py.typed" in archive.namelist()
    venv = tmp_path / "venv"
    created = run([sys.executable, "-m", "venv", "--without-pip", venv], cwd=tmp_path)
    assert created.returncode == 0, output_of(created)
    python = venv / "bin" / "python"
    # uv installs the wheel's dependencies (httpx, attrs) from its cache, filled by `uv sync`.
    installed = run([uv(), "pip", "install", "--no-config", "--python", python, wheel], cwd=tmp_path)
    assert installed.returncode == 0, output_of(installed)

    # -I: isolated mode, neither the repository nor any PYTHON* variable on the path.
    probe = f"""
import importlib.metadata, importlib.resources, json
import {PACKAGE}
print(json.dumps({{
    "version": {PACKAGE}.__version__,
    "metadata_version": importlib.metadata.version("{DISTRIBUTION}"),
    "file": {PACKAGE}.__file__,
    "py_typed": importlib.resources.files("{PACKAGE}").joinpath("py.typed").is_file(),
}}))
"""
    imported = run([python, "-I", "-c", probe], cwd=tmp_path)
    assert imported.returncode == 0, output_of(imported)
    facts = json.loads(imported.stdout)
    assert facts["version"] == facts["metadata_version"] == spec_version()
    assert Path(facts["file"]).is_relative_to(venv)
    assert facts["py_typed"]


def test_the_package_passes_mypy_strict(tmp_path: Path) -> None:
    # From the project folder, so the root config's `exclude = ["^generated/"]` does not drop the
    # package (from the repository root, mypy finds no file in it); the root's strict settings apply.
    # The cache goes to tmp_path: a .mypy_cache inside generated/ would be stray output.
    completed = run(
        [tool("mypy"), "--strict", "--cache-dir", tmp_path / "mypy-cache", PACKAGE],
        cwd=CLIENT_PACKAGE.parent,
    )
    assert completed.returncode == 0, output_of(completed)
    modules = len(list(CLIENT_PACKAGE.rglob("*.py")))
    assert f"Success: no issues found in {modules} source files" in completed.stdout, completed.stdout


def test_what_the_package_points_to_in_the_root_readme_exists() -> None:
    # A section named from the client project (`the root README ("Section")`) must be a heading there.
    headings = set(re.findall(r"^#+ (.+?)\s*$", (REPO / "README.md").read_text(encoding="utf-8"), re.M))
    for name in ("pyproject.toml", "README.md"):
        text = (CLIENT_PROJECT / name).read_text(encoding="utf-8")
        for section in re.findall(r"README \(\"([^\"]+)\"\)", text):
            assert section in headings, f"{name} names the root README's {section!r}: no such heading"
