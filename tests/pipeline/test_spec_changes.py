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


# A list operation under a new tag, shaped as `GET /assets` is: `limit` and `cursor` query parameters,
# a `Next-Cursor` answer header, a body whose one array holds the items.
LABELS_OPERATION = """\
  /labels:
    get:
      tags: [Labels]
      operationId: labelsList
      summary: List the labels
      x-idempotent: true
      parameters:
        - $ref: '#/components/parameters/PageLimit'
        - name: cursor
          in: query
          required: false
          schema:
            type: string
      responses:
        '200':
          description: A page of the labels.
          headers:
            Next-Cursor:
              schema:
                type: string
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Labels'
        '500':
          $ref: '#/components/responses/InternalError'
"""
LABELS_SCHEMAS = """\
    Label:
      type: object
      required: [id]
      properties:
        id:
          type: string
    Labels:
      type: object
      required: [iterable]
      properties:
        iterable:
          type: array
          items:
            $ref: '#/components/schemas/Label'
"""
# A tiny live server of the new operations, run by the copy's code (the reference server does not
# have them): pages of two labels out of five, then a stream of three ticks.
LIVE_SERVER = """
import json, threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

LABELS = [f"label-{n}" for n in range(5)]

class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args): pass

    def do_GET(self):
        url = urlparse(self.path)
        if url.path == "/labels":
            query = parse_qs(url.query)
            start, limit = int(query.get("cursor", ["0"])[0]), int(query.get("limit", ["100"])[0])
            body = json.dumps({"iterable": [{"id": id} for id in LABELS[start:start + limit]]}).encode()
            self.send_response(200)
            if start + limit < len(LABELS):
                self.send_header("Next-Cursor", str(start + limit))
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()
            for n in range(1, 4):
                self.wfile.write(f"data: {{\\"n\\": {n}}}\\n\\n".encode())
            self.wfile.flush()
        self.close_connection = True

server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
threading.Thread(target=server.serve_forever, daemon=True).start()
URL = f"http://127.0.0.1:{server.server_address[1]}"
"""


def assert_usage_type_checks(repo: Path, usage: str) -> None:
    """mypy --strict accepts ``usage`` against the copy's client (the types it states are right)."""
    (repo / "typed_usage.py").write_text(textwrap.dedent(usage), encoding="utf-8")
    typed = in_copy(
        repo,
        sys.executable,
        "-m",
        "mypy",
        "--strict",
        "--cache-dir",
        str(repo / ".mypy-cache"),
        "typed_usage.py",
    )
    assert typed.returncode == 0, output_of(typed)


def assert_generated_only(repo: Path) -> None:
    """The change took no edit of overrides/, templates/ or codegen/: only the spec changed."""
    for name in ("overrides", "templates", "codegen"):
        for path in (repo / name).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                assert path.read_bytes() == (REPO / path.relative_to(repo)).read_bytes(), path


def test_a_new_list_operation_pages_sync_and_async_with_no_hand_code(repo: Path) -> None:
    spec = repo / SPEC
    text = spec.read_text(encoding="utf-8")
    text = text.replace("  /assets:\n", LABELS_OPERATION + "  /assets:\n", 1)
    text = text.replace("    Assets:\n", LABELS_SCHEMAS + "    Assets:\n", 1)
    spec.write_text(text, encoding="utf-8")
    generate(repo)
    assert_generated_only(repo)

    completed = run_in_copy(
        repo,
        LIVE_SERVER
        + """
import asyncio
from backup_api_client import AsyncBackupApiClient, BackupApiClient
from backup_api_client.models import Label, Labels

with BackupApiClient(URL) as client:
    first = client.labels.list(limit=2)
    print(isinstance(first, Labels), [label.id for label in first.iterable])
    print(all(isinstance(label, Label) for label in first), [label.id for label in first])
    print([len(page.iterable) for page in client.labels.list(limit=2).pages()])

async def walk() -> None:
    async with AsyncBackupApiClient(URL) as client:
        print([label.id async for label in client.labels.list(limit=2)])
        first = await client.labels.list(limit=2)
        print(isinstance(first, Labels), first.next_cursor)

asyncio.run(walk())
""",
    )
    assert completed.returncode == 0, output_of(completed)
    every = str([f"label-{n}" for n in range(5)]).replace(" ", "")
    assert [line.replace(" ", "") for line in completed.stdout.splitlines()] == [
        "True['label-0','label-1']",
        f"True{every}",
        "[2,2,1]",
        every,
        "True2",
    ]
    assert_usage_type_checks(
        repo,
        """
        from backup_api_client import AsyncBackupApiClient, BackupApiClient
        from backup_api_client.models import Label

        def ids(client: BackupApiClient) -> list[str]:
            labels: list[Label] = list(client.labels.list(limit=2))
            return [label.id for label in labels]

        async def async_ids(client: AsyncBackupApiClient) -> list[str]:
            return [label.id async for label in client.labels.list()]
        """,
    )


def test_a_new_event_stream_operation_is_a_typed_stream_with_no_hand_code(repo: Path) -> None:
    spec = repo / SPEC
    text = spec.read_text(encoding="utf-8")
    operation = (
        "  /ticks:\n    get:\n      tags: [Ticks]\n      operationId: ticksWatch\n"
        "      summary: Follow the ticks\n      x-idempotent: true\n      responses:\n"
        "        '200':\n          description: One tick per event.\n          content:\n"
        "            text/event-stream:\n              schema:\n"
        "                $ref: '#/components/schemas/TickEvent'\n"
        "        '500':\n          $ref: '#/components/responses/InternalError'\n"
    )
    schemas = (
        "    Tick:\n      type: object\n      required: [n]\n      properties:\n"
        "        n:\n          type: integer\n"
        "    TickEvent:\n      type: object\n      required: [data]\n      properties:\n        data:\n"
        "          type: string\n          contentMediaType: application/json\n          contentSchema:\n"
        "            $ref: '#/components/schemas/Tick'\n"
    )
    text = text.replace("  /assets:\n", operation + "  /assets:\n", 1)
    text = text.replace("    Assets:\n", schemas + "    Assets:\n", 1)
    spec.write_text(text, encoding="utf-8")
    generate(repo)
    assert_generated_only(repo)

    completed = run_in_copy(
        repo,
        LIVE_SERVER
        + """
import asyncio
from backup_api_client import AsyncBackupApiClient, BackupApiClient
from backup_api_client.models import Tick

with BackupApiClient(URL) as client:
    with client.ticks.watch() as ticks:
        print([(type(tick).__name__, tick.n) for tick in ticks])

async def follow() -> None:
    async with AsyncBackupApiClient(URL) as client:
        async with client.ticks.watch() as ticks:
            print([tick.n async for tick in ticks])

asyncio.run(follow())
""",
    )
    assert completed.returncode == 0, output_of(completed)
    assert completed.stdout.splitlines() == ["[('Tick', 1), ('Tick', 2), ('Tick', 3)]", "[1, 2, 3]"]
    assert_usage_type_checks(
        repo,
        """
        from backup_api_client import BackupApiClient
        from backup_api_client.models import Tick

        def ticks(client: BackupApiClient) -> list[int]:
            with client.ticks.watch() as events:
                received: list[Tick] = list(events)
            return [tick.n for tick in received]
        """,
    )
