"""The backup store's suite (ids, commit order, verification, cache, recovery: `store.BackupStore`),
over every object store: the local directory, an S3 bucket on a real S3 HTTP endpoint (moto's
server on 127.0.0.1) and the tests' in-memory one. The object stores' own suite is
`test_object_store.py`."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import os
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from backup_api_server.contract import backup_id_is_valid
from backup_api_server.errors import BackupCorrupted, BackupKeyMismatch, BackupNotFound
from backup_api_server.storage import local_objects
from backup_api_server.storage import store as store_module
from backup_api_server.storage.archive import (
    ARCHIVE_FORMAT,
    ENCRYPTED_ARCHIVE_FORMAT,
    ArchiveReader,
    ArchiveWriter,
    encode_document,
)
from backup_api_server.storage.encryption import MAGIC, EncryptionKey
from backup_api_server.storage.metadata import BackupRecord, decode_record
from backup_api_server.storage.s3_store import S3Store, parse_s3_url
from backup_api_server.storage.store import BackupStore, LocalDirectoryStore
from backup_api_server_models import Backup, BackupId, GroupedTimestamp, PlatformEnum
from tests.support.memory_objects import MemoryObjects
from tests.support.s3 import S3Server

StoreFactory = Callable[[pytest.FixtureRequest, Path], BackupStore]


def s3_store(request: pytest.FixtureRequest, root: Path) -> BackupStore:
    server: S3Server = request.getfixturevalue("s3_server")
    location = parse_s3_url(f"s3://{server.new_bucket()}/some/prefix")
    return S3Store(location, client=server.client(), part_bytes=5 * 1024 * 1024)


STORE_FACTORIES: dict[str, StoreFactory] = {
    "local": lambda request, root: LocalDirectoryStore(root / "backups"),
    # Where the directory cannot be watched (no inotify): the files are read every time.
    "local-unwatched": lambda request, root: LocalDirectoryStore(root / "backups", watch=False),
    "s3": s3_store,
    "memory": lambda request, root: BackupStore(MemoryObjects()),
}


@pytest.fixture(params=sorted(STORE_FACTORIES))
def store(request: pytest.FixtureRequest, tmp_path: Path) -> BackupStore:
    return STORE_FACTORIES[request.param](request, tmp_path)


def backup_record(backup_id: str, content: bytes = b"") -> BackupRecord:
    """A record as the engine writes it for an archive holding `content` (the store does not
    decode archives, so any bytes do)."""
    version, _, timestamp = backup_id.rpartition("_")
    backup = Backup(
        id=BackupId(backup_id),
        version=version,
        timestamp=timestamp,
        bytes=len(content),
        created=GroupedTimestamp(
            value=datetime(1970, 1, 1, tzinfo=UTC) + timedelta(microseconds=int(timestamp)),
            readable="a while ago",
        ),
        device_name="tests",
        platform=PlatformEnum.LINUX,
    )
    return BackupRecord(backup, hashlib.sha256(content).hexdigest(), asset_count=0, format=ARCHIVE_FORMAT)


def write_backup(store: BackupStore, backup_id: str, content: bytes) -> None:
    with store.write(backup_id) as pending:
        pending.archive.write(content)
        # Set once the archive is written, as the engine does.
        pending.record = backup_record(backup_id, content)


def test_written_backup_is_listed_with_its_metadata_and_archive(store: BackupStore) -> None:
    write_backup(store, "1.0.0_1", b"archive bytes")

    assert store.list_ids() == ["1.0.0_1"]
    assert store.read_record("1.0.0_1") == backup_record("1.0.0_1", b"archive bytes")
    with store.open_archive("1.0.0_1") as archive:
        assert archive.read() == b"archive bytes"


def test_failed_write_leaves_nothing(store: BackupStore) -> None:
    with pytest.raises(RuntimeError), store.write("1.0.0_1") as pending:
        pending.archive.write(b"half an archive")
        raise RuntimeError("writer failed")

    assert store.list_ids() == []
    with pytest.raises(BackupNotFound):
        store.read_record("1.0.0_1")
    with pytest.raises(BackupNotFound):
        store.open_archive("1.0.0_1")


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        (None, "no record was set for backup 1.0.0_1"),
        (backup_record("1.0.0_2", b"archive"), "the record of backup 1.0.0_1 names backup 1.0.0_2"),
        (backup_record("1.0.0_1", b"another archive"), "refusing to commit metadata that does not verify"),
    ],
)
def test_write_without_a_record_that_verifies_leaves_nothing(
    store: BackupStore, record: BackupRecord | None, reason: str
) -> None:
    with pytest.raises(ValueError, match=reason), store.write("1.0.0_1") as pending:
        pending.archive.write(b"archive")
        pending.record = record

    assert store.list_ids() == []
    with pytest.raises(BackupNotFound):
        store.read_record("1.0.0_1")


def test_backup_is_not_listed_before_its_write_ends(store: BackupStore) -> None:
    with store.write("1.0.0_1") as pending:
        pending.archive.write(b"in progress")
        pending.record = backup_record("1.0.0_1", b"in progress")
        assert store.list_ids() == []
    assert store.list_ids() == ["1.0.0_1"]


def test_delete_removes_the_backup(store: BackupStore) -> None:
    write_backup(store, "1.0.0_1", b"one")
    write_backup(store, "1.0.0_2", b"two")

    store.delete("1.0.0_1")

    assert store.list_ids() == ["1.0.0_2"]
    with pytest.raises(BackupNotFound):
        store.delete("1.0.0_1")
    with pytest.raises(BackupNotFound):
        store.open_archive("1.0.0_1")


def test_existing_id_cannot_be_overwritten(store: BackupStore) -> None:
    write_backup(store, "1.0.0_1", b"first")
    with pytest.raises(FileExistsError), store.write("1.0.0_1") as pending:
        pending.archive.write(b"second")
    with store.open_archive("1.0.0_1") as archive:
        assert archive.read() == b"first"


def test_large_archive_round_trips(store: BackupStore) -> None:
    content = bytes(range(256)) * 40_000
    with store.write("1.0.0_1") as pending:
        source = io.BytesIO(content)
        while chunk := source.read(65_536):
            pending.archive.write(chunk)
        pending.record = backup_record("1.0.0_1", content)
    with store.open_archive("1.0.0_1") as archive:
        assert archive.read() == content


@pytest.mark.parametrize("backup_id", ["../escape", "a/b", "a\\b", "..", "", "a\nb", "a..b", ".hidden"])
def test_unsafe_ids_are_never_found_nor_written(store: BackupStore, backup_id: str) -> None:
    assert not backup_id_is_valid(backup_id)
    with pytest.raises(BackupNotFound):
        store.read_record(backup_id)
    with pytest.raises(BackupNotFound):
        store.open_archive(backup_id)
    with pytest.raises(BackupNotFound):
        store.delete(backup_id)
    with pytest.raises(ValueError), store.write(backup_id):
        pass


def test_recover_keeps_committed_backups(store: BackupStore) -> None:
    write_backup(store, "1.0.0_1", b"one")
    write_backup(store, "1.0.0_2", b"two")

    store.recover()
    store.recover()

    assert sorted(store.list_ids()) == ["1.0.0_1", "1.0.0_2"]
    with store.open_archive("1.0.0_2") as archive:
        assert archive.read() == b"two"


def test_recover_leaves_no_trace_of_an_interrupted_write(store: BackupStore) -> None:
    write_backup(store, "1.0.0_1", b"kept")
    with pytest.raises(RuntimeError), store.write("1.0.0_2") as pending:
        pending.archive.write(b"half an archive")
        raise RuntimeError("writer failed")

    store.recover()

    assert store.list_ids() == ["1.0.0_1"]
    write_backup(store, "1.0.0_2", b"written again")  # the id is free again
    with store.open_archive("1.0.0_2") as archive:
        assert archive.read() == b"written again"


def write_encrypted_backup(
    store: BackupStore, backup_id: str, texts: list[str], key: EncryptionKey
) -> BackupRecord:
    """Write `texts` as the engine does with a key: compressed, encrypted, then stored."""
    with store.write(backup_id) as pending:
        with ArchiveWriter(pending.archive, key=key, backup_id=backup_id) as archive:
            for start in range(0, len(texts), 500):
                archive.write_lines(texts[start : start + 500])
        record = backup_record(backup_id)
        record.backup.bytes = archive.bytes_written
        pending.record = BackupRecord(
            record.backup,
            archive.sha256,
            asset_count=archive.document_count,
            format=archive.format,
            encryption_key_id=archive.key_id,
        )
    return pending.record


def encrypted_reader(store: BackupStore, record: BackupRecord, key: EncryptionKey | None) -> ArchiveReader:
    return ArchiveReader(
        lambda: store.open_archive(record.backup_id),
        expected_sha256=record.sha256,
        expected_count=record.asset_count,
        expected_bytes=record.backup.bytes,
        backup_id=record.backup_id,
        key_id=record.encryption_key_id,
        key=key,
    )


def test_encrypted_archive_round_trips_through_the_store(store: BackupStore) -> None:
    # Random hex compresses to about half: more than one 5 MiB part of an S3 multipart upload, and
    # several 1 MiB chunks.
    key = EncryptionKey.generate()
    texts = [
        encode_document({"id": f"asset-{index}", "raw": os.urandom(3000).hex()}) for index in range(2000)
    ]

    written = write_encrypted_backup(store, "1.0.0_1", texts, key)

    record = store.read_record("1.0.0_1")
    assert record == written
    assert (record.format, record.encryption_key_id) == (ENCRYPTED_ARCHIVE_FORMAT, key.key_id)
    assert record.backup.bytes > 5 * 1024 * 1024
    with store.open_archive("1.0.0_1") as archive:
        stored = archive.read()
    assert stored.startswith(MAGIC) and texts[0].encode() not in stored
    assert hashlib.sha256(stored).hexdigest() == record.sha256
    reader = encrypted_reader(store, record, key)
    assert [document.text for batch in reader.batches(500) for document in batch] == texts


def test_encrypted_archive_verifies_without_its_key_but_decodes_only_with_it(store: BackupStore) -> None:
    key = EncryptionKey.generate()
    record = write_encrypted_backup(store, "1.0.0_1", [encode_document({"id": "secret"})], key)

    encrypted_reader(store, record, None).verify()  # the checksum covers the stored bytes
    encrypted_reader(store, record, EncryptionKey.generate()).verify()
    for wrong in (None, EncryptionKey.generate()):
        with pytest.raises(BackupKeyMismatch):
            encrypted_reader(store, record, wrong).check_key()
        with pytest.raises(BackupKeyMismatch):
            next(encrypted_reader(store, record, wrong).batches(10))


def test_encrypted_archive_with_a_flipped_byte_is_refused_by_its_checksum_then_by_its_cipher(
    store: BackupStore,
) -> None:
    key = EncryptionKey.generate()
    record = write_encrypted_backup(
        store, "1.0.0_1", [encode_document({"id": f"a{i}"}) for i in range(50)], key
    )
    with store.open_archive("1.0.0_1") as archive:
        stored = bytearray(archive.read())
    stored[len(stored) // 2] ^= 0x01
    store.delete("1.0.0_1")
    with store.write("1.0.0_1") as pending:
        pending.archive.write(bytes(stored))
        # An attacker who rewrites the checksum as well: only the cipher can tell.
        pending.record = dataclasses.replace(record, sha256=hashlib.sha256(stored).hexdigest())

    with pytest.raises(BackupCorrupted, match="sha256 mismatch"):
        encrypted_reader(store, record, key).verify()
    with pytest.raises(BackupCorrupted, match="fails authentication at chunk 0"):
        list(encrypted_reader(store, store.read_record("1.0.0_1"), key).batches(10))


# The local directory store in particular


def test_local_store_removes_leftovers_of_a_crashed_write_on_recover_only(tmp_path: Path) -> None:
    root = tmp_path / "backups"
    write_backup(LocalDirectoryStore(root), "1.0.0_1", b"kept")
    leftovers = {
        "1.0.0_2.jsonl.zst.tmp": b"interrupted archive",
        "1.0.0_3.jsonl.zst": b"archive whose metadata was never committed",
        "1.0.0_4.json.tmp": b"{",
    }
    for name, content in leftovers.items():
        (root / name).write_bytes(content)
    committed = ["1.0.0_1.json", "1.0.0_1.jsonl.zst"]

    # Building a store touches nothing: the files may be another process's writes in progress
    # until the caller holds the data directory (the engine calls `recover()` under its lock).
    store = LocalDirectoryStore(root)
    assert sorted(path.name for path in root.iterdir()) == sorted([*committed, *leftovers])

    store.recover()

    assert store.list_ids() == ["1.0.0_1"]
    assert sorted(path.name for path in root.iterdir()) == committed


def test_local_store_does_not_list_metadata_without_archive(tmp_path: Path) -> None:
    root = tmp_path / "backups"
    store = LocalDirectoryStore(root)
    (root / "1.0.0_1.json").write_text('{"id": "1.0.0_1"}')

    assert store.list_ids() == []
    with pytest.raises(BackupNotFound):
        store.read_record("1.0.0_1")


def test_local_store_write_that_fails_after_the_metadata_is_in_place_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "backups"
    store = LocalDirectoryStore(root)
    write_backup(store, "1.0.0_1", b"kept")
    real_fsync_directory = local_objects.fsync_directory
    failed: list[Path] = []

    def fsync_directory(directory: Path) -> None:
        # Fails once the commit record of the new backup was renamed into place.
        if (root / "1.0.0_2.json").exists():
            failed.append(directory)
            raise OSError(5, "Input/output error (injected)")
        real_fsync_directory(directory)

    monkeypatch.setattr(local_objects, "fsync_directory", fsync_directory)

    with pytest.raises(OSError, match="injected"):
        write_backup(store, "1.0.0_2", b"archive bytes")

    assert failed == [root]
    assert store.list_ids() == ["1.0.0_1"]
    assert sorted(path.name for path in root.iterdir()) == ["1.0.0_1.json", "1.0.0_1.jsonl.zst"]
    with pytest.raises(BackupNotFound):
        store.read_record("1.0.0_2")


def test_local_store_write_of_an_id_being_written_leaves_the_other_write_alone(tmp_path: Path) -> None:
    store = LocalDirectoryStore(tmp_path / "backups")
    with store.write("1.0.0_1") as pending:
        pending.archive.write(b"first")
        with pytest.raises(FileExistsError), store.write("1.0.0_1"):
            pass
        pending.archive.write(b" writer")
        pending.record = backup_record("1.0.0_1", b"first writer")

    with store.open_archive("1.0.0_1") as archive:
        assert archive.read() == b"first writer"


# Records kept in memory (the local store watches its directory)

KEPT_ID = "1.0.0_1764253683123456"


@pytest.mark.parametrize("watch", [True, False], ids=["watched", "unwatched"])
def test_local_store_sees_what_changes_behind_its_back_after_it_kept_a_record(
    tmp_path: Path, watch: bool
) -> None:
    store = LocalDirectoryStore(tmp_path / "backups", watch=watch)
    assert store.watched is watch
    write_backup(store, KEPT_ID, b"archive")
    record = store.read_record(KEPT_ID)
    assert store.list_ids() == [KEPT_ID]
    metadata = tmp_path / "backups" / f"{KEPT_ID}.json"
    original = metadata.read_bytes()

    # Edited in place, same size: the record no longer verifies.
    metadata.write_bytes(original.replace(b'"device_name": "tests"', b'"device_name": "testz"'))
    with pytest.raises(BackupCorrupted, match="metadata_sha256 does not match"):
        store.read_record(KEPT_ID)
    metadata.write_bytes(original)
    assert store.read_record(KEPT_ID) == record

    # The archive truncated: its size no longer matches.
    archive = tmp_path / "backups" / f"{KEPT_ID}.jsonl.zst"
    archive.write_bytes(b"archiv")
    with pytest.raises(BackupCorrupted, match="says the archive has 7 bytes, it has 6"):
        store.read_record(KEPT_ID)
    archive.write_bytes(b"archive")

    # Moved away and back.
    moved = metadata.rename(tmp_path / "elsewhere.json")
    assert store.list_ids() == []
    with pytest.raises(BackupNotFound):
        store.read_record(KEPT_ID)
    moved.rename(metadata)
    assert store.list_ids() == [KEPT_ID]
    assert store.read_record(KEPT_ID) == record

    # Written by someone else (another store object on the directory).
    other_id = "1.0.0_1764253683123457"
    write_backup(LocalDirectoryStore(tmp_path / "backups", watch=False), other_id, b"other")
    assert sorted(store.list_ids()) == [KEPT_ID, other_id]
    assert store.read_record(other_id).backup.bytes == len(b"other")
    store.close()


def count_record_decodes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the records the local store decodes (verifies) from now on, in order."""
    decoded: list[str] = []
    decode = decode_record

    def counting_decode(backup_id: str, stored: bytes, **options: int | None) -> BackupRecord:
        decoded.append(backup_id)
        return decode(backup_id, stored, **options)

    monkeypatch.setattr(store_module, "decode_record", counting_decode)
    return decoded


def test_local_store_answers_kept_records_from_memory_until_it_loses_track(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = LocalDirectoryStore(tmp_path / "backups")
    write_backup(store, KEPT_ID, b"archive")  # kept when committed
    decoded = count_record_decodes(monkeypatch)
    record = store.read_record(KEPT_ID)
    assert store.read_record(KEPT_ID) is record
    assert store.list_ids() == [KEPT_ID]
    version = store.listing_version()
    assert version is not None and store.listing_version() == version
    assert decoded == []

    # The kernel dropped events (its queue overflowed): everything is read again.
    assert store.objects._watch is not None
    monkeypatch.setattr(store.objects._watch, "changes", lambda: None)
    assert store.read_record(KEPT_ID) == record
    assert store.listing_version() != version
    assert decoded == [KEPT_ID]

    # A watch that is gone for good (closed): the store reads the files every time.
    store.close()
    assert not store.watched and store.listing_version() is None
    store.read_record(KEPT_ID)
    store.read_record(KEPT_ID)
    assert decoded == [KEPT_ID] * 3


def test_after_dropped_events_the_local_store_lists_again_and_keeps_records_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An overflow forgets what was kept, not how to keep it: the listing is scanned again, and
    the record read again is kept (the watch is still alive). (Found by the mutation run.)"""
    store = LocalDirectoryStore(tmp_path / "backups")
    write_backup(store, KEPT_ID, b"archive")
    assert store.list_ids() == [KEPT_ID]
    decoded = count_record_decodes(monkeypatch)
    assert store.objects._watch is not None
    changes = store.objects._watch.changes
    monkeypatch.setattr(store.objects._watch, "changes", lambda: None)
    assert store.list_ids() == [KEPT_ID]
    assert store.listing_version() is not None  # still watched: a version, not "read the files"
    monkeypatch.setattr(store.objects._watch, "changes", changes)
    record = store.read_record(KEPT_ID)
    assert store.read_record(KEPT_ID) is record
    assert decoded == [KEPT_ID]
