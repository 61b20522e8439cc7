"""Scratch files in `<data dir>/spool/`: the documents a request sent for a backup, kept on disk until
a worker writes them into an archive, and the copy of a remote archive a restoration reads.

A creation of sent documents may wait for a worker (`settings.MAX_PENDING_CREATIONS` of them may
wait). Held in memory, the JSON texts of each waiting creation cost about its request body's size
again, plus Python's per-string overhead: three accepted 64 MiB bodies took the server to 660-750 MiB.
Spooled, a waiting creation costs a file in `<data dir>/spool/`, and the server's memory is bounded
by the one body being parsed (`settings.MAX_CONCURRENT_LARGE_BODIES`).

One canonical JSON text per line (`archive.encode_document` escapes every control character, so no
document holds a newline). Read back in binary and split on `\\n` only: a text-mode read would also
split on the line separators JSON leaves unescaped (U+2028, U+2029, `\\r` is escaped anyway).
A restoration reads its archive twice (the checksum first, then the documents). From an object store
each read is a download, so the archive is copied here once (`staged_archive`) and both reads are of
the copy: one download, and the checksum is still verified before a database is built.

Spool files are scratch: not fsynced, removed when their creation or restoration ends, and whatever a
crash left is removed when an engine next opens the data directory.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import OperationCancelled

__all__ = ["SPOOL_DIRECTORY", "DocumentSpool", "clear_spool", "staged_archive"]

SPOOL_DIRECTORY = "spool"
_SUFFIX = ".jsonl"
_ARCHIVE_SUFFIX = ".archive"
_WRITE_BUFFER_BYTES = 1 << 20


class DocumentSpool:
    """`count` documents' JSON texts in the file at `path`; `discard()` removes it."""

    def __init__(self, path: Path, count: int) -> None:
        self.path = path
        self.count = count

    @classmethod
    def write(cls, directory: Path, texts: Iterable[str]) -> DocumentSpool:
        """Spool `texts` into a new file in `directory`. Whatever `texts` raises (an invalid
        document) or the disk raises is raised, and no file is left."""
        directory.mkdir(parents=True, exist_ok=True)
        descriptor, name = tempfile.mkstemp(suffix=_SUFFIX, dir=directory)
        path = Path(name)
        count = 0
        try:
            with os.fdopen(descriptor, "wb", buffering=_WRITE_BUFFER_BYTES) as file:
                for text in texts:
                    file.write(text.encode("utf-8"))
                    file.write(b"\n")
                    count += 1
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        return cls(path, count)

    def batches(self, size: int) -> Iterator[list[str]]:
        """The texts, in the order they were spooled, `size` at a time."""
        batch: list[str] = []
        with self.path.open("rb") as file:
            for line in file:
                batch.append(line[:-1].decode("utf-8"))
                if len(batch) == size:
                    yield batch
                    batch = []
        if batch:
            yield batch

    def discard(self) -> None:
        """Remove the file; best effort (a file still open cannot be removed on Windows): what is
        left is removed when the engine closes or next opens."""
        with contextlib.suppress(OSError):
            self.path.unlink(missing_ok=True)


@contextlib.contextmanager
def staged_archive(
    open_archive: Callable[[], BinaryIO], directory: Path, cancel: threading.Event
) -> Iterator[Callable[[], BinaryIO]]:
    """Copy the archive `open_archive` reads into a file in `directory`; yield what opens the copy.
    The file is removed when the block ends. Raises `OperationCancelled` once `cancel` is set, and
    whatever reading or writing raises (a full disk: `OSError`), leaving no file."""
    directory.mkdir(parents=True, exist_ok=True)
    descriptor, name = tempfile.mkstemp(suffix=_ARCHIVE_SUFFIX, dir=directory)
    path = Path(name)
    try:
        with os.fdopen(descriptor, "wb") as copy, open_archive() as source:
            while chunk := source.read(_WRITE_BUFFER_BYTES):
                if cancel.is_set():
                    raise OperationCancelled("canceled")
                copy.write(chunk)
        yield lambda: path.open("rb")
    finally:
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)


def clear_spool(directory: Path) -> None:
    """Remove every spool file in `directory` (only when no creation or restoration of this engine
    can use one)."""
    if not directory.is_dir():
        return
    for suffix in (_SUFFIX, _ARCHIVE_SUFFIX):
        for path in directory.glob(f"*{suffix}"):
            path.unlink(missing_ok=True)
