"""The jobs engine on real files: creation, restoration, cancellation, conflicts and crash recovery."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import zstandard

import backup_api_server
from backup_api_server.assets import DATABASE_NAME, PREVIOUS_SUFFIX, RESTORING_SUFFIX
from backup_api_server.engine import BackupEngine, Status, StatusValue
from backup_api_server.errors import (
    BackupCorrupted,
    BackupNotFound,
    OperationCancelled,
    OperationConflict,
)
from backup_api_server.paths import DATA_DIR_ENV, resolve_data_dir

API_VERSION = "1.0.0"
WAIT_SECONDS = 10.0
EngineFactory = Callable[..., BackupEngine]


class PhaseGate:
    """A step_hook that holds a job when it reaches `phase` for the `occurrence`-th time.

    The job waits until `release()` is called or a cancellation is requested (the engine calls
    the hook with "<kind>:cancel-requested"), so a test can act on a job stopped at a known point.
    """

    def __init__(self, phase: str, *, occurrence: int = 1) -> None:
        self.phase = phase
        self.occurrence = occurrence
        self.reached = threading.Event()
        self._released = threading.Event()
        self._seen = 0
        self._lock = threading.Lock()

    def __call__(self, phase: str) -> None:
        if phase.endswith(":cancel-requested"):
            self.release()
            return
        if phase != self.phase:
            return
        with self._lock:
            self._seen += 1
            hold = self._seen == self.occurrence
        if hold:
            self.reached.set()
            if not self._released.wait(WAIT_SECONDS):
                raise TimeoutError(f"gate at {self.phase} was never released")

    def wait_reached(self) -> None:
        assert self.reached.wait(WAIT_SECONDS), f"no job reached {self.phase}"

    def release(self) -> None:
        self._released.set()


def make_assets(count: int, *, prefix: str = "asset", padding: int = 0) -> list[dict[str, Any]]:
    """Asset documents with declared fields, unknown fields (nested or not) and varied JSON."""
    return [
        {
            "id": f"{prefix}-{index:06d}",
            "name": f'snippet {index} — naïve ☃ 𝄞 \u2028 "quoted" \\ back',
            "created": {"value": "2025-11-27T15:08:03.123456Z", "readable": "just now"},
            "formats": {"iterable": [{"id": f"format-{index}", "fragment": {"string": {"raw": "x = 1"}}}]},
            "x-unknown": {"nested": [1, 2.5, None, True, {"deeper": ["a", {"b": -(2**63)}]}]},
            "empty": {},
            "weight": index / 7,
            "padding": "p" * padding,
        }
        for index in range(count)
    ]


def create_completed(engine: BackupEngine, assets: list[dict[str, Any]] | None) -> str:
    backup_id = engine.start_creation(assets)
    status = engine.wait_for_creation(backup_id, WAIT_SECONDS)
    assert status.value == "COMPLETED", status
    return backup_id


def stored_rows(data_dir: Path) -> list[tuple[int, str, str]]:
    """The database's rows exactly as stored (position, id, JSON text), read by a connection of our own."""
    connection = sqlite3.connect(data_dir / DATABASE_NAME)
    try:
        return connection.execute("SELECT position, id, document FROM assets ORDER BY position").fetchall()
    finally:
        connection.close()


def files_under(directory: Path) -> list[str]:
    return sorted(path.name for path in directory.iterdir()) if directory.exists() else []


def archive_path(data_dir: Path, backup_id: str) -> Path:
    return data_dir / "backups" / f"{backup_id}.jsonl.zst"


def run_until_crash(data_dir: Path, script: str) -> str:
    """Run `script` in a fresh interpreter that dies with os._exit(17) (a crash); return its output."""
    server_root = Path(backup_api_server.__file__).parent.parent
    prelude = textwrap.dedent(
        f"""
        import os, sys, threading
        from pathlib import Path
        from backup_api_server.engine import BackupEngine
        DATA_DIR = Path({str(data_dir)!r})

        def crash():
            sys.stdout.flush()
            os._exit(17)
        """
    )
    environment = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(server_root), os.environ.get("PYTHONPATH", "")]),
    }
    result = subprocess.run(
        [sys.executable, "-c", prelude + textwrap.dedent(script)],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 17, result.stderr
    return result.stdout.strip()


def assert_non_decreasing_to_100(percentages: list[float]) -> None:
    assert percentages, "no progress reported"
    assert percentages == sorted(percentages)
    assert all(0.0 <= percentage <= 100.0 for percentage in percentages)
    assert percentages[-1] == 100.0


# Creation and restoration


def test_backup_of_given_assets_restores_them_exactly(make_engine: EngineFactory) -> None:
    engine = make_engine()
    assets = make_assets(1_200)
    engine.database.put_many(make_assets(30, prefix="local"))

    backup_id = create_completed(engine, assets)
    status = engine.creation_status(backup_id)
    progress: list[float] = []
    restored = engine.restore(backup_id, on_progress=progress.append)

    assert status.value == "COMPLETED"
    assert status.percentage == 100.0
    assert restored == status.backup == engine.get_backup(backup_id)
    # Replaced, not merged; unknown fields, key order, and values all kept.
    assert json.dumps(engine.list_assets()) == json.dumps(assets)
    assert_non_decreasing_to_100(progress)
    assert engine.restoration_status(backup_id) == Status(StatusValue.COMPLETED, 100.0, restored)


def test_backup_metadata_has_the_wire_shape(make_engine: EngineFactory) -> None:
    engine = make_engine(device_name="test-device")
    backup_id = create_completed(engine, make_assets(3))

    backup = engine.get_backup(backup_id)

    assert set(backup) == {"id", "version", "timestamp", "bytes", "created", "device_name", "platform"}
    timestamp = backup_id.rpartition("_")[2]
    assert (backup["id"], backup["version"], backup["timestamp"]) == (backup_id, API_VERSION, timestamp)
    assert backup["bytes"] == archive_path(engine.data_dir, backup_id).stat().st_size > 0
    assert backup["created"]["value"].endswith("Z")
    assert backup["created"]["readable"].endswith("UTC")
    assert backup["device_name"] == "test-device"
    assert backup["platform"] in {"UNKNOWN", "WEB", "MACOS", "LINUX", "WINDOWS", "FUCHSIA", "IOS", "ANDROID"}


def test_archive_is_zstd_json_lines_of_the_documents(make_engine: EngineFactory) -> None:
    engine = make_engine()
    assets = make_assets(7)
    backup_id = create_completed(engine, assets)

    compressed = archive_path(engine.data_dir, backup_id).read_bytes()
    lines = (
        zstandard.ZstdDecompressor()
        .decompressobj()
        .decompress(compressed)
        .decode()
        .removesuffix("\n")
        .split("\n")
    )

    assert [json.loads(line) for line in lines] == assets
    assert lines[0] == json.dumps(assets[0], ensure_ascii=False, separators=(",", ":"))


def test_whole_database_backup_is_a_consistent_snapshot(make_engine: EngineFactory) -> None:
    written_meanwhile = threading.Event()
    engine: BackupEngine

    def write_during_backup(phase: str) -> None:
        if phase == "create:write" and not written_meanwhile.is_set():
            engine.database.put({"id": "written-during-backup"})
            engine.database.put({"id": "local-000000", "changed": True})
            written_meanwhile.set()

    engine = make_engine(step_hook=write_during_backup)
    original = make_assets(1_100, prefix="local")
    engine.database.put_many(original)

    backup_id = create_completed(engine, None)
    assert written_meanwhile.is_set()
    assert engine.list_assets()[-1] == {"id": "written-during-backup"}
    engine.restore(backup_id)

    assert engine.list_assets() == original


def test_empty_backup_restores_an_empty_database(make_engine: EngineFactory) -> None:
    engine = make_engine()
    backup_id = create_completed(engine, [])
    engine.database.put_many(make_assets(3))

    engine.restore(backup_id)

    assert engine.list_assets() == []
    assert engine.database.count() == 0


def test_ids_are_unique_and_increasing_in_a_tight_loop(make_engine: EngineFactory) -> None:
    engine = make_engine()

    ids = [engine.start_creation([]) for _ in range(200)]

    assert len(set(ids)) == 200
    timestamps = [int(backup_id.rpartition("_")[2]) for backup_id in ids]
    assert timestamps == sorted(timestamps)
    assert all(backup_id.startswith(f"{API_VERSION}_") for backup_id in ids)
    assert {engine.wait_for_creation(backup_id, WAIT_SECONDS).value for backup_id in ids} == {"COMPLETED"}
    assert len(engine.list_backups()) == 200


def test_ids_stay_unique_when_the_clock_stands_still_or_goes_back(make_engine: EngineFactory) -> None:
    readings = iter([5_000_000_000] * 100 + [4_000_000_000] * 100)
    engine = make_engine(time_ns=lambda: next(readings))

    ids = [engine.start_creation([]) for _ in range(200)]

    assert ids == [f"{API_VERSION}_{5_000_000 + offset}" for offset in range(200)]
    assert {engine.wait_for_creation(backup_id, WAIT_SECONDS).value for backup_id in ids} == {"COMPLETED"}
    engine.close()
    restarted = make_engine(time_ns=lambda: 4_000_000_000)
    assert restarted.start_creation([]) == f"{API_VERSION}_{5_000_000 + 200}"


def test_creation_progress_is_real_and_reaches_100(make_engine: EngineFactory) -> None:
    percentages: list[float] = []
    engine: BackupEngine
    started = threading.Event()
    backup_ids: list[str] = []

    def record(phase: str) -> None:
        if phase == "create:write":
            started.wait(WAIT_SECONDS)
            percentages.append(engine.creation_status(backup_ids[0]).percentage or 0.0)

    engine = make_engine(step_hook=record)
    backup_ids.append(engine.start_creation(make_assets(1_200)))
    started.set()
    percentages.append(engine.wait_for_creation(backup_ids[0], WAIT_SECONDS).percentage or 0.0)

    # Before each batch, after the last one, and the final status.
    assert percentages == [0.0, round(100 * 500 / 1200, 2), round(100 * 1000 / 1200, 2), 100.0, 100.0]


def test_restoration_events_are_ordered_and_end_completed(make_engine: EngineFactory) -> None:
    engine = make_engine()
    backup_id = create_completed(engine, make_assets(1_600))

    handle = engine.start_restoration(backup_id)
    events = list(handle.events())

    assert events[0].value == "INITIALIZED"
    assert events[-1].value == "COMPLETED"
    assert {event.value for event in events[1:-1]} == {"IN-PROGRESS"}
    assert_non_decreasing_to_100([event.percentage or 0.0 for event in events])
    assert handle.wait() == engine.get_backup(backup_id)
    final = handle.final_status()
    assert (final.value, final.percentage, final.backup) == ("COMPLETED", 100.0, handle.wait())


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
    with pytest.raises(OperationConflict, match="no creation"):
        engine.cancel_creation(backup_id)


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
        StatusValue.INITIALIZED, 0.0, engine.creation_status(waiting).backup
    )
    engine.cancel_creation(waiting)
    release.set()

    assert engine.creation_status(waiting).value == "CANCELED"
    assert [engine.wait_for_creation(backup_id, WAIT_SECONDS).value for backup_id in running] == [
        "COMPLETED"
    ] * 2
    assert sorted(backup["id"] for backup in engine.list_backups()) == sorted(running)


def test_cancel_creation_of_unknown_or_finished_backup(make_engine: EngineFactory) -> None:
    engine = make_engine()
    backup_id = create_completed(engine, [])

    with pytest.raises(BackupNotFound):
        engine.cancel_creation(f"{API_VERSION}_1")
    with pytest.raises(BackupNotFound):
        engine.creation_status(f"{API_VERSION}_1")
    with pytest.raises(OperationConflict, match=f"no creation of backup {backup_id} is in progress"):
        engine.cancel_creation(backup_id)


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
    with pytest.raises(OperationCancelled, match=r"^restore: .*cancelled"):
        handle.wait()
    assert engine.list_assets() == documents_before
    assert stored_rows(engine.data_dir) == rows_before
    assert files_under(engine.data_dir) == ["assets.db", "assets.db-shm", "assets.db-wal", "backups", "jobs"]
    with pytest.raises(OperationConflict, match="no restoration"):
        engine.cancel_restoration(backup_id)


def test_cancel_restoration_without_one_in_progress(make_engine: EngineFactory) -> None:
    engine = make_engine()
    backup_id = create_completed(engine, [])

    unknown = Status(StatusValue.UNKNOWN, None, engine.get_backup(backup_id))
    assert engine.restoration_status(backup_id) == unknown
    with pytest.raises(OperationConflict, match="no restoration"):
        engine.cancel_restoration(backup_id)
    with pytest.raises(BackupNotFound):
        engine.cancel_restoration(f"{API_VERSION}_1")
    with pytest.raises(BackupNotFound):
        engine.restoration_status(f"{API_VERSION}_1")


# Corruption


def test_corrupted_archive_is_refused_and_the_database_untouched(make_engine: EngineFactory) -> None:
    engine = make_engine()
    backup_id = create_completed(engine, make_assets(50))
    engine.database.put_many(make_assets(5, prefix="original"))
    rows_before = stored_rows(engine.data_dir)
    archive = archive_path(engine.data_dir, backup_id)
    content = bytearray(archive.read_bytes())
    content[len(content) // 2] ^= 0x01
    archive.write_bytes(bytes(content))

    with pytest.raises(BackupCorrupted, match=r"^restore: verify checksum: sha256 mismatch"):
        engine.restore(backup_id)

    assert stored_rows(engine.data_dir) == rows_before
    assert engine.restoration_status(backup_id).value == "FAILED"
    assert not (engine.data_dir / (DATABASE_NAME + RESTORING_SUFFIX)).exists()


def test_archive_that_matches_its_checksum_but_does_not_decode_is_refused(
    make_engine: EngineFactory, data_dir: Path
) -> None:
    engine = make_engine()
    backup_id = create_completed(engine, make_assets(3))
    engine.close()
    rewritten = zstandard.ZstdCompressor().compress(b'{"id": "fine"}\n[1, 2]\n{"id": "fine-too"}\n')
    archive_path(data_dir, backup_id).write_bytes(rewritten)
    metadata_path = data_dir / "backups" / f"{backup_id}.json"
    metadata = json.loads(metadata_path.read_text())
    metadata["sha256"] = hashlib.sha256(rewritten).hexdigest()
    metadata_path.write_text(json.dumps(metadata))
    engine = make_engine()
    engine.database.put({"id": "original"})

    with pytest.raises(BackupCorrupted, match=r"^restore: insert documents: line 2 is not an asset document"):
        engine.restore(backup_id)

    assert engine.list_assets() == [{"id": "original"}]
    assert not (data_dir / (DATABASE_NAME + RESTORING_SUFFIX)).exists()


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
    earlier_id = create_completed(make_engine(), [{"id": "earlier"}])
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


# Listing and deletion


def test_backups_are_listed_newest_first_and_can_be_deleted(make_engine: EngineFactory) -> None:
    engine = make_engine()
    ids = [create_completed(engine, [{"id": str(index)}]) for index in range(3)]

    assert [backup["id"] for backup in engine.list_backups()] == ids[::-1]
    engine.delete_backup(ids[1])

    assert [backup["id"] for backup in engine.list_backups()] == [ids[2], ids[0]]
    for operation in (engine.get_backup, engine.delete_backup, engine.creation_status, engine.restore):
        with pytest.raises(BackupNotFound):
            operation(ids[1])
    assert files_under(engine.data_dir / "backups") == sorted(
        f"{backup_id}{suffix}" for backup_id in (ids[0], ids[2]) for suffix in (".json", ".jsonl.zst")
    )


# Restart and crash recovery


def test_completed_backups_survive_a_restart(make_engine: EngineFactory) -> None:
    engine = make_engine()
    backup_id = create_completed(engine, make_assets(5))
    engine.close()

    restarted = make_engine()

    completed = Status(StatusValue.COMPLETED, 100.0, restarted.get_backup(backup_id))
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
    assert (status.value, status.percentage, status.backup["id"]) == ("FAILED", None, backup_id)
    assert engine.list_backups() == []
    assert files_under(data_dir / "backups") == []
    with pytest.raises(BackupNotFound):
        engine.get_backup(backup_id)
    with pytest.raises(OperationConflict):
        engine.cancel_creation(backup_id)
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
    assert files_under(data_dir) == ["assets.db", "assets.db-shm", "assets.db-wal", "backups", "jobs"]


def make_swap_leftovers(
    data_dir: Path, make_engine: EngineFactory
) -> tuple[list[dict[str, Any]], Path, Path]:
    """A closed database of 20 documents; returns them, the main path and the kept-old path."""
    engine = make_engine()
    engine.database.put_many(make_assets(20, prefix="previous"))
    documents = engine.list_assets()
    engine.close()
    return documents, data_dir / DATABASE_NAME, data_dir / (DATABASE_NAME + PREVIOUS_SUFFIX)


def test_crash_between_the_swap_renames_puts_the_previous_database_back(
    data_dir: Path, make_engine: EngineFactory
) -> None:
    documents, main, previous = make_swap_leftovers(data_dir, make_engine)
    main.rename(previous)
    (data_dir / (DATABASE_NAME + RESTORING_SUFFIX)).write_bytes(b"SQLite format 3\x00 half-built")

    assert make_engine().list_assets() == documents
    assert not previous.exists()
    assert not (data_dir / (DATABASE_NAME + RESTORING_SUFFIX)).exists()


def test_incomplete_main_database_beside_the_previous_one_is_replaced_by_it(
    data_dir: Path, make_engine: EngineFactory
) -> None:
    documents, main, previous = make_swap_leftovers(data_dir, make_engine)
    shutil.copyfile(main, previous)
    main.write_bytes(main.read_bytes()[:100])

    assert make_engine().list_assets() == documents
    assert not previous.exists()


def test_swap_that_completed_before_the_crash_is_kept(data_dir: Path, make_engine: EngineFactory) -> None:
    _, main, previous = make_swap_leftovers(data_dir, make_engine)
    shutil.copyfile(main, previous)
    connection = sqlite3.connect(main)
    connection.execute("DELETE FROM assets WHERE position > 1")
    connection.commit()
    connection.close()

    assert [document["id"] for document in make_engine().list_assets()] == ["previous-000000"]
    assert not previous.exists()


# Data directory


def test_data_dir_comes_from_the_cli_then_the_environment_then_the_platform(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "from-env"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))

    assert resolve_data_dir(str(tmp_path / "from-cli")) == tmp_path / "from-cli"
    assert resolve_data_dir(None) == tmp_path / "from-env"
    monkeypatch.delenv(DATA_DIR_ENV)
    default = resolve_data_dir(None)
    assert default.is_dir()
    assert default.name == "backup-api"
    assert (tmp_path / "from-cli").is_dir() and (tmp_path / "from-env").is_dir()
