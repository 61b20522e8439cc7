"""Releases: CHANGELOG.md is made from the spec's changelog, a release tag is checked before anything
is built, and the breaking-change gate holds every change against the last release in spec/released/,
on the wire (Optic) and in the client's Python API (griffe).

The gate's tests edit the spec for real in a temporary copy of the repository, regenerate the client
there, and run the gate on the copy: a removed property fails without a major bump and passes with
one; an added optional property passes with a minor bump and fails without any.
"""

from __future__ import annotations

import os
import re
import shutil
import tarfile
from dataclasses import replace
from pathlib import Path

import pytest

from backup_api_codegen import release
from backup_api_codegen.driver import generate

from ._release_support import (
    BREAKING_EDITS,
    DEVICE_NAME,
    MAJOR,
    NEXT,
    RELEASED,
    RELEASED_SPECS,
    RENAMED_FROM,
    RENAMED_TO,
    copy_repo,
    edit_spec,
    gate,
    remove_device_name,
    set_version,
    write_spec,
)
from ._support import REPO, SPEC, require_program, spec_document, spec_version

OPTIC = REPO / "node_modules" / ".bin" / "optic"


@pytest.fixture(scope="module")
def optic() -> Path:
    require_program("node", "the wire-level breaking-change check (Optic)", "Node 22 with npm")
    if not OPTIC.exists():
        message = "Optic is not installed: run `npm ci` (./dev test does)"
        if os.environ.get("CI"):
            pytest.fail(f"{message}; in CI the breaking-change gate must run")
        pytest.skip(message)
    return OPTIC


# --- the changelog -------------------------------------------------------------------------------


def test_changelog_md_is_made_from_the_spec() -> None:
    assert release.changelog_is_current(REPO), "CHANGELOG.md is stale: run `./dev gen`"


def test_each_version_has_its_changelog_section() -> None:
    entries = release.spec_changelog(spec_document())
    sections = release.changelog_sections((REPO / "CHANGELOG.md").read_text(encoding="utf-8"))
    assert entries[0].version == spec_version(), "the newest changelog entry is not info.version's"
    assert [entry.version for entry in entries] == list(sections)
    for entry in entries:
        assert sections[entry.version] == entry.text
    for recorded in (REPO / release.RELEASED_RELATIVE).glob("*.yaml"):
        assert recorded.stem in sections, f"released {recorded.stem} has no changelog section"


def test_release_notes_refuse_a_version_without_a_section() -> None:
    assert release.release_notes(REPO, "1.0.0").startswith("First version.")
    assert release.release_notes(REPO, spec_version())  # the current version has its section
    with pytest.raises(release.ReleaseError, match=re.escape("has no section for 9.9.9")):
        release.release_notes(REPO, "9.9.9")


@pytest.mark.parametrize(
    ("changelog", "message"),
    [
        ("## Changelog\n\n- 1.0.0: first\n- 1.1.0: second\n", "newest first"),
        ("## Changelog\n\n- 1.0.0: first\n- 1.0.0: again\n", "unique"),
        ("## Changelog\n\nSome prose.\n", "neither an entry"),
        ("## Changelog\n\n- one: first\n", "is not a version"),
        ("No changelog here.\n", "has no '## Changelog' section"),
    ],
)
def test_a_malformed_spec_changelog_is_refused(changelog: str, message: str) -> None:
    with pytest.raises(release.ReleaseError, match=message):
        release.spec_changelog({"info": {"description": changelog}})


def test_entries_keep_their_paragraphs_and_stop_at_the_next_heading() -> None:
    description = (
        "Intro.\n\n## Changelog\n\n- 1.1.0: Added `x`,\n  on two lines.\n\n  A paragraph.\n"
        "- 1.0.0: First.\n\n## Next\n"
    )
    entries = release.spec_changelog({"info": {"description": description}})
    assert entries == [
        release.ChangelogEntry("1.1.0", "Added `x`,\non two lines.\n\nA paragraph."),
        release.ChangelogEntry("1.0.0", "First."),
    ]
    rendered = release.render_changelog(entries)
    assert release.changelog_sections(rendered) == {entry.version: entry.text for entry in entries}


# --- what spec/released/ keeps -------------------------------------------------------------------


def test_the_last_release_keeps_its_spec_and_its_client_package() -> None:
    last = release.last_release(REPO)
    assert last is not None, "spec/released/ records no release"
    assert str(release.spec_version(release.load_yaml(last.spec))) == str(last.version)
    with tarfile.open(last.package) as archive:
        names = archive.getnames()
        info = archive.extractfile(f"{release.CLIENT_PACKAGE}-{last.version}/PKG-INFO")
        assert info is not None
        metadata = info.read().decode()
    assert f"Version: {last.version}\n" in metadata
    assert f"{release.CLIENT_PACKAGE}-{last.version}/{release.CLIENT_PACKAGE}/__init__.py" in names


@pytest.mark.slow
def test_a_release_tag_is_verified_before_anything_is_built(optic: Path, tmp_path: Path) -> None:
    repo = copy_repo(tmp_path / "repo")
    set_version(repo, NEXT)
    with pytest.raises(release.ReleaseError, match=re.escape(f"does not name info.version {NEXT}")):
        release.verify_tag(f"v{RELEASED}", repo)
    with pytest.raises(release.ReleaseError, match=re.escape(f"has no section for {NEXT}")):
        release.verify_tag(f"v{NEXT}", repo)

    edit_spec(repo, "  ## Changelog\n\n", f"  ## Changelog\n\n    - {NEXT}: Nothing new.\n")
    with pytest.raises(release.ReleaseError, match=re.escape("CHANGELOG.md is stale")):
        release.verify_tag(f"v{NEXT}", repo)
    release.write_changelog(repo)
    generate(repo)
    with pytest.raises(release.ReleaseError, match="run `uv run release record`"):
        release.verify_tag(f"v{NEXT}", repo)

    recorded = release.record(repo)
    assert recorded.package.name == f"backup_api_client-{NEXT}.tar.gz"
    assert release.verify_tag(f"v{NEXT}", repo) == NEXT
    assert release.release_notes(repo, NEXT) == "Nothing new."
    # The packages of the last release and of the one before it (its gate's) are kept; every spec stays.
    assert sorted(path.name for path in (repo / release.RELEASED_RELATIVE).iterdir()) == sorted(
        [
            *RELEASED_SPECS,
            f"{NEXT}.yaml",
            f"backup_api_client-{RELEASED}.tar.gz",
            f"backup_api_client-{NEXT}.tar.gz",
        ]
    )
    with pytest.raises(release.ReleaseError, match="recorded already"):
        release.record(repo)


# --- the breaking-change gate --------------------------------------------------------------------


@pytest.mark.slow
def test_the_current_spec_passes_the_gate(optic: Path, capsys: pytest.CaptureFixture[str]) -> None:
    exit_code = release.main(["check"])
    report = capsys.readouterr().out
    assert exit_code == 0, report
    assert report.rstrip().endswith("OK"), report


@pytest.mark.slow
def test_removing_a_property_fails_without_a_major_bump(optic: Path, tmp_path: Path) -> None:
    repo = copy_repo(tmp_path / "repo")
    remove_device_name(repo)
    generate(repo)
    set_version(repo, NEXT)

    result = gate(repo)

    assert any("cannot remove response property 'device_name'" in item for item in result.wire_breakages)
    assert any("Backup.device_name: Public object was removed" in item for item in result.python_breakages)
    assert result.problems == [
        f"breaking changes since {RELEASED} need a new major version: info.version is {NEXT}, "
        f"make it {MAJOR} (or undo the breaking changes)"
    ]
    # The same changes under a new major version pass, still named at both levels.
    set_version(repo, MAJOR)
    major = gate(repo)
    assert major.problems == [], major.report()
    assert major.wire_breakages == result.wire_breakages
    assert major.python_breakages == result.python_breakages


@pytest.mark.slow
def test_recording_a_version_does_not_exempt_it_from_the_gate(optic: Path, tmp_path: Path) -> None:
    repo = copy_repo(tmp_path / "repo")
    remove_device_name(repo)
    set_version(repo, NEXT)
    edit_spec(repo, "  ## Changelog\n\n", f"  ## Changelog\n\n    - {NEXT}: `device_name` is gone.\n")
    release.write_changelog(repo)
    generate(repo)
    released = repo / release.RELEASED_RELATIVE

    with pytest.raises(release.ReleaseError, match=re.escape(f"{NEXT} cannot be recorded")):
        release.record(repo)
    assert not (released / f"{NEXT}.yaml").exists()

    # Recorded all the same (by hand): the gate still holds it against the last release, not against itself,
    # and its tag is refused.
    shutil.copyfile(repo / release.SPEC_RELATIVE, released / f"{NEXT}.yaml")
    sdist = release.build_sdist(repo, tmp_path / "dist")
    shutil.copyfile(sdist, released / sdist.name)
    base = release.gate_base(repo)
    assert base is not None and base.version == RELEASED
    result = gate(repo)
    assert any("need a new major version" in problem for problem in result.problems), result.report()
    with pytest.raises(release.ReleaseError, match=re.escape(f"v{NEXT} breaks the gate")):
        release.verify_tag(f"v{NEXT}", repo)


@pytest.mark.slow
def test_adding_an_optional_property_passes_with_a_minor_bump(optic: Path, tmp_path: Path) -> None:
    repo = copy_repo(tmp_path / "repo")
    edit_spec(
        repo,
        DEVICE_NAME,
        DEVICE_NAME
        + "        zz_test_label:\n          type: string\n          description: A test-only field.\n",
    )
    generate(repo)
    set_version(repo, NEXT)

    result = gate(repo)

    assert not result.breaking, result.report()
    assert result.spec_changed
    assert result.problems == []
    # The same change without a new version fails: the last release is taken already.
    unbumped = replace(result, current=RELEASED).problems
    assert (
        len(unbumped) == 1
        and f"take a new version ({RELEASED.major}.{RELEASED.minor + 1}.0 for an addition" in unbumped[0]
    )


@pytest.mark.slow
@pytest.mark.parametrize("name", list(BREAKING_EDITS))
def test_the_gate_catches_a_breaking_edit(
    optic: Path, tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    change, wire_message, python_name = BREAKING_EDITS[name]
    repo = copy_repo(tmp_path / "repo")
    change(repo)
    generate(repo)
    set_version(repo, NEXT)

    result = gate(repo)

    assert any(wire_message in item for item in result.wire_breakages), result.report()
    assert any(python_name in item for item in result.python_breakages), result.report()
    assert any("need a new major version" in problem for problem in result.problems)


def test_the_optic_standard_is_the_breaking_change_ruleset() -> None:
    standard = release.load_yaml(REPO / release.OPTIC_STANDARD_RELATIVE)
    # Its rules also when the major version changes (Optic skips them then by default).
    assert standard == {"ruleset": [{"breaking-changes": {"skip_when_major_version_changes": False}}]}
    assert SPEC.exists()


# --- operationIds and client-only changes ----------------------------------------------------------


def test_a_renamed_or_removed_operation_id_is_named_as_breaking(tmp_path: Path) -> None:
    old = write_spec(
        tmp_path / "old.yaml",
        {"backupsList": ("get", "/backups"), "zzTestGone": ("delete", "/zz"), "zzTestKept": ("get", "/zz")},
    )
    new = write_spec(
        tmp_path / "new.yaml", {"zzTestListed": ("get", "/backups"), "zzTestKept": ("get", "/zz")}
    )

    assert release.operation_breakages(old, new) == [
        "operationId backupsList (GET /backups) was renamed to zzTestListed: its client method is renamed",
        "operationId zzTestGone (DELETE /zz) was removed: its client method is gone",
    ]
    # Adding an operation breaks nothing.
    assert (
        release.operation_breakages(
            new,
            write_spec(
                tmp_path / "more.yaml",
                {
                    "zzTestListed": ("get", "/backups"),
                    "zzTestKept": ("get", "/zz"),
                    "zzTestNew": ("post", "/zz"),
                },
            ),
        )
        == []
    )


@pytest.mark.slow
def test_the_gate_names_an_operation_id_rename(
    optic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The client's method name stays (the spec's `x-method-name`): only the operationId (and the
    # module the generator names after it) changes, which Optic does not report at all.
    repo = copy_repo(tmp_path / "repo")
    spec = repo / release.SPEC_RELATIVE  # the operation and the links that name it
    spec.write_text(spec.read_text(encoding="utf-8").replace(RENAMED_FROM, RENAMED_TO), encoding="utf-8")
    generate(repo)
    set_version(repo, NEXT)

    result = gate(repo)

    assert result.wire_breakages == [], result.report()
    assert any(
        f"operationId {RENAMED_FROM} (" in item and f"renamed to {RENAMED_TO}" in item
        for item in result.operation_breakages
    ), result.report()
    assert f"operationId {RENAMED_FROM}" in result.report()
    assert any("need a new major version" in problem for problem in result.problems)
    set_version(repo, MAJOR)
    assert gate(repo).problems == []


@pytest.mark.slow
def test_a_client_only_change_needs_a_new_patch_version(optic: Path, tmp_path: Path) -> None:
    # The copy's current state, released: its spec and the sdist of its generated client.
    repo = copy_repo(tmp_path / "repo")
    generate(repo)
    released_spec = shutil.copyfile(repo / release.SPEC_RELATIVE, tmp_path / f"{RELEASED}.yaml")
    sdist = release.build_sdist(repo, tmp_path / "dist")
    base = release.Release(RELEASED, Path(released_spec), sdist)
    unchanged = release.gate(repo, tools=REPO, base=base)
    assert unchanged is not None and not unchanged.client_changed and unchanged.problems == []

    # A change of overrides/ only (templates/ the same way): the spec is the released one.
    override = sorted((repo / "overrides").glob("*.py"))[0]
    notice, rest = override.read_text(encoding="utf-8").split("\n", 1)
    override.write_text(f"{notice}\n# zz_test: a client-only change\n{rest}", encoding="utf-8")
    generate(repo)
    changed = release.gate(repo, tools=REPO, base=base)

    assert changed is not None and changed.client_changed and not changed.spec_changed
    patch = f"{RELEASED.major}.{RELEASED.minor}.{RELEASED.micro + 1}"
    assert len(changed.problems) == 1 and f"take {patch}" in changed.problems[0], changed.report()
    set_version(repo, patch)
    bumped = release.gate(repo, tools=REPO, base=base)
    assert bumped is not None
    assert bumped.problems == [], bumped.report()
