"""Listing and deleting backups, and the list kept in memory (engine.catalog)."""

from __future__ import annotations

import pytest

from backup_api_server.errors import (
    BackupCorrupted,
    BackupNotFound,
)
from backup_api_server_models import BackupStatusEnum
from tests.unit.engine_support import (
    EngineFactory,
    create_completed,
    files_under,
)
from tests.unit.test_store import count_record_decodes

# Listing and deletion


def test_backups_are_listed_newest_first_and_can_be_deleted(make_engine: EngineFactory) -> None:
    engine = make_engine()
    ids = [create_completed(engine, [{"id": str(index)}]) for index in range(3)]

    assert [backup.id.root for backup in engine.list_backups()] == ids[::-1]
    engine.delete_backup(ids[1])

    assert [backup.id.root for backup in engine.list_backups()] == [ids[2], ids[0]]
    for operation in (engine.get_backup, engine.delete_backup, engine.creation_status, engine.restore):
        with pytest.raises(BackupNotFound):
            operation(ids[1])
    assert files_under(engine.data_dir / "backups") == sorted(
        f"{backup_id}{suffix}" for backup_id in (ids[0], ids[2]) for suffix in (".json", ".jsonl.zst")
    )


def test_the_list_kept_in_memory_follows_creations_deletions_and_changes_on_disk(
    make_engine: EngineFactory,
) -> None:
    engine = make_engine()
    first = create_completed(engine, [{"id": "1"}])
    assert [record.backup_id for record in engine.page_backups(None, 10)[0]] == [first]

    second = create_completed(engine, [{"id": "2"}])
    assert [backup.id.root for backup in engine.list_backups()] == [second, first]
    engine.delete_backup(first)
    assert [backup.id.root for backup in engine.list_backups()] == [second]

    # Corrupted on disk after it was kept: left out of the list, and refused.
    metadata = engine.data_dir / "backups" / f"{second}.json"
    original = metadata.read_bytes()
    metadata.write_bytes(original.replace(b'"asset_count": 1', b'"asset_count": 7'))
    assert engine.list_backups() == []
    with pytest.raises(BackupCorrupted, match="metadata_sha256 does not match"):
        engine.get_backup(second)
    metadata.write_bytes(original)
    assert [backup.id.root for backup in engine.list_backups()] == [second]
    assert engine.creation_status(second).value is BackupStatusEnum.COMPLETED


def test_backups_made_before_start_up_are_verified_once_and_then_answered_from_memory(
    make_engine: EngineFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = make_engine()
    ids = [create_completed(engine, [{"id": str(index)}]) for index in range(3)]
    engine.close()
    decoded = count_record_decodes(monkeypatch)
    restarted = make_engine()
    assert sorted(decoded) == sorted(ids)  # at start-up
    assert restarted.answers_from_memory
    for _ in range(2):
        assert [backup.id.root for backup in restarted.list_backups()] == ids[::-1]
        for backup_id in ids:
            restarted.get_backup(backup_id)
            restarted.creation_status(backup_id)
    assert sorted(decoded) == sorted(ids)
