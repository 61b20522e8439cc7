"""What verification (`ArchiveReader.check_contents`) reads the decompressed archive through.

- `Utf8CheckedReader`: verification keeps no document text, so instead of decoding each line (one
  call per line: a third of its time at 100,000 documents) it checks the whole stream with one
  incremental decoder, one C call per chunk (a character split between two chunks is completed by
  the next). Lines split on the byte 0x0A, which no multi-byte UTF-8 sequence contains, so the
  stream is UTF-8 exactly when each of its lines is.
- `counted_chunks`: the documents of each chunk's whole lines are parsed in one call
  (msgspec's `decode_lines`, ~3 times faster than splitting the lines and parsing each) and their
  number compared with the chunk's line count; on any difference (a blank line, a document over
  two lines or two on one) or failure the chunk's lines are parsed one by one, the way a restore
  reads them, which names the line at fault. (A chunk with both a document over two lines and
  two on another would pass: only a writer other than ours could make one, and the archive's
  sha256, checked too, is the one recorded when it was written.)
- `read_ahead`: reads the stream in a thread of its own, a few chunks ahead, so reading the store,
  hashing, decrypting, decompressing and the UTF-8 check (C code that releases the GIL for most
  of its time) run beside the parsing of the chunks before, as `zstd -d | sha256sum` runs its two
  programs side by side. Its errors are raised by the reader's `read`, in the reading thread.
"""

from __future__ import annotations

import codecs
import contextlib
import queue
import threading
from collections.abc import Callable, Iterator, Sized
from contextlib import AbstractContextManager
from typing import BinaryIO, cast

from ..errors import BackupCorrupted

__all__ = ["AheadReader", "Utf8CheckedReader", "checked_ahead", "counted_chunks", "read_ahead"]

# Chunks read ahead at most: enough to keep both threads busy, little memory (1 MiB chunks).
READ_AHEAD_CHUNKS = 4


class Utf8CheckedReader:
    """Reads `source`, raising `BackupCorrupted` at the first bytes that are not UTF-8 (and, at
    the end of the stream, for a character left unfinished)."""

    def __init__(self, source: BinaryIO) -> None:
        self._source = source
        self._decoder = codecs.getincrementaldecoder("utf-8")()
        self._offset = 0

    def read(self, size: int = -1) -> bytes:
        chunk = self._source.read(size)
        try:
            self._decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as error:
            position = self._offset + error.start
            raise BackupCorrupted(f"the content is not UTF-8 at byte {position}: {error.reason}") from None
        self._offset += len(chunk)
        return chunk


class AheadReader:
    """The chunks another thread read from a stream, in order (see `read_ahead`)."""

    def __init__(self, chunks: queue.Queue[bytes | BaseException]) -> None:
        self._chunks = chunks
        self._ended = False

    def read(self, size: int = -1) -> bytes:
        """The next chunk read (whatever its size; b"" at the end); raises what reading raised."""
        if self._ended:
            return b""
        item = self._chunks.get()
        if isinstance(item, BaseException):
            self._ended = True
            raise item
        self._ended = not item
        return item


@contextlib.contextmanager
def read_ahead(source: BinaryIO, chunk_bytes: int) -> Iterator[AheadReader]:
    """`source` read `chunk_bytes` at a time in a thread of its own; on leaving, the thread is
    stopped and joined (so `source` may be closed after), also when the reader stopped early."""
    chunks: queue.Queue[bytes | BaseException] = queue.Queue(READ_AHEAD_CHUNKS)
    stop = threading.Event()

    def put(item: bytes | BaseException) -> bool:
        while not stop.is_set():
            with contextlib.suppress(queue.Full):
                chunks.put(item, timeout=0.1)
                return True
        return False

    def produce() -> None:
        try:
            while put(chunk := source.read(chunk_bytes)) and chunk:
                pass
        except BaseException as error:  # handed to the reading thread, which raises it
            put(error)

    thread = threading.Thread(target=produce, name="verify read-ahead", daemon=True)
    thread.start()
    try:
        yield AheadReader(chunks)
    finally:
        stop.set()
        thread.join()


def checked_ahead(stream: BinaryIO, chunk_bytes: int = 1 << 20) -> AbstractContextManager[BinaryIO]:
    """`stream` checked for UTF-8 and read ahead in a thread (see the module docstring)."""
    return cast(
        AbstractContextManager[BinaryIO], read_ahead(cast(BinaryIO, Utf8CheckedReader(stream)), chunk_bytes)
    )


def counted_chunks(
    stream: BinaryIO,
    decode_lines: Callable[[bytes], Sized],
    count_exactly: Callable[[list[bytes], int], int],
    chunk_bytes: int = 1 << 20,
    *,
    max_line_bytes: int,
    max_total_bytes: int | None = None,
) -> Iterator[int]:
    """How many documents the whole lines of each chunk of `stream` hold (see the module
    docstring); `count_exactly(lines, lines_before)` parses them one by one. `BackupCorrupted`
    for a last line without its line feed, a line longer than `max_line_bytes`, or once the
    stream holds more than `max_total_bytes` (an untrusted archive costs no more than its bound)."""
    line_count, carried, total = 0, b"", 0
    while chunk := stream.read(chunk_bytes):
        total += len(chunk)
        if max_total_bytes is not None and total > max_total_bytes:
            raise BackupCorrupted(
                f"archive decompresses to more than the {max_total_bytes} bytes its metadata says"
            )
        chunk = carried + chunk if carried else chunk
        end = chunk.rfind(b"\n") + 1
        whole, carried = chunk[:end], chunk[end:]
        if len(carried) > max_line_bytes:
            line_number = line_count + whole.count(b"\n") + 1
            raise BackupCorrupted(
                f"line {line_number} is longer than the {max_line_bytes} bytes a document may have"
            )
        if not whole:
            continue
        lines = whole.count(b"\n")
        try:
            parsed = len(decode_lines(whole))
        except (ValueError, RecursionError):  # msgspec.DecodeError is a ValueError
            parsed = -1
        yield lines if parsed == lines else count_exactly(whole.split(b"\n")[:-1], line_count)
        line_count += lines
    if carried:
        raise BackupCorrupted(f"line {line_count + 1} is truncated")
    if max_total_bytes is not None and total != max_total_bytes:
        raise BackupCorrupted(f"archive decompresses to {total} bytes, its metadata says {max_total_bytes}")
