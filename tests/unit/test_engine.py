"""The jobs engine on real files: creation, restoration, cancellation, conflicts and crash recovery."""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

import pytest
import zstandard

import backup_api_server
from backup_api_server.engine import SHUTDOWN_DETAIL, BackupEngine, Status
from backup_api_server.engine.steps import percentage
from backup_api_server.errors import (
    BackupCorrupted,
    BackupGone,
    BackupKeyMismatch,
    BackupNotFound,
    BackupUnencrypted,
    DataDirectoryInUse,
    EngineError,
    OperationCancelled,
    OperationConflict,
    TooManyRequests,
)
from backup_api_server.paths import DATA_DIR_ENV, resolve_data_dir
from backup_api_server.storage import assets as assets_module
from backup_api_server.storage import database_files as database_files_module
from backup_api_server.storage import store as store_module
from backup_api_server.storage.archive import ENCRYPTED_ARCHIVE_FORMAT, ArchiveReader
from backup_api_server.storage.database_files import (
    DATABASE_NAME,
    DISCARDED_SUFFIX,
    PREVIOUS_SUFFIX,
    RESTORING_SUFFIX,
)
from backup_api_server.storage.encryption import MAGIC, EncryptionKey
from backup_api_server.storage.metadata import seal_metadata
from backup_api_server.storage.store import LocalDirectoryStore
from backup_api_server_models import Backup, BackupStatusEnum
from tests.unit.test_store import count_record_decodes

API_VERSION = "1.0.0"
WAIT_SECONDS = 10.0
# What a data directory holds while an engine has it open, and after.
DATA_DIR_FILES = [".lock", "assets.db", "assets.db-shm", "assets.db-wal", "backups", "jobs", "spool"]
EngineFactory = Callable[..., BackupEngine]


class PhaseGate:
    """A step_hook that holds a job when it reaches `phase` for the `occurrence`-th time.

    The job waits until `release()` is called, a cancellation is requested (the engine calls
    the hook with "<kind>:cancel-requested") or the engine starts closing ("engine:closing"), so
    a test can act on a job stopped at a known point.
    """

    def __init__(self, phase: str, *, occurrence: int = 1) -> None:
        self.phase = phase
        self.occurrence = occurrence
        self.reached = threading.Event()
        self._released = threading.Event()
        self._seen = 0
        self._lock = threading.Lock()

    def __call__(self, phase: str) -> None:
        if phase.endswith(":cancel-requested") or phase == "engine:closing":
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


def start_creation_when_admitted(engine: BackupEngine, assets: list[dict[str, Any]] | None) -> str:
    """Start a creation, waiting (bounded) while the engine refuses it for its queue being full."""
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        try:
            return engine.start_creation(assets)
        except TooManyRequests:
            assert time.monotonic() < deadline, "the creation queue never made room"
            time.sleep(0.001)


def create_completed(engine: BackupEngine, assets: list[dict[str, Any]] | None) -> str:
    backup_id = engine.start_creation(assets)
    status = engine.wait_for_creation(backup_id, WAIT_SECONDS)
    assert status.value == "COMPLETED", status
    return backup_id


def stored_rows(data_dir: Path) -> list[tuple[int, str, str]]:
    """The database's rows exactly as stored (position, id, JSON text), read by a connection of our own."""
    return stored_rows_of(data_dir / DATABASE_NAME)


def stored_rows_of(database: Path) -> list[tuple[int, str, str]]:
    connection = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)
    try:
        return connection.execute("SELECT position, id, document FROM assets ORDER BY position").fetchall()
    finally:
        connection.close()


def files_under(directory: Path) -> list[str]:
    return sorted(path.name for path in directory.iterdir()) if directory.exists() else []


def discarded_databases(data_dir: Path) -> list[Path]:
    """The databases start-up recovery moved aside (never deleted), without their side files."""
    found = data_dir.glob(f"{DATABASE_NAME}{DISCARDED_SUFFIX}*")
    return sorted(path for path in found if not path.name.endswith(("-wal", "-shm", "-journal")))


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
    restored = engine.restore(backup_id)

    assert status.value == "COMPLETED"
    assert status.percentage == 100.0
    assert restored == status.backup == engine.get_backup(backup_id)
    # Replaced, not merged; unknown fields, key order, and values all kept.
    assert json.dumps(engine.list_assets()) == json.dumps(assets)
    assert engine.restoration_status(backup_id) == Status(BackupStatusEnum.COMPLETED, 100.0, restored)


def test_backup_metadata_has_the_wire_shape(make_engine: EngineFactory) -> None:
    engine = make_engine(device_name="test-device")
    backup_id = create_completed(engine, make_assets(3))

    backup = engine.get_backup(backup_id).model_dump(mode="json", by_alias=True, exclude_none=True)

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

    # A refused creation (its queue is full) uses no id: the loop waits for room then.
    ids = [start_creation_when_admitted(engine, []) for _ in range(200)]

    assert len(set(ids)) == 200
    timestamps = [int(backup_id.rpartition("_")[2]) for backup_id in ids]
    assert timestamps == sorted(timestamps)
    assert all(backup_id.startswith(f"{API_VERSION}_") for backup_id in ids)
    assert {engine.wait_for_creation(backup_id, WAIT_SECONDS).value for backup_id in ids} == {"COMPLETED"}
    assert len(engine.list_backups()) == 200


def test_ids_stay_unique_when_the_clock_stands_still_or_goes_back(make_engine: EngineFactory) -> None:
    readings = iter([5_000_000_000] * 100 + [4_000_000_000] * 100)
    engine = make_engine(time_ns=lambda: next(readings))

    ids = [start_creation_when_admitted(engine, []) for _ in range(200)]

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


def test_restoration_progress_is_real_ordered_and_ends_completed(make_engine: EngineFactory) -> None:
    seen: list[tuple[str, Status]] = []
    engine: BackupEngine
    backup_ids: list[str] = []

    def record(phase: str) -> None:
        if phase.startswith("restore:"):
            seen.append((phase, engine.restoration_status(backup_ids[0])))

    engine = make_engine(step_hook=record)
    backup_ids.append(create_completed(engine, make_assets(1_600)))

    handle = engine.start_restoration(backup_ids[0])
    assert handle.wait(WAIT_SECONDS) == engine.get_backup(backup_ids[0])
    final = handle.final_status()
    statuses = [status for _, status in seen] + [final]

    # Before each batch of 500, after the last one, the integrity check, the swap, the end.
    assert [(phase, status.value, status.percentage) for phase, status in seen] == [
        ("restore:start", "INITIALIZED", 0.0),
        ("restore:verify", "IN-PROGRESS", 0.0),
        ("restore:insert", "IN-PROGRESS", 0.0),
        ("restore:insert", "IN-PROGRESS", 31.25),
        ("restore:insert", "IN-PROGRESS", 62.5),
        ("restore:insert", "IN-PROGRESS", 93.75),
        ("restore:insert", "IN-PROGRESS", 100.0),
        ("restore:check", "IN-PROGRESS", 100.0),
        ("restore:swap", "IN-PROGRESS", 100.0),
    ]
    assert_non_decreasing_to_100([status.percentage or 0.0 for status in statuses])
    assert (final.value, final.percentage, final.backup) == ("COMPLETED", 100.0, handle.wait())
    assert handle.status() == final == engine.restoration_status(backup_ids[0])


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


# Corruption


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
def test_corrupted_archive_is_refused_and_the_database_untouched(
    make_engine: EngineFactory, encrypted: bool
) -> None:
    # Encrypted or not, a flipped byte is refused by the archive's checksum, before any decoding.
    engine = make_engine(encryption_key=EncryptionKey.generate()) if encrypted else make_engine()
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


def test_engine_with_a_key_writes_encrypted_archives_that_restore_exactly(make_engine: EngineFactory) -> None:
    key = EncryptionKey.generate()
    engine = make_engine(encryption_key=key)
    assets = make_assets(1_200)
    engine.database.put_many(make_assets(30, prefix="local"))

    backup_id = create_completed(engine, assets)
    stored = archive_path(engine.data_dir, backup_id).read_bytes()
    restored = engine.restore(backup_id)

    assert stored.startswith(MAGIC) and b"asset-000001" not in stored
    record = engine.store.read_record(backup_id)
    assert (record.format, record.encryption_key_id) == (ENCRYPTED_ARCHIVE_FORMAT, key.key_id)
    assert record.sha256 == hashlib.sha256(stored).hexdigest()
    assert restored.bytes == len(stored)
    assert json.dumps(engine.list_assets()) == json.dumps(assets)


@pytest.mark.parametrize("restoring_key", ["none", "another"])
def test_encrypted_backup_without_its_key_is_refused_and_nothing_is_touched(
    make_engine: EngineFactory, data_dir: Path, restoring_key: str
) -> None:
    key = EncryptionKey.generate()
    engine = make_engine(encryption_key=key)
    backup_id = create_completed(engine, make_assets(50))
    engine.close()
    stored_before = files_under(data_dir / "backups"), archive_path(data_dir, backup_id).read_bytes()
    engine = make_engine(encryption_key=None if restoring_key == "none" else EncryptionKey.generate())
    engine.database.put_many(make_assets(5, prefix="original"))
    rows_before = stored_rows(data_dir)

    with pytest.raises(
        BackupKeyMismatch, match=rf"^restore: check key: backup {backup_id} .*key id {key.key_id}"
    ):
        engine.restore(backup_id)

    assert stored_rows(data_dir) == rows_before
    assert engine.restoration_status(backup_id).value == "FAILED"
    assert not (data_dir / (DATABASE_NAME + RESTORING_SUFFIX)).exists()
    assert (
        files_under(data_dir / "backups"),
        archive_path(data_dir, backup_id).read_bytes(),
    ) == stored_before
    engine.close()
    assert make_engine(encryption_key=key).restore(backup_id).id.root == backup_id


def test_backup_made_without_a_key_is_refused_by_an_engine_with_one_unless_it_restores_unencrypted(
    make_engine: EngineFactory, data_dir: Path
) -> None:
    engine = make_engine()
    assets = make_assets(20)
    backup_id = create_completed(engine, assets)
    engine.close()
    key = EncryptionKey.generate()
    engine = make_engine(encryption_key=key)
    current = make_assets(3)
    engine.restore(create_completed(engine, current))

    with pytest.raises(BackupUnencrypted, match="--allow-unencrypted-restore"):
        engine.restore(backup_id)
    assert engine.list_assets() == current
    engine.close()
    engine = make_engine(encryption_key=key.restoring_unencrypted())

    engine.restore(backup_id)

    assert engine.list_assets() == assets
    assert engine.store.read_record(backup_id).encryption_key_id is None


def test_encrypted_archive_rewritten_with_a_matching_checksum_is_refused_by_its_cipher(
    make_engine: EngineFactory, data_dir: Path
) -> None:
    # Someone who can write to the store flips a byte and rewrites the checksum and the record's
    # seal to match: the checksum passes, GCM's authentication does not, and nothing is restored.
    key = EncryptionKey.generate()
    engine = make_engine(encryption_key=key)
    backup_id = create_completed(engine, make_assets(50))
    engine.close()
    archive = archive_path(data_dir, backup_id)
    content = bytearray(archive.read_bytes())
    content[len(content) // 2] ^= 0x01
    archive.write_bytes(bytes(content))
    metadata_path = data_dir / "backups" / f"{backup_id}.json"
    metadata = json.loads(metadata_path.read_text())
    metadata.update(sha256=hashlib.sha256(content).hexdigest())
    metadata_path.write_text(json.dumps(seal_metadata(metadata)))
    engine = make_engine(encryption_key=key)
    engine.database.put_many(make_assets(5, prefix="original"))
    rows_before = stored_rows(data_dir)

    with pytest.raises(
        BackupCorrupted,
        match=r"^restore: insert documents: encrypted archive fails authentication at chunk 0",
    ):
        engine.restore(backup_id)

    assert stored_rows(data_dir) == rows_before
    assert not (data_dir / (DATABASE_NAME + RESTORING_SUFFIX)).exists()


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
    metadata.update(bytes=len(rewritten), sha256=hashlib.sha256(rewritten).hexdigest())
    metadata_path.write_text(json.dumps(seal_metadata(metadata)))
    engine = make_engine()
    engine.database.put({"id": "original"})

    with pytest.raises(BackupCorrupted, match=r"^restore: insert documents: line 2 is not an asset document"):
        engine.restore(backup_id)

    assert engine.list_assets() == [{"id": "original"}]
    assert not (data_dir / (DATABASE_NAME + RESTORING_SUFFIX)).exists()


def test_archive_that_changes_between_verification_and_decoding_is_refused(
    make_engine: EngineFactory, data_dir: Path
) -> None:
    # A store whose object changes between the two reads (an object store being overwritten):
    # the bytes decoded must be the bytes whose checksum was verified.
    reads: list[str] = []

    class ChangingStore(LocalDirectoryStore):
        def open_archive(self, backup_id: str) -> BinaryIO:
            reads.append(backup_id)
            if len(reads) == 1:
                return super().open_archive(backup_id)
            swapped = zstandard.ZstdCompressor().compress(b'{"id":"not-verified"}\n')
            return io.BytesIO(swapped)

    engine = make_engine(store=ChangingStore(data_dir / "backups"))
    backup_id = create_completed(engine, [{"id": "verified"}])
    engine.database.put_many(make_assets(5, prefix="original"))
    rows_before = stored_rows(data_dir)

    with pytest.raises(BackupCorrupted, match=r"^restore: insert documents: sha256 mismatch"):
        engine.restore(backup_id)

    assert len(reads) == 2
    assert stored_rows(data_dir) == rows_before
    assert engine.restoration_status(backup_id).value == "FAILED"
    assert files_under(data_dir) == DATA_DIR_FILES


def test_archive_with_more_documents_than_its_metadata_says_is_refused_before_progress_passes_100(
    make_engine: EngineFactory, data_dir: Path
) -> None:
    # The object changed after it was verified (or its metadata has a wrong count): the extra
    # documents are refused as soon as the first is decoded, so the progress never exceeds 100.
    reads: list[str] = []

    class ChangingStore(LocalDirectoryStore):
        def open_archive(self, backup_id: str) -> BinaryIO:
            reads.append(backup_id)
            if len(reads) == 1:
                return super().open_archive(backup_id)
            more = b"".join(b'{"id":"unverified-%d"}\n' % index for index in range(3_000))
            return io.BytesIO(zstandard.ZstdCompressor().compress(more))

    percentages: list[float | None] = []
    backup_ids: list[str] = []
    engine: BackupEngine

    def record(phase: str) -> None:
        if phase == "restore:insert":
            percentages.append(engine.restoration_status(backup_ids[0]).percentage)

    engine = make_engine(store=ChangingStore(data_dir / "backups"), step_hook=record)
    backup_ids.append(create_completed(engine, make_assets(1_000)))
    engine.database.put_many(make_assets(5, prefix="original"))
    rows_before = stored_rows(data_dir)

    with pytest.raises(
        BackupCorrupted,
        match=r"^restore: insert documents: archive holds more documents than its metadata says \(1000\)$",
    ):
        engine.restore(backup_ids[0])

    assert percentages == [0.0, 50.0, 100.0]
    final = engine.restoration_status(backup_ids[0])
    assert (final.value, final.percentage) == ("FAILED", 100.0)
    assert stored_rows(data_dir) == rows_before


def test_archive_reader_never_yields_more_documents_than_expected() -> None:
    content = zstandard.ZstdCompressor().compress(b"".join(b'{"id":"%d"}\n' % index for index in range(5)))
    reader = ArchiveReader(
        lambda: io.BytesIO(content), expected_sha256=hashlib.sha256(content).hexdigest(), expected_count=2
    )
    yielded: list[str] = []

    with pytest.raises(BackupCorrupted, match=r"^archive holds more documents than its metadata says \(2\)$"):
        for batch in reader.batches(1):
            yielded.extend(document.id for document in batch)

    assert yielded == ["0", "1"]


def test_progress_percentage_never_exceeds_100() -> None:
    assert percentage(0, 0) == 100.0
    assert percentage(1, 3) == 33.33
    assert percentage(1_000, 1_000) == 100.0
    assert percentage(3_000, 1_000) == 100.0


# Effects that take place are never reported as failures


def fail_fsync_when(
    monkeypatch: pytest.MonkeyPatch, module: Any, condition: Callable[[Path], bool]
) -> list[Path]:
    """Make `module.fsync_directory` raise OSError whenever `condition(directory)` holds;
    returns the directories it failed for."""
    real = module.fsync_directory
    failed: list[Path] = []

    def fsync_directory(directory: Path) -> None:
        if condition(directory):
            failed.append(directory)
            raise OSError(5, "Input/output error (injected)")
        real(directory)

    monkeypatch.setattr(module, "fsync_directory", fsync_directory)
    return failed


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


# Listing and deletion


def test_backups_are_listed_newest_first_and_can_be_deleted(make_engine: EngineFactory) -> None:
    engine = make_engine()
    ids = [create_completed(engine, [{"id": str(index)}]) for index in range(3)]

    assert [backup.id.root for backup in engine.list_backups()] == ids[::-1]
    engine.delete_backup(ids[1])

    assert [backup.id.root for backup in engine.list_backups()] == [ids[2], ids[0]]
    for operation in (engine.get_backup, engine.delete_backup, engine.creation_status, engine.restore):
        with pytest.raises(BackupNotFound):
            operation(ids[1])
    assert files_under(engine.data_dir / "backups") == sorted(
        f"{backup_id}{suffix}" for backup_id in (ids[0], ids[2]) for suffix in (".json", ".jsonl.zst")
    )


def test_the_list_kept_in_memory_follows_creations_deletions_and_changes_on_disk(
    make_engine: EngineFactory,
) -> None:
    engine = make_engine()
    first = create_completed(engine, [{"id": "1"}])
    assert [record.backup_id for record in engine.page_backups(None, 10)[0]] == [first]

    second = create_completed(engine, [{"id": "2"}])
    assert [backup.id.root for backup in engine.list_backups()] == [second, first]
    engine.delete_backup(first)
    assert [backup.id.root for backup in engine.list_backups()] == [second]

    # Corrupted on disk after it was kept: left out of the list, and refused.
    metadata = engine.data_dir / "backups" / f"{second}.json"
    original = metadata.read_bytes()
    metadata.write_bytes(original.replace(b'"asset_count": 1', b'"asset_count": 7'))
    assert engine.list_backups() == []
    with pytest.raises(BackupCorrupted, match="metadata_sha256 does not match"):
        engine.get_backup(second)
    metadata.write_bytes(original)
    assert [backup.id.root for backup in engine.list_backups()] == [second]
    assert engine.creation_status(second).value is BackupStatusEnum.COMPLETED


def test_backups_made_before_start_up_are_verified_once_and_then_answered_from_memory(
    make_engine: EngineFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = make_engine()
    ids = [create_completed(engine, [{"id": str(index)}]) for index in range(3)]
    engine.close()
    decoded = count_record_decodes(monkeypatch)
    restarted = make_engine()
    assert sorted(decoded) == sorted(ids)  # at start-up
    assert restarted.answers_from_memory
    for _ in range(2):
        assert [backup.id.root for backup in restarted.list_backups()] == ids[::-1]
        for backup_id in ids:
            restarted.get_backup(backup_id)
            restarted.creation_status(backup_id)
    assert sorted(decoded) == sorted(ids)


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


# Data directory


def test_second_engine_on_a_data_dir_in_use_is_refused_and_harms_nothing(
    make_engine: EngineFactory, data_dir: Path
) -> None:
    gate = PhaseGate("create:write", occurrence=2)
    first = make_engine(step_hook=gate)
    first.database.put_many(make_assets(5, prefix="original"))
    backup_id = first.start_creation(make_assets(1_200))
    gate.wait_reached()
    running_files = (files_under(data_dir / "jobs"), files_under(data_dir / "backups"))
    assert running_files == ([f"{backup_id}.creating"], [f"{backup_id}.jsonl.zst.tmp"])

    message = f"data directory {data_dir} is in use by another backup-api process"
    with pytest.raises(DataDirectoryInUse, match=re.escape(message)):
        BackupEngine(data_dir, api_version=API_VERSION)
    with pytest.raises(DataDirectoryInUse, match=re.escape(message)):  # a store built by the caller
        BackupEngine(data_dir, api_version=API_VERSION, store=LocalDirectoryStore(data_dir / "backups"))
    in_other_process = run_until_crash(
        data_dir,
        """
        from backup_api_server.errors import DataDirectoryInUse
        try:
            BackupEngine(DATA_DIR, api_version="1.0.0")
        except DataDirectoryInUse as error:
            print(error.detail)
        crash()
        """,
    )

    assert in_other_process == message
    assert (files_under(data_dir / "jobs"), files_under(data_dir / "backups")) == running_files
    assert first.creation_status(backup_id).value == "IN-PROGRESS"
    gate.release()
    assert first.wait_for_creation(backup_id, WAIT_SECONDS).value == "COMPLETED"
    first.close()

    reopened = make_engine()
    assert reopened.creation_status(backup_id).value == "COMPLETED"
    assert reopened.list_assets() == make_assets(5, prefix="original")


def test_engine_recovers_the_store_it_is_given_once_it_holds_the_data_dir(
    make_engine: EngineFactory, data_dir: Path
) -> None:
    backups = data_dir / "backups"
    backups.mkdir(parents=True)
    (backups / "1.0.0_2.jsonl.zst.tmp").write_bytes(b"interrupted archive")
    (backups / "1.0.0_3.jsonl.zst").write_bytes(b"archive whose metadata was never committed")
    store = LocalDirectoryStore(backups)
    assert files_under(backups) == ["1.0.0_2.jsonl.zst.tmp", "1.0.0_3.jsonl.zst"]

    engine = make_engine(store=store)

    assert files_under(backups) == []
    assert engine.list_backups() == []


def test_data_dir_lock_is_released_when_opening_fails(make_engine: EngineFactory, data_dir: Path) -> None:
    class UnreadableStore(LocalDirectoryStore):
        def list_ids(self) -> list[str]:
            raise OSError("store unreachable")

    with pytest.raises(OSError, match="store unreachable"):
        BackupEngine(data_dir, api_version=API_VERSION, store=UnreadableStore(data_dir / "backups"))

    make_engine().close()


def test_locked_database_is_not_taken_for_a_broken_one_at_start_up(
    data_dir: Path, make_engine: EngineFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A swap completed before a crash (the new database is in place, the old one kept), and
    # some other process holds the new database locked while the service starts.
    _, main, previous = make_swap_leftovers(data_dir, make_engine)
    shutil.copyfile(main, previous)
    connection = sqlite3.connect(main)
    connection.execute("DELETE FROM assets WHERE position > 1")
    connection.commit()
    connection.close()
    monkeypatch.setattr(database_files_module, "BUSY_TIMEOUT_SECONDS", 0.1)
    holder = sqlite3.connect(main, isolation_level=None)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DataDirectoryInUse, match=r"asset database .* is locked by another process"):
            make_engine()
        assert previous.exists()
    finally:
        holder.close()

    assert [document["id"] for document in make_engine().list_assets()] == ["previous-000000"]
    assert not previous.exists()


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
