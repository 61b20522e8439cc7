"""Verifying a backup without restoring it: a good backup gets a report; each kind of damage is
found (as a refused restore would be) with the database untouched; the scrub finds a byte flipped
behind the server's back within one interval."""

from __future__ import annotations

import dataclasses
import logging
import threading
from pathlib import Path
from typing import Any

import pytest

from backup_api_server.engine import BackupEngine
from backup_api_server.engine.identity import new_backup
from backup_api_server.engine.maintenance import Maintenance
from backup_api_server.engine.periodic import Periodic
from backup_api_server.errors import BackupCorrupted, BackupKeyMismatch
from backup_api_server.storage.encryption import EncryptionKey
from backup_api_server.storage.metadata import BackupRecord
from tests.unit.conftest import EngineFactory

WAIT_SECONDS = 10.0


def documents(count: int) -> list[dict[str, Any]]:
    return [{"id": f"asset-{index}", "text": "snippet " * (index % 50)} for index in range(count)]


def create_completed(engine: BackupEngine, assets: list[dict[str, Any]] | None = None) -> str:
    backup_id = engine.start_creation(assets)
    assert engine.wait_for_creation(backup_id, WAIT_SECONDS).value == "COMPLETED"
    return backup_id


def archive_path(engine: BackupEngine, backup_id: str) -> Path:
    return engine.data_dir / "backups" / f"{backup_id}.jsonl.zst"


def flip_byte(path: Path, offset: int) -> None:
    content = bytearray(path.read_bytes())
    content[offset % len(content)] ^= 0x01
    path.write_bytes(bytes(content))


@pytest.fixture
def engine(make_engine: EngineFactory) -> BackupEngine:
    engine = make_engine()
    engine.database.put_many(documents(300))
    return engine


def test_a_good_backup_gets_a_report_of_what_was_read(engine: BackupEngine) -> None:
    backup_id = create_completed(engine)

    result = Maintenance(engine).verify(backup_id)

    assert result.ok and result.backup_id == backup_id
    assert result.documents == 300
    assert (
        result.bytes == archive_path(engine, backup_id).stat().st_size == engine.get_backup(backup_id).bytes
    )
    assert result.seconds > 0


@pytest.mark.parametrize("offset", [0, 17, -9])
def test_a_flipped_archive_byte_is_corrupted_and_the_database_untouched(
    engine: BackupEngine, offset: int
) -> None:
    backup_id = create_completed(engine)
    before = engine.list_asset_texts()
    flip_byte(archive_path(engine, backup_id), offset)
    maintenance = Maintenance(engine)

    with pytest.raises(BackupCorrupted, match=r"^verify: "):
        maintenance.verify(backup_id)

    assert engine.list_asset_texts() == before
    latest = maintenance.verifications.latest(backup_id)
    assert latest is not None and not latest.ok
    assert latest.problem_type == "urn:backup-api:problem:backup-corrupted"


def test_a_truncated_archive_is_corrupted(engine: BackupEngine) -> None:
    backup_id = create_completed(engine)
    path = archive_path(engine, backup_id)
    path.write_bytes(path.read_bytes()[:-40])

    # The store compares the size first (the record says how large the archive was made).
    with pytest.raises(BackupCorrupted, match=r"says the archive has \d+ bytes, it has \d+"):
        Maintenance(engine).verify(backup_id)


def test_a_document_count_other_than_the_metadata_says_is_corrupted(engine: BackupEngine) -> None:
    """A backup whose (validly sealed) record says one document more than its archive holds."""
    backup_id = create_completed(engine)
    record = engine.store.read_record(backup_id)
    prefix, _, stamp = backup_id.rpartition("_")
    lying_id = f"{prefix}_{int(stamp) + 1}"
    backup = new_backup(lying_id, "here").model_copy(update={"bytes": record.backup.bytes})
    lying = dataclasses.replace(record, backup=backup, asset_count=record.asset_count + 1)
    with engine.store.write(lying_id) as pending:
        pending.archive.write(archive_path(engine, backup_id).read_bytes())
        pending.record = lying

    with pytest.raises(BackupCorrupted, match="holds 300 documents, its metadata says 301"):
        Maintenance(engine).verify(lying_id)
    with pytest.raises(BackupCorrupted, match="holds 300 documents, its metadata says 301"):
        engine.restore(lying_id)  # the same finding a restore refuses it for


def test_a_wrong_key_is_refused_as_a_restore_refuses_it(make_engine: EngineFactory, tmp_path: Path) -> None:
    data_dir = tmp_path / "encrypted"
    with make_engine(data_dir, encryption_key=EncryptionKey.generate()) as writer:
        writer.database.put_many(documents(20))
        backup_id = create_completed(writer)
    reader = make_engine(data_dir, encryption_key=EncryptionKey.generate())
    before = reader.list_asset_texts()

    maintenance = Maintenance(reader)

    with pytest.raises(BackupKeyMismatch):
        maintenance.verify(backup_id)
    with pytest.raises(BackupKeyMismatch):
        reader.restore(backup_id)

    assert reader.list_asset_texts() == before
    latest = maintenance.verifications.latest(backup_id)
    assert latest is not None and latest.problem_type == "urn:backup-api:problem:backup-key-mismatch"


def test_an_encrypted_backup_verifies_with_its_key(make_engine: EngineFactory, tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "encrypted", encryption_key=EncryptionKey.generate())
    engine.database.put_many(documents(50))
    backup_id = create_completed(engine)

    result = Maintenance(engine).verify(backup_id)

    assert result.ok and result.documents == 50


def test_the_scrub_finds_a_byte_flipped_behind_the_servers_back_within_one_interval(
    engine: BackupEngine, caplog: pytest.LogCaptureFixture
) -> None:
    good = create_completed(engine, documents(10))
    damaged = create_completed(engine)
    now = [1_000_000.0]
    maintenance = Maintenance(engine)
    maintenance.scrub = Periodic("verification", 3600.0, maintenance.verify_all, clock=lambda: now[0])
    scrub = maintenance.scrub
    assert not scrub.tick()  # not due yet

    flip_byte(archive_path(engine, damaged), 100)
    now[0] += 3600.0
    with caplog.at_level(logging.INFO, logger="backup_api_server"):
        assert scrub.tick()

    run = scrub.last_outcome
    assert run is not None
    by_id = {result.backup_id: result for result in run.results}
    assert by_id[good].ok and by_id[good].documents == 10
    assert not by_id[damaged].ok and by_id[damaged].problem_type == "urn:backup-api:problem:backup-corrupted"
    assert f"backup {damaged} is corrupted" in caplog.text
    assert scrub.next_run == now[0] + 3600.0


def write_backup_of_lines(engine: BackupEngine, backup_id: str, lines: list[bytes]) -> None:
    """A backup whose archive holds `lines`, committed with a record that matches its bytes."""
    import hashlib

    import zstandard

    archive = zstandard.ZstdCompressor().compress(b"".join(line + b"\n" for line in lines))
    backup = new_backup(backup_id, "here").model_copy(update={"bytes": len(archive)})
    record = BackupRecord(backup, hashlib.sha256(archive).hexdigest(), len(lines))
    with engine.store.write(backup_id) as pending:
        pending.archive.write(archive)
        pending.record = record


def test_content_that_is_not_utf8_is_corrupted(engine: BackupEngine) -> None:
    lines = [b'{"id": "a%d", "text": "caf\\u00e9 %d"}' % (index, index) for index in range(1000)]
    lines[700] = b'{"id": "bad", "text": "caf\xe9"}'
    write_backup_of_lines(engine, "1.0.0_1000", lines)

    with pytest.raises(BackupCorrupted, match="not UTF-8"):
        Maintenance(engine).verify("1.0.0_1000")
    with pytest.raises(BackupCorrupted):
        engine.restore("1.0.0_1000")


def test_a_bad_line_late_in_a_large_archive_stops_the_read_ahead_thread(engine: BackupEngine) -> None:
    """The parser fails while the read-ahead thread waits with chunks ready: it is stopped and joined."""
    lines = [b'{"id": "a%d", "text": "%s"}' % (index, b"x" * 400) for index in range(60_000)]
    lines[30_000] = b'{"id": "bad", "text": '
    write_backup_of_lines(engine, "1.0.0_1000", lines)
    threads = threading.active_count()

    with pytest.raises(BackupCorrupted, match="line 30001 is not JSON"):
        Maintenance(engine).verify("1.0.0_1000")

    assert threading.active_count() == threads
    assert not [thread for thread in threading.enumerate() if thread.name == "verify read-ahead"]


@pytest.mark.parametrize(
    "bad_lines",
    [
        [b'{"id": "two"} {"id": "on one line"}'],
        [b'{"id": "over",', b'"two": "lines"}'],
        [b""],
    ],
    ids=["two documents on one line", "one document over two lines", "a blank line"],
)
def test_lines_that_are_not_one_document_each_are_corrupted(
    engine: BackupEngine, bad_lines: list[bytes]
) -> None:
    """Each chunk is parsed in one call and its count compared with its lines; any difference falls
    back to the line-by-line reading, which names the line (as a restore would refuse it)."""
    lines = [b'{"id": "a%d"}' % index for index in range(100)]
    lines[50:51] = bad_lines
    write_backup_of_lines(engine, "1.0.0_1000", lines)

    with pytest.raises(BackupCorrupted, match=r"line 51 is not JSON"):
        Maintenance(engine).verify("1.0.0_1000")
    with pytest.raises(BackupCorrupted, match=r"line 51 is not JSON"):
        engine.restore("1.0.0_1000")
