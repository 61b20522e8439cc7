"""Restarts and crash recovery (engine.journal, engine.startup)."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from backup_api_server.engine import Status
from backup_api_server.errors import (
    BackupNotFound,
    OperationConflict,
)
from backup_api_server.storage.database_files import (
    DATABASE_NAME,
    RESTORING_SUFFIX,
)
from backup_api_server_models import BackupStatusEnum
from tests.unit.engine_support import (
    DATA_DIR_FILES,
    EngineFactory,
    create_completed,
    discarded_databases,
    files_under,
    make_assets,
    make_swap_leftovers,
    run_until_crash,
    stored_rows_of,
)

# Restart and crash recovery


def test_completed_backups_survive_a_restart(make_engine: EngineFactory) -> None:
    engine = make_engine()
    backup_id = create_completed(engine, make_assets(5))
    engine.close()

    restarted = make_engine()

    completed = Status(BackupStatusEnum.COMPLETED, 100.0, restarted.get_backup(backup_id))
    assert restarted.creation_status(backup_id) == completed
    assert restarted.restoration_status(backup_id).value == "UNKNOWN"
    assert restarted.restoration_status(backup_id).percentage is None
    assert restarted.start_creation([]) > backup_id


def test_creation_interrupted_by_a_crash_reads_failed_after_restart(
    make_engine: EngineFactory, data_dir: Path
) -> None:
    backup_id = run_until_crash(
        data_dir,
        """
        id_printed = threading.Event()
        writes = []

        def crash_on_second_batch(phase):
            if phase == "create:write":
                writes.append(phase)
                if len(writes) == 2:
                    id_printed.wait(10)
                    crash()

        engine = BackupEngine(DATA_DIR, api_version="1.0.0", step_hook=crash_on_second_batch)
        print(engine.start_creation([{"id": str(index), "padding": "x" * 200} for index in range(1200)]))
        sys.stdout.flush()
        id_printed.set()
        threading.Event().wait(30)
        """,
    )
    assert files_under(data_dir / "jobs") == [f"{backup_id}.creating"]
    assert files_under(data_dir / "backups") == [f"{backup_id}.jsonl.zst.tmp"]

    engine = make_engine()

    status = engine.creation_status(backup_id)
    assert (status.value, status.percentage, status.backup.id.root) == ("FAILED", None, backup_id)
    assert engine.list_backups() == []
    assert files_under(data_dir / "backups") == []
    with pytest.raises(BackupNotFound):
        engine.get_backup(backup_id)
    with pytest.raises(OperationConflict):
        engine.cancel_creation(backup_id)
    engine.close()
    assert make_engine().creation_status(backup_id).value == "FAILED"  # and after another restart


def test_restoration_interrupted_by_a_crash_leaves_the_previous_database(
    data_dir: Path, make_engine: EngineFactory
) -> None:
    engine = make_engine()
    backup_id = create_completed(engine, make_assets(1_200, prefix="backed-up"))
    engine.database.put_many(make_assets(20, prefix="original"))
    documents_before = engine.list_assets()
    engine.close()

    run_until_crash(
        data_dir,
        f"""
        def crash_before_swap(phase):
            if phase == "restore:swap":
                crash()

        engine = BackupEngine(DATA_DIR, api_version="1.0.0", step_hook=crash_before_swap)
        engine.restore({backup_id!r})
        """,
    )
    assert (data_dir / (DATABASE_NAME + RESTORING_SUFFIX)).exists()

    assert make_engine().list_assets() == documents_before
    assert files_under(data_dir) == DATA_DIR_FILES


def test_crash_between_the_swap_renames_puts_the_previous_database_back(
    data_dir: Path, make_engine: EngineFactory
) -> None:
    documents, main, previous = make_swap_leftovers(data_dir, make_engine)
    main.rename(previous)
    (data_dir / (DATABASE_NAME + RESTORING_SUFFIX)).write_bytes(b"SQLite format 3\x00 half-built")

    assert make_engine().list_assets() == documents
    assert not previous.exists()
    assert not (data_dir / (DATABASE_NAME + RESTORING_SUFFIX)).exists()


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda content: content[:100], id="truncated"),
        pytest.param(lambda content: content[: len(content) // 2], id="half-written"),
        pytest.param(lambda content: b"not a database " * 300, id="not-a-database"),
    ],
)
def test_broken_main_database_beside_the_previous_one_is_moved_aside_for_it(
    data_dir: Path, make_engine: EngineFactory, damage: Callable[[bytes], bytes]
) -> None:
    documents, main, previous = make_swap_leftovers(data_dir, make_engine)
    shutil.copyfile(main, previous)
    broken = damage(main.read_bytes())
    main.write_bytes(broken)

    assert make_engine().list_assets() == documents
    assert not previous.exists()
    # Never deleted: SQLite's verdict could be wrong, and it was the newest database.
    [discarded] = discarded_databases(data_dir)
    assert discarded.read_bytes() == broken


@pytest.mark.parametrize(
    "error_code",
    [
        sqlite3.SQLITE_IOERR,
        sqlite3.SQLITE_IOERR_READ,
        sqlite3.SQLITE_CANTOPEN,
        sqlite3.SQLITE_PERM,
        sqlite3.SQLITE_NOMEM,
        None,  # an error that carries no SQLite result code at all
    ],
)
def test_start_up_stops_on_an_error_that_says_nothing_about_the_database_and_moves_nothing(
    data_dir: Path, make_engine: EngineFactory, monkeypatch: pytest.MonkeyPatch, error_code: int | None
) -> None:
    # A restoration completed and was acknowledged; removing the kept previous database failed.
    _, main, previous = make_swap_leftovers(data_dir, make_engine)
    shutil.copyfile(main, previous)
    connection = sqlite3.connect(main)
    connection.execute("DELETE FROM assets")
    connection.execute("""INSERT INTO assets (id, document) VALUES ('restored', '{"id":"restored"}')""")
    connection.commit()
    connection.close()
    main_content, previous_content = main.read_bytes(), previous.read_bytes()
    real_connect = sqlite3.connect

    def connect(database: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        # The check of the files at start-up hits a passing I/O error (or worse).
        if "mode=ro" in str(database):
            error = sqlite3.OperationalError("disk I/O error (injected)")
            if error_code is not None:
                error.sqlite_errorcode = error_code
            raise error
        connection: sqlite3.Connection = real_connect(database, *args, **kwargs)
        return connection

    monkeypatch.setattr(sqlite3, "connect", connect)

    with pytest.raises(sqlite3.OperationalError, match=r"^disk I/O error \(injected\)$"):
        make_engine()

    assert main.read_bytes() == main_content
    assert previous.read_bytes() == previous_content
    assert discarded_databases(data_dir) == []
    monkeypatch.undo()
    assert make_engine().list_assets() == [{"id": "restored"}]
    [discarded] = discarded_databases(data_dir)
    assert discarded.read_bytes() == previous_content


def test_swap_that_completed_before_the_crash_is_kept(data_dir: Path, make_engine: EngineFactory) -> None:
    _, main, previous = make_swap_leftovers(data_dir, make_engine)
    shutil.copyfile(main, previous)
    connection = sqlite3.connect(main)
    connection.execute("DELETE FROM assets WHERE position > 1")
    connection.commit()
    connection.close()

    assert [document["id"] for document in make_engine().list_assets()] == ["previous-000000"]
    assert not previous.exists()
    [discarded] = discarded_databases(data_dir)
    assert len(stored_rows_of(discarded)) == 20
