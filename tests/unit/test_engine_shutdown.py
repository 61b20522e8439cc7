"""Closing the engine: a graceful server stop (engine.jobs)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from backup_api_server.engine import SHUTDOWN_DETAIL, BackupEngine
from backup_api_server.errors import (
    BackupGone,
    DataDirectoryInUse,
    EngineError,
    OperationCancelled,
    OperationConflict,
)
from backup_api_server.storage.database_files import (
    DATABASE_NAME,
    RESTORING_SUFFIX,
)
from backup_api_server_models import Backup
from tests.unit.engine_support import (
    API_VERSION,
    WAIT_SECONDS,
    EngineFactory,
    PhaseGate,
    create_completed,
    files_under,
    make_assets,
    stored_rows,
)

# Closing (a graceful server stop)


def test_close_ends_running_and_waiting_creations_failed_not_canceled(
    make_engine: EngineFactory, data_dir: Path
) -> None:
    closing = threading.Event()
    holding = threading.Semaphore(0)

    def hold_writes_until_closing(phase: str) -> None:
        if phase == "engine:closing":
            closing.set()
        elif phase == "create:write":
            holding.release()
            closing.wait(WAIT_SECONDS)

    engine = make_engine(step_hook=hold_writes_until_closing)
    running = [engine.start_creation(make_assets(3)) for _ in range(2)]
    assert all(holding.acquire(timeout=WAIT_SECONDS) for _ in running)
    waiting = engine.start_creation(make_assets(3))
    assert engine.creation_status(waiting).value == "INITIALIZED"
    ids = [*running, waiting]

    engine.close()

    # Nobody cancelled them: they read as a crash would leave them, also after a restart.
    assert [engine.creation_status(backup_id).value for backup_id in ids] == ["FAILED"] * 3
    assert files_under(data_dir / "backups") == []
    assert files_under(data_dir / "jobs") == sorted(f"{backup_id}.failed" for backup_id in ids)
    restarted = make_engine()
    for backup_id in ids:
        assert restarted.creation_status(backup_id).value == "FAILED"
        with pytest.raises(OperationConflict, match=f"no creation of backup {backup_id} is in progress"):
            restarted.cancel_creation(backup_id)
        with pytest.raises(BackupGone, match="creation ended FAILED"):
            restarted.get_backup(backup_id)


def test_creation_cancelled_before_close_stays_canceled(make_engine: EngineFactory) -> None:
    gate = PhaseGate("create:write", occurrence=2)
    engine = make_engine(step_hook=gate)
    backup_id = engine.start_creation(make_assets(1_200))
    gate.wait_reached()
    engine.cancel_creation(backup_id)

    engine.close()

    restarted = make_engine()
    assert restarted.creation_status(backup_id).value == "CANCELED"
    restarted.cancel_creation(backup_id)


def test_close_ends_a_running_restoration_failed_and_keeps_the_database(
    make_engine: EngineFactory, data_dir: Path
) -> None:
    gate = PhaseGate("restore:insert", occurrence=2)
    engine = make_engine(step_hook=gate)
    backup_id = create_completed(engine, make_assets(1_200, prefix="backed-up"))
    engine.database.put_many(make_assets(10, prefix="original"))
    rows_before = stored_rows(data_dir)
    handle = engine.start_restoration(backup_id)
    gate.wait_reached()

    engine.close()

    assert handle.final_status(0).value == "FAILED"
    assert handle.failure_detail() == f"restore: {SHUTDOWN_DETAIL}"
    with pytest.raises(EngineError, match=f"^restore: {SHUTDOWN_DETAIL}$") as raised:
        handle.wait(0)
    assert not isinstance(raised.value, OperationCancelled)
    assert stored_rows(data_dir) == rows_before
    assert not (data_dir / (DATABASE_NAME + RESTORING_SUFFIX)).exists()
    restarted = make_engine()
    assert stored_rows(data_dir) == rows_before
    with pytest.raises(OperationConflict, match="no restoration"):
        restarted.cancel_restoration(backup_id)


def test_close_waits_for_a_creation_still_being_started_before_releasing_the_data_dir(
    make_engine: EngineFactory, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = make_engine()
    recording = threading.Event()
    proceed = threading.Event()
    real_record_started = engine._journal.record_started

    def slow_record_started(backup_id: str, backup: Backup) -> None:
        # Stands in for a slow fsync on a loaded disk, before the creation's thread exists.
        recording.set()
        proceed.wait(WAIT_SECONDS)
        real_record_started(backup_id, backup)

    monkeypatch.setattr(engine._journal, "record_started", slow_record_started)
    started: list[str] = []
    starter = threading.Thread(target=lambda: started.append(engine.start_creation(make_assets(3))))
    starter.start()
    assert recording.wait(WAIT_SECONDS)
    closer = threading.Thread(target=engine.close)
    closer.start()
    try:
        closer.join(0.3)
        assert closer.is_alive(), "close() returned while a creation was still being started"
        with pytest.raises(DataDirectoryInUse):
            BackupEngine(data_dir, api_version=API_VERSION)
    finally:
        proceed.set()
        starter.join(WAIT_SECONDS)
        closer.join(WAIT_SECONDS)

    assert not closer.is_alive()
    [backup_id] = started
    assert engine.creation_status(backup_id).value == "FAILED"
    assert files_under(data_dir / "jobs") == [f"{backup_id}.failed"]
    assert files_under(data_dir / "backups") == []
    assert make_engine().creation_status(backup_id).value == "FAILED"


def test_job_whose_thread_cannot_start_ends_failed_and_blocks_nothing(
    make_engine: EngineFactory, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = make_engine()
    backup_id = create_completed(first, make_assets(3, prefix="backed-up"))
    first.close()
    # Creation workers start with the first creation that needs one: this engine has none yet.
    engine = make_engine()
    real_start = threading.Thread.start

    def start(thread: threading.Thread) -> None:
        if thread.name.startswith(("create ", "restore ")):
            raise RuntimeError("can't start new thread")
        real_start(thread)

    monkeypatch.setattr(threading.Thread, "start", start)

    with pytest.raises(EngineError, match=r"^create: could not start: can't start new thread$"):
        engine.start_creation(make_assets(2))
    with pytest.raises(EngineError, match=r"^restore: could not start: can't start new thread$"):
        engine.start_restoration(backup_id)

    [failed_marker] = files_under(data_dir / "jobs")
    failed_id = failed_marker.removesuffix(".failed")
    assert failed_marker == f"{failed_id}.failed"
    assert engine.creation_status(failed_id).value == "FAILED"
    assert engine.restoration_status(backup_id).value == "FAILED"
    monkeypatch.undo()
    # Nothing stays "in progress": a restoration and a whole-database backup run, close returns.
    engine.database.put({"id": "original"})
    engine.restore(backup_id)
    assert engine.list_assets() == make_assets(3, prefix="backed-up")
    create_completed(engine, None)
    engine.close()
