"""A corrupted backup in the engine: left out of the list (and reported), refused everywhere else
before anything is touched, and still deletable."""

from __future__ import annotations

import io
import logging
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from backup_api_server.engine import BackupEngine
from backup_api_server.errors import BackupCorrupted, BackupGone
from backup_api_server.storage.archive import ArchiveReader
from backup_api_server.storage.database_files import DATABASE_NAME, RESTORING_SUFFIX
from tests.unit.conftest import EngineFactory
from tests.unit.engine_support import create_completed

WAIT_SECONDS = 10.0


def documents(count: int, prefix: str) -> list[dict[str, Any]]:
    return [{"id": f"{prefix}-{index}", "text": "x" * index} for index in range(count)]


def metadata_path(engine: BackupEngine, backup_id: str) -> Path:
    return engine.data_dir / "backups" / f"{backup_id}.json"


def archive_path(engine: BackupEngine, backup_id: str) -> Path:
    return engine.data_dir / "backups" / f"{backup_id}.jsonl.zst"


def replace_in(path: Path, old: bytes, new: bytes) -> None:
    content = path.read_bytes()
    assert content.count(old) == 1
    path.write_bytes(content.replace(old, new))


Corruption = Callable[[BackupEngine, str], object]

CORRUPTIONS: dict[str, Corruption] = {
    # The mutation that replaced the database and then answered 500.
    "key renamed": lambda engine, backup_id: replace_in(
        metadata_path(engine, backup_id), b'"timestamp"', b'"timestabp"'
    ),
    # The mutation that was listed under an id that answered 404.
    "id changed": lambda engine, backup_id: replace_in(
        metadata_path(engine, backup_id), f'"id": "{backup_id}"'.encode(), b'"id": "1.R.0_1"'
    ),
    "size changed": lambda engine, backup_id: replace_in(
        metadata_path(engine, backup_id), b'"bytes": ', b'"bytes": 1'
    ),
    "not JSON": lambda engine, backup_id: metadata_path(engine, backup_id).write_bytes(b"{\n"),
    "not an object": lambda engine, backup_id: metadata_path(engine, backup_id).write_bytes(b"[]"),
    "archive truncated": lambda engine, backup_id: archive_path(engine, backup_id).write_bytes(
        archive_path(engine, backup_id).read_bytes()[:-1]
    ),
    "archive appended to": lambda engine, backup_id: archive_path(engine, backup_id).write_bytes(
        archive_path(engine, backup_id).read_bytes() + b"\x00"
    ),
}


@pytest.fixture(params=sorted(CORRUPTIONS))
def corrupted(request: pytest.FixtureRequest, make_engine: EngineFactory) -> tuple[BackupEngine, str, str]:
    """An engine holding a corrupted backup and an intact one, and a local database of its own."""
    engine = make_engine()
    corrupted_id = create_completed(engine, documents(5, "backed-up"))
    intact_id = create_completed(engine, documents(2, "intact"))
    engine.database.put_many(documents(3, "local"))
    CORRUPTIONS[request.param](engine, corrupted_id)
    return engine, corrupted_id, intact_id


def test_a_corrupted_backup_is_left_out_of_the_list_and_reported_once(
    corrupted: tuple[BackupEngine, str, str], caplog: pytest.LogCaptureFixture
) -> None:
    engine, corrupted_id, intact_id = corrupted
    caplog.set_level(logging.WARNING, logger="backup_api_server")

    assert [backup.id.root for backup in engine.list_backups()] == [intact_id]
    assert [backup.id.root for backup in engine.list_backups()] == [intact_id]

    [warning] = [record for record in caplog.records if record.name == "backup_api_server"]
    assert warning.levelno == logging.WARNING
    message = warning.getMessage()
    assert message.startswith(f"backup {corrupted_id} is left out of the list: it is corrupted: ")
    assert f"metadata of backup {corrupted_id}: " in message


def test_a_corrupted_backup_is_refused_everywhere_and_the_database_untouched(
    corrupted: tuple[BackupEngine, str, str],
) -> None:
    engine, corrupted_id, _ = corrupted
    before = engine.list_assets()

    for operation in (
        engine.get_backup,
        engine.start_restoration,
        engine.restore,
        engine.creation_status,
        engine.restoration_status,
    ):
        with pytest.raises(BackupCorrupted, match=rf"^metadata of backup {corrupted_id}: "):
            operation(corrupted_id)

    assert engine.list_assets() == before
    assert not (engine.data_dir / (DATABASE_NAME + RESTORING_SUFFIX)).exists()


def test_a_corrupted_backup_reads_corrupted_after_a_restart_too(
    corrupted: tuple[BackupEngine, str, str], make_engine: EngineFactory
) -> None:
    engine, corrupted_id, intact_id = corrupted
    engine.close()
    restarted = make_engine()

    with pytest.raises(BackupCorrupted):
        restarted.creation_status(corrupted_id)
    with pytest.raises(BackupCorrupted):
        restarted.get_backup(corrupted_id)
    assert [backup.id.root for backup in restarted.list_backups()] == [intact_id]


def test_a_corrupted_backup_can_be_deleted(corrupted: tuple[BackupEngine, str, str]) -> None:
    engine, corrupted_id, intact_id = corrupted

    engine.delete_backup(corrupted_id)

    with pytest.raises(BackupGone, match="it was deleted"):
        engine.get_backup(corrupted_id)
    assert [backup.id.root for backup in engine.list_backups()] == [intact_id]
    assert sorted(path.name for path in (engine.data_dir / "backups").iterdir()) == [
        f"{intact_id}.json",
        f"{intact_id}.jsonl.zst",
    ]


def test_an_intact_backup_still_restores_beside_a_corrupted_one(
    corrupted: tuple[BackupEngine, str, str],
) -> None:
    engine, _, intact_id = corrupted

    restored = engine.restore(intact_id)

    assert restored == engine.get_backup(intact_id)
    assert engine.list_assets() == documents(2, "intact")


def test_a_report_is_repeated_only_when_the_reason_changes(
    make_engine: EngineFactory, caplog: pytest.LogCaptureFixture
) -> None:
    engine = make_engine()
    backup_id = create_completed(engine, documents(1, "one"))
    caplog.set_level(logging.WARNING, logger="backup_api_server")
    metadata_path(engine, backup_id).write_bytes(b"{")
    engine.list_backups()
    engine.list_backups()
    metadata_path(engine, backup_id).write_bytes(b"[]")
    engine.list_backups()

    first, second = (record.getMessage() for record in caplog.records)
    assert "does not parse" in first
    assert second.endswith("is not a JSON object but list")


def test_a_completed_creation_answers_from_the_store_once_its_backup_is_corrupted(
    make_engine: EngineFactory,
) -> None:
    # The creation job is still in memory; its status must not vouch for what is stored now.
    engine = make_engine()
    backup_id = create_completed(engine, documents(3, "one"))
    assert engine.creation_status(backup_id).value == "COMPLETED"
    archive_path(engine, backup_id).write_bytes(b"")

    with pytest.raises(BackupCorrupted, match="says the archive has"):
        engine.creation_status(backup_id)


def test_an_archive_that_changes_size_after_the_restoration_started_is_refused_before_any_write(
    make_engine: EngineFactory,
) -> None:
    engine: BackupEngine

    def grow_the_archive(phase: str) -> None:
        if phase == "restore:verify":
            with archive_path(engine, backup_id).open("ab") as archive:
                archive.write(b"\x00")

    engine = make_engine(step_hook=grow_the_archive)
    backup_id = create_completed(engine, documents(50, "backed-up"))
    size = archive_path(engine, backup_id).stat().st_size
    engine.database.put_many(documents(3, "local"))

    with pytest.raises(
        BackupCorrupted,
        match=rf"^restore: verify checksum: archive has {size + 1} bytes, its metadata says {size}$",
    ):
        engine.restore(backup_id)
    assert engine.list_assets() == documents(3, "local")


def test_the_archive_reader_checks_the_size_it_was_told() -> None:
    reader = ArchiveReader(lambda: io.BytesIO(b"12345"), expected_sha256="0" * 64, expected_bytes=4)

    with pytest.raises(BackupCorrupted, match=r"^archive has 5 bytes, its metadata says 4$"):
        reader.verify()


def test_a_backup_copied_under_another_name_is_corrupted(make_engine: EngineFactory) -> None:
    engine = make_engine()
    backup_id = create_completed(engine, documents(3, "one"))
    other_id = f"{backup_id[:-1]}{(int(backup_id[-1]) + 5) % 10}"
    backups = engine.data_dir / "backups"
    shutil.copyfile(metadata_path(engine, backup_id), backups / f"{other_id}.json")
    shutil.copyfile(archive_path(engine, backup_id), backups / f"{other_id}.jsonl.zst")

    with pytest.raises(BackupCorrupted, match=f"names backup '{backup_id}'"):
        engine.get_backup(other_id)
    assert [backup.id.root for backup in engine.list_backups()] == [backup_id]
