"""Encryption at rest through the real server (`backup-api serve --encryption-key-file`): a round
trip with the key, no key or another key refused with the database intact (also in the streamed
restore's terminal event), a flipped byte refused, and backups made without a key (or planted in
the store) refused on a server with a key unless it is started with --allow-unencrypted-restore."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from httpx_sse import connect_sse

from backup_api_server.settings import ENCRYPTION_KEY_FILE_ENV
from backup_api_server.storage.encryption import MAGIC, EncryptionKey, write_new_key_file
from tests.server.conftest import checked_client
from tests.support.assets import asset_documents, create_backup, every_asset, seed_database, wait_for_creation
from tests.support.corruption import CORRUPTED_PROBLEM_TYPE, assert_sha256_refusal
from tests.support.live_server import running_server

pytestmark = pytest.mark.slow

KEY_MISMATCH = "urn:backup-api:problem:backup-key-mismatch"
UNENCRYPTED = "urn:backup-api:problem:backup-unencrypted"
ORIGINAL: list[dict[str, Any]] = [
    {"id": "original-1", "name": "kept"},
    {"id": "original-2", "name": "kept too"},
]


def archive_of(data_dir: Path, backup_id: str) -> Path:
    return data_dir / "backups" / f"{backup_id}.jsonl.zst"


def record_of(data_dir: Path, backup_id: str) -> dict[str, object]:
    record: dict[str, object] = json.loads((data_dir / "backups" / f"{backup_id}.json").read_text())
    return record


def make_backup(http: httpx.Client, documents: list[dict[str, Any]]) -> str:
    backup_id = create_backup(http, documents)
    assert wait_for_creation(http, backup_id)["value"] == "COMPLETED"
    return backup_id


def streamed_restore_events(http: httpx.Client, backup_id: str) -> list[dict[str, object]]:
    headers = {"Accept": "text/event-stream"}
    with connect_sse(http, "POST", f"/backup/{backup_id}/restore/streamed", headers=headers) as source:
        return [json.loads(event.data) for event in source.iter_sse()]


def assert_key_mismatch_refused(http: httpx.Client, backup_id: str, *fragments: str) -> None:
    """Both restores refuse with the same detail, naming what to do; the database stays as it was."""
    before = every_asset(http)
    answer = http.post(f"/backup/{backup_id}/restore")
    assert answer.status_code == 409
    problem = answer.json()
    assert problem["type"] == KEY_MISMATCH
    assert "--encryption-key-file" in problem["detail"]
    for fragment in fragments:
        assert fragment in problem["detail"], problem["detail"]
    assert every_asset(http) == before

    events = streamed_restore_events(http, backup_id)
    assert events[-1]["status"] == "FAILED"
    assert events[-1]["detail"] == problem["detail"]
    assert every_asset(http) == before
    assert http.get(f"/backup/{backup_id}/restoration/status").json()["value"] == "FAILED"


def test_round_trip_with_a_key_and_no_key_or_another_key_refused_with_the_database_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key_file, other_key_file = tmp_path / "backup.key", tmp_path / "other.key"
    key, other_key = write_new_key_file(key_file), write_new_key_file(other_key_file)
    data_dir = tmp_path / "data"
    seed_database(data_dir, ORIGINAL)
    documents = asset_documents(300, content_bytes=2000)

    with (
        running_server(data_dir, "--encryption-key-file", str(key_file)) as live,
        checked_client(live) as http,
    ):
        backup_id = make_backup(http, documents)
        backup = http.get(f"/backup/{backup_id}").json()
    stored = archive_of(data_dir, backup_id).read_bytes()
    assert stored.startswith(MAGIC)
    assert str(documents[0]["id"]).encode() not in stored
    assert backup["bytes"] == len(stored)
    assert record_of(data_dir, backup_id)["encryption_key_id"] == key.key_id

    with (
        running_server(data_dir, "--encryption-key-file", str(other_key_file)) as live,
        checked_client(live) as http,
    ):
        assert every_asset(http)["iterable"] == ORIGINAL
        assert_key_mismatch_refused(http, backup_id, f"encrypted with key id {key.key_id}", other_key.key_id)

    monkeypatch.delenv(ENCRYPTION_KEY_FILE_ENV, raising=False)
    with running_server(data_dir) as live, checked_client(live) as http:
        assert_key_mismatch_refused(http, backup_id, f"key id {key.key_id}", "this server has no key")
        assert every_asset(http)["iterable"] == ORIGINAL

    # The stored backup was left alone: with its key (here from the environment) it restores.
    assert archive_of(data_dir, backup_id).read_bytes() == stored
    monkeypatch.setenv(ENCRYPTION_KEY_FILE_ENV, str(key_file))
    with running_server(data_dir) as live, checked_client(live) as http:
        restored = http.post(f"/backup/{backup_id}/restore")
        assert restored.status_code == 200, restored.text
        assert restored.json() == backup
        assert every_asset(http)["iterable"] == documents


def test_a_plaintext_backup_is_refused_by_a_server_with_a_key_unless_it_allows_unencrypted_restores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A backup made without a key stands for one planted by whoever can write to the store."""
    monkeypatch.delenv(ENCRYPTION_KEY_FILE_ENV, raising=False)
    key_file = tmp_path / "backup.key"
    key = write_new_key_file(key_file)
    data_dir = tmp_path / "data"
    documents = asset_documents(50)
    with running_server(data_dir) as live, checked_client(live) as http:
        keyless_id = make_backup(http, documents)
        http.post(f"/backup/{make_backup(http, ORIGINAL)}/restore").raise_for_status()
    assert "encryption_key_id" not in record_of(data_dir, keyless_id)

    with (
        running_server(data_dir, "--encryption-key-file", str(key_file)) as live,
        checked_client(live) as http,
    ):
        answer = http.post(f"/backup/{keyless_id}/restore")
        assert answer.status_code == 409
        assert answer.json()["type"] == UNENCRYPTED
        assert "--allow-unencrypted-restore" in answer.json()["detail"]
        assert streamed_restore_events(http, keyless_id)[-1]["detail"] == answer.json()["detail"]
        assert every_asset(http)["iterable"] == ORIGINAL

    allowing = ("--encryption-key-file", str(key_file), "--allow-unencrypted-restore")
    with running_server(data_dir, *allowing) as live, checked_client(live) as http:
        assert http.post(f"/backup/{keyless_id}/restore").status_code == 200
        assert every_asset(http)["iterable"] == documents
        encrypted_id = make_backup(http, ORIGINAL)
        assert http.post(f"/backup/{encrypted_id}/restore").status_code == 200
        assert every_asset(http)["iterable"] == ORIGINAL
    assert archive_of(data_dir, encrypted_id).read_bytes().startswith(MAGIC)
    assert record_of(data_dir, encrypted_id)["encryption_key_id"] == key.key_id


def test_a_flipped_byte_in_an_encrypted_archive_is_refused_with_the_database_intact(tmp_path: Path) -> None:
    key_file = tmp_path / "backup.key"
    write_new_key_file(key_file)
    data_dir = tmp_path / "data"
    seed_database(data_dir, ORIGINAL)
    with (
        running_server(data_dir, "--encryption-key-file", str(key_file)) as live,
        checked_client(live) as http,
    ):
        backup_id = make_backup(http, asset_documents(100))
        archive = archive_of(data_dir, backup_id)
        content = bytearray(archive.read_bytes())
        content[len(content) // 2] ^= 0x01
        archive.write_bytes(bytes(content))

        answer = http.post(f"/backup/{backup_id}/restore")

        assert answer.status_code == 409
        assert answer.json()["type"] == CORRUPTED_PROBLEM_TYPE
        assert_sha256_refusal(answer.json()["detail"])
        assert every_asset(http)["iterable"] == ORIGINAL


def test_serve_announces_the_key_id_never_the_key(tmp_path: Path) -> None:
    key_file = tmp_path / "backup.key"
    key = write_new_key_file(key_file)
    with running_server(tmp_path / "data", "--encryption-key-file", str(key_file)) as live:
        log = "".join(live.log)
    assert f"key of id {key.key_id}" in log
    assert key_file.read_text().strip() not in log
    assert EncryptionKey.from_file(key_file).key_id == key.key_id
