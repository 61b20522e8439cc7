"""The server and CLI distribution, ``backup-api``, as a release publishes it beside the client.

The root ``pyproject.toml`` states ranges (it is a workspace whose lock, ``uv.lock``, pins every
version the tests ran with). The published distribution must install exactly those versions, so
``uv tool install backup-api`` and ``pipx install backup-api`` get the tested set, not whatever
resolves that day. ``stage`` writes a buildable copy of the root project into a folder:

- version: the spec's ``info.version`` (the server and the client are released together);
- dependencies: every package uv.lock pins for the root project's runtime (no development group),
  with uv's environment markers, exported by ``uv export --frozen``; and ``backup-api-client`` at
  the same version, published in the same release;
- the packages the wheel holds, the README, the scripts and the build backend, as in the root.

``release server-project DIR`` runs it; ``uv build --no-config DIR`` then builds the sdist and wheel.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tomllib
from pathlib import Path
from typing import Any

CLIENT_DISTRIBUTION = "backup-api-client"


class StagingError(RuntimeError):
    """The distribution cannot be staged; the message says why."""


def locked_requirements(repo: Path, uv: str) -> list[str]:
    """The root project's runtime requirements as uv.lock pins them (``name==version ; marker``)."""
    command = [
        uv,
        "export",
        "--frozen",  # exactly the lock; a stale lock fails the release's earlier checks
        "--no-default-groups",
        "--no-emit-workspace",
        "--no-hashes",
        "--no-header",
        "--no-annotate",
        "--format",
        "requirements.txt",
    ]
    completed = subprocess.run(command, cwd=repo, capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        raise StagingError(f"uv export failed (exit {completed.returncode}):\n{completed.stderr.strip()}")
    requirements = [
        line.strip()
        for line in completed.stdout.splitlines()
        if line.strip() and not line.lstrip().startswith(("#", "-"))
    ]
    unpinned = [line for line in requirements if "==" not in line.split(";")[0]]
    if unpinned or not requirements:
        raise StagingError(f"uv export gave requirements without an exact version: {unpinned}")
    return requirements


def toml_value(value: Any) -> str:
    """A TOML value for strings, lists of strings and tables of strings (JSON's escapes are TOML's)."""
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list):
        return "[\n" + "".join(f"    {toml_value(item)},\n" for item in value) + "]"
    if isinstance(value, dict):
        return (
            "{ " + ", ".join(f"{json.dumps(key)} = {toml_value(item)}" for key, item in value.items()) + " }"
        )
    raise StagingError(f"cannot write {value!r} as TOML here")


def staged_pyproject(root: dict[str, Any], version: str, requirements: list[str]) -> str:
    project = root["project"]
    fields = {
        "name": project["name"],
        "version": version,
        "description": project["description"],
        "readme": project["readme"],
        "requires-python": project["requires-python"],
        "license": project["license"],
        "dependencies": [f"{CLIENT_DISTRIBUTION}=={version}", *requirements],
    }
    lines = ["# Staged by `release server-project`: the root project, its versions as uv.lock pins them.", ""]
    lines += ["[project]", *(f"{key} = {toml_value(value)}" for key, value in fields.items()), ""]
    lines += [
        "[project.scripts]",
        *(f"{key} = {toml_value(value)}" for key, value in project["scripts"].items()),
    ]
    build_system = root["build-system"]
    lines += ["", "[build-system]", *(f"{key} = {toml_value(value)}" for key, value in build_system.items())]
    wheel = root["tool"]["hatch"]["build"]["targets"]["wheel"]
    lines += ["", "[tool.hatch.build.targets.wheel]", f"packages = {toml_value(wheel['packages'])}", ""]
    return "\n".join(lines)


def stage(repo: Path, out: Path, version: str, uv: str) -> Path:
    """Write the buildable ``backup-api`` project of VERSION into OUT (emptied first)."""
    root = tomllib.loads((repo / "pyproject.toml").read_text(encoding="utf-8"))
    requirements = locked_requirements(repo, uv)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    packages: list[str] = root["tool"]["hatch"]["build"]["targets"]["wheel"]["packages"]
    for package in packages:
        source = repo / package
        if not (source / "__init__.py").is_file():
            raise StagingError(f"{package} is not a package in {repo}")
        shutil.copytree(source, out / package, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    shutil.copyfile(repo / root["project"]["readme"], out / root["project"]["readme"])
    (out / "pyproject.toml").write_text(staged_pyproject(root, version, requirements), encoding="utf-8")
    return out
