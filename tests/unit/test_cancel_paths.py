"""Cancelling restorations and creations at the edges the other engine tests do not reach: a cancel
racing the engine's closing, a cancel of a backup still being created, and the restoration handle's
own cancel. (Found by the mutation run, `mutation/run.py`.)"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from backup_api_server.errors import EngineError, OperationCancelled, OperationConflict
from backup_api_server.storage import assets as assets_module
from backup_api_server.storage import local_objects as store_module
from tests.unit.conftest import EngineFactory
from tests.unit.engine_support import WAIT_SECONDS, PhaseGate, create_completed, make_assets, stored_rows


def test_the_restoration_handle_cancels_its_own_restoration(make_engine: EngineFactory) -> None:
    gate = PhaseGate("restore:insert", occurrence=2)
    engine = make_engine(step_hook=gate)
    backup_id = create_completed(engine, make_assets(1_200, prefix="backed-up"))
    engine.database.put_many(make_assets(10, prefix="original"))
    rows_before = stored_rows(engine.data_dir)
    handle = engine.start_restoration(backup_id)
    gate.wait_reached()

    handle.cancel()

    assert handle.final_status(0).value == "CANCELED"
    assert engine.restoration_status(backup_id).value == "CANCELED"
    with pytest.raises(OperationCancelled):
        handle.wait(0)
    assert stored_rows(engine.data_dir) == rows_before


def test_cancel_restoration_of_a_backup_being_created_is_a_conflict_not_unknown(
    make_engine: EngineFactory,
) -> None:
    gate = PhaseGate("create:write", occurrence=1)
    engine = make_engine(step_hook=gate)
    backup_id = engine.start_creation(make_assets(10))
    gate.wait_reached()

    # The id is known (its creation runs) though nothing is stored yet.
    with pytest.raises(OperationConflict, match=r"no restoration of backup .* is in progress"):
        engine.cancel_restoration(backup_id)

    gate.release()
    assert engine.wait_for_creation(backup_id, WAIT_SECONDS).value == "COMPLETED"


def test_a_restoration_cancelled_then_cut_off_by_closing_before_its_next_check_ends_canceled(
    make_engine: EngineFactory,
) -> None:
    """The first stop request decides how the job ends: the cancel, not the close after it."""
    reached_verify = threading.Event()
    release = threading.Event()
    closing: list[threading.Thread] = []
    engine = None

    def hook(phase: str) -> None:
        if phase == "restore:verify":
            reached_verify.set()
            assert release.wait(WAIT_SECONDS), "never released"
        elif phase == "restore:cancel-requested":
            # The cancel is requested; the engine closes before the job looks at its stop event.
            assert engine is not None
            closer = threading.Thread(target=engine.close)
            closing.append(closer)
            closer.start()
        elif phase == "engine:closing":
            release.set()

    engine = make_engine(step_hook=hook)
    backup_id = create_completed(engine, make_assets(20, prefix="backed-up"))
    engine.database.put_many(make_assets(5, prefix="original"))
    rows_before = stored_rows(engine.data_dir)
    handle = engine.start_restoration(backup_id)
    assert reached_verify.wait(WAIT_SECONDS)

    engine.cancel_restoration(backup_id)  # raises if the restoration did not end CANCELED

    closing[0].join(WAIT_SECONDS)
    assert handle.final_status(0).value == "CANCELED"
    assert (handle.failure_detail() or "").endswith("canceled")
    assert stored_rows(engine.data_dir) == rows_before


def test_a_creation_cancelled_then_cut_off_by_closing_before_its_next_check_ends_canceled(
    make_engine: EngineFactory,
) -> None:
    """As for restorations: the cancel came first, so the creation ends CANCELED, not FAILED."""
    reached_write = threading.Event()
    release = threading.Event()
    closing: list[threading.Thread] = []
    engine = None

    def hook(phase: str) -> None:
        if phase == "create:write" and not reached_write.is_set():
            reached_write.set()
            assert release.wait(WAIT_SECONDS), "never released"
        elif phase == "create:cancel-requested":
            assert engine is not None
            closer = threading.Thread(target=engine.close)
            closing.append(closer)
            closer.start()
        elif phase == "engine:closing":
            release.set()

    engine = make_engine(step_hook=hook)
    backup_id = engine.start_creation(make_assets(20))
    assert reached_write.wait(WAIT_SECONDS)

    engine.cancel_creation(backup_id)  # raises if the creation did not end CANCELED

    closing[0].join(WAIT_SECONDS)
    restarted = make_engine()
    assert restarted.creation_status(backup_id).value == "CANCELED"
    assert restarted.list_backups() == []


def hold_first_fsync(
    monkeypatch: pytest.MonkeyPatch, module: Any, when: Callable[[Path], bool] = lambda _: True
) -> tuple[threading.Event, threading.Event]:
    """Make the first `module.fsync_directory(directory)` for which `when(directory)` holds wait
    until released: a job held past its last cancellation check. Returns (reached, release)."""
    real = module.fsync_directory
    reached, release = threading.Event(), threading.Event()

    def held(directory: Path) -> None:
        if when(directory) and not reached.is_set():
            reached.set()
            assert release.wait(WAIT_SECONDS), "never released"
        real(directory)

    monkeypatch.setattr(module, "fsync_directory", held)
    return reached, release


def on_phase(name: str, event: threading.Event) -> Callable[[str], None]:
    """A step hook that sets `event` when the phase `name` is reached."""

    def hook(phase: str) -> None:
        if phase == name:
            event.set()

    return hook


def release_once(requested: threading.Event, release: threading.Event) -> None:
    if requested.wait(WAIT_SECONDS):
        release.set()


def test_a_restoration_cancelled_after_its_last_check_completes_and_the_cancel_says_so(
    make_engine: EngineFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    cancel_requested = threading.Event()
    engine = make_engine(step_hook=on_phase("restore:cancel-requested", cancel_requested))
    backup_id = create_completed(engine, make_assets(20, prefix="backed-up"))
    # The swap's directory fsync comes after the renames: the restoration can no longer stop.
    reached, release = hold_first_fsync(monkeypatch, assets_module)
    handle = engine.start_restoration(backup_id)
    assert reached.wait(WAIT_SECONDS)
    releaser = threading.Thread(target=release_once, args=(cancel_requested, release))
    releaser.start()

    with pytest.raises(
        OperationConflict,
        match=rf"^restoration of backup {re.escape(backup_id)} ended COMPLETED before it could be canceled$",
    ):
        engine.cancel_restoration(backup_id)

    releaser.join(WAIT_SECONDS)
    assert handle.final_status(0).value == "COMPLETED"
    assert engine.list_assets() == make_assets(20, prefix="backed-up")


def test_a_creation_cancelled_after_its_last_check_completes_and_the_cancel_says_so(
    make_engine: EngineFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    cancel_requested = threading.Event()
    engine = make_engine(step_hook=on_phase("create:cancel-requested", cancel_requested))
    # The store's directory fsync after the archive's rename comes after the creation's last check.
    # (The journal fsyncs its own directory through the same function.)
    reached, release = hold_first_fsync(
        monkeypatch, store_module, lambda directory: any(directory.glob("*.jsonl.zst"))
    )
    backup_id = engine.start_creation(make_assets(5))
    assert reached.wait(WAIT_SECONDS)
    releaser = threading.Thread(target=release_once, args=(cancel_requested, release))
    releaser.start()

    with pytest.raises(
        OperationConflict,
        match=rf"^creation of backup {re.escape(backup_id)} ended COMPLETED before it could be canceled$",
    ):
        engine.cancel_creation(backup_id)

    releaser.join(WAIT_SECONDS)
    assert engine.creation_status(backup_id).value == "COMPLETED"
    assert [backup.id.root for backup in engine.list_backups()] == [backup_id]


def test_a_restoration_ends_at_100_percent_only_when_it_completes(make_engine: EngineFactory) -> None:
    # The empty backup's restoration reaches the insert step once, the other's second batch is the 3rd.
    gate = PhaseGate("restore:insert", occurrence=3)
    engine = make_engine(step_hook=gate)
    empty = create_completed(engine, [])
    backup_id = create_completed(engine, make_assets(1_200, prefix="backed-up"))

    # Nothing to insert publishes no progress: completing is what says 100.
    engine.restore(empty)
    assert engine.restoration_status(empty).percentage == 100.0

    handle = engine.start_restoration(backup_id)
    gate.wait_reached()
    progress = handle.status().percentage
    engine.cancel_restoration(backup_id)
    # A cancelled restoration keeps the progress it had made.
    assert progress is not None and 0.0 < progress < 100.0
    assert handle.final_status(0).percentage == progress


def test_a_restoration_whose_thread_cannot_start_says_so_even_without_a_message(
    make_engine: EngineFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = make_engine()
    backup_id = create_completed(engine, make_assets(3))
    real_start = threading.Thread.start

    def start(thread: threading.Thread) -> None:
        if thread.name.startswith("restore "):
            raise RuntimeError()
        real_start(thread)

    monkeypatch.setattr(threading.Thread, "start", start)

    with pytest.raises(EngineError, match=r"^restore: could not start: RuntimeError$"):
        engine.start_restoration(backup_id)
    status = engine.restoration_status(backup_id)
    assert (status.value.value, status.percentage) == ("FAILED", 0.0)
