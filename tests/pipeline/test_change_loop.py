"""The README's loop for each kind of API change, walked as written, in a copy of the repository.

The copy is made once, as `main` stands right after a release of its `info.version` (that version
recorded in spec/released/, so every change needs a new one). For each kind of change the test
writes what the README's section says to write (the spec edit, its version and changelog entry,
the server code), then runs the section's commands, taken from README.md itself, in the copy. Then
the drift check, the gate and the tests the change touches must pass. `./dev test` (the whole
suite, ~20 minutes) is the one command not run: the touched tests stand for it.

Leaving `./dev gen` out of the README's steps must break the loop (asserted), so the README cannot
lose a step the loop needs without this test failing.

Fixtures use names no real field or operation will take (`zz_test_*`).
"""

from __future__ import annotations

import os
import re
import shutil
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from ._change_loop_support import (
    SPEC,
    add_list_operation,
    add_operation,
    add_optional_property,
    break_the_api,
    deprecate,
    edit,
    job_steps,
    must,
    run_job,
    sh,
)
from ._support import REPO, copy_files, output_of, require_program, spec_version

# Each test runs whole commands (gen, the gate, lint, tests) in the copy: minutes, not the suite's 300 s.
pytestmark = [pytest.mark.slow, pytest.mark.timeout(1500)]

README_SECTIONS = {
    "optional property": "#### Add an optional property (minor version)",
    "operation": "#### Add an operation (minor version)",
    "list operation": "#### Add a list operation (minor version)",
    "deprecation": "#### Deprecate an operation or a property (minor version)",
    "breaking change": "#### Make a breaking change (major version)",
}
# The whole suite: the touched tests below stand for it (it takes ~20 minutes).
NOT_RUN = "./dev test"
# Common to every kind: what `./dev gen` remakes and the changelog.
ALWAYS_TOUCHED = [
    "tests/pipeline/test_codegen.py",
    "tests/pipeline/test_client_api.py",
    "tests/pipeline/test_overrides.py",
    "tests/pipeline/test_release.py::test_changelog_md_is_made_from_the_spec",
    "tests/pipeline/test_release.py::test_each_version_has_its_changelog_section",
    "tests/pipeline/test_generator_internals.py",
    "tests/pipeline/test_template_data.py",
]


def readme_steps(section: str, readme: str | None = None) -> list[str]:
    """The commands of the README section's first `sh` block, one per line."""
    text = readme if readme is not None else (REPO / "README.md").read_text(encoding="utf-8")
    assert section in text, f"README.md has no section {section!r}"
    block = re.search(r"```sh\n(.*?)```", text[text.index(section) :], re.S)
    assert block is not None, f"{section}: no ```sh block"
    return [line.strip() for line in block[1].splitlines() if line.strip() and not line.startswith("#")]


# --- the copy ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def released_copy(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A git copy of the repository with its own .venv, its current version recorded as released."""
    require_program("node", "the breaking-change gate (Optic)", "Node 22 with npm")
    require_program("git", "the copy's resets between kinds", "apt install git")
    copy = copy_files(REPO, tmp_path_factory.mktemp("loop") / "repo")
    # Read-only use (Optic, Redocly): nothing in the loop runs npm, so a link is enough.
    (copy / "node_modules").symlink_to(REPO / "node_modules")
    if (REPO / ".mypy_cache").is_dir():
        shutil.copytree(REPO / ".mypy_cache", copy / ".mypy_cache")
    must("./dev uv sync --locked --quiet", copy)
    version = spec_version(copy / SPEC)
    if not (copy / "spec" / "released" / f"{version}.yaml").is_file():
        must("./dev uv run --locked release record", copy)
    must("git init -q && git add -A && git -c user.name=t -c user.email=t@t commit -qm released", copy)
    yield copy


def reset(copy: Path) -> None:
    must("git reset -q --hard && git clean -qfdx -e .venv -e node_modules -e .mypy_cache", copy)


# --- the kinds (what each writes: _change_loop_support) ---------------------------------------------


@dataclass(frozen=True)
class Kind:
    write: Callable[[Path], list[str]]
    breaking: bool = False


KINDS = {
    "optional property": Kind(add_optional_property),
    "operation": Kind(add_operation),
    "list operation": Kind(add_list_operation),
    "deprecation": Kind(deprecate),
    "breaking change": Kind(break_the_api, breaking=True),
}


def walk(copy: Path, steps: list[str]) -> dict[str, float]:
    """Run the steps in order, stopping at the first that fails; the seconds each took."""
    seconds: dict[str, float] = {}
    for step in steps:
        if step == NOT_RUN:
            continue
        started = time.monotonic()
        completed = sh(step, copy)
        seconds[step] = round(time.monotonic() - started, 1)
        assert completed.returncode == 0, f"README step {step!r} failed:\n{output_of(completed)}"
    return seconds


@pytest.mark.parametrize("name", list(KINDS))
def test_the_readme_loop_leaves_main_green(released_copy: Path, name: str) -> None:
    reset(released_copy)
    touched = KINDS[name].write(released_copy)
    steps = readme_steps(README_SECTIONS[name])
    assert steps[0] == "./dev gen" and steps[-1] == NOT_RUN, steps

    seconds = walk(released_copy, steps)
    print(f"{name}: {seconds}")  # the time each step takes (-s shows it)

    must("./dev uv run --locked codegen check", released_copy)
    gate = must("./dev uv run --locked release check", released_copy)
    assert gate.rstrip().endswith("OK"), gate
    assert ("breaking change(s)" in gate) is KINDS[name].breaking, gate
    must(
        f"./dev uv run --locked pytest -q -p no:cacheprovider {' '.join(ALWAYS_TOUCHED + touched)}",
        released_copy,
    )


def test_the_loop_without_dev_gen_fails(released_copy: Path) -> None:
    reset(released_copy)
    add_optional_property(released_copy)
    steps = [step for step in readme_steps(README_SECTIONS["optional property"]) if step != "./dev gen"]

    with pytest.raises(AssertionError, match=r"README step '.*' failed"):
        walk(released_copy, steps)
    drift = sh("./dev uv run --locked codegen check", released_copy)
    assert drift.returncode == 1 and "run `./dev gen`" in drift.stderr, output_of(drift)


def test_the_readme_steps_are_read_from_the_readme() -> None:
    # What the loop runs is what README.md says: a step taken out of the README is out of the loop.
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = README_SECTIONS["operation"]
    assert "./dev gen" in readme_steps(section, readme)
    trimmed = readme.replace("```sh\n./dev gen\n", "```sh\n", 1)
    assert "./dev gen" not in readme_steps(README_SECTIONS["optional property"], trimmed)


# --- the release job, its steps run as release.yml has them --------------------------------------

PLANTED_FAILURE = "tests/unit/test_zz_test_planted_failure.py"


def release_tag(copy: Path) -> str:
    return f"v{spec_version(copy / SPEC)}"


def test_the_release_job_builds_both_distributions_of_a_green_commit(
    released_copy: Path, tmp_path: Path
) -> None:
    reset(released_copy)
    must("rm -rf dist notes", released_copy)
    tag = release_tag(released_copy)

    failed = run_job(released_copy, job_steps("release.yml", "build", tag), tmp_path / "runner")

    assert failed is None
    version = tag.removeprefix("v")
    assert sorted(path.name for path in (released_copy / "dist").glob("backup_api*")) == [
        f"backup_api-{version}-py3-none-any.whl",
        f"backup_api-{version}.tar.gz",
        f"backup_api_client-{version}-py3-none-any.whl",
        f"backup_api_client-{version}.tar.gz",
    ]


def test_a_hand_edit_of_generated_is_never_released(released_copy: Path, tmp_path: Path) -> None:
    # Finding 2: a hand edit that keeps the API (a patched USER_AGENT), recorded as the release.
    reset(released_copy)
    client = "generated/backup-api-client/backup_api_client/client.py"
    edit(released_copy, client, 'USER_AGENT = "backup-api-client/', 'USER_AGENT = "zz-test-patched/')
    must("./dev uv run --locked release record --replace", released_copy)
    tag = release_tag(released_copy)
    must(f"./dev uv run --locked release verify-tag {tag}", released_copy)  # what let it through before

    failed = run_job(released_copy, job_steps("release.yml", "build", tag), tmp_path / "runner")

    assert failed == "The drift check (generated/ is what the spec, templates and overrides make)"
    assert not (released_copy / "dist").exists()


def test_a_commit_with_a_failing_test_is_never_released(released_copy: Path, tmp_path: Path) -> None:
    # release.yml's build needs its job `ci`, which is ci.yml itself; ci.yml's whole-suite job runs
    # .ci/run. Here .ci/run runs only the planted test (PYTEST_ADDOPTS), the rest being green.
    release = yaml.safe_load((REPO / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8"))
    assert release["jobs"]["build"]["needs"] == "ci"
    assert release["jobs"]["ci"]["uses"] == "./.github/workflows/ci.yml"
    reset(released_copy)
    # ./dev test runs `npm ci`, which replaces node_modules: a copy of links, not the link to ours.
    (released_copy / "node_modules").unlink()
    try:
        must(f"cp -al {REPO / 'node_modules'} node_modules", released_copy)
        (released_copy / PLANTED_FAILURE).write_text(
            "def test_zz_test_planted_failure() -> None:\n    assert 1 + 1 == 3\n", encoding="utf-8"
        )
        ci = job_steps("ci.yml", "full-suite", release_tag(released_copy))
        # .ci/run installs Chromium when it is missing; the planted test needs no browser.
        stubs = tmp_path / "stubs"
        stubs.mkdir()
        (stubs / "chromium").write_text("#!/bin/sh\nexit 1\n", encoding="utf-8")
        (stubs / "chromium").chmod(0o755)
        planted = {
            "PYTEST_ADDOPTS": f"-p no:cacheprovider {PLANTED_FAILURE}",
            "PATH": f"{stubs}{os.pathsep}{os.environ['PATH']}",
        }

        failed = run_job(released_copy, ci, tmp_path / "runner", planted)

        assert failed == "./dev test (through .ci/run)"
    finally:
        shutil.rmtree(released_copy / "node_modules", ignore_errors=True)
        (released_copy / "node_modules").symlink_to(REPO / "node_modules")


# --- ./dev does what the steps need ----------------------------------------------------------------


def test_dev_gen_rebuilds_an_empty_generated(released_copy: Path) -> None:
    reset(released_copy)
    shutil.rmtree(released_copy / "generated")
    (released_copy / "generated").mkdir()

    must("./dev gen", released_copy)

    assert must("git status --porcelain", released_copy) == ""  # the same bytes, the same lock


def test_a_stale_lock_is_named_with_the_command_that_relocks_it(released_copy: Path) -> None:
    reset(released_copy)
    edit(released_copy, "pyproject.toml", 'version = "1.0.0"', 'version = "1.0.1"')

    stale = sh("./dev lint", released_copy)

    assert stale.returncode == 1, output_of(stale)
    last_line = stale.stderr.strip().splitlines()[-1]
    assert last_line.startswith("./dev: uv.lock does not match the pyproject.toml files"), last_line
    assert last_line.endswith("run ./dev gen (or ./dev lock)"), last_line
    must("./dev lock", released_copy)
    must("./dev uv lock --check", released_copy)
