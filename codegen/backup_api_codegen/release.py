"""Releases of the client: the changelog, the breaking-change gate, and what a release tag must pass.

The client's version is the spec's ``info.version``, and the spec's ``## Changelog`` (in
``info.description``) is the one place each version's changes are written; ``CHANGELOG.md`` is made from
it. The last released spec and client package are kept in ``spec/released/`` and every change is held
against them at two levels: the wire (Optic's breaking-change rules, offline) and the Python API of
the generated client (griffe's breakage finder, the engine of ``griffe check``).

    release changelog [--check]   write CHANGELOG.md from the spec (--check: exit 1 if it is stale)
    release notes VERSION         print VERSION's section of CHANGELOG.md; exit 1 if there is none
    release check                 the gate: a breaking change needs a new major version, any change
                                  a new version
    release record [--replace]    keep the current spec and client package as released (before tagging),
                                  once the gate passes
    release verify-tag TAG        what release.yml checks before it builds: the tag names info.version,
                                  the changelog has its section, the release was recorded, the gate passes
    release server-project DIR    stage the server and CLI distribution `backup-api` of info.version in
                                  DIR, its dependencies pinned as uv.lock pins them (server_distribution)

Once info.version is recorded (with this very spec), the gate holds it against the release before it,
whose package ``record`` keeps for that: recording a version does not exempt it from the gate.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from packaging.version import InvalidVersion, Version

from . import server_distribution

# Codegen's paths have one home, the driver; the spec's operations one walker.
from .driver import CLIENT_PACKAGE as CLIENT_PACKAGE
from .driver import CLIENT_PROJECT, REPO_ROOT
from .driver import SPEC_RELATIVE as SPEC_RELATIVE
from .operations import spec_operations

RELEASED_RELATIVE = "spec/released"
OPTIC_STANDARD_RELATIVE = "spec/optic.yml"
CHANGELOG_RELATIVE = "CHANGELOG.md"
CLIENT_PROJECT_RELATIVE = f"generated/{CLIENT_PROJECT}"
CHANGELOG_HEADING = "## Changelog"
# An entry of the spec's changelog: `- 1.2.0: what changed`, continued on lines indented by two spaces.
SPEC_ENTRY = re.compile(r"^- (?P<version>[^\s:]+): (?P<text>.*)$")
SECTION = re.compile(r"^## (?P<version>\S+)\s*$", re.MULTILINE)
# Optic runs offline: no usage data, no update check, no colours in what we quote.
OPTIC_ENV = {"OPTIC_TELEMETRY_LEVEL": "off", "NO_UPDATE_NOTIFIER": "1", "NO_COLOR": "1", "FORCE_COLOR": "0"}
OPTIC_VERDICT = re.compile(r"Checks: \d+/\d+ passed")
OPTIC_OPERATION = re.compile(r"^x (?P<operation>[A-Z]+ \S+): ")
OPTIC_FAILURE = re.compile(r"^\s*x \[(?P<rule>[^\]]+)\] (?P<message>.+?)\s*$")
ANSI = re.compile(r"\x1b\[[0-9;]*m")

CHANGELOG_PREAMBLE = """\
# Changelog of backup-api-client

<!-- Generated from the "## Changelog" section of info.description in spec/backup-api.yaml by
`./dev gen`. Do not edit: edit the spec, then regenerate. -->

Each version of the Backup API's OpenAPI document and of its Python client, `backup-api-client`,
newest first (the client's version is the spec's `info.version`). A change that breaks the wire
contract or the client's Python API takes a new major version, a compatible addition a new minor
version; `uv run release check` holds every change against the last release in `spec/released/`.
"""


class ReleaseError(RuntimeError):
    """A release step cannot go on; the message says why and what to do."""


@dataclass(frozen=True)
class ChangelogEntry:
    version: str
    text: str


@dataclass(frozen=True)
class Release:
    """A released version as `spec/released/` keeps it: its spec and its client's sdist."""

    version: Version
    spec: Path
    package: Path


@dataclass
class GateResult:
    released: Version
    current: Version
    wire_breakages: list[str] = field(default_factory=list)
    python_breakages: list[str] = field(default_factory=list)
    spec_changed: bool = False
    optic_output: str = ""
    # operationIds of the released spec that are gone: each names a client method, which then moves
    # or disappears (Optic sees a rename at the same path as no change; griffe names only a module).
    operation_breakages: list[str] = field(default_factory=list)
    # The published client's files (templates/, overrides/ or a hand edit of generated/) differ
    # from the released package while the spec is the released one.
    client_changed: bool = False
    # info.version is recorded with this spec, but generated/'s client is not the recorded package.
    recorded_stale: bool = False

    @property
    def breaking(self) -> bool:
        return bool(self.wire_breakages or self.python_breakages or self.operation_breakages)

    @property
    def problems(self) -> list[str]:
        """Why the current version may not follow the released one (empty: it may)."""
        problems = []
        if self.current < self.released:
            problems.append(f"info.version {self.current} is lower than the released {self.released}")
        elif self.breaking and self.current.major <= self.released.major:
            problems.append(
                f"breaking changes since {self.released} need a new major version: info.version is "
                f"{self.current}, make it {self.released.major + 1}.0.0 (or undo the breaking changes)"
            )
        elif self.spec_changed and self.current == self.released:
            problems.append(
                f"the spec changed since {self.released} was released but info.version is still "
                f"{self.current}: take a new version ({self.released.major}.{self.released.minor + 1}.0 "
                f"for an addition, {self.released.major}.{self.released.minor}.{self.released.micro + 1} "
                "for a fix) with its changelog entry"
            )
        elif self.recorded_stale:
            problems.append(
                f"the client package differs from the one recorded as {self.current} in {RELEASED_RELATIVE}/ "
                f"(templates/, overrides/ or generated/ changed after `release record`): if {self.current} "
                "is not published, run `./dev uv run release record --replace`; if it is, take "
                f"{self.current.major}.{self.current.minor}.{self.current.micro + 1} and run ./dev gen"
            )
        elif self.client_changed and self.current == self.released:
            problems.append(
                f"the client package differs from the released {self.released} (templates/, overrides/ "
                f"or generated/ changed; the spec did not) but info.version is still {self.current}: take "
                f"{self.released.major}.{self.released.minor}.{self.released.micro + 1} with its changelog "
                "entry, then run ./dev gen (a PyPI version is never published twice)"
            )
        return problems

    def report(self) -> str:
        lines = [f"release check: {self.current} (spec/backup-api.yaml) against the released {self.released}"]
        if self.operation_breakages:
            lines.append(f"operations: {len(self.operation_breakages)} breaking change(s) (operationId):")
            lines.extend(f"  {breakage}" for breakage in self.operation_breakages)
        if self.wire_breakages:
            lines.append(f"wire: {len(self.wire_breakages)} breaking change(s) (Optic):")
            lines.extend(f"  {breakage}" for breakage in self.wire_breakages)
        else:
            lines.append("wire: no breaking change (Optic)")
        if self.python_breakages:
            lines.append(f"Python API: {len(self.python_breakages)} breaking change(s) (griffe):")
            lines.extend(f"  {breakage}" for breakage in self.python_breakages)
        else:
            lines.append("Python API: no breaking change (griffe)")
        problems = self.problems
        lines.extend(f"FAIL: {problem}" for problem in problems)
        if not problems:
            lines.append("OK")
        return "\n".join(lines)


def load_yaml(path: Path) -> dict[str, Any]:
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise ReleaseError(f"reading {path} failed: {error}") from error
    if not isinstance(document, dict):
        raise ReleaseError(f"reading {path} failed: not a mapping at the top level")
    return document


def parse_version(text: str, where: str) -> Version:
    try:
        return Version(text)
    except InvalidVersion:
        raise ReleaseError(f"{where}: {text!r} is not a version (such as 1.2.0)") from None


def spec_version(document: dict[str, Any]) -> Version:
    return parse_version(str(document["info"]["version"]), "info.version")


# --- the changelog -------------------------------------------------------------------------------


def spec_changelog(document: dict[str, Any]) -> list[ChangelogEntry]:
    """The entries of the spec's `## Changelog`, newest first, as written (continuations dedented)."""
    lines = str(document["info"].get("description", "")).splitlines()
    if CHANGELOG_HEADING not in lines:
        raise ReleaseError(f"info.description in {SPEC_RELATIVE} has no {CHANGELOG_HEADING!r} section")
    entries: list[tuple[str, list[str]]] = []
    for line in lines[lines.index(CHANGELOG_HEADING) + 1 :]:
        if line.startswith("#"):
            break
        entry = SPEC_ENTRY.match(line)
        if entry:
            entries.append((entry["version"], [entry["text"]]))
        elif line.startswith("  ") and entries:
            entries[-1][1].append(line[2:])
        elif line.strip():
            raise ReleaseError(
                f"{CHANGELOG_HEADING}: {line.strip()[:60]!r} is neither an entry ('- 1.2.0: what changed') "
                "nor its continuation (indented by two spaces)"
            )
        elif entries:
            entries[-1][1].append("")
    if not entries:
        raise ReleaseError(f"{CHANGELOG_HEADING} in {SPEC_RELATIVE} has no entry")
    versions = [parse_version(version, f"{CHANGELOG_HEADING} entry") for version, _ in entries]
    if versions != sorted(set(versions), reverse=True):
        raise ReleaseError(f"{CHANGELOG_HEADING}: versions must be unique and newest first, not {versions}")
    return [ChangelogEntry(version, "\n".join(text).strip()) for version, text in entries]


def render_changelog(entries: Sequence[ChangelogEntry]) -> str:
    sections = [f"## {entry.version}\n\n{entry.text}\n" for entry in entries]
    return "\n".join([CHANGELOG_PREAMBLE, *sections])


def changelog_sections(text: str) -> dict[str, str]:
    """CHANGELOG.md's sections by version."""
    matches = list(SECTION.finditer(text))
    return {
        match["version"]: text[match.end() : ends].strip()
        for match, ends in zip(matches, [m.start() for m in matches[1:]] + [len(text)], strict=True)
    }


def write_changelog(repo: Path) -> Path:
    target = repo / CHANGELOG_RELATIVE
    target.write_text(render_changelog(spec_changelog(load_yaml(repo / SPEC_RELATIVE))), encoding="utf-8")
    return target


def changelog_is_current(repo: Path) -> bool:
    expected = render_changelog(spec_changelog(load_yaml(repo / SPEC_RELATIVE)))
    target = repo / CHANGELOG_RELATIVE
    return target.exists() and target.read_text(encoding="utf-8") == expected


def release_notes(repo: Path, version: str) -> str:
    """VERSION's section of CHANGELOG.md: a version without one is not released."""
    target = repo / CHANGELOG_RELATIVE
    sections = changelog_sections(target.read_text(encoding="utf-8")) if target.exists() else {}
    if version not in sections or not sections[version]:
        raise ReleaseError(
            f"{CHANGELOG_RELATIVE} has no section for {version}: add a '- {version}: ...' entry to the "
            f"{CHANGELOG_HEADING!r} section of info.description in {SPEC_RELATIVE}, then run "
            "`./dev gen` (which runs `release changelog`)"
        )
    return sections[version]


# --- the breaking-change gate --------------------------------------------------------------------


def sdist_name(version: Version | str) -> str:
    return f"{CLIENT_PACKAGE}-{version}.tar.gz"


def last_release(repo: Path) -> Release | None:
    released = repo / RELEASED_RELATIVE
    specs = [(parse_version(path.stem, str(path)), path) for path in released.glob("*.yaml")]
    if not specs:
        return None
    version, spec = max(specs)
    package = released / sdist_name(version)
    if not package.is_file():
        raise ReleaseError(
            f"{RELEASED_RELATIVE}/{spec.name} has no client package beside it ({package.name}): "
            "record releases with `uv run release record`"
        )
    return Release(version, spec, package)


def previous_release(repo: Path, version: Version) -> Release | None:
    """The newest release older than VERSION (with its package), or None."""
    released = repo / RELEASED_RELATIVE
    older = [
        found
        for found in (parse_version(path.stem, str(path)) for path in released.glob("*.yaml"))
        if found < version
    ]
    if not older:
        return None
    previous = max(older)
    package = released / sdist_name(previous)
    if not package.is_file():
        raise ReleaseError(
            f"{RELEASED_RELATIVE}/{previous}.yaml has no client package beside it ({package.name}): the "
            f"gate of {version} compares with it; record releases with `uv run release record`"
        )
    return Release(previous, released / f"{previous}.yaml", package)


def gate_base(repo: Path) -> Release | None:
    """The release the current spec is held against: the last one, except that a version recorded
    with this very spec is held against the release before it (recording exempts nothing)."""
    spec = repo / SPEC_RELATIVE
    current = spec_version(load_yaml(spec))
    recorded = repo / RELEASED_RELATIVE / f"{current}.yaml"
    if recorded.is_file() and filecmp.cmp(recorded, spec, shallow=False):
        previous = previous_release(repo, current)
        if previous is not None:
            return previous
    return last_release(repo)


def optic_breakages(
    old_spec: Path, new_spec: Path, standard: Path, tools: Path = REPO_ROOT
) -> tuple[list[str], str]:
    """Optic's breaking-change rules on the wire contract: the failed checks (each with its operation)
    and Optic's whole report."""
    optic = tools / "node_modules" / ".bin" / "optic"
    if not optic.exists():
        raise ReleaseError(f"Optic is not installed in {tools}: run `npm ci` (./dev test does)")
    command = [str(optic), "diff", str(old_spec), str(new_spec), "--check", "--standard", str(standard)]
    try:
        completed = subprocess.run(
            command,
            cwd=tools,
            env={**os.environ, **OPTIC_ENV},
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise ReleaseError(f"optic diff failed: {error}") from error
    output = ANSI.sub("", completed.stdout + completed.stderr)
    # Exit 1 is also how Optic fails to read a document: only a report with its verdict is a verdict.
    compared = "Operations:" in output and (completed.returncode == 0 or OPTIC_VERDICT.search(output))
    if completed.returncode not in (0, 1) or not compared:
        raise ReleaseError(f"optic diff failed (exit {completed.returncode}):\n{output.strip()}")
    breakages: list[str] = []
    operation = "the API"
    for line in output.splitlines():
        heading = OPTIC_OPERATION.match(line)
        if heading:
            operation = heading["operation"]
            continue
        failure = OPTIC_FAILURE.match(line)
        if failure:
            breakage = f"{operation}: [{failure['rule']}] {failure['message']}"
            if breakage not in breakages:
                breakages.append(breakage)
    if completed.returncode == 1 and not breakages:
        raise ReleaseError(f"optic diff failed without naming a check:\n{output.strip()}")
    return breakages, output


def extract(archive: tarfile.TarFile, target: Path) -> None:
    """Unpack an sdist: regular files and folders only, all inside ``target``."""
    for member in archive.getmembers():
        inside = (target / member.name).resolve().is_relative_to(target.resolve())
        if not inside or not (member.isfile() or member.isdir()):
            raise ReleaseError(f"{member.name!r} in the sdist is not a plain file inside it")
    # The "data" filter where this Python has it (3.11.4 and later), the checks above everywhere.
    if hasattr(tarfile, "data_filter"):
        archive.extractall(target, filter="data")
    else:  # Python 3.11.0 to 3.11.3 (Debian 12 ships 3.11.2)
        archive.extractall(target)  # every member was checked above


def griffe_breakages(released_package: Path, project: Path) -> list[str]:
    """Breaking changes of the client's Python API since the released sdist, found by griffe the way
    `griffe check` finds them (static analysis of both trees, aliases resolved)."""
    import griffe  # a development tool: imported only by the gate

    options: dict[str, Any] = {
        "allow_inspection": False,  # read the sources, never import them
        "resolve_aliases": True,
        "resolve_external": None,
    }
    with tempfile.TemporaryDirectory(prefix="release-check-") as scratch:
        try:
            with tarfile.open(released_package) as archive:
                extract(archive, Path(scratch))
        except (OSError, tarfile.TarError) as error:
            raise ReleaseError(f"reading {released_package} failed: {error}") from error
        roots = [path for path in Path(scratch).iterdir() if (path / CLIENT_PACKAGE).is_dir()]
        if len(roots) != 1:
            raise ReleaseError(f"{released_package.name} holds no {CLIENT_PACKAGE} package")
        old = griffe.load(CLIENT_PACKAGE, search_paths=[roots[0]], try_relative_path=False, **options)
        new = griffe.load(CLIENT_PACKAGE, search_paths=[project], try_relative_path=False, **options)
        breakages = [*griffe.find_breaking_changes(old, new), *moved_breakages(griffe, old, new)]
        # `griffe check`'s one-line explanations, without colours, located in the released package.
        explanations = []
        for breakage in breakages:
            text = ANSI.sub("", breakage.explain(style=griffe.ExplanationStyle.ONE_LINE))
            for root in (roots[0], project):
                text = text.replace(f"{root}/", "")
            explanations.append(text)
        return explanations


def moved_breakages(griffe: Any, old: Any, new: Any) -> list[Any]:
    """What griffe misses: an object moved to another module and imported back (now an alias) is
    never compared, since griffe marks the old path seen before it follows the alias. Compare each
    such object with the alias's target."""
    found: list[Any] = []

    def walk(old_module: Any, new_module: Any) -> None:
        for name, old_member in old_module.members.items():
            new_member = new_module.members.get(name)
            if new_member is None or old_member.is_alias or not old_member.is_public:
                continue
            if new_member.is_alias:
                try:
                    target = new_member.final_target
                except griffe.AliasResolutionError:
                    continue
                found.extend(griffe.find_breaking_changes(old_member, target))
            elif old_member.is_module and new_member.is_module:
                walk(old_member, new_member)

    walk(old, new)
    return found


def wire_equal(old_spec: Path, new_spec: Path) -> bool:
    return load_yaml(old_spec) == load_yaml(new_spec)


def operations(document: dict[str, Any]) -> dict[str, str]:
    """Each operationId of a spec, with the operation it names (``GET /backups``)."""
    return {
        str(operation["operationId"]): f"{method.upper()} {path}"
        for method, path, operation in spec_operations(document)
        if "operationId" in operation
    }


def operation_breakages(old_spec: Path, new_spec: Path) -> list[str]:
    """The released operationIds the current spec no longer has, each named with what became of it:
    renamed (the same method and path under another operationId) or removed."""
    old, new = operations(load_yaml(old_spec)), operations(load_yaml(new_spec))
    by_operation = {where: operation_id for operation_id, where in new.items()}
    breakages = []
    for operation_id, where in old.items():
        if operation_id in new:
            continue
        renamed = by_operation.get(where)
        if renamed is not None and renamed not in old:
            breakages.append(
                f"operationId {operation_id} ({where}) was renamed to {renamed}: its client method is renamed"
            )
        else:
            breakages.append(f"operationId {operation_id} ({where}) was removed: its client method is gone")
    return breakages


def client_differs(release: Release, repo: Path) -> bool:
    """The client package in generated/ is not the one released as RELEASE."""
    return not recorded_package_is_current(release, repo)


def gate(repo: Path = REPO_ROOT, tools: Path = REPO_ROOT, base: Release | None = None) -> GateResult | None:
    """Hold the current spec and client against BASE, by default `gate_base` (None: nothing released
    yet)."""
    release = base if base is not None else gate_base(repo)
    if release is None:
        return None
    spec = repo / SPEC_RELATIVE
    current = spec_version(load_yaml(spec))
    recorded_stale = False
    if base is None and release.version != current:
        # gate_base skipped the release recorded as info.version: what was recorded must be what is built.
        recorded = Release(
            current,
            repo / RELEASED_RELATIVE / f"{current}.yaml",
            repo / RELEASED_RELATIVE / sdist_name(current),
        )
        recorded_stale = (
            recorded.spec.is_file()
            and filecmp.cmp(recorded.spec, spec, shallow=False)
            and recorded.package.is_file()
            and client_differs(recorded, repo)
        )
    wire, output = optic_breakages(release.spec, spec, repo / OPTIC_STANDARD_RELATIVE, tools)
    python = griffe_breakages(release.package, repo / CLIENT_PROJECT_RELATIVE)
    spec_changed = not wire_equal(release.spec, spec)
    return GateResult(
        released=release.version,
        current=current,
        wire_breakages=wire,
        python_breakages=python,
        spec_changed=spec_changed,
        optic_output=output,
        operation_breakages=operation_breakages(release.spec, spec),
        client_changed=not spec_changed and client_differs(release, repo),
        recorded_stale=recorded_stale,
    )


# --- recording and verifying a release -----------------------------------------------------------


def uv() -> str:
    found = os.environ.get("UV") or shutil.which("uv")
    if found is None:
        raise ReleaseError("uv is not on PATH (./dev uv run release ... finds the pinned one)")
    return found


def build_sdist(repo: Path, out: Path) -> Path:
    completed = subprocess.run(
        [uv(), "build", "--no-config", "--sdist", "--out-dir", str(out), str(repo / CLIENT_PROJECT_RELATIVE)],
        capture_output=True,
        text=True,
        check=False,
    )
    built = sorted(out.glob(f"{CLIENT_PACKAGE}-*.tar.gz"))
    if completed.returncode != 0 or len(built) != 1:
        raise ReleaseError(f"uv build failed (exit {completed.returncode}):\n{completed.stderr.strip()}")
    return built[0]


def record(repo: Path = REPO_ROOT, replace: bool = False, tools: Path = REPO_ROOT) -> Release:
    """Keep the current spec and the client's sdist in spec/released/ as the release of info.version,
    once the gate holds it against the release before it.

    Every released spec stays; of the packages, this release's and the one before it (the gate of a
    recorded version compares with it) are kept.
    """
    spec = repo / SPEC_RELATIVE
    version = spec_version(load_yaml(spec))
    released = repo / RELEASED_RELATIVE
    target = released / f"{version}.yaml"
    if target.exists() and not replace:
        raise ReleaseError(
            f"{version} is recorded already ({RELEASED_RELATIVE}/{target.name}); --replace records it "
            "again, which is right only for a version that was never published"
        )
    previous = previous_release(repo, version)
    if previous is not None:
        result = gate(repo, tools, base=previous)
        if result is not None and result.problems:
            raise ReleaseError(f"{version} cannot be recorded:\n{result.report()}")
    kept = {sdist_name(version)} | ({previous.package.name} if previous is not None else set())
    released.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="release-record-") as scratch:
        sdist = build_sdist(repo, Path(scratch))
        for old in released.glob(f"{CLIENT_PACKAGE}-*.tar.gz"):
            if old.name not in kept:
                old.unlink()
        shutil.copyfile(sdist, released / sdist_name(version))
    shutil.copyfile(spec, target)
    return Release(version, target, released / sdist_name(version))


def package_files(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


def recorded_package_is_current(release: Release, repo: Path) -> bool:
    """The recorded sdist holds exactly the client package in generated/."""
    with tempfile.TemporaryDirectory(prefix="release-verify-") as scratch:
        with tarfile.open(release.package) as archive:
            extract(archive, Path(scratch))
        (root,) = (path for path in Path(scratch).iterdir() if path.is_dir())
        recorded = package_files(root / CLIENT_PACKAGE)
    return recorded == package_files(repo / CLIENT_PROJECT_RELATIVE / CLIENT_PACKAGE)


def verify_tag(tag: str, repo: Path = REPO_ROOT, tools: Path = REPO_ROOT) -> str:
    """What a release tag must satisfy before anything is built; returns the version."""
    spec = repo / SPEC_RELATIVE
    version = spec_version(load_yaml(spec))
    if tag != f"v{version}":
        raise ReleaseError(f"the tag {tag} does not name info.version {version}: tag v{version}")
    if not changelog_is_current(repo):
        raise ReleaseError(f"{CHANGELOG_RELATIVE} is stale: run `./dev gen` and commit it")
    release_notes(repo, str(version))
    recorded = repo / RELEASED_RELATIVE / f"{version}.yaml"
    if not recorded.is_file() or not filecmp.cmp(recorded, spec, shallow=False):
        raise ReleaseError(
            f"{RELEASED_RELATIVE}/{version}.yaml is missing or differs from {SPEC_RELATIVE}: "
            "run `uv run release record` (the next version's gate compares with it) and commit it"
        )
    release = last_release(repo)
    if release is None or release.version != version or not recorded_package_is_current(release, repo):
        raise ReleaseError(
            f"{RELEASED_RELATIVE}/{sdist_name(version)} does not hold the client in "
            f"{CLIENT_PROJECT_RELATIVE}: run `uv run release record --replace` and commit it"
        )
    result = gate(repo, tools)
    if result is not None and result.problems:
        raise ReleaseError(f"v{version} breaks the gate:\n{result.report()}")
    return str(version)


def argument_parser() -> argparse.ArgumentParser:
    """`release`'s command line: the repository, then one command and its arguments."""
    parser = argparse.ArgumentParser(prog="release", description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--repo",
        type=lambda value: Path(value).resolve(),
        default=REPO_ROOT,
        help="repository root (default: this checkout)",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    changelog = commands.add_parser("changelog", help="write CHANGELOG.md from the spec's changelog")
    changelog.add_argument("--check", action="store_true", help="exit 1 if CHANGELOG.md is stale")
    notes = commands.add_parser("notes", help="print a version's section of CHANGELOG.md")
    notes.add_argument("version")
    commands.add_parser("check", help="the breaking-change gate against spec/released/")
    recording = commands.add_parser("record", help="keep the current spec and client package as released")
    recording.add_argument("--replace", action="store_true", help="record a version recorded already")
    tag = commands.add_parser("verify-tag", help="check a release tag before building")
    tag.add_argument("tag")
    server = commands.add_parser("server-project", help="stage the backup-api distribution, pinned")
    server.add_argument("directory", type=Path)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = argument_parser().parse_args(argv)
    repo: Path = arguments.repo.resolve()
    try:
        if arguments.command == "changelog":
            if arguments.check:
                if not changelog_is_current(repo):
                    print(f"{CHANGELOG_RELATIVE} is stale: run `./dev gen`", file=sys.stderr)
                    return 1
                print(f"{CHANGELOG_RELATIVE} matches the spec's changelog")
                return 0
            print(f"wrote {write_changelog(repo).relative_to(repo)}")
        elif arguments.command == "notes":
            print(release_notes(repo, arguments.version))
        elif arguments.command == "check":
            result = gate(repo)
            if result is None:
                print(f"release check: nothing released yet ({RELEASED_RELATIVE}/ is empty)")
                return 0
            print(result.report())
            return 1 if result.problems else 0
        elif arguments.command == "record":
            recorded = record(repo, replace=arguments.replace)
            kept = ", ".join(str(path.relative_to(repo)) for path in (recorded.spec, recorded.package))
            print(f"recorded {recorded.version}: {kept}")
        elif arguments.command == "verify-tag":
            print(f"v{verify_tag(arguments.tag, repo)} may be released")
        elif arguments.command == "server-project":
            version = str(spec_version(load_yaml(repo / SPEC_RELATIVE)))
            staged = server_distribution.stage(repo, arguments.directory.resolve(), version, uv())
            print(f"staged backup-api {version} in {staged} (dependencies as uv.lock pins them)")
    except server_distribution.StagingError as error:
        print(f"release: {error}", file=sys.stderr)
        return 2
    except ReleaseError as error:
        print(f"release: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
