"""What a store someone else can write may hold, read by the engine: every read is bounded and
refused as a corrupted backup (409), never a 500, and nothing about a symlink's target is told.

The large cases, against the running server with its memory measured, are in
`tests/server/test_hostile_archives.py` (slow)."""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

import pytest

from backup_api_server import memory
from backup_api_server.engine import BackupEngine
from backup_api_server.engine.verification import verify_record
from backup_api_server.errors import BackupCorrupted, EngineError
from backup_api_server.storage.archive import ArchiveReader
from backup_api_server.storage.metadata import BackupRecord
from backup_api_server.storage.store import BackupStore, LocalDirectoryStore
from tests.support.hostile import MIB, compressed, line_without_end, nested, plant, valid_line, valid_rows
from tests.unit.conftest import EngineFactory

BACKUP_ID = "1.0.0_1764253683123456"


@pytest.fixture
def store(tmp_path: Path) -> BackupStore:
    return LocalDirectoryStore(tmp_path / "backups", watch=False)


def reader(store: BackupStore, record: BackupRecord, *, max_document_bytes: int = 2 * MIB) -> ArchiveReader:
    return ArchiveReader(
        lambda: store.open_archive(record.backup_id),
        expected_sha256=record.sha256,
        expected_count=record.asset_count,
        expected_bytes=record.backup.bytes,
        expected_decoded_bytes=record.decoded_bytes,
        max_document_bytes=max_document_bytes,
    )


ReadAll = Callable[[ArchiveReader], int]


def restored(archive: ArchiveReader) -> int:
    return sum(len(batch) for batch in archive.batches(100))


def verified(archive: ArchiveReader) -> int:
    return archive.check_contents()[0]


# A restore and a verification read an untrusted archive by different paths, bounded alike.
@pytest.fixture(params=[restored, verified], ids=["restore", "verify"])
def decode_all(request: pytest.FixtureRequest) -> ReadAll:
    read_all: ReadAll = request.param
    return read_all


def test_a_line_without_end_is_refused_at_the_document_bound(store: BackupStore, decode_all: ReadAll) -> None:
    record = plant(store, BACKUP_ID, line_without_end(64 * MIB))

    with pytest.raises(
        BackupCorrupted, match=r"^line 1 is longer than the 2097152 bytes a document may have$"
    ):
        decode_all(reader(store, record))


def test_a_valid_document_past_the_bound_is_refused_one_within_it_is_read(
    store: BackupStore, decode_all: ReadAll
) -> None:
    too_long = plant(store, BACKUP_ID, valid_line(3 * MIB))
    within = plant(store, "1.0.0_1764253683123457", valid_line(MIB))

    with pytest.raises(BackupCorrupted, match="is longer than"):
        decode_all(reader(store, too_long))
    assert decode_all(reader(store, within)) == 1


def test_a_bomb_of_valid_rows_is_refused_by_the_size_its_record_declares(
    store: BackupStore, decode_all: ReadAll
) -> None:
    declared = 10 * 1006  # ten of its rows
    record = plant(store, BACKUP_ID, valid_rows(200_000), asset_count=10, decoded_bytes=declared)
    archive = reader(store, record)

    with pytest.raises(BackupCorrupted, match=rf"^archive decompresses to more than the {declared} bytes"):
        decode_all(archive)


def test_an_archive_shorter_than_its_declared_size_is_refused(
    store: BackupStore, decode_all: ReadAll
) -> None:
    record = plant(store, BACKUP_ID, [b'{"id":"a"}\n'], decoded_bytes=12)

    with pytest.raises(BackupCorrupted, match=r"^archive decompresses to 11 bytes, its metadata says 12$"):
        decode_all(reader(store, record))


def test_nesting_deeper_than_the_body_parser_takes_is_corrupted_not_an_error(
    store: BackupStore, decode_all: ReadAll
) -> None:
    record = plant(store, BACKUP_ID, nested(200_000))

    with pytest.raises(BackupCorrupted, match=r"^line 1 is nested too deep to decode$"):
        decode_all(reader(store, record))


def test_metadata_over_the_cap_is_corrupted_without_being_read(
    store: BackupStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plant(store, BACKUP_ID, [b'{"id":"a"}\n'])
    metadata = tmp_path / "backups" / f"{BACKUP_ID}.json"
    os.truncate(metadata, 500 * MIB)  # sparse: costs no disk
    opened: list[str] = []
    open_object = store.objects.open

    def counting_open(name: str, start: int = 0) -> BinaryIO:
        opened.append(name)
        return open_object(name, start)

    monkeypatch.setattr(store.objects, "open", counting_open)

    with pytest.raises(BackupCorrupted, match=r"has 524288000 bytes, more than the 65536 a record may have$"):
        store.read_record(BACKUP_ID)
    assert opened == []


@pytest.mark.parametrize("planted", ["archive", "metadata"])
@pytest.mark.parametrize("target", ["outside", "inside"])
def test_a_symlink_in_the_store_is_a_corrupted_backup_that_says_nothing_of_its_target(
    make_engine: EngineFactory, data_dir: Path, tmp_path: Path, planted: str, target: str
) -> None:
    engine: BackupEngine = make_engine()
    engine.database.put_many([{"id": f"asset-{n}"} for n in range(3)])
    backup_id = engine.start_creation(None)
    engine.wait_for_creation(backup_id)
    suffix = ".jsonl.zst" if planted == "archive" else ".json"
    path = data_dir / "backups" / f"{backup_id}{suffix}"
    secret = tmp_path / "secret" if target == "outside" else data_dir / "backups" / "copy"
    secret.write_bytes(path.read_bytes())  # the very bytes: only the kind of file can tell
    path.unlink()
    path.symlink_to(secret)
    before = engine.list_assets()

    attempts: list[Callable[[], object]] = [
        lambda: engine.get_backup(backup_id),
        lambda: engine.restore(backup_id),
    ]
    for attempt in attempts:
        with pytest.raises(EngineError) as refused:
            attempt()
        assert isinstance(refused.value, BackupCorrupted) or isinstance(
            refused.value.__cause__, BackupCorrupted
        )
        assert "not a regular file" in str(refused.value)
        # The id's digits may hold the size by chance: only a number of its own would tell it.
        told = str(refused.value).replace(backup_id, "<id>")
        assert str(secret) not in told
        assert re.search(rf"(?<![\d.]){os.path.getsize(secret)}(?![\d.])", told) is None
    assert engine.list_assets() == before


def test_memory_is_given_back_and_errors_kept_hold_no_frames() -> None:
    memory.release_memory()  # no-op off glibc; never raises

    def failing() -> None:
        buffer = bytearray(MIB)  # noqa: F841 (what a kept traceback would keep alive)
        raise BackupCorrupted("refused")

    with pytest.raises(BackupCorrupted) as raised:
        failing()
    kept = memory.detached(raised.value)
    assert kept.__traceback__ is None


def test_the_compressed_hostile_archives_are_tiny() -> None:
    assert sum(map(len, compressed(line_without_end(256 * MIB)))) < 64 * 1024


@pytest.mark.parametrize("operation", ["restore", "verify"])
def test_the_engine_reads_a_planted_archive_within_its_record_and_the_document_bound(
    make_engine: EngineFactory, operation: str
) -> None:
    # Through the engine's own reader (`steps.archive_reader`), not one a test builds: a restoration
    # and a verification both hold the archive to its record's size and the document bound.
    engine: BackupEngine = make_engine()
    engine.limit_documents(2 * MIB)
    bomb = plant(engine.store, BACKUP_ID, valid_rows(20_000), asset_count=10, decoded_bytes=10 * 1006)
    long_line = plant(engine.store, "1.0.0_1764253683123457", line_without_end(4 * MIB))
    before = engine.list_assets()

    for record, refusal in ((bomb, "decompresses to more than"), (long_line, "bytes a document may have")):
        with pytest.raises(EngineError) as refused:
            if operation == "restore":
                engine.restore(record.backup_id)
            else:
                verify_record(record, engine.workspace, threading.Event())
        assert refusal in str(refused.value)
    assert engine.list_assets() == before
