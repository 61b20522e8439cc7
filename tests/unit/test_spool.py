"""Documents sent for a backup wait on disk, not in memory, until a worker writes their archive; the
spool file goes once its creation has ended in any way."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from backup_api_server.engine import BackupEngine
from backup_api_server.settings import MAX_CONCURRENT_CREATIONS
from backup_api_server.storage.spool import SPOOL_DIRECTORY, DocumentSpool
from backup_api_server_models import BackupStatusEnum
from tests.unit.conftest import EngineFactory
from tests.unit.engine_support import WAIT_SECONDS, PhaseGate, make_assets


class HoldEveryWorker:
    """A step_hook that holds every creation at its first batch until `release()` (or the engine
    closing), so the creations started next wait for a worker."""

    def __init__(self) -> None:
        self._released = threading.Event()
        self._all_held = threading.Event()
        self._held = 0
        self._lock = threading.Lock()

    def __call__(self, phase: str) -> None:
        if phase == "engine:closing":
            self.release()
        if phase != "create:write" or self._released.is_set():
            return
        with self._lock:
            self._held += 1
            if self._held == MAX_CONCURRENT_CREATIONS:
                self._all_held.set()
        self._released.wait(WAIT_SECONDS)

    def wait_until_all_held(self) -> None:
        assert self._all_held.wait(WAIT_SECONDS), "the workers were never all busy"

    def release(self) -> None:
        self._released.set()


def spooled(data_dir: Path) -> list[Path]:
    return sorted((data_dir / SPOOL_DIRECTORY).iterdir())


def spooled_documents(path: Path) -> list[object]:
    return [json.loads(line) for line in path.read_bytes().split(b"\n")[:-1]]


def test_a_waiting_creation_holds_its_documents_on_disk(make_engine: EngineFactory, data_dir: Path) -> None:
    gate = PhaseGate("create:write")
    engine = make_engine(step_hook=gate)
    sent = make_assets(50)
    backup_id = engine.start_creation(sent)
    gate.wait_reached()
    [path] = spooled(data_dir)
    assert spooled_documents(path) == sent
    gate.release()
    assert engine.wait_for_creation(backup_id, WAIT_SECONDS).value is BackupStatusEnum.COMPLETED
    assert spooled(data_dir) == []
    engine.restore(backup_id)
    assert engine.list_assets() == sent


def test_the_spool_goes_with_a_creation_cancelled_while_it_waits_for_a_worker(
    make_engine: EngineFactory, data_dir: Path
) -> None:
    workers = HoldEveryWorker()
    engine = make_engine(step_hook=workers)
    # Both workers held: the third creation waits in the queue with its spool.
    running = [engine.start_creation(make_assets(3, prefix=f"running-{n}")) for n in range(2)]
    workers.wait_until_all_held()
    waiting = engine.start_creation(make_assets(3, prefix="waiting"))
    assert len(spooled(data_dir)) == 3
    engine.cancel_creation(waiting)
    assert engine.creation_status(waiting).value is BackupStatusEnum.CANCELED
    workers.release()
    for backup_id in running:
        assert engine.wait_for_creation(backup_id, WAIT_SECONDS).value is BackupStatusEnum.COMPLETED
    assert spooled(data_dir) == []


def test_an_invalid_document_leaves_no_spool_and_uses_no_id(
    make_engine: EngineFactory, data_dir: Path
) -> None:
    engine = make_engine()
    with pytest.raises(ValueError, match="string 'id'"):
        engine.start_creation([{"id": "fine"}, {"no": "id"}])
    assert spooled(data_dir) == []
    assert engine.list_backups() == []


def test_leftovers_of_a_crash_are_removed_when_an_engine_opens(
    make_engine: EngineFactory, data_dir: Path
) -> None:
    make_engine().close()
    leftover = data_dir / SPOOL_DIRECTORY / "tmp-crashed.jsonl"
    leftover.write_bytes(b'{"id":"a"}\n')
    make_engine()
    assert spooled(data_dir) == []


def test_documents_round_trip_whatever_their_text_holds(tmp_path: Path) -> None:
    """Only `\\n` ends a line: JSON leaves U+2028/U+2029 (and `\\x85`) unescaped, and a text-mode
    read would split on them."""
    texts = [
        json.dumps({"id": "a", "text": "line\u2028separator\u2029paragraph\x85next"}, ensure_ascii=False),
        json.dumps({"id": "b", "text": "escaped\nnewline\r\n"}, ensure_ascii=False),
        json.dumps({"id": "ünïcödé", "emoji": "🗂"}, ensure_ascii=False),
    ]
    spool = DocumentSpool.write(tmp_path, texts)
    assert spool.count == 3
    assert [text for batch in spool.batches(2) for text in batch] == texts
    assert [len(batch) for batch in spool.batches(2)] == [2, 1]
    spool.discard()
    assert list(tmp_path.iterdir()) == []


def test_closing_the_engine_removes_the_spools_of_creations_that_never_ran(data_dir: Path) -> None:
    """A creation still queued when the engine closes is taken back from the queue: cancelling
    its future removes its spool."""
    workers = HoldEveryWorker()
    engine = BackupEngine(data_dir, api_version="1.0.0", step_hook=workers)
    for n in range(2):
        engine.start_creation(make_assets(2, prefix=f"running-{n}"))
    workers.wait_until_all_held()
    engine.start_creation(make_assets(2, prefix="queued"))
    engine.close()
    assert spooled(data_dir) == []
