"""`backup-api` end to end against a live server: output, exit codes, `--json` lines, one-line errors."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.assets import asset_documents
from tests.support.live_server import LiveServer, running_server
from tests.support.terminal import plain_text_env

pytestmark = pytest.mark.slow


def backup_api(
    *arguments: str, url: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", "from backup_api_cli.main import main; main()", *arguments]
    # Errors and help are read as text: no styling, whatever CI forces (GITHUB_ACTIONS, FORCE_COLOR).
    environment = {**plain_text_env(), **(env or {})}
    if url is not None:
        environment["BACKUP_API_URL"] = url
    return subprocess.run(command, capture_output=True, text=True, env=environment, timeout=120)


def assert_one_line_error(result: subprocess.CompletedProcess[str], *fragments: str) -> None:
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("backup-api: ")
    assert "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in lines[0]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    with running_server(tmp_path_factory.mktemp("cli") / "data") as live:
        yield live


def test_create_list_status_restore_as_a_user_would(server: LiveServer, tmp_path: Path) -> None:
    assets_file = tmp_path / "assets.json"
    assets_file.write_text(json.dumps(asset_documents(25)), encoding="utf-8")

    created = backup_api("backup", "create", "--assets", str(assets_file), url=server.url)
    assert created.returncode == 0, created.stderr
    assert created.stdout.startswith("created ")
    backup_id = created.stdout.split()[1]

    listed = backup_api("backups", "list", url=server.url)
    assert listed.returncode == 0 and backup_id in listed.stdout

    status = backup_api("status", backup_id, url=server.url)
    assert status.returncode == 0
    assert status.stdout.splitlines() == ["creation: COMPLETED 100%", "restoration: never started"]

    restored = backup_api("restore", backup_id, url=server.url)
    assert restored.returncode == 0, restored.stderr
    assert restored.stdout.startswith(f"restored {backup_id} in ")
    assert len(restored.stdout.strip().splitlines()) == 1

    lines = backup_api("restore", backup_id, "--json", url=server.url)
    assert lines.returncode == 0, lines.stderr
    events = [json.loads(line) for line in lines.stdout.splitlines()]
    assert events[-1]["status"] == "COMPLETED"
    assert events[-1]["backup"]["id"] == backup_id
    percentages = [event["percentage"] for event in events]
    assert percentages == sorted(percentages)

    as_json = backup_api("status", backup_id, "--json", "--url", server.url)
    assert json.loads(as_json.stdout)["restoration"]["value"] == "COMPLETED"


def test_whole_database_backup_and_cancel_with_nothing_running(server: LiveServer) -> None:
    created = backup_api("backup", "create", "--json", url=server.url)
    assert created.returncode == 0, created.stderr
    status = json.loads(created.stdout)
    assert status["value"] == "COMPLETED"
    cancelled = backup_api("cancel", status["backup"]["id"], "--creation", url=server.url)
    assert_one_line_error(cancelled, "nothing to cancel", "creation: COMPLETED 100%")
    assert cancelled.returncode == 1
    cancelled = backup_api("cancel", status["backup"]["id"], url=server.url)
    assert_one_line_error(cancelled, "nothing to cancel", "restoration: never started")
    assert cancelled.returncode == 1


def test_errors_are_one_line_with_a_non_zero_exit(server: LiveServer, tmp_path: Path) -> None:
    assert_one_line_error(backup_api("status", "1.0.0_1", url=server.url), "404")
    assert_one_line_error(
        backup_api("restore", "1.0.0..1_2", url=server.url), "422", "not a backup identifier"
    )
    assert_one_line_error(backup_api("restore", "../../etc", url=server.url), "404")
    assert_one_line_error(backup_api("bogus"), "No such command")
    assert_one_line_error(backup_api("status"), "Missing argument")
    missing = tmp_path / "missing.json"
    assert_one_line_error(
        backup_api("backup", "create", "--assets", str(missing), url=server.url), "cannot read --assets"
    )
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    assert_one_line_error(
        backup_api("backup", "create", "--assets", str(broken), url=server.url),
        f"--assets {broken} is not JSON",
    )
    invalid = tmp_path / "invalid.json"
    invalid.write_text(json.dumps([{"id": "a-1"}, {"id": "a-2"}, {"name": "no id"}]), encoding="utf-8")
    assert_one_line_error(
        backup_api("backup", "create", "--assets", str(invalid), url=server.url), "asset 3: 'id' is required"
    )
    invalid.write_text(json.dumps([{"id": "a-1"}, 7]), encoding="utf-8")
    assert_one_line_error(
        backup_api("backup", "create", "--assets", str(invalid), url=server.url),
        "asset 2: must be a JSON object, not int",
    )


@pytest.mark.parametrize(
    ("asset", "problem"),
    [
        ({"id": ""}, "asset 2 (): 'id': \"\" is shorter than 1 character"),
        ({"id": "a-2", "created": "today"}, 'asset 2 (a-2): \'created\': "today" is not of type "object"'),
        ({"id": "a-2", "formats": []}, "asset 2 (a-2): 'formats': [] is not of type \"object\""),
        (
            {"id": "a-2", "formats": {"iterable": [{"id": 3}]}},
            "asset 2 (a-2): 'formats.iterable[0].id': 3 is not of type \"string\"",
        ),
        (
            {"id": "a-2", "updated": {"value": "yesterday"}},
            'asset 2 (a-2): \'updated.value\': "yesterday" is not a "date-time"',
        ),
    ],
)
def test_an_asset_the_spec_refuses_is_named_with_its_field_and_problem(
    tmp_path: Path, asset: dict[str, object], problem: str
) -> None:
    """Checked against the spec's Asset schema before anything is sent, so no server is needed; never
    a bare Python error text (a KeyError's 'iterable', a dict() complaint)."""
    assets = tmp_path / "assets.json"
    assets.write_text(json.dumps([{"id": "a-1"}, asset]), encoding="utf-8")

    completed = backup_api("backup", "create", "--assets", str(assets), url="http://127.0.0.1:9")

    assert completed.returncode == 1
    assert completed.stderr == f"backup-api: --assets {assets}: {problem}\n"


@pytest.mark.parametrize(
    "url", ["http://[::1", "ftp://localhost:1000", "localhost:18911", "http://", "http://localhost:99999"]
)
def test_an_invalid_url_is_a_usage_error(url: str) -> None:
    result = backup_api("backups", "list", "--url", url)
    assert_one_line_error(result, f"invalid --url {url!r}")
    assert result.returncode == 2


def test_an_unreachable_server_is_one_line() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = backup_api("backups", "list", url=f"http://127.0.0.1:{port}")
    assert_one_line_error(result, "cannot reach", "backup-api serve")
    assert ".)" not in result.stderr and ".." not in result.stderr


def test_serve_on_a_taken_port_is_one_line_with_the_port_hint(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = backup_api("serve", "--port", str(port), "--data-dir", str(tmp_path / "data"))
    assert_one_line_error(result, "already in use", "--port")


@pytest.mark.skipif(os.geteuid() == 0, reason="root may bind privileged ports")
def test_serve_on_a_privileged_port_is_one_line(tmp_path: Path) -> None:
    result = backup_api("serve", "--port", "1", "--data-dir", str(tmp_path / "data"))
    assert_one_line_error(result, "--port")


def test_serve_with_a_key_file_that_holds_no_key_is_one_line_and_exit_2(tmp_path: Path) -> None:
    short = tmp_path / "short.key"
    short.write_text("c2hvcnQ=\n", encoding="ascii")
    short.chmod(0o600)  # a key file others can read is refused before it is read
    data_dir = str(tmp_path / "data")
    cases = [
        (["--encryption-key-file", str(tmp_path / "missing.key")], {}, "does not exist"),
        (["--encryption-key-file", str(short)], {}, "holds 5 bytes, a key is 32"),
        (["--encryption-key-file", str(tmp_path)], {}, "is a directory"),
        ([], {"BACKUP_API_ENCRYPTION_KEY_FILE": str(short)}, "holds 5 bytes"),
    ]
    for options, env, reason in cases:
        result = backup_api("serve", "--port", "0", "--data-dir", data_dir, *options, env=env)
        # The message names what gave the file: the option, or the variable.
        named = "--encryption-key-file" if options else "$BACKUP_API_ENCRYPTION_KEY_FILE"
        assert_one_line_error(result, f"invalid {named}:", reason)
        assert result.returncode == 2
    # Refused before the data directory was opened.
    assert not (tmp_path / "data").exists()


def test_new_key_writes_a_key_file_only_its_owner_reads_and_never_overwrites_one(tmp_path: Path) -> None:
    path = tmp_path / "backup.key"

    made = backup_api("new-key", str(path))

    assert made.returncode == 0, made.stderr
    assert "keep a copy somewhere safe" in made.stderr and str(path) in made.stderr
    assert len(path.read_text(encoding="ascii").strip()) == 44
    if os.name == "posix":
        assert path.stat().st_mode & 0o777 == 0o600
    content = path.read_bytes()
    assert_one_line_error(backup_api("new-key", str(path)), "already exists", "never overwritten")
    assert path.read_bytes() == content
