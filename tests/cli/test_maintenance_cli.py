"""`backup-api backups verify|prune`, `backup-api maintenance` and `serve --backup-every/--verify-every`
end to end against a live server."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from backup_api_cli.maintenance import parse_duration
from tests.cli.test_cli import assert_one_line_error, backup_api
from tests.support.assets import asset_documents, seed_database
from tests.support.live_server import running_server

pytestmark = pytest.mark.slow


def wait_until(predicate, timeout: float = 30.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)


def maintenance_status(url: str) -> dict:  # type: ignore[type-arg]
    result = backup_api("maintenance", "--json", url=url)
    assert result.returncode == 0, result.stderr
    loaded: dict = json.loads(result.stdout)  # type: ignore[type-arg]
    return loaded


def test_scheduled_backups_verification_and_prune_as_a_user_would(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    seed_database(data_dir, asset_documents(40))
    options = ("--backup-every", "1s", "--keep-last", "3", "--verify-every", "2s")
    with running_server(data_dir, *options) as server:
        # The database changed since the last backup (there was none): one scheduled backup, then none.
        wait_until(lambda: (maintenance_status(server.url).get("scheduled_backups") or {}).get("last_run"))
        time.sleep(2.5)
        listed = backup_api("backups", "list", "--json", url=server.url)
        backups = [backup["id"] for backup in json.loads(listed.stdout)["iterable"]]
        assert len(backups) == 1
        status = maintenance_status(server.url)["scheduled_backups"]
        assert status["last_run"]["outcome"] == "UNCHANGED" and status["keep"]["keep_last"] == 3

        verified = backup_api("backups", "verify", "--all", url=server.url)
        assert verified.returncode == 0, verified.stderr
        assert f"{backups[0]}  ok  40 documents" in verified.stdout

        # A byte flipped behind the server's back: the background verification finds it.
        archive = data_dir / "backups" / f"{backups[0]}.jsonl.zst"
        content = bytearray(archive.read_bytes())
        content[len(content) // 2] ^= 0x10
        archive.write_bytes(bytes(content))

        def found() -> bool:
            run = (maintenance_status(server.url).get("verification") or {}).get("last_run") or {}
            return any(not result["ok"] for result in run.get("results", []))

        wait_until(found, timeout=10)
        shown = backup_api("maintenance", url=server.url)
        assert "1 corrupted" in shown.stdout and backups[0] in shown.stdout
        one = backup_api("backups", "verify", backups[0], url=server.url)
        assert one.returncode == 1 and "CORRUPTED" in one.stdout

        planned = backup_api("backups", "prune", "--keep-daily", "7", "--dry-run", url=server.url)
        assert planned.returncode == 0 and "0 would remove" in planned.stdout


def test_prune_and_verify_refuse_bad_usage_in_one_line(tmp_path: Path) -> None:
    assert_one_line_error(backup_api("backups", "prune", url="http://127.0.0.1:9"), "--keep-")
    assert_one_line_error(backup_api("backups", "verify", url="http://127.0.0.1:9"), "--all")
    result = backup_api("serve", "--data-dir", str(tmp_path / "d"), "--backup-every", "soon")
    assert_one_line_error(result, "invalid duration 'soon'")


@pytest.mark.parametrize(("text", "seconds"), [("90s", 90), ("15m", 900), ("1h30m", 5400), ("1d", 86400)])
def test_durations(text: str, seconds: float) -> None:
    assert parse_duration(text) == seconds
