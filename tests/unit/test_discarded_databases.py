"""Databases set aside by crash recovery are bounded: only the newest copy is kept."""

from __future__ import annotations

import logging
import shutil
import sqlite3
from pathlib import Path

import pytest

from backup_api_server.storage.assets import AssetDatabase
from backup_api_server.storage.database_files import DATABASE_NAME, DISCARDED_SUFFIX, PREVIOUS_SUFFIX
from tests.unit.conftest import EngineFactory

WAIT_SECONDS = 10.0


def discarded(data_dir: Path) -> list[str]:
    """Names of the databases set aside and of their side files."""
    return sorted(path.name for path in data_dir.glob(f"{DATABASE_NAME}{DISCARDED_SUFFIX}*"))


def crash_after_a_swap(data_dir: Path, marker: str) -> None:
    """Leave what a crash right after a swap leaves: the new database in place and the previous one
    beside it, so that opening the database sets the previous one aside."""
    database = AssetDatabase(data_dir)
    database.put({"id": marker})
    database.close()
    main = data_dir / DATABASE_NAME
    shutil.copyfile(main, data_dir / (DATABASE_NAME + PREVIOUS_SUFFIX))


def ids_in(database: Path) -> list[str]:
    connection = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)
    try:
        return [row[0] for row in connection.execute("SELECT id FROM assets ORDER BY position")]
    finally:
        connection.close()


def test_repeated_crashes_in_the_swap_keep_only_the_newest_copy(
    data_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="backup_api_server")
    for crash in range(4):
        crash_after_a_swap(data_dir, f"crash-{crash}")
        AssetDatabase(data_dir).close()  # start-up recovery sets the previous database aside

    [kept] = discarded(data_dir)
    # The newest copy is the previous database of the last crash: it holds every marker so far.
    assert ids_in(data_dir / kept) == [f"crash-{crash}" for crash in range(4)]
    removed = [record.getMessage() for record in caplog.records if record.name == "backup_api_server"]
    assert len(removed) == 3
    assert all(DATABASE_NAME + DISCARDED_SUFFIX in message and "removed" in message for message in removed)


def test_the_newest_copy_is_found_by_its_time_then_its_attempt_number(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    names = [
        "20250101T000000000000Z",
        "20261231T235959999999Z",
        "20261231T235959999999Z-2",
        "20261231T235959999999Z-10",
        "20240101T000000000000Z",
    ]
    for name in names:
        (data_dir / f"{DATABASE_NAME}{DISCARDED_SUFFIX}{name}").write_bytes(b"copy")
        (data_dir / f"{DATABASE_NAME}{DISCARDED_SUFFIX}{name}-wal").write_bytes(b"log")

    AssetDatabase(data_dir).close()

    newest = f"{DATABASE_NAME}{DISCARDED_SUFFIX}20261231T235959999999Z-10"
    assert discarded(data_dir) == [newest, f"{newest}-wal"]


def test_a_successful_swap_removes_older_copies_too(make_engine: EngineFactory, data_dir: Path) -> None:
    engine = make_engine()
    backup_id = engine.start_creation([{"id": "backed-up"}])
    assert engine.wait_for_creation(backup_id, WAIT_SECONDS).value == "COMPLETED"
    for name in ("20240101T000000000000Z", "20250101T000000000000Z"):
        (data_dir / f"{DATABASE_NAME}{DISCARDED_SUFFIX}{name}").write_bytes(b"copy")

    engine.restore(backup_id)

    assert discarded(data_dir) == [f"{DATABASE_NAME}{DISCARDED_SUFFIX}20250101T000000000000Z"]
    assert engine.list_assets() == [{"id": "backed-up"}]


def test_files_that_only_look_like_copies_are_left_alone(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    strangers = [f"{DATABASE_NAME}{DISCARDED_SUFFIX}notes.txt", f"{DATABASE_NAME}{DISCARDED_SUFFIX}1"]
    for name in strangers:
        (data_dir / name).write_bytes(b"someone else's")
    (data_dir / f"{DATABASE_NAME}{DISCARDED_SUFFIX}20240101T000000000000Z").write_bytes(b"copy")

    AssetDatabase(data_dir).close()

    assert discarded(data_dir) == sorted(
        [*strangers, f"{DATABASE_NAME}{DISCARDED_SUFFIX}20240101T000000000000Z"]
    )
