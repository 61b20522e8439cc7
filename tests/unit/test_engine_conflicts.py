"""Which jobs exclude which (engine.core)."""

from __future__ import annotations

import pytest

from backup_api_server.errors import (
    OperationConflict,
)
from tests.unit.engine_support import (
    WAIT_SECONDS,
    EngineFactory,
    PhaseGate,
    create_completed,
    make_assets,
)

# Conflicts


def test_restoration_excludes_other_restorations_whole_database_backups_and_deletion(
    make_engine: EngineFactory,
) -> None:
    gate = PhaseGate("restore:insert")
    engine = make_engine(step_hook=gate)
    backup_id = create_completed(engine, make_assets(10))
    other_id = create_completed(engine, [])

    handle = engine.start_restoration(backup_id)
    gate.wait_reached()
    try:
        with pytest.raises(OperationConflict, match=f"restoration of backup {backup_id} is in progress"):
            engine.start_restoration(other_id)
        with pytest.raises(OperationConflict, match=f"restoration of backup {backup_id} is in progress"):
            engine.start_creation(None)
        with pytest.raises(OperationConflict, match=f"restoration of backup {backup_id} is in progress"):
            engine.delete_backup(backup_id)
        engine.delete_backup(other_id)  # another backup is not in the way
        given_assets_id = engine.start_creation([{"id": "unrelated"}])  # does not read the database
    finally:
        gate.release()

    handle.wait(WAIT_SECONDS)
    assert engine.wait_for_creation(given_assets_id, WAIT_SECONDS).value == "COMPLETED"
    assert engine.list_assets() == make_assets(10)


def test_creation_excludes_restoration_and_its_own_deletion(make_engine: EngineFactory) -> None:
    first = make_engine()
    earlier_id = create_completed(first, [{"id": "earlier"}])
    first.close()
    gate = PhaseGate("create:write")
    engine = make_engine(step_hook=gate)

    running_id = engine.start_creation(make_assets(3))
    gate.wait_reached()
    try:
        with pytest.raises(OperationConflict, match=f"creation of backup {running_id} is in progress"):
            engine.restore(earlier_id)
        with pytest.raises(OperationConflict, match=f"creation of backup {running_id} is in progress"):
            engine.delete_backup(running_id)
    finally:
        gate.release()

    assert engine.wait_for_creation(running_id, WAIT_SECONDS).value == "COMPLETED"
    engine.restore(earlier_id)
    assert engine.list_assets() == [{"id": "earlier"}]
