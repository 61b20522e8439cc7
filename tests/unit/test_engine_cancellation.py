"""Cancelling creations and restorations (engine.steps)."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from backup_api_server.engine import Status
from backup_api_server.errors import (
    BackupGone,
    BackupNotFound,
    OperationCancelled,
    OperationConflict,
)
from backup_api_server_models import BackupStatusEnum
from tests.unit.engine_support import (
    API_VERSION,
    DATA_DIR_FILES,
    WAIT_SECONDS,
    EngineFactory,
    PhaseGate,
    create_completed,
    files_under,
    make_assets,
    stored_rows,
)

# Cancellation


def test_cancelled_creation_leaves_no_backup(make_engine: EngineFactory) -> None:
    gate = PhaseGate("create:write", occurrence=2)
    engine = make_engine(step_hook=gate)
    backup_id = engine.start_creation(make_assets(1_200))
    gate.wait_reached()
    assert engine.creation_status(backup_id).value == "IN-PROGRESS"
    assert files_under(engine.data_dir / "backups") == [f"{backup_id}.jsonl.zst.tmp"]

    engine.cancel_creation(backup_id)

    status = engine.creation_status(backup_id)
    assert (status.value, status.percentage) == ("CANCELED", round(100 * 500 / 1200, 2))
    assert files_under(engine.data_dir / "backups") == []
    assert engine.list_backups() == []
    with pytest.raises(BackupNotFound):
        engine.get_backup(backup_id)


def test_creations_beyond_the_running_limit_wait_initialized_and_can_be_cancelled(
    make_engine: EngineFactory,
) -> None:
    holding = threading.Semaphore(0)
    release = threading.Event()

    def hold_every_write(phase: str) -> None:
        if phase == "create:write":
            holding.release()
            release.wait(WAIT_SECONDS)

    engine = make_engine(step_hook=hold_every_write)
    running = [engine.start_creation([{"id": str(index)}]) for index in range(2)]
    assert all(holding.acquire(timeout=WAIT_SECONDS) for _ in running)
    waiting = engine.start_creation([{"id": "waiting"}])

    assert engine.creation_status(waiting) == Status(
        BackupStatusEnum.INITIALIZED, 0.0, engine.creation_status(waiting).backup
    )
    engine.cancel_creation(waiting)
    release.set()

    assert engine.creation_status(waiting).value == "CANCELED"
    assert [engine.wait_for_creation(backup_id, WAIT_SECONDS).value for backup_id in running] == [
        "COMPLETED"
    ] * 2
    assert sorted(backup.id.root for backup in engine.list_backups()) == sorted(running)


def test_cancel_creation_of_unknown_or_finished_backup(make_engine: EngineFactory) -> None:
    engine = make_engine()
    backup_id = create_completed(engine, [])

    with pytest.raises(BackupNotFound):
        engine.cancel_creation(f"{API_VERSION}_1")
    with pytest.raises(BackupNotFound):
        engine.creation_status(f"{API_VERSION}_1")
    with pytest.raises(OperationConflict, match=f"no creation of backup {backup_id} is in progress"):
        engine.cancel_creation(backup_id)


def test_cancel_creation_again_after_it_took_effect_succeeds_and_changes_nothing(
    make_engine: EngineFactory,
) -> None:
    # The spec marks the cancel idempotent and the client retries it when an answer is lost.
    gate = PhaseGate("create:write", occurrence=2)
    engine = make_engine(step_hook=gate)
    backup_id = engine.start_creation(make_assets(1_200))
    gate.wait_reached()
    engine.cancel_creation(backup_id)
    cancelled = engine.creation_status(backup_id)

    engine.cancel_creation(backup_id)
    engine.cancel_creation(backup_id)

    assert engine.creation_status(backup_id) == cancelled
    assert cancelled.value == "CANCELED"
    assert engine.list_backups() == []
    assert files_under(engine.data_dir / "backups") == []
    # The other operations still answer "gone" for a cancelled creation.
    with pytest.raises(BackupGone, match="creation ended CANCELED"):
        engine.get_backup(backup_id)
    with pytest.raises(BackupGone):
        engine.start_restoration(backup_id)
    with pytest.raises(BackupGone):
        engine.delete_backup(backup_id)
    engine.close()

    restarted = make_engine()
    restarted.cancel_creation(backup_id)  # also once the engine only knows it from its journal
    assert restarted.creation_status(backup_id).value == "CANCELED"
    with pytest.raises(BackupGone):
        restarted.get_backup(backup_id)


def test_cancel_creation_still_conflicts_for_completed_and_failed_creations(
    make_engine: EngineFactory, data_dir: Path
) -> None:
    engine = make_engine()
    completed_id = create_completed(engine, [])
    failed_id = f"{API_VERSION}_1"
    (data_dir / "jobs" / f"{failed_id}.failed").write_text(json.dumps({"id": failed_id}))

    for backup_id, ended in ((completed_id, "COMPLETED"), (failed_id, "FAILED")):
        assert engine.creation_status(backup_id).value == ended
        with pytest.raises(OperationConflict, match=f"no creation of backup {backup_id} is in progress"):
            engine.cancel_creation(backup_id)


def test_cancel_restoration_again_after_it_took_effect_succeeds_and_changes_nothing(
    make_engine: EngineFactory,
) -> None:
    gate = PhaseGate("restore:insert", occurrence=2)
    engine = make_engine(step_hook=gate)
    backup_id = create_completed(engine, make_assets(1_200, prefix="backed-up"))
    engine.database.put_many(make_assets(10, prefix="original"))
    rows_before = stored_rows(engine.data_dir)
    engine.start_restoration(backup_id)
    gate.wait_reached()
    engine.cancel_restoration(backup_id)
    cancelled = engine.restoration_status(backup_id)

    engine.cancel_restoration(backup_id)
    engine.cancel_restoration(backup_id)

    assert cancelled.value == "CANCELED"
    assert engine.restoration_status(backup_id) == cancelled
    assert stored_rows(engine.data_dir) == rows_before
    # A later restoration that completes makes the cancel a conflict again.
    engine.restore(backup_id)
    with pytest.raises(OperationConflict, match="no restoration"):
        engine.cancel_restoration(backup_id)


@pytest.mark.parametrize(
    ("phase", "occurrence"),
    [("restore:verify", 1), ("restore:insert", 2), ("restore:check", 1), ("restore:swap", 1)],
)
def test_cancelled_restoration_leaves_the_database_byte_identical(
    make_engine: EngineFactory, phase: str, occurrence: int
) -> None:
    gate = PhaseGate(phase, occurrence=occurrence)
    engine = make_engine(step_hook=gate)
    backup_id = create_completed(engine, make_assets(1_200, prefix="backed-up"))
    engine.database.put_many(make_assets(40, prefix="original"))
    engine.database.put({"id": "original-000003", "replaced": "in place, keeps its position"})
    rows_before = stored_rows(engine.data_dir)
    documents_before = engine.list_assets()

    handle = engine.start_restoration(backup_id)
    gate.wait_reached()
    engine.cancel_restoration(backup_id)

    assert engine.restoration_status(backup_id).value == "CANCELED"
    with pytest.raises(OperationCancelled, match=r"^restore: .*canceled"):
        handle.wait()
    assert engine.list_assets() == documents_before
    assert stored_rows(engine.data_dir) == rows_before
    assert files_under(engine.data_dir) == DATA_DIR_FILES


def test_cancel_restoration_without_one_in_progress(make_engine: EngineFactory) -> None:
    engine = make_engine()
    backup_id = create_completed(engine, [])

    unknown = Status(BackupStatusEnum.UNKNOWN, None, engine.get_backup(backup_id))
    assert engine.restoration_status(backup_id) == unknown
    with pytest.raises(OperationConflict, match="no restoration"):
        engine.cancel_restoration(backup_id)
    with pytest.raises(BackupNotFound):
        engine.cancel_restoration(f"{API_VERSION}_1")
    with pytest.raises(BackupNotFound):
        engine.restoration_status(f"{API_VERSION}_1")
