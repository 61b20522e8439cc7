"""Hostile backups, planted in a store as someone who can write to it would: archives that are cheap
to make (a zstd stream of a repeated byte is tiny) but decompress to unbounded lines, bombs of valid
rows, deep nesting, and metadata that is huge (a sparse file) or a symlink."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, timedelta

import zstandard

from backup_api_server.storage.archive import ARCHIVE_FORMAT
from backup_api_server.storage.metadata import BackupRecord
from backup_api_server.storage.store import BackupStore
from backup_api_server_models import Backup, BackupId, GroupedTimestamp, PlatformEnum

MIB = 1024 * 1024
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def compressed(pieces: Iterable[bytes]) -> Iterator[bytes]:
    """The zstd stream of the concatenated `pieces`, as it is made."""
    compressor = zstandard.ZstdCompressor(level=1).compressobj()
    for piece in pieces:
        if out := compressor.compress(piece):
            yield out
    yield compressor.flush()


def repeated(byte: bytes, size: int) -> Iterator[bytes]:
    """`size` bytes of `byte`, a MiB at a time."""
    block = byte * MIB
    for _ in range(size // MIB):
        yield block
    yield byte * (size % MIB)


def line_without_end(size: int) -> Iterator[bytes]:
    return repeated(b"x", size)


def valid_line(size: int, document_id: str = "long") -> Iterator[bytes]:
    """One asset document of about `size` bytes, with its line feed."""
    yield b'{"id":"%s","pad":"' % document_id.encode()
    yield from repeated(b"x", size)
    yield b'"}\n'


def valid_rows(count: int) -> Iterator[bytes]:
    row = b'{"id":"bomb","pad":"' + b"y" * 1000 + b'"}\n'
    block = row * 1000
    for _ in range(count // 1000):
        yield block


def nested(depth: int) -> Iterator[bytes]:
    yield b'{"id":"deep","nested":' + b"[" * depth + b"]" * depth + b"}\n"


def record_for(backup_id: str, stored: bytes, *, asset_count: int, decoded_bytes: int | None) -> BackupRecord:
    version, _, timestamp = backup_id.rpartition("_")
    backup = Backup(
        id=BackupId(backup_id),
        version=version,
        timestamp=timestamp,
        bytes=len(stored),
        created=GroupedTimestamp(
            value=datetime(1970, 1, 1, tzinfo=UTC) + timedelta(microseconds=int(timestamp))
        ),
        device_name="planted",
        platform=PlatformEnum.LINUX,
    )
    return BackupRecord(
        backup,
        hashlib.sha256(stored).hexdigest(),
        asset_count=asset_count,
        format=ARCHIVE_FORMAT,
        decoded_bytes=decoded_bytes,
    )


def plant(
    store: BackupStore,
    backup_id: str,
    decoded: Iterable[bytes],
    *,
    asset_count: int = 1,
    decoded_bytes: int | None = None,
) -> BackupRecord:
    """A committed backup of the zstd stream of `decoded`, whose record says what the planter
    chose (matching checksum and size: only decoding can tell it is hostile)."""
    stored = b"".join(compressed(decoded))
    record = record_for(backup_id, stored, asset_count=asset_count, decoded_bytes=decoded_bytes)
    with store.write(backup_id) as pending:
        pending.archive.write(stored)
        pending.record = record
    return record
