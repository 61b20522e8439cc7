"""The backup archive format: a zstandard-compressed stream of JSON lines, one asset document each.

Writing streams (the database is never held in memory whole) and computes the sha256 of the
stored, compressed bytes on the way. Reading verifies that checksum over the whole archive before
it decodes and yields anything, so a corrupted backup is refused before it can touch a database;
decoding reads the archive again and checks the sha256 of the bytes it decoded too, so a stored
object that changed between the two reads is refused before the decoded documents are used.
What the decompressed lines hold (documents, or how many) is `archive_lines`'s to decode.

Given a key, the compressed stream is encrypted before it is stored (`encryption`: format
`ENCRYPTED_ARCHIVE_FORMAT`), and the sha256 is still that of the stored bytes, so verifying an
archive never needs the key; decoding decrypts (and authenticates) each chunk as it reads.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import threading
from collections.abc import Callable, Generator, Iterable, Iterator
from types import TracebackType
from typing import Any, BinaryIO, TypeVar, cast

import zstandard

from ..errors import BackupCorrupted, OperationCancelled
from ..settings import DEFAULT_MAX_BODY_BYTES
from .archive_lines import (
    ArchivedDocument,
    DecodedTooLarge,
    DecodingBounds,
    counted_documents,
    decoded_documents,
)
from .encryption import ChunkDecryptor, ChunkEncryptor, EncryptionKey, check_key

__all__ = [
    "ARCHIVE_FORMAT",
    "ENCRYPTED_ARCHIVE_FORMAT",
    "ArchiveReader",
    "ArchiveWriter",
    "ArchivedDocument",
    "encode_document",
]

ARCHIVE_FORMAT = "jsonl+zstd/1"
# The same stream, encrypted in chunks with AES-256-GCM (see `encryption`).
ENCRYPTED_ARCHIVE_FORMAT = "jsonl+zstd+aes-256-gcm/1"
COMPRESSION_LEVEL = 3
# zstd's worker threads per archive being written (0: compress on the calling thread). The output is
# one ordinary zstd frame either way, so archives written by either read the same, in this release
# and in earlier ones. At most 4: two creations may run at once (settings.MAX_CONCURRENT_CREATIONS),
# and past a few threads the database read and the JSON lines, not compression, bound a creation.
COMPRESSION_THREADS = min(4, os.cpu_count() or 1) if (os.cpu_count() or 1) > 1 else 0
READ_CHUNK_BYTES = 1 << 20
_Decoded = TypeVar("_Decoded", list["ArchivedDocument"], int)


def encode_document(document: dict[str, Any]) -> str:
    """The canonical JSON text of an asset document, as stored in the database and archives.

    Raises `ValueError` if the document is not a JSON object with a string `id`.
    """
    if not isinstance(document, dict) or not isinstance(document.get("id"), str):
        raise ValueError("an asset document must be a JSON object with a string 'id'")
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


class ArchiveWriter:
    """Writes JSON lines, compressed (and encrypted with `key`, if given, for backup `backup_id`),
    to a binary file; `sha256` and `bytes_written` of what it wrote, final after close.

    Use as a context manager; the compressed stream is finished only on a clean exit.
    """

    def __init__(
        self, destination: BinaryIO, *, key: EncryptionKey | None = None, backup_id: str | None = None
    ) -> None:
        self._destination = destination
        compressor = zstandard.ZstdCompressor(
            level=COMPRESSION_LEVEL, write_checksum=True, threads=COMPRESSION_THREADS
        )
        self._compressor = compressor.compressobj()
        if key is not None and backup_id is None:
            raise ValueError("an encrypted archive needs the id of its backup")
        self._encryptor = None if key is None or backup_id is None else ChunkEncryptor(key, backup_id)
        # What the metadata record says about the archive: its format and its key's id.
        self.format = ARCHIVE_FORMAT if key is None else ENCRYPTED_ARCHIVE_FORMAT
        self.key_id = None if key is None else key.key_id
        self._sha256 = hashlib.sha256()
        self.bytes_written = 0
        self.document_count = 0
        # The bytes of JSON lines written (what the archive decompresses to).
        self.decoded_bytes = 0
        self._closed = False

    def write_lines(self, texts: Iterable[str]) -> None:
        """Append documents given as their canonical JSON texts (see `encode_document`)."""
        lines = [text + "\n" for text in texts]
        decoded = "".join(lines).encode("utf-8")
        self._emit(self._compressor.compress(decoded))
        self.document_count += len(lines)
        self.decoded_bytes += len(decoded)

    @property
    def sha256(self) -> str:
        """Hex sha256 of every byte written to the destination; final once closed."""
        return self._sha256.hexdigest()

    def close(self) -> None:
        """Finish the compressed stream."""
        if not self._closed:
            self._closed = True
            self._emit(self._compressor.flush())
            if self._encryptor is not None:
                self._store(self._encryptor.finalize())

    def _emit(self, compressed: bytes) -> None:
        self._store(compressed if self._encryptor is None else self._encryptor.update(compressed))

    def _store(self, stored: bytes) -> None:
        if stored:
            self._destination.write(stored)
            self._sha256.update(stored)
            self.bytes_written += len(stored)

    def __enter__(self) -> ArchiveWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if exc_type is None:
            self.close()


class ArchiveReader:
    """Reads an archive in two passes: verify the checksum, then decode documents (checking
    the checksum of the bytes decoded as well).

    `open_archive` is called once per pass and must return a fresh stream from the start. An
    archive encrypted with the key of id `key_id` (its record says so) is decrypted with `key`
    (which must be that key: see `check_key`), bound to backup `backup_id`.
    """

    def __init__(
        self,
        open_archive: Callable[[], BinaryIO],
        *,
        expected_sha256: str,
        expected_count: int | None = None,
        expected_bytes: int | None = None,
        expected_decoded_bytes: int | None = None,
        max_document_bytes: int = DEFAULT_MAX_BODY_BYTES,
        backup_id: str = "",
        key_id: str | None = None,
        key: EncryptionKey | None = None,
    ) -> None:
        self._open_archive = open_archive
        self._expected_sha256 = expected_sha256
        self._expected_count = expected_count
        self._expected_bytes = expected_bytes
        self._bounds = DecodingBounds(expected_decoded_bytes, max_document_bytes)
        self._backup_id = backup_id
        self._key_id = key_id
        self._key = key
        self._verified = False

    def check_key(self) -> None:
        """Raise `BackupKeyMismatch` if the archive is encrypted and the key given is not its key
        (or there is none). Reads nothing: the key id comes from the record (the archive's header
        is checked again when decoding)."""
        check_key(self._backup_id, self._key_id, self._key)

    def verify(self, cancel: threading.Event | None = None) -> None:
        """Check the size (if expected) and sha256 of the whole stored archive; raise
        `BackupCorrupted` on a mismatch."""
        digest = hashlib.sha256()
        size = 0
        with self._open_archive() as source:
            while chunk := source.read(READ_CHUNK_BYTES):
                if cancel is not None and cancel.is_set():
                    raise OperationCancelled("canceled")
                digest.update(chunk)
                size += len(chunk)
        if self._expected_bytes is not None and size != self._expected_bytes:
            raise BackupCorrupted(f"archive has {size} bytes, its metadata says {self._expected_bytes}")
        actual = digest.hexdigest()
        if actual != self._expected_sha256:
            raise BackupCorrupted(
                f"sha256 mismatch: expected {self._expected_sha256}, stored bytes have {actual}"
            )
        self._verified = True

    def check_contents(self, cancel: threading.Event | None = None) -> tuple[int, int]:
        """Read the archive once, checking everything a restore checks without keeping anything:
        the sha256 and size of the stored bytes, the key, that every line decodes to an asset
        document and that there are as many as expected. Returns (documents, stored bytes).

        Raises `BackupCorrupted`, `BackupKeyMismatch` (encrypted with a key the reader lacks) or
        `OperationCancelled` once `cancel` is set.
        """
        self.check_key()
        count = 0
        with self._open_archive() as stored:
            source = _HashingReader(stored)
            checked = self._decoded(source, self._counted)
            with contextlib.closing(checked) as chunks:
                for documents in chunks:
                    if cancel is not None and cancel.is_set():
                        raise OperationCancelled("canceled")
                    count += documents
        if self._expected_bytes is not None and source.size != self._expected_bytes:
            expected = self._expected_bytes
            raise BackupCorrupted(f"archive has {source.size} bytes, its metadata says {expected}")
        self._check_decoded(source.hexdigest(), count)
        return count, source.size

    def batches(self, batch_size: int) -> Generator[list[ArchivedDocument], None, None]:
        """Decoded documents in archive order, `batch_size` at a time; verifies first if needed.

        Raises `BackupCorrupted` for content that does not decode to asset documents, that
        holds a different number of documents than expected, or whose bytes (as read for
        decoding) do not have the expected sha256. More documents than expected are refused as
        soon as the first one too many is decoded (never more than `expected_count` are
        yielded); fewer, a checksum mismatch, and (encrypted) a last chunk that does not
        authenticate, are known only once the whole archive was read, so full batches may have
        been yielded before: use the documents only if the iteration ends normally. An encrypted
        archive whose key is not the reader's raises `BackupKeyMismatch` before anything is
        decrypted.
        """
        self.check_key()
        if not self._verified:
            self.verify()
        count = 0
        batch: list[ArchivedDocument] = []
        with self._open_archive() as stored:
            source = _HashingReader(stored)
            with (
                contextlib.closing(self._decoded(source, self._documents)) as chunks,
                self._changed_first(source),
            ):
                for documents in chunks:
                    expected = self._expected_count
                    room = len(documents) if expected is None else expected - count
                    batch += documents[:room]
                    count += min(room, len(documents))
                    while len(batch) >= batch_size:
                        yield batch[:batch_size]
                        del batch[:batch_size]
                    if room < len(documents):
                        raise BackupCorrupted(
                            f"archive holds more documents than its metadata says ({expected})"
                        )
        self._check_decoded(source.hexdigest(), count)
        if batch:
            yield batch

    def _documents(self, reader: BinaryIO) -> Iterator[list[ArchivedDocument]]:
        """The documents of each chunk of the decompressed stream (restoration), within the bounds."""
        return decoded_documents(reader, self._bounds, READ_CHUNK_BYTES)

    def _counted(self, reader: BinaryIO) -> Iterator[int]:
        """How many documents each chunk of the decompressed stream holds, checked but kept by none
        (verification), within the same bounds as a restore."""
        return counted_documents(reader, self._bounds, READ_CHUNK_BYTES)

    def _decoded(
        self, source: _HashingReader, read: Callable[[BinaryIO], Iterator[_Decoded]]
    ) -> Generator[_Decoded, None, None]:
        """What `read` makes of the decompressed stream (decrypted first if the archive is
        encrypted), a chunk at a time; once it is all read, the rest of `source` too, so its hash
        covers every byte, and (encrypted) the last chunk is authenticated."""
        decompressor = zstandard.ZstdDecompressor()
        decryptor = None if self._key_id is None else ChunkDecryptor(source, self._key, self._backup_id)
        try:
            # The decompressor only calls `read`; the archive is closed by `batches`.
            compressed = cast(BinaryIO, source if decryptor is None else decryptor)
            with decompressor.stream_reader(compressed, read_across_frames=True, closefd=False) as reader:
                yield from read(reader)
        except zstandard.ZstdError as error:
            raise BackupCorrupted(f"archive does not decompress: {error}") from error
        if decryptor is not None:
            # Every chunk authenticates, the last one too, or nothing decoded is used.
            decryptor.read_to_end()
        source.read_to_end()

    @contextlib.contextmanager
    def _changed_first(self, source: _HashingReader) -> Iterator[None]:
        """An archive that decompresses to more than its record says is refused as soon as it
        does; if its stored bytes are not the ones verified (it changed since), that is said
        instead. Hashing the rest reads only the stored bytes (their size was verified), never
        what they decompress to."""
        try:
            yield
        except DecodedTooLarge:
            source.read_to_end()
            self._check_decoded(source.hexdigest(), None)
            raise

    def _check_decoded(self, actual: str, count: int | None) -> None:
        """Raise `BackupCorrupted` unless the bytes decoded (their sha256: `actual`) are the ones
        verified and held the expected number (`count`) of documents."""
        if actual != self._expected_sha256:
            raise BackupCorrupted(
                f"sha256 mismatch: expected {self._expected_sha256}, the bytes decoded have {actual} "
                "(the archive changed after it was verified)"
            )
        if self._expected_count is not None and count is not None and count != self._expected_count:
            raise BackupCorrupted(
                f"archive holds {count} documents, its metadata says {self._expected_count}"
            )


class _HashingReader:
    """A binary stream that computes the sha256 of every byte read through it."""

    def __init__(self, source: BinaryIO) -> None:
        self._source = source
        self._sha256 = hashlib.sha256()
        self.size = 0

    def read(self, size: int = -1) -> bytes:
        chunk = self._source.read(size)
        self._sha256.update(chunk)
        self.size += len(chunk)
        return chunk

    def read_to_end(self) -> None:
        """Read (and hash) whatever the decoder left unread."""
        while self.read(READ_CHUNK_BYTES):
            pass

    def hexdigest(self) -> str:
        return self._sha256.hexdigest()
