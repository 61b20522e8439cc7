"""A spec change flows by itself, or fails a named check that says where to fill it in: never silently.

Each case copies the repository, patches its spec, regenerates (`codegen generate` on the copy), and
then runs the copy's own code and tests (the copy's `server/`, `cli/` and `generated/` come first on
the path, ahead of this checkout's editable installs) to assert what the change did.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from backup_api_codegen.driver import generate

from ._support import REPO, copy_files, output_of

pytestmark = pytest.mark.slow

# What the copy needs to generate and to run its own server, client and tests.
COPIED = ("spec", "templates", "overrides", "codegen", "generated", "server", "cli", "tests")
SPEC = Path("spec") / "backup-api.yaml"


@pytest.fixture
def repo(tmp_path: Path) -> Iterator[Path]:
    copy = tmp_path / "repo"
    for name in COPIED:
        copy_files(REPO / name, copy / name)
    for name in ("pyproject.toml", "README.md", "CHANGELOG.md"):
        (copy / name).write_bytes((REPO / name).read_bytes())
    yield copy


def patch_spec(repo: Path, old: str, new: str) -> None:
    spec = repo / SPEC
    text = spec.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"the patch expects exactly one {old!r} in the spec"
    spec.write_text(text.replace(old, new), encoding="utf-8")
    generate(repo)


def copy_env(repo: Path) -> dict[str, str]:
    paths = [
        repo,
        repo / "server",
        repo / "cli",
        repo / "generated",
        repo / "generated" / "backup-api-client",
    ]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(str(path) for path in paths)}


def in_copy(repo: Path, *command: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """A command run in the copy, its packages first on the path (and mypy's)."""
    env = copy_env(repo)
    return subprocess.run(
        command,
        cwd=repo,
        env=env | {"MYPYPATH": env["PYTHONPATH"]},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def run_in_copy(repo: Path, code: str) -> subprocess.CompletedProcess[str]:
    """Python code run against the copy's packages; it prints what it found."""
    return in_copy(repo, sys.executable, "-c", textwrap.dedent(code))


def pytest_in_copy(repo: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    return in_copy(
        repo,
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "--rootdir",
        str(repo),
        *arguments,
    )


def assert_type_checks(repo: Path) -> None:
    """mypy --strict passes on the copy's server, command line and regenerated client."""
    typed = in_copy(
        repo,
        sys.executable,
        "-m",
        "mypy",
        "--strict",
        "--cache-dir",
        str(repo / ".mypy-cache"),
        "-p",
        "backup_api_server",
        "-p",
        "backup_api_cli",
        "-p",
        "backup_api_client",
    )
    assert typed.returncode == 0, output_of(typed)


def test_the_copy_runs_its_own_code(repo: Path) -> None:
    """The premise of the others: what runs is the copy's code, not this checkout's."""
    marker = repo / "server" / "backup_api_server" / "settings.py"
    marker.write_text(marker.read_text(encoding="utf-8") + "\nCOPY_MARKER = True\n", encoding="utf-8")
    completed = run_in_copy(
        repo,
        """
        import backup_api_client, backup_api_server.settings as settings, backup_api_server_models
        print(settings.COPY_MARKER, backup_api_client.__file__, backup_api_server_models.__file__)
        """,
    )
    assert completed.returncode == 0, output_of(completed)
    flag, client, models = completed.stdout.split()
    assert flag == "True"
    assert Path(client).is_relative_to(repo) and Path(models).is_relative_to(repo)


def test_a_new_optional_backup_property_reaches_the_answers_or_a_named_test_says_where(repo: Path) -> None:
    patch_spec(
        repo,
        "        device_name:\n",
        "        zz_test_label:\n          type: string\n          description: A test-only field.\n"
        "        device_name:\n",
    )

    # The models carry it, and a stored backup that holds it answers with it (no edit needed).
    completed = run_in_copy(
        repo,
        """
        from backup_api_client.models import Backup as ClientBackup
        from backup_api_server_models import Backup
        from backup_api_server.storage.metadata import backup_json
        print("zz_test_label" in Backup.model_fields, "zz_test_label" in ClientBackup.__annotations__)
        backup = Backup.model_validate({
            "id": "1.0.0_1764253683123456", "version": "1.0.0", "timestamp": "1764253683123456", "bytes": 1,
            "created": {"value": "2025-11-27T14:28:03.123456Z"}, "device_name": "d", "platform": "LINUX",
            "zz_test_label": "weekly",
        })
        print(backup_json(backup)["zz_test_label"])
        """,
    )
    assert completed.returncode == 0, output_of(completed)
    assert completed.stdout.split() == ["True", "True", "weekly"]

    # The copy type-checks as it is (a new *required* field would fail here, at `new_backup`).
    assert_type_checks(repo)

    # New backups do not set it yet: the named test fails and names the field.
    named = pytest_in_copy(
        repo, "tests/unit/test_identity.py::test_every_backup_field_is_set_by_the_engine_or_said_why_not"
    )
    assert named.returncode == 1, output_of(named)
    assert "zz_test_label" in named.stdout


def test_new_enum_values_are_accepted_end_to_end_without_edits(repo: Path) -> None:
    patch_spec(repo, "enum: [UNKNOWN, WEB, MACOS,", "enum: [UNKNOWN, WEB, ZZ_TEST_PLATFORM, MACOS,")
    patch_spec(
        repo,
        "enum: [UNKNOWN, INITIALIZED, IN-PROGRESS,",
        "enum: [UNKNOWN, INITIALIZED, ZZ_TEST_STATUS, IN-PROGRESS,",
    )

    completed = run_in_copy(
        repo,
        """
        from backup_api_client.models import BackupStatus as ClientStatus, PlatformEnum as ClientPlatform
        from backup_api_server import contract
        from backup_api_server_models import BackupStatus, BackupStatusEnum, PlatformEnum
        backup = {
            "id": "1.0.0_1764253683123456", "version": "1.0.0", "timestamp": "1764253683123456", "bytes": 1,
            "created": {"value": "2025-11-27T14:28:03.123456Z"}, "device_name": "d",
            "platform": "ZZ_TEST_PLATFORM",
        }
        print(PlatformEnum("ZZ_TEST_PLATFORM").value, BackupStatusEnum("ZZ_TEST_STATUS").value)
        print(ClientPlatform("ZZ_TEST_PLATFORM").value)
        print(contract.schema_errors("Backup", backup) == [])
        status = BackupStatus(backup=backup, percentage=12.5, value="ZZ_TEST_STATUS")
        wire = status.model_dump(mode="json", by_alias=True, exclude_none=True)
        print(ClientStatus.from_dict(wire).value.value, ClientStatus.from_dict(wire).backup.platform.value)
        """,
    )
    assert completed.returncode == 0, output_of(completed)
    assert completed.stdout.split() == [
        "ZZ_TEST_PLATFORM",
        "ZZ_TEST_STATUS",
        "ZZ_TEST_PLATFORM",
        "True",
        "ZZ_TEST_STATUS",
        "ZZ_TEST_PLATFORM",
    ]
    assert_type_checks(repo)

    # The one place that names platforms (which `sys.platform` is which member) is asked to map the
    # new one by a named test; the rest of the engine's tests pass as they are.
    engine_tests = pytest_in_copy(repo, "tests/unit/test_identity.py")
    assert engine_tests.returncode == 1, output_of(engine_tests)
    failed = [line for line in engine_tests.stdout.splitlines() if line.startswith("FAILED")]
    assert len(failed) == 1 and "test_every_platform_of_the_spec_is_reachable" in failed[0], failed
    assert "ZZ_TEST_PLATFORM" in engine_tests.stdout


def test_a_tightened_backup_id_pattern_is_enforced_without_edits(repo: Path) -> None:
    patch_spec(
        repo,
        "      pattern: '^[0-9A-Za-z]+(?:[.+-][0-9A-Za-z]+)*_[0-9]{1,20}$'\n",
        "      pattern: '^[0-9]+(?:[.][0-9]+)*_[0-9]{1,20}$'\n",
    )

    completed = run_in_copy(
        repo,
        """
        import asyncio, tempfile
        from pathlib import Path
        import httpx
        from backup_api_server import contract
        from backup_api_server.api import create_app

        print(contract.backup_id_is_valid("1.0.0_1"), contract.backup_id_is_valid("1.0.0-beta_1"))

        async def ask() -> None:
            app = create_app(Path(tempfile.mkdtemp()) / "data")
            async with app.router.lifespan_context(app):
                transport = httpx.ASGITransport(app=app)
                async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as http:
                    refused = await http.get("/backup/1.0.0-beta_1")
                    unknown = await http.get("/backup/1.0.0_1")
            print(refused.status_code, unknown.status_code)

        asyncio.run(ask())
        """,
    )
    assert completed.returncode == 0, output_of(completed)
    assert completed.stdout.split() == ["True", "False", "422", "404"]
    assert_type_checks(repo)


def test_a_new_operation_grows_the_client_and_a_test_names_the_missing_route(repo: Path) -> None:
    patch_spec(
        repo,
        "  /backups/{backup}/delete:\n",
        "  /backups/count:\n"
        "    get:\n"
        "      tags: [Backups]\n"
        "      operationId: backupsCount\n"
        "      summary: Count the stored backups\n"
        "      x-idempotent: true\n"
        "      responses:\n"
        "        '200':\n"
        "          description: How many backups are stored.\n"
        "          content:\n"
        "            application/json:\n"
        "              schema:\n"
        "                type: integer\n"
        "        '500':\n"
        "          $ref: '#/components/responses/InternalError'\n"
        "  /backups/{backup}/delete:\n",
    )

    completed = run_in_copy(
        repo,
        """
        import inspect
        from backup_api_client import AsyncBackupApiClient, BackupApiClient
        print(inspect.ismethod(BackupApiClient(base_url="http://x").backups.count))
        print(inspect.iscoroutinefunction(AsyncBackupApiClient(base_url="http://x").backups.count))
        """,
    )
    assert completed.returncode == 0, output_of(completed)
    assert completed.stdout.split() == ["True", "True"]
    assert_type_checks(repo)

    named = pytest_in_copy(
        repo, "tests/server/test_http_contract.py::test_routes_are_exactly_the_spec_operations"
    )
    assert named.returncode == 1, output_of(named)
    assert "/backups/count" in named.stdout
