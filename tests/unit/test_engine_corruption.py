"""Archives that fail their checks are refused and change nothing (engine.restoration, storage.archive)."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path
from typing import BinaryIO

import pytest
import zstandard

from backup_api_server.engine import BackupEngine
from backup_api_server.engine.steps import percentage
from backup_api_server.errors import (
    BackupCorrupted,
    BackupKeyMismatch,
    BackupUnencrypted,
)
from backup_api_server.storage.archive import ENCRYPTED_ARCHIVE_FORMAT, ArchiveReader
from backup_api_server.storage.database_files import (
    DATABASE_NAME,
    RESTORING_SUFFIX,
)
from backup_api_server.storage.encryption import MAGIC, EncryptionKey
from backup_api_server.storage.metadata import seal_metadata
from backup_api_server.storage.store import LocalDirectoryStore
from tests.unit.engine_support import (
    DATA_DIR_FILES,
    EngineFactory,
    archive_path,
    create_completed,
    files_under,
    make_assets,
    stored_rows,
)

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
