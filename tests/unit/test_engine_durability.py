"""Effects that take place are never reported as failures: the swap and commits made durable
(storage.assets)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from backup_api_server.errors import (
    BackupGone,
    EngineError,
    OperationConflict,
)
from backup_api_server.storage import assets as assets_module
from backup_api_server.storage import database_files as database_files_module
from backup_api_server.storage import local_objects as store_module
from backup_api_server.storage.database_files import (
    DATABASE_NAME,
    PREVIOUS_SUFFIX,
    RESTORING_SUFFIX,
)
from tests.unit.engine_support import (
    DATA_DIR_FILES,
    WAIT_SECONDS,
    EngineFactory,
    create_completed,
    discarded_databases,
    fail_fsync_when,
    files_under,
    make_assets,
    stored_rows,
    stored_rows_of,
)

# Effects that take place are never reported as failures


def test_swap_that_fails_to_become_durable_puts_the_previous_database_back(
    make_engine: EngineFactory, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = make_engine()
    backup_id = create_completed(engine, make_assets(1_200, prefix="backed-up"))
    engine.database.put_many(make_assets(40, prefix="original"))
    rows_before = stored_rows(data_dir)
    documents_before = engine.list_assets()
    # Fails right after both renames: the new database is in place, the old one kept beside it.
    failed = fail_fsync_when(
        monkeypatch, assets_module, lambda _: (data_dir / (DATABASE_NAME + PREVIOUS_SUFFIX)).exists()
    )

    with pytest.raises(EngineError, match=r"^restore: swap databases: .*Input/output error \(injected\)"):
        engine.restore(backup_id)

    assert failed == [data_dir]
    assert engine.restoration_status(backup_id).value == "FAILED"
    assert engine.list_assets() == documents_before
    assert stored_rows(data_dir) == rows_before
    assert files_under(data_dir) == DATA_DIR_FILES
    monkeypatch.undo()
    engine.database.put({"id": "written-after"})  # the database is usable, the previous one
    engine.close()
    assert make_engine().list_assets() == [*documents_before, {"id": "written-after"}]


def test_swap_whose_undoing_fails_too_leaves_the_database_closed_until_reopened(
    make_engine: EngineFactory, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = make_engine()
    backup_id = create_completed(engine, make_assets(3, prefix="backed-up"))
    engine.database.put_many(make_assets(4, prefix="original"))
    fail_fsync_when(
        monkeypatch, assets_module, lambda _: (data_dir / (DATABASE_NAME + PREVIOUS_SUFFIX)).exists()
    )
    real_move = database_files_module.move_database_files

    def move_database_files(source: Path, destination: Path) -> None:
        if destination.name == DATABASE_NAME + RESTORING_SUFFIX:
            raise OSError(5, "Input/output error (undo)")
        real_move(source, destination)

    monkeypatch.setattr(database_files_module, "move_database_files", move_database_files)

    with pytest.raises(
        EngineError,
        match=r"\(injected\); undoing the swap failed too \(.*\(undo\)\): the asset database "
        r"stays closed until it is opened again, which finishes or undoes the swap$",
    ):
        engine.restore(backup_id)

    # No connection was opened on the half-swapped files (one could create an empty database).
    with pytest.raises(RuntimeError, match="closed"):
        engine.list_assets()
    monkeypatch.undo()
    engine.close()
    # Opening finishes the swap: the new database was complete and in place; the previous one
    # is moved aside, not deleted.
    assert make_engine().list_assets() == make_assets(3, prefix="backed-up")
    [discarded] = discarded_databases(data_dir)
    assert files_under(data_dir) == sorted([*DATA_DIR_FILES, discarded.name])
    assert [row[1] for row in stored_rows_of(discarded)] == [
        a["id"] for a in make_assets(4, prefix="original")
    ]


def test_swap_is_refused_while_another_connection_keeps_the_log_from_being_checkpointed(
    make_engine: EngineFactory, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database_files_module, "BUSY_TIMEOUT_SECONDS", 0.1)
    engine = make_engine()
    backup_id = create_completed(engine, make_assets(3, prefix="backed-up"))
    engine.database.put_many(make_assets(5, prefix="original"))
    reader = sqlite3.connect(data_dir / DATABASE_NAME, isolation_level=None)
    try:
        # Another process reads an older snapshot: the log cannot be checkpointed completely.
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM assets").fetchone()
        engine.database.put({"id": "written-after-the-reader-began"})
        documents_before = engine.list_assets()
        rows_before = stored_rows(data_dir)

        with pytest.raises(
            OperationConflict, match=r"^restore: swap databases: the asset database is busy; try again$"
        ):
            engine.restore(backup_id)

        assert engine.restoration_status(backup_id).value == "FAILED"
        assert engine.list_assets() == documents_before
        assert stored_rows(data_dir) == rows_before
        assert files_under(data_dir) == DATA_DIR_FILES  # nothing was renamed
    finally:
        reader.close()
    engine.restore(backup_id)
    assert engine.list_assets() == make_assets(3, prefix="backed-up")


def test_creation_whose_commit_fails_to_become_durable_leaves_no_backup(
    make_engine: EngineFactory, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = make_engine()
    backups = data_dir / "backups"
    # Fails right after the metadata (the commit record) was renamed into place.
    failed = fail_fsync_when(monkeypatch, store_module, lambda directory: any(backups.glob("*.json")))

    backup_id = engine.start_creation(make_assets(3))
    status = engine.wait_for_creation(backup_id, WAIT_SECONDS)

    assert failed == [backups]
    assert status.value == "FAILED"
    assert engine.list_backups() == []
    assert files_under(backups) == []
    with pytest.raises(BackupGone, match="creation ended FAILED"):
        engine.get_backup(backup_id)
    monkeypatch.undo()
    engine.close()
    restarted = make_engine()
    assert restarted.list_backups() == []
    assert restarted.creation_status(backup_id).value == "FAILED"
