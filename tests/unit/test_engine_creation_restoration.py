"""Creations and restorations on real files: round trips, ids, progress (engine.creation,
engine.restoration, engine.identity)."""

from __future__ import annotations

import json
import threading

import zstandard

from backup_api_server.engine import BackupEngine, Status
from backup_api_server_models import BackupStatusEnum
from tests.unit.engine_support import (
    API_VERSION,
    WAIT_SECONDS,
    EngineFactory,
    archive_path,
    assert_non_decreasing_to_100,
    create_completed,
    make_assets,
    start_creation_when_admitted,
)

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
