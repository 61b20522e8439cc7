"""Where backups are kept: a small storage interface and its local-directory implementation.

A backup is two objects: the archive and its metadata record (a `BackupRecord`). The record is
written last and is the commit record, so a backup is listed only when both exist; a write that
fails or is interrupted leaves nothing listed. The record is sealed with its own checksum when
written and verified whenever read (see `metadata`): a store never hands out a record that does
not verify. Ids are checked against the spec's `BackupId` rule (`contract.backup_id_is_valid`)
before they name anything. Further implementations (an S3-compatible object store) follow the
same `BackupStore` protocol and run the same shared test suite.

Verified records are kept in memory (`record_cache`): a committed record never changes, so it is
verified once and answered again until what it was read from changes. The local store watches its
directory (`watch.DirectoryWatch`, inotify): a file created, written, truncated, renamed or removed
behind its back drops what it knew of that backup before the next answer, so a metadata file
corrupted on disk still reads corrupted; it keeps the list of committed ids in memory the same way.
Where the directory cannot be watched (not Linux, no inotify watch left) it reads and verifies the
files on every call, as without a cache.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Hashable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import BinaryIO, Protocol

from ..contract import backup_id_is_valid
from ..errors import BackupCorrupted, BackupNotFound
from .metadata import BackupRecord, decode_record, encode_record
from .private_files import PRIVATE_DIRECTORY_MODE, open_private
from .record_cache import RecordCache
from .watch import EVERYTHING, DirectoryWatch

__all__ = [
    "BackupStore",
    "LocalDirectoryStore",
    "PendingBackup",
    "fsync_directory",
    "write_file_atomically",
]

ARCHIVE_SUFFIX = ".jsonl.zst"
METADATA_SUFFIX = ".json"
TEMPORARY_SUFFIX = ".tmp"


def fsync_directory(directory: Path) -> None:
    """Make renames and removals inside `directory` durable."""
    if os.name == "nt":  # Windows cannot open a directory; its renames are durable on return.
        return
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def write_file_atomically(path: Path, content: bytes) -> None:
    """Write `content` to a temporary file, fsync it, rename it over `path`, fsync the directory."""
    temporary = path.with_name(path.name + TEMPORARY_SUFFIX)
    try:
        with os.fdopen(open_private(temporary, os.O_WRONLY | os.O_TRUNC), "wb") as file:
            file.write(content)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    fsync_directory(path.parent)


class PendingBackup:
    """A backup being written (see `BackupStore.write`): the block writes the archive to
    `archive`, then sets `record`, which may say what is known only once the archive is written
    (its size, its checksum)."""

    def __init__(self, archive: BinaryIO) -> None:
        self.archive = archive
        self.record: BackupRecord | None = None

    def committed_record(self, backup_id: str) -> BackupRecord:
        """The record to commit; `ValueError` if none was set or it names another backup."""
        if self.record is None:
            raise ValueError(f"no record was set for backup {backup_id}")
        if self.record.backup_id != backup_id:
            raise ValueError(f"the record of backup {backup_id} names backup {self.record.backup_id}")
        return self.record


class BackupStore(Protocol):
    """Storage of backups: an archive plus its metadata per id.

    Building a store touches nothing stored; `recover()` cleans up after a crashed writer and is
    called only by the engine that holds the data directory's lock.
    """

    # None for a store with one writer; else this writer's tag in the ids it makes (a shared store).
    writer_tag: str | None
    # Whether reading an archive is a transfer (an object store): a restoration, which reads it twice,
    # then copies it to the data directory once (`spool.staged_archive`) and reads the copy.
    remote: bool

    def recover(self) -> None:
        """Remove what interrupted writes left behind (never a committed backup).

        Only for the single user of the store, before it writes: a write in progress elsewhere
        would look interrupted.
        """
        ...

    def list_ids(self) -> list[str]:
        """Ids of the committed backups (archive and metadata both present), in no given order."""
        ...

    def open_archive(self, backup_id: str) -> BinaryIO:
        """Open the archive of a committed backup for reading. Raises `BackupNotFound`."""
        ...

    def write(self, backup_id: str) -> AbstractContextManager[PendingBackup]:
        """Write a new backup atomically: the block writes the archive to the yielded
        `PendingBackup` and sets its record.

        The record is sealed and stored when the block exits without error, after the archive is
        durable; a missing record, or one that would not verify, is refused (`ValueError`). If
        the block raises, or the write fails at any point (also after the record is in place,
        e.g. making it durable), nothing is stored and nothing is listed. An id the spec's rule
        refuses is `ValueError`; one already stored (or being written) is `FileExistsError`.
        """
        ...

    def read_record(self, backup_id: str) -> BackupRecord:
        """The verified record of a committed backup (see `metadata.decode_record`, with the
        archive's real size). Raises `BackupNotFound`, or `BackupCorrupted` for a record that
        does not verify."""
        ...

    def delete(self, backup_id: str) -> None:
        """Remove a backup: it stops being listed first. Raises `BackupNotFound`."""
        ...

    def listing_version(self) -> Hashable:
        """A value that stays equal as long as `list_ids` and every `read_record` would answer the
        same (so their answers may be kept); None when the store cannot tell (ask it again)."""
        ...

    def close(self) -> None:
        """Release what the store holds open (the local one: its directory watch); idempotent."""
        ...


class LocalDirectoryStore:
    """A `BackupStore` in one directory: `<id>.jsonl.zst` (archive) and `<id>.json` (metadata).

    Assumes one process uses the directory at a time (the engine's data directory lock sees to
    it): `recover()` removes what a crashed writer left behind (temporary files, an archive
    whose metadata was never committed). Constructing one only creates the directory and starts
    watching it (`watch=False`: never, read the files every time).
    """

    writer_tag: str | None = None
    remote = False

    def __init__(self, root: Path, *, watch: bool = True) -> None:
        self.root = Path(root)
        self.root.mkdir(mode=PRIVATE_DIRECTORY_MODE, parents=True, exist_ok=True)
        # Before anything is read: a change made after the watch starts is seen (see `_look`).
        self._watch = DirectoryWatch.open(self.root) if watch else None
        self._lock = threading.Lock()
        self._records = RecordCache()
        # The committed ids, once scanned (watched only), and how many looks saw a change: a record
        # read while something changed is not kept.
        self._ids: set[str] | None = None
        self._changes = 0

    @property
    def watched(self) -> bool:
        """Whether the store answers from memory (see the module docstring)."""
        return self._watch is not None and not self._watch.lost

    def close(self) -> None:
        """Stop watching the directory (the store keeps working, reading the files every time)."""
        with self._lock:
            if self._watch is not None:
                self._watch.close()
            self._records.clear()
            self._ids = None

    def recover(self) -> None:
        removed = False
        for temporary in self.root.glob(f"*{TEMPORARY_SUFFIX}"):
            temporary.unlink(missing_ok=True)
            removed = True
        for archive_path in self.root.glob(f"*{ARCHIVE_SUFFIX}"):
            backup_id = archive_path.name.removesuffix(ARCHIVE_SUFFIX)
            if not self._metadata_path(backup_id).exists():
                archive_path.unlink(missing_ok=True)
                removed = True
        if removed:
            fsync_directory(self.root)

    def list_ids(self) -> list[str]:
        with self._lock:
            if self._look():
                if self._ids is None:
                    self._ids = set(self._scan())
                return list(self._ids)
        return self._scan()

    def listing_version(self) -> Hashable:
        with self._lock:
            return self._changes if self._look() else None

    def _scan(self) -> list[str]:
        ids = []
        for metadata_path in self.root.glob(f"*{METADATA_SUFFIX}"):
            backup_id = metadata_path.name.removesuffix(METADATA_SUFFIX)
            if backup_id_is_valid(backup_id) and self._archive_path(backup_id).is_file():
                ids.append(backup_id)
        return ids

    def open_archive(self, backup_id: str) -> BinaryIO:
        self._require_committed(backup_id)
        try:
            return open(self._archive_path(backup_id), "rb")
        except FileNotFoundError:
            raise BackupNotFound(f"backup {backup_id} not found") from None

    @contextlib.contextmanager
    def write(self, backup_id: str) -> Iterator[PendingBackup]:
        if not backup_id_is_valid(backup_id):
            raise ValueError(f"invalid backup id {backup_id!r}")
        archive_path = self._archive_path(backup_id)
        metadata_path = self._metadata_path(backup_id)
        if archive_path.exists() or metadata_path.exists():
            raise FileExistsError(f"backup {backup_id} already exists")
        temporary_archive = archive_path.with_name(archive_path.name + TEMPORARY_SUFFIX)
        # Opened before the clean-up below applies: "x" refuses a concurrent write of this id,
        # whose files are not this write's to remove.
        archive = os.fdopen(open_private(temporary_archive, os.O_WRONLY | os.O_EXCL), "wb")
        try:
            with archive:
                pending = PendingBackup(archive)
                yield pending
                archive.flush()
                os.fsync(archive.fileno())
                archive_bytes = os.fstat(archive.fileno()).st_size
            record = encode_record(pending.committed_record(backup_id))
            try:
                committed = decode_record(backup_id, record, archive_bytes=archive_bytes)
            except BackupCorrupted as error:
                raise ValueError(f"refusing to commit metadata that does not verify: {error}") from None
            os.replace(temporary_archive, archive_path)
            # The archive's name must be durable before the commit record can be.
            fsync_directory(self.root)
            write_file_atomically(metadata_path, record)
        except BaseException:
            # Neither file existed before (checked above): a failed write takes back all of it,
            # the commit record first, so the caller's failure never leaves a listed backup.
            metadata_path.unlink(missing_ok=True)
            temporary_archive.unlink(missing_ok=True)
            archive_path.unlink(missing_ok=True)
            with contextlib.suppress(OSError):
                fsync_directory(self.root)
            raise
        with contextlib.suppress(OSError):  # committed either way; it would be read again, that is all
            self._remember_commit(committed, record, archive_bytes)

    def _remember_commit(self, committed: BackupRecord, record: bytes, archive_bytes: int) -> None:
        """Keep the record just committed, if the files are still what was written (this write's
        own changes are behind the look; one made since is the next look's)."""
        backup_id = committed.backup_id
        with self._lock:
            if not self._look():
                return
            if (
                self._metadata_path(backup_id).read_bytes() == record
                and self._archive_path(backup_id).stat().st_size == archive_bytes
            ):
                self._records.put(backup_id, committed)
                if self._ids is not None:
                    self._ids.add(backup_id)

    def read_record(self, backup_id: str) -> BackupRecord:
        with self._lock:
            watched = self._look()
            changes = self._changes
            record = self._records.get(backup_id) if watched else None
        if record is not None:
            return record
        record = self._read_record(backup_id)
        if watched:
            with self._lock:
                if self._look() and self._changes == changes:  # nothing changed while it was read
                    self._records.put(backup_id, record)
        return record

    def _read_record(self, backup_id: str) -> BackupRecord:
        self._require_committed(backup_id)
        try:
            record = self._metadata_path(backup_id).read_bytes()
            archive_bytes = self._archive_path(backup_id).stat().st_size
        except FileNotFoundError:
            raise BackupNotFound(f"backup {backup_id} not found") from None
        return decode_record(backup_id, record, archive_bytes=archive_bytes)

    def delete(self, backup_id: str) -> None:
        self._require_committed(backup_id)
        try:
            self._metadata_path(backup_id).unlink()
        except FileNotFoundError:
            raise BackupNotFound(f"backup {backup_id} not found") from None
        with self._lock:
            self._records.drop(backup_id)
            if self._ids is not None:
                self._ids.discard(backup_id)
        fsync_directory(self.root)
        self._archive_path(backup_id).unlink(missing_ok=True)
        fsync_directory(self.root)

    def _look(self) -> bool:
        """Forget what changed since the last look (the caller holds the lock); False when the
        store is not watched, and must read the files."""
        if self._watch is None or self._watch.lost:
            return False
        changed = self._watch.changes()
        if changed is EVERYTHING:
            self._changes += 1
            self._records.clear()
            self._ids = None
            return not self._watch.lost
        if changed:
            self._changes += 1
            for backup_id in filter(None, map(_id_of_name, changed)):
                self._records.drop(backup_id)
                if self._ids is not None:
                    if self._is_committed(backup_id):
                        self._ids.add(backup_id)
                    else:
                        self._ids.discard(backup_id)
        return True

    def _is_committed(self, backup_id: str) -> bool:
        return (
            backup_id_is_valid(backup_id)
            and self._metadata_path(backup_id).is_file()
            and self._archive_path(backup_id).is_file()
        )

    def _require_committed(self, backup_id: str) -> None:
        if not self._is_committed(backup_id):
            raise BackupNotFound(f"backup {backup_id} not found")

    def _archive_path(self, backup_id: str) -> Path:
        return self.root / f"{backup_id}{ARCHIVE_SUFFIX}"

    def _metadata_path(self, backup_id: str) -> Path:
        return self.root / f"{backup_id}{METADATA_SUFFIX}"


def _id_of_name(name: str) -> str | None:
    """The backup a file of the store's directory belongs to (its archive, its metadata, or either
    one's temporary file); None for any other name."""
    name = name.removesuffix(TEMPORARY_SUFFIX)
    for suffix in (ARCHIVE_SUFFIX, METADATA_SUFFIX):
        if name.endswith(suffix):
            backup_id = name.removesuffix(suffix)
            return backup_id if backup_id_is_valid(backup_id) else None
    return None
