"""What tests/pipeline/test_change_loop.py does in its copy of the repository: run commands as a
maintainer's shell does, write each kind of API change as the README says to, and run a workflow
job's steps as a GitHub runner does. The tests (and the copy they share) stay in that module."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import yaml
from packaging.version import Version

from ._support import REPO, output_of, spec_version

SPEC = "spec/backup-api.yaml"


# --- the copy's shell ------------------------------------------------------------------------------


def sh(command: str, cwd: Path, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """A README command as a maintainer's shell runs it: in the copy, with its own environment."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("VIRTUAL_ENV", "UV_PROJECT"))
    }
    env.pop("PYTHONPATH", None)
    return subprocess.run(
        ["bash", "-eo", "pipefail", "-c", command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def must(command: str, cwd: Path, timeout: float = 600) -> str:
    completed = sh(command, cwd, timeout)
    assert completed.returncode == 0, f"{command}\n{output_of(completed)}"
    return completed.stdout


# --- what each kind writes -----------------------------------------------------------------------


def edit(copy: Path, relative: str, old: str, new: str) -> None:
    path = copy / relative
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{relative}: expected one {old!r}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def take_version(copy: Path, version: str, what: str) -> None:
    """info.version and its changelog entry, newest first."""
    current = spec_version(copy / SPEC)
    edit(
        copy,
        SPEC,
        f"  title: Backup API\n  version: {current}\n",
        f"  title: Backup API\n  version: {version}\n",
    )
    edit(copy, SPEC, "    ## Changelog\n\n", f"    ## Changelog\n\n    - {version}: {what}\n")


def next_minor(copy: Path) -> str:
    released = Version(spec_version(copy / SPEC))
    return f"{released.major}.{released.minor + 1}.0"


def add_optional_property(copy: Path) -> list[str]:
    take_version(copy, next_minor(copy), "`Backup.zz_test_label`, a test-only optional field.")
    edit(
        copy,
        SPEC,
        "        device_name:\n          type: string\n",
        "        zz_test_label:\n          type: string\n          description: A test-only field.\n"
        "          examples: [weekly]\n"
        "        device_name:\n          type: string\n",
    )
    # The server does not set it: named, with the reason (as the README says).
    edit(
        copy,
        "tests/unit/test_identity.py",
        "NOT_SET_BY_THE_ENGINE = {\n",
        'NOT_SET_BY_THE_ENGINE = {\n    "zz_test_label": "a test-only field that a client sets",\n',
    )
    return ["tests/unit/test_identity.py", "tests/unit/test_metadata.py"]


OPERATION_RESPONSES = """\
        '401':
          $ref: '#/components/responses/Unauthorized'
        '403':
          $ref: '#/components/responses/CrossSiteRequestRefused'
        '421':
          $ref: '#/components/responses/HostNotAllowed'
        '500':
          $ref: '#/components/responses/InternalError'
"""


def add_path(copy: Path, path_item: str) -> None:
    edit(copy, SPEC, "  /assets:\n", path_item + "  /assets:\n")


def add_route(copy: Path, code: str) -> None:
    route = copy / "server" / "backup_api_server" / "api" / "routes" / "backups.py"
    route.write_text(route.read_text(encoding="utf-8") + "\n\n" + code, encoding="utf-8")


SERVER_CONTRACT = [
    "tests/server/test_http_contract.py::test_routes_are_exactly_the_spec_operations",
    "tests/server/test_http_contract.py::test_every_operation_documents_the_errors_its_inputs_can_cause",
]


def add_operation(copy: Path) -> list[str]:
    take_version(copy, next_minor(copy), "`GET /zz-test/ping`, a test-only operation.")
    add_path(
        copy,
        "  /zz-test/ping:\n    get:\n      tags: [Backups]\n      operationId: backupsZzTestPing\n"
        "      summary: A test-only operation\n      description: Answers 204.\n      x-idempotent: true\n"
        "      responses:\n        '204':\n          description: Nothing to say.\n" + OPERATION_RESPONSES,
    )
    add_route(
        copy,
        '@router.get("/zz-test/ping")\nasync def backups_zz_test_ping() -> Response:\n'
        "    return Response(status_code=204)\n",
    )
    return SERVER_CONTRACT


def add_list_operation(copy: Path) -> list[str]:
    take_version(copy, next_minor(copy), "`GET /zz-test/items`, a test-only list.")
    add_path(
        copy,
        "  /zz-test/items:\n    get:\n      tags: [Backups]\n      operationId: backupsZzTestItems\n"
        "      summary: A test-only list\n      description: The completed backups' ids, a page at a time.\n"
        "      x-idempotent: true\n      parameters:\n"
        "        - $ref: '#/components/parameters/PageLimit'\n"
        "        - $ref: '#/components/parameters/BackupsCursor'\n"
        "      responses:\n        '200':\n          description: A page of ids.\n"
        "          headers:\n            Next-Cursor:\n"
        "              $ref: '#/components/headers/NextBackupsCursor'\n"
        "          content:\n            application/json:\n              schema:\n"
        "                type: object\n                required: [iterable]\n                properties:\n"
        "                  iterable:\n                    type: array\n                    items:\n"
        "                      $ref: '#/components/schemas/BackupId'\n"
        "          links:\n            NextPage:\n"
        "              $ref: '#/components/links/NextZzTestItemsPage'\n"
        "        '422':\n          $ref: '#/components/responses/ValidationFailed'\n"
        "        '503':\n          $ref: '#/components/responses/StoreUnavailable'\n" + OPERATION_RESPONSES,
    )
    edit(
        copy,
        SPEC,
        "\n  links:\n",
        "\n  links:\n    NextZzTestItemsPage:\n      operationId: backupsZzTestItems\n      parameters:\n"
        "        cursor: $response.header.Next-Cursor\n      description: The next page of ids.\n",
    )
    add_route(
        copy,
        '@router.get("/zz-test/items")\n'
        "async def backups_zz_test_items(\n"
        "    request: Request, limit: Limit = DEFAULT_LIMIT, cursor: RawCursor = None\n"
        ") -> Response:\n"
        "    engine = engine_of(request)\n"
        "    records, more = await read(engine, engine.page_backups, backup_before(cursor), limit)\n"
        "    following = backup_cursor(records[-1].backup_id) if more and records else None\n"
        "    ids = [f'\"{record.backup_id}\"'.encode() for record in records]\n"
        "    return list_response(ids, next_cursor_header(following))\n",
    )
    return SERVER_CONTRACT


def deprecate(copy: Path) -> list[str]:
    take_version(copy, next_minor(copy), "`POST /backup/asset` is deprecated (test-only).")
    edit(
        copy,
        SPEC,
        "      operationId: backupAsset\n",
        "      operationId: backupAsset\n      deprecated: true\n",
    )
    return SERVER_CONTRACT


def break_the_api(copy: Path) -> list[str]:
    released = Version(spec_version(copy / SPEC))
    take_version(copy, f"{released.major + 1}.0.0", "The platform `FUCHSIA` is gone (test-only).")
    edit(copy, SPEC, "WINDOWS, FUCHSIA, IOS", "WINDOWS, IOS")
    # What mypy (./dev lint) and the tests name as still using it.
    edit(copy, "server/backup_api_server/engine/identity.py", '    ("fuchsia", PlatformEnum.FUCHSIA),\n', "")
    edit(copy, "tests/unit/test_identity.py", '        ("fuchsia", PlatformEnum.FUCHSIA),\n', "")
    return ["tests/unit/test_identity.py", "tests/unit/test_engine_creation_restoration.py"]


# --- the release job, its steps run as release.yml has them --------------------------------------

# The runner's set-up, done once in the copy (`uses:` steps are the checkout and the toolchains).
SET_UP_STEPS = ("Install the pinned tools", "Install what .ci/run expects of the machine")


@dataclass(frozen=True)
class Step:
    name: str
    run: str
    env: dict[str, str]


def job_steps(workflow: str, job: str, tag: str) -> list[Step]:
    """A job's `run:` steps as written, their `env` expressions resolved as GitHub would for TAG."""
    document = yaml.safe_load((REPO / ".github" / "workflows" / workflow).read_text(encoding="utf-8"))
    expressions = {"${{ github.ref_name }}": tag}
    found = []
    for step in document["jobs"][job]["steps"]:
        if "run" not in step or step.get("name") in SET_UP_STEPS:
            continue
        env = {}
        for name, value in step.get("env", {}).items():
            assert value in expressions, f"{workflow} {job}: no local value for {value!r}"
            env[name] = expressions[value]
        assert "${{" not in step["run"], f"{step['name']}: an expression in the script"
        found.append(Step(step["name"], step["run"], env))
    return found


def run_job(
    copy: Path, steps: list[Step], runner_temp: Path, extra: dict[str, str] | None = None
) -> str | None:
    """Run the steps as a GitHub runner does (bash -eo pipefail, GITHUB_ACTIONS and CI set); the
    name of the first that fails, or None."""
    runner_temp.mkdir(parents=True, exist_ok=True)
    base = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("VIRTUAL_ENV", "UV_PROJECT"))
    }
    base.pop("PYTHONPATH", None)
    base |= {"GITHUB_ACTIONS": "true", "CI": "true", "RUNNER_TEMP": str(runner_temp), **(extra or {})}
    for step in steps:
        completed = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step.run],
            cwd=copy,
            env=base | step.env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=900,
            check=False,
        )
        if completed.returncode != 0:
            print(f"{step.name}: {output_of(completed)}")
            return step.name
    return None
