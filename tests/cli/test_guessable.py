"""The command line people guess right: global options anywhere, `--version`, one backups group
with suggestions, help that fits 80 columns, messages that name their cause, a wrong token told
apart from a missing one, a warning for an empty backup, nothing stray on stderr, `assets`."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import jsonschema_rs
import pytest

import backup_api_client
from tests.support.assets import asset_documents
from tests.support.live_server import LiveServer, running_server

from .test_cli import assert_one_line_error

pytestmark = pytest.mark.slow

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
URL_VARIABLES = ("BACKUP_API_BASE_URL", "BACKUP_API_URL", "BACKUP_API_TOKEN")


def run(*arguments: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`backup-api` with no server named by the environment unless `env` names one."""
    command = [sys.executable, "-c", "from backup_api_cli.main import main; main()", *arguments]
    environment = {key: value for key, value in os.environ.items() if key not in URL_VARIABLES}
    return subprocess.run(
        command, capture_output=True, text=True, env={**environment, **(env or {})}, timeout=120
    )


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    with running_server(tmp_path_factory.mktemp("guessable") / "data") as live:
        yield live


def test_global_options_go_before_or_after_the_command(server: LiveServer, tmp_path: Path) -> None:
    assets = tmp_path / "assets.json"
    assets.write_text(json.dumps(asset_documents(3)), encoding="utf-8")
    created = run("--url", server.url, "--json", "backup", "create", "--assets", str(assets))
    assert created.returncode == 0, created.stderr
    backup_id = json.loads(created.stdout)["backup"]["id"]
    for arguments in (
        ("--url", server.url, "backups", "list", "--json"),
        ("backups", "list", "--url", server.url, "--json"),
        ("--json", "backup", "list", "--url", server.url),  # `backup` is `backups` too
        ("--url", "http://127.0.0.1:9", "backups", "list", "--url", server.url, "--json"),  # the later wins
    ):
        listed = run(*arguments)
        assert listed.returncode == 0, (arguments, listed.stderr)
        assert [backup["id"] for backup in json.loads(listed.stdout)["iterable"]] == [backup_id]
        assert listed.stderr == ""


def test_version_and_suggestions() -> None:
    version = run("--version")
    assert version.returncode == 0 and version.stderr == ""
    assert re.fullmatch(
        rf"backup-api \S+ \(Backup API and client {backup_api_client.__version__}\)\n", version.stdout
    )
    assert_one_line_error(run("backups", "lst"), "No such command 'lst'", "Did you mean 'list'?")
    assert_one_line_error(run("backup", "craete"), "Did you mean 'create'?")
    assert_one_line_error(run("asset", "list"), "No such command 'asset'", "Did you mean 'assets'?")


@pytest.mark.parametrize(
    "command",
    [(), ("serve",), ("backups",), ("backup", "create"), ("restore",), ("cancel",), ("assets", "list")],
)
def test_help_fits_80_columns_even_where_rich_would_style_it(command: tuple[str, ...]) -> None:
    shown = run(*command, "--help", env={"COLUMNS": "80", "GITHUB_ACTIONS": "true", "TERM": "xterm"})
    assert shown.returncode == 0 and shown.stderr == ""
    text = ANSI.sub("", shown.stdout)
    assert all(len(line) <= 80 for line in text.splitlines()), text
    assert "…" not in text and "..." not in text.replace("[ARGS]...", "")
    assert " . " not in text
    if command == ("serve",):
        for name in (
            "--encryption-key-file",
            "$BACKUP_API_ENCRYPTION_KEY_FILE",
            "$BACKUP_API_DATA_DIR",
            "--data-dir",
        ):
            assert name in text
    if command == ():
        assert all(option in text for option in ("--url", "--token-file", "--json", "--version"))


def test_a_bad_url_is_named_by_where_it_came_from() -> None:
    assert_one_line_error(
        run("backups", "list", env={"BACKUP_API_BASE_URL": "nope"}), "invalid $BACKUP_API_BASE_URL 'nope'"
    )
    assert_one_line_error(
        run("backups", "list", env={"BACKUP_API_URL": "nope"}), "invalid $BACKUP_API_URL 'nope'"
    )
    assert_one_line_error(run("--url", "nope", "backups", "list"), "invalid --url 'nope'")
    # The new variable wins over the old one; --url over both.
    named = run(
        "backups", "list", env={"BACKUP_API_BASE_URL": "http://127.0.0.1:9", "BACKUP_API_URL": "nope"}
    )
    assert_one_line_error(named, "cannot reach http://127.0.0.1:9 ($BACKUP_API_BASE_URL)")
    unnamed = run("backups", "list")
    assert_one_line_error(unnamed, f"cannot reach {backup_api_client.DEFAULT_BASE_URL} (the default")


def test_a_wrong_token_is_told_apart_from_a_missing_one(tmp_path: Path) -> None:
    token_file, wrong_file = tmp_path / "token", tmp_path / "wrong"
    token_file.write_text("s3cret-token\n", encoding="utf-8")
    token_file.chmod(0o600)  # serve refuses a token others can read
    wrong_file.write_text("not-it\n", encoding="utf-8")
    with running_server(tmp_path / "data", "--token-file", str(token_file)) as live:
        missing = run("backups", "list", "--url", live.url)
        assert_one_line_error(
            missing, "requires a token and none was sent", "--token-file", "BACKUP_API_TOKEN"
        )
        wrong = run("backups", "list", "--url", live.url, "--token-file", str(wrong_file))
        assert_one_line_error(wrong, f"refused the token from --token-file {wrong_file}")
        wrong = run("backups", "list", "--url", live.url, env={"BACKUP_API_TOKEN": "not-it"})
        assert_one_line_error(wrong, "refused the token from $BACKUP_API_TOKEN")
        right = run("--token-file", str(token_file), "--url", live.url, "backups", "list")
        assert right.returncode == 0, right.stderr
        assert (
            run("backups", "list", "--url", live.url, env={"BACKUP_API_TOKEN": "s3cret-token"}).returncode
            == 0
        )


def test_an_empty_backup_warns_and_otherwise_stderr_stays_empty(tmp_path: Path) -> None:
    empty = tmp_path / "empty.json"
    empty.write_text("[]", encoding="utf-8")
    with running_server(tmp_path / "data") as live:
        whole = run("backup", "create", "--url", live.url)
        assert whole.returncode == 0, whole.stderr
        warning = f"warning: the local database of {live.url} holds no assets; the backup will be empty"
        assert whole.stderr == f"backup-api: {warning}\n"
        sent = run("backup", "create", "--assets", str(empty), "--url", live.url)
        assert (
            sent.stderr
            == f"backup-api: warning: --assets {empty} holds no assets; the backup will be empty\n"
        )

        documents = tmp_path / "assets.json"
        documents.write_text(json.dumps(asset_documents(4)), encoding="utf-8")
        created = run("backup", "create", "--assets", str(documents), "--url", live.url)
        assert created.returncode == 0 and created.stderr == ""  # no bar, no blank line off a terminal
        backup_id = created.stdout.split()[1]
        restored = run("restore", backup_id, "--url", live.url)
        assert restored.returncode == 0 and restored.stderr == ""
        whole = run("backup", "create", "--url", live.url)
        assert whole.returncode == 0 and whole.stderr == ""


def test_assets_list_schema_and_duplicate_ids(server: LiveServer, tmp_path: Path) -> None:
    documents = [{"id": "a-1", "name": "hello", "extra": {"kept": True}}, {"id": "a-2"}]
    assets = tmp_path / "assets.json"
    assets.write_text(json.dumps(documents), encoding="utf-8")
    created = run("backup", "create", "--assets", str(assets), "--url", server.url)
    assert created.returncode == 0, created.stderr
    assert run("restore", created.stdout.split()[1], "--url", server.url).returncode == 0

    listed = run("assets", "list", "--url", server.url)
    assert listed.returncode == 0 and listed.stdout == "a-1  hello\na-2\n"
    as_json = run("--json", "assets", "list", "--url", server.url)
    assert json.loads(as_json.stdout) == {"iterable": documents}

    schema = json.loads(run("assets", "schema").stdout)
    validator = jsonschema_rs.validator_for(schema)
    assert validator.is_valid(documents) and validator.is_valid({"iterable": documents})
    assert not validator.is_valid([{"name": "no id"}])
    assert schema["$defs"]["Asset"]["required"] == ["id"]

    assets.write_text(json.dumps([{"id": "a-1"}, {"id": "b"}, {"id": "a-1"}]), encoding="utf-8")
    twice = run("backup", "create", "--assets", str(assets), "--url", server.url)
    assert_one_line_error(twice, f"--assets {assets}: asset 3 (a-1): the id of asset 1 too")
