"""Creations run on a fixed pool of workers behind a bounded queue: what is refused, and how queued
creations end when cancelled or when the engine closes."""

from __future__ import annotations

import itertools
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from backup_api_server.engine import SHUTDOWN_DETAIL, BackupEngine
from backup_api_server.errors import TooManyRequests
from backup_api_server.settings import MAX_CONCURRENT_CREATIONS, MAX_PENDING_CREATIONS
from backup_api_server_models import BackupStatusEnum
from tests.unit.conftest import EngineFactory

WAIT_SECONDS = 10.0
BOUND = MAX_CONCURRENT_CREATIONS + MAX_PENDING_CREATIONS


class HeldWorkers:
    """A step hook that holds every creation at its first write until released (or the engine
    closes); `running` counts the creations being held."""

    def __init__(self) -> None:
        self.running = threading.Semaphore(0)
        self.release = threading.Event()

    def __call__(self, phase: str) -> None:
        if phase == "engine:closing":
            self.release.set()
        elif phase == "create:write":
            self.running.release()
            self.release.wait(WAIT_SECONDS)


@pytest.fixture
def held() -> Iterator[HeldWorkers]:
    hold = HeldWorkers()
    yield hold
    hold.release.set()


def fill_to_the_bound(engine: BackupEngine, held: HeldWorkers) -> list[str]:
    """Start as many creations as the engine takes: MAX_CONCURRENT_CREATIONS held by the workers,
    MAX_PENDING_CREATIONS waiting."""
    running = [
        engine.start_creation([{"id": f"running-{index}"}]) for index in range(MAX_CONCURRENT_CREATIONS)
    ]
    assert all(held.running.acquire(timeout=WAIT_SECONDS) for _ in running)
    waiting = [engine.start_creation([{"id": f"waiting-{index}"}]) for index in range(MAX_PENDING_CREATIONS)]
    return [*running, *waiting]


def creation_threads() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name.startswith("create ")]


def test_creations_beyond_the_bound_are_refused_and_leave_nothing_behind(
    make_engine: EngineFactory, data_dir: Path, held: HeldWorkers
) -> None:
    clock = itertools.count(10_000_000_000, 1_000_000_000)
    engine = make_engine(step_hook=held, time_ns=lambda: next(clock))
    admitted = fill_to_the_bound(engine, held)
    journal_before = sorted(path.name for path in (data_dir / "jobs").iterdir())

    for _ in range(5):
        with pytest.raises(
            TooManyRequests, match=f"^{MAX_PENDING_CREATIONS} creations are already waiting"
        ) as raised:
            engine.start_creation([{"id": "refused"}])
        assert raised.value.retry_after >= 1

    # Nothing was written for the refused ones, and no id was used: the clock was not even read.
    assert sorted(path.name for path in (data_dir / "jobs").iterdir()) == journal_before
    assert len(journal_before) == BOUND
    assert [engine.creation_status(backup_id).value for backup_id in admitted[MAX_CONCURRENT_CREATIONS:]] == [
        BackupStatusEnum.INITIALIZED
    ] * MAX_PENDING_CREATIONS
    assert len(creation_threads()) <= MAX_CONCURRENT_CREATIONS

    held.release.set()
    for backup_id in admitted:
        assert engine.wait_for_creation(backup_id, WAIT_SECONDS).value == "COMPLETED"
    next_id = engine.start_creation([])
    assert int(next_id.rpartition("_")[2]) == int(admitted[-1].rpartition("_")[2]) + 1_000_000
    assert engine.wait_for_creation(next_id, WAIT_SECONDS).value == "COMPLETED"


def test_a_queued_creation_is_cancelled_at_once_and_makes_room(
    make_engine: EngineFactory, data_dir: Path, held: HeldWorkers
) -> None:
    engine = make_engine(step_hook=held)
    admitted = fill_to_the_bound(engine, held)
    queued = admitted[-1]

    # The workers stay held: a cancel that waited for one would not return.
    canceller = threading.Thread(target=engine.cancel_creation, args=(queued,))
    canceller.start()
    canceller.join(WAIT_SECONDS / 2)
    assert not canceller.is_alive(), "cancelling a queued creation waited for a worker"

    status = engine.creation_status(queued)
    assert (status.value, status.detail) == (BackupStatusEnum.CANCELED, "create: canceled")
    assert (data_dir / "jobs" / f"{queued}.canceled").exists()
    engine.cancel_creation(queued)  # idempotent, as for a running one
    replacement = engine.start_creation([{"id": "after the cancel"}])  # its place is free

    held.release.set()
    assert engine.wait_for_creation(replacement, WAIT_SECONDS).value == "COMPLETED"
    assert engine.creation_status(queued).value == BackupStatusEnum.CANCELED
    assert not (data_dir / "backups" / f"{queued}.json").exists()


def test_close_ends_queued_creations_failed_without_running_them(
    make_engine: EngineFactory, data_dir: Path, held: HeldWorkers
) -> None:
    started: list[str] = []

    def record_and_hold(phase: str) -> None:
        if phase == "create:write":
            started.append(phase)
        held(phase)

    engine = make_engine(step_hook=record_and_hold)
    admitted = fill_to_the_bound(engine, held)

    engine.close()

    assert len(started) == MAX_CONCURRENT_CREATIONS
    for backup_id in admitted:
        status = engine.creation_status(backup_id)
        assert (status.value, status.detail) == (BackupStatusEnum.FAILED, f"create: {SHUTDOWN_DETAIL}")
    assert sorted(path.name for path in (data_dir / "jobs").iterdir()) == sorted(
        f"{backup_id}.failed" for backup_id in admitted
    )
    assert creation_threads() == []
    restarted = make_engine()
    for backup_id in admitted:
        status = restarted.creation_status(backup_id)
        assert (status.value, status.detail) == (BackupStatusEnum.FAILED, f"create: {SHUTDOWN_DETAIL}")


def test_the_workers_are_a_fixed_pool(make_engine: EngineFactory) -> None:
    engine = make_engine()
    for _ in range(4 * BOUND):
        backup_id = engine.start_creation([])
        assert engine.wait_for_creation(backup_id, WAIT_SECONDS).value == "COMPLETED"

    assert len(creation_threads()) <= MAX_CONCURRENT_CREATIONS
    engine.close()
    assert creation_threads() == []


def test_a_creation_interrupted_by_a_crash_says_so_after_the_restart(
    make_engine: EngineFactory, data_dir: Path
) -> None:
    engine = make_engine()
    backup_id = engine.start_creation([])
    engine.wait_for_creation(backup_id, WAIT_SECONDS)
    engine.close()
    # What a crash in the middle of a creation leaves: its marker, and no backup.
    crashed_id = f"{backup_id[:-1]}{(int(backup_id[-1]) + 1) % 10}"
    (data_dir / "jobs" / f"{crashed_id}.creating").write_text(json.dumps({"id": crashed_id}))

    status = make_engine().creation_status(crashed_id)

    assert (status.value, status.detail) == (BackupStatusEnum.FAILED, f"create: {SHUTDOWN_DETAIL}")
