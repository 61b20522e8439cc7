"""What tests/pipeline/test_release.py works on: the versions it takes, a copy of the repository at
the last release, the spec edits it makes there (each breaking or not), and the gate run on it. The
tests (and the `optic` fixture they need) stay in that module."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from packaging.version import Version

from backup_api_codegen import release

from ._support import REPO, copy_files, spec_version

# What the gate and `verify-tag` read of a repository.
REPO_INPUTS = ("spec", "codegen", "templates", "overrides", "generated")
VERSION_LINE = "info:\n  title: Backup API\n  version: {}\n"
# The versions the tests take, from the repository (a real release moves them): the last release
# recorded in spec/released/, the next minor and the next major one. A copy of the repository
# starts at the last release's version (`copy_repo`), whatever the spec is being prepared as.
RELEASED_SPECS = sorted(path.name for path in (REPO / release.RELEASED_RELATIVE).glob("*.yaml"))
RELEASED = max(Version(Path(name).stem) for name in RELEASED_SPECS)
NEXT = f"{RELEASED.major}.{RELEASED.minor + 1}.0"
MAJOR = f"{RELEASED.major + 1}.0.0"
CHANGELOG_ENTRY = re.compile(r"^    - (\S+): ")
DEVICE_NAME = (
    "        device_name:\n          type: string\n"
    "          description: The host name of the machine the backup was made on.\n"
)


# --- the copy and the gate -------------------------------------------------------------------------


def copy_repo(target: Path) -> Path:
    """What the gate reads of the repository, copied, at the last release's version: the changelog
    entries of versions after it (the one being prepared) are left out, so a test's version and
    entry are the newest."""
    for name in REPO_INPUTS:
        if (REPO / name).is_dir():
            copy_files(REPO / name, target / name)
    spec = target / release.SPEC_RELATIVE
    lines = spec.read_text(encoding="utf-8").splitlines(keepends=True)
    kept: list[str] = []
    dropping = False
    for line in lines:
        entry = CHANGELOG_ENTRY.match(line)
        if entry:
            dropping = Version(entry.group(1)) > RELEASED
        elif not line.startswith("      "):
            dropping = False
        if not dropping:
            kept.append(line)
    spec.write_text("".join(kept), encoding="utf-8")
    set_version(target, str(RELEASED))
    release.write_changelog(target)
    return target


def edit_spec(repo: Path, old: str, new: str) -> None:
    spec = repo / release.SPEC_RELATIVE
    text = spec.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"the edit expects exactly one {old!r} in the spec"
    spec.write_text(text.replace(old, new), encoding="utf-8")


def set_version(repo: Path, version: str) -> None:
    edit_spec(
        repo, VERSION_LINE.format(spec_version(repo / release.SPEC_RELATIVE)), VERSION_LINE.format(version)
    )


def gate(repo: Path) -> release.GateResult:
    result = release.gate(repo, tools=REPO)
    assert result is not None, "nothing is recorded in spec/released/"
    print(result.report())
    return result


# --- spec edits ------------------------------------------------------------------------------------


def remove_device_name(repo: Path) -> None:
    edit_spec(repo, DEVICE_NAME, "")
    edit_spec(
        repo,
        "required: [id, version, timestamp, bytes, created, device_name, platform]",
        "required: [id, version, timestamp, bytes, created, platform]",
    )


def remove_path(repo: Path, path: str) -> None:
    """Cut one path item (its line and every line indented under it) out of the spec."""
    spec = repo / release.SPEC_RELATIVE
    lines = spec.read_text(encoding="utf-8").splitlines(keepends=True)
    start = lines.index(f"  {path}:\n")
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith("    "))
    spec.write_text("".join(lines[:start] + lines[end:]), encoding="utf-8")


def narrow_an_enum(repo: Path) -> None:
    edit_spec(
        repo,
        "enum: [UNKNOWN, WEB, MACOS, LINUX, WINDOWS, FUCHSIA, IOS, ANDROID]",
        "enum: [UNKNOWN, WEB, MACOS, LINUX, WINDOWS, IOS, ANDROID]",
    )


def require_a_new_query_parameter(repo: Path) -> None:
    edit_spec(
        repo,
        "        - $ref: '#/components/parameters/BackupsCursor'\n      responses:\n        '200':\n"
        "          description: A page of the completed backups, newest first.\n",
        "        - $ref: '#/components/parameters/BackupsCursor'\n        - name: owner\n"
        "          in: query\n          required: true\n          schema:\n            type: string\n"
        "      responses:\n        '200':\n"
        "          description: A page of the completed backups, newest first.\n",
    )


def remove_an_operation(repo: Path) -> None:
    remove_path(repo, "/backups/{backup}/delete")


# Each: the edit, what Optic says of it, what griffe names in the client's Python API.
BREAKING_EDITS = {
    "an enum narrowed": (narrow_an_enum, "cannot remove enum option 'FUCHSIA'", "FUCHSIA"),
    "a required query parameter added": (
        require_a_new_query_parameter,
        "cannot add required query parameter owner",
        "owner",
    ),
    "an operation removed": (remove_an_operation, "cannot remove an operation", "delete"),
}


# --- operationIds ----------------------------------------------------------------------------------

RENAMED_FROM = "backupSpecificRestorationCancel"
RENAMED_TO = "zzTestRenamedCancel"  # a name no real operation will take


def write_spec(path: Path, operations: dict[str, tuple[str, str]]) -> Path:
    """A minimal spec whose paths hold OPERATIONS: operationId -> (method, path)."""
    paths: dict[str, dict[str, object]] = {}
    for operation_id, (method, where) in operations.items():
        paths.setdefault(where, {})[method] = {"operationId": operation_id}
    path.write_text(yaml.safe_dump({"openapi": "3.1.0", "paths": paths}), encoding="utf-8")
    return path
