"""Where backups are kept: one `BackupStore` over a thin `ObjectStore` (see `objects`).

A backup is two objects: the archive `<id>.jsonl.zst` and its metadata record `<id>.json` (a
`BackupRecord`). This module alone knows that, and everything a backup store must get right, once
for every object store (the local directory, S3, the tests' in-memory one):

- the id rule: ids are checked against the spec's `BackupId` rule (`contract.backup_id_is_valid`)
  before they name any object, so a name never leaves its directory or prefix;
- the commit order: the archive is complete and durable before the record (the commit record) is
  put; a backup is listed only when both exist; a failed write takes back what it put, record first;
- verification: a record is sealed when written and verified whenever read (`metadata`), against
  the archive's real size; one over `METADATA_MAX_BYTES` is corrupted without being read; an object
  that is not a regular file (a planted symlink) is corrupted, told without a word of its target;
- the record cache (`record_cache`): a verified record is answered again until its objects change:
  a watched object store (the local directory, inotify) says what changed (and the ids are kept in
  memory too); otherwise records are keyed on the versions the store gives (S3: ETags);
- start-up recovery: what interrupted writes of this writer left (temporary objects, an archive
  without its record) is removed, never a committed backup, nor another writer's work.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Hashable, Iterator
from pathlib import Path
from typing import BinaryIO, NamedTuple

from .. import settings
from ..contract import backup_id_is_valid
from ..errors import BackupCorrupted, BackupNotFound
from .local_objects import LocalDirectoryObjects, fsync_directory, write_file_atomically
from .metadata import BackupRecord, decode_record, encode_record
from .objects import NotRegularObject, ObjectInfo, ObjectStore
from .record_cache import RecordCache

__all__ = [
    "ARCHIVE_SUFFIX",
    "METADATA_SUFFIX",
    "BackupStore",
    "Listed",
    "LocalDirectoryStore",
    "PendingBackup",
    "fsync_directory",
    "write_file_atomically",
]

ARCHIVE_SUFFIX = ".jsonl.zst"
METADATA_SUFFIX = ".json"


class Listed(NamedTuple):
    """What an object store says of a committed backup's two objects."""

    metadata: ObjectInfo
    archive: ObjectInfo


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


class BackupStore:
    """Backups (an archive plus its metadata per id) in `objects`; thread-safe.

    `writer_tag`, when set, is this writer's tag in the ids it makes in a shared store (see
    `selection`) and limits `recover()` to those ids; without one the store assumes it is the
    only writer. Building one touches nothing stored.
    """

    def __init__(self, objects: ObjectStore, *, writer_tag: str | None = None) -> None:
        self.objects = objects
        self.writer_tag = writer_tag
        # Whether reading an archive is a transfer: a restoration, which reads it twice, then
        # copies it to the data directory once (`spool.staged_archive`) and reads the copy.
        self.remote = objects.remote
        self._lock = threading.Lock()
        self._writing: set[str] = set()
        self._records = RecordCache()
        # Watched only: the committed ids once scanned, and how many looks saw a change (a record
        # read while something changed is not kept).
        self._ids: set[str] | None = None
        self._changes = 0
        # Watched only: the ids whose objects changed since `take_changes` last took them; None:
        # possibly every one (never taken yet, or the watch lost events).
        self._changed_ids: set[str] | None = None

    @property
    def watched(self) -> bool:
        """Whether the store answers from memory: its object store reports every change."""
        return self.objects.watched

    def close(self) -> None:
        """Release what the object store holds open (the store keeps working, uncached)."""
        with self._lock:
            self.objects.close()
            self._records.clear()
            self._ids = None

    def recover(self) -> None:
        """Remove what interrupted writes of this writer left behind (never a committed backup).

        Only for the single user of the store's ids, before it writes: a write in progress
        elsewhere would look interrupted."""
        self.objects.discard_incomplete(lambda name: self._is_mine(_id_of_name(name)))
        names = self.objects.list()
        for name in names:
            backup_id = _id_of_name(name)
            if backup_id is None or not name.endswith(ARCHIVE_SUFFIX) or not self._is_mine(backup_id):
                continue
            if _metadata_name(backup_id) not in names:
                self.objects.delete(name)

    def list_ids(self) -> list[str]:
        """Ids of the committed backups (archive and metadata both present), in no given order."""
        with self._lock:
            if self._look():
                if self._ids is None:
                    self._ids = set(self._scan())
                return list(self._ids)
        return self._scan()

    def listing_version(self) -> Hashable:
        """A value that stays equal as long as `list_ids` and every `read_record` would answer the
        same (so their answers may be kept); None when the store cannot tell (ask it again)."""
        with self._lock:
            return self._changes if self._look() else None

    def take_changes(self) -> set[str] | None:
        """The ids whose backups may have changed (appeared, gone, rewritten) since the last call,
        watched only; None: possibly every one (the first call, lost events, not watched). For
        one consumer (the catalog's index) that keeps its own copy current."""
        with self._lock:
            if not self._look():
                return None
            changed, self._changed_ids = self._changed_ids, set()
            return changed

    def open_archive(self, backup_id: str) -> BinaryIO:
        """Open the archive of a committed backup for reading. Raises `BackupNotFound`, or
        `BackupCorrupted` for one that is not a regular object."""
        self._require_committed(backup_id)
        with self._objects_of(backup_id):
            return self.objects.open(_archive_name(backup_id))

    @contextlib.contextmanager
    def write(self, backup_id: str) -> Iterator[PendingBackup]:
        """Write a new backup atomically: the block writes the archive to the yielded
        `PendingBackup` and sets its record.

        The record is sealed and stored when the block exits without error, after the archive is
        durable; a missing record, or one that would not verify, is refused (`ValueError`). If
        the block raises, or the write fails at any point (also after the record is in place),
        nothing is stored and nothing is listed. An id the spec's rule refuses is `ValueError`;
        one already stored (or being written) is `FileExistsError`.
        """
        if not backup_id_is_valid(backup_id):
            raise ValueError(f"invalid backup id {backup_id!r}")
        with self._lock:
            if backup_id in self._writing:
                raise FileExistsError(f"backup {backup_id} is being written")
            self._writing.add(backup_id)
        try:
            if self._exists(_archive_name(backup_id)) or self._exists(_metadata_name(backup_id)):
                raise FileExistsError(f"backup {backup_id} already exists")
            with self._commit(backup_id) as pending:
                yield pending
        finally:
            with self._lock:
                self._writing.discard(backup_id)

    @contextlib.contextmanager
    def _commit(self, backup_id: str) -> Iterator[PendingBackup]:
        """The commit order: the archive, complete and durable, then the record that commits it."""
        archive_name, metadata_name = _archive_name(backup_id), _metadata_name(backup_id)
        archive_put = metadata_put = False
        try:
            with self.objects.create(archive_name) as archive:
                pending = PendingBackup(archive)
                yield pending
                archive_bytes = archive.tell()
                encoded = encode_record(pending.committed_record(backup_id))
                try:
                    committed = decode_record(backup_id, encoded, archive_bytes=archive_bytes)
                except BackupCorrupted as error:
                    raise ValueError(f"refusing to commit metadata that does not verify: {error}") from None
                archive_put = True  # from here on, the archive may exist even if completing it fails
            metadata_put = True
            self.objects.put_new(metadata_name, encoded)
        except BaseException:
            # Take back all of it, the commit record first: a failed write is never listed. What a
            # failure here leaves (an archive without its record) `recover()` removes.
            for name, put in ((metadata_name, metadata_put), (archive_name, archive_put)):
                if put:
                    with contextlib.suppress(Exception):
                        self.objects.delete(name)
            raise
        with contextlib.suppress(OSError, NotRegularObject):  # committed either way; read again, that is all
            self._remember_commit(committed, encoded, archive_bytes)

    def _remember_commit(self, committed: BackupRecord, encoded: bytes, archive_bytes: int) -> None:
        """Keep the record just committed, if the objects are still what was written (watched
        only: this write's own changes are behind the look; one made since is the next look's)."""
        backup_id = committed.backup_id
        with self._lock:
            if not self._look():
                return
            with self.objects.open(_metadata_name(backup_id)) as stored:
                unchanged = stored.read(len(encoded) + 1) == encoded
            if unchanged and self.objects.stat(_archive_name(backup_id)).size == archive_bytes:
                self._records.put(backup_id, committed)
                if self._ids is not None:
                    self._ids.add(committed.backup_id)

    def read_record(self, backup_id: str, listed: Listed | None = None) -> BackupRecord:
        """The verified record of a committed backup (see `metadata.decode_record`, with the
        archive's real size). Raises `BackupNotFound`, or `BackupCorrupted` for a record that
        does not verify. `listed`: what `listing()` said of its objects, taken instead of
        asking the store again."""
        with self._lock:
            watched = self._look()
            changes = self._changes
            record = self._records.get(backup_id) if watched else None
        if record is not None:
            return record
        version, record = self._read_record(backup_id, watched, listed)
        with self._lock:
            if not watched and version is not None:
                self._records.put(backup_id, record, version)
            elif watched and self._look() and self._changes == changes:  # nothing changed meanwhile
                self._records.put(backup_id, record)
        return record

    def _read_record(
        self, backup_id: str, watched: bool, listed: Listed | None
    ) -> tuple[Hashable | None, BackupRecord]:
        """The record read and verified, and the version of the objects it was read from (None:
        the store gives none; kept only while watched)."""
        if not backup_id_is_valid(backup_id):
            raise BackupNotFound(f"backup {backup_id} not found")
        metadata_name = _metadata_name(backup_id)
        with self._objects_of(backup_id):
            if listed is None:
                listed = Listed(self.objects.stat(metadata_name), self.objects.stat(_archive_name(backup_id)))
            metadata, archive = listed
            if metadata.size < 0 or archive.size < 0:
                raise NotRegularObject(backup_id)
            version = None if metadata.version is None else (metadata.version, archive.size)
            if not watched and version is not None:
                kept = self._records.get(backup_id, version)
                if kept is not None:
                    return version, kept
            if metadata.size > settings.METADATA_MAX_BYTES:
                raise BackupCorrupted(
                    f"metadata of backup {backup_id} has {metadata.size} bytes, more than the "
                    f"{settings.METADATA_MAX_BYTES} a record may have"
                )
            with self.objects.open(metadata_name) as stored:
                # Bounded whatever the object grew to since its stat.
                content = stored.read(settings.METADATA_MAX_BYTES + 1)
        if len(content) > settings.METADATA_MAX_BYTES:
            raise BackupCorrupted(
                f"metadata of backup {backup_id} has more than {settings.METADATA_MAX_BYTES} bytes"
            )
        return version, decode_record(backup_id, content, archive_bytes=archive.size)

    def delete(self, backup_id: str) -> None:
        """Remove a backup: it stops being listed first. Raises `BackupNotFound`."""
        self._require_committed(backup_id)
        self.objects.delete(_metadata_name(backup_id))
        with self._lock:
            self._records.drop(backup_id)
            if self._ids is not None:
                self._ids.discard(backup_id)
        self.objects.delete(_archive_name(backup_id))

    # Helpers

    def _scan(self) -> list[str]:
        return list(self.listing())

    def listing(self) -> dict[str, Listed]:
        """The committed backups, each with what the listing says of its metadata and its archive
        (for `read_record`: an object store's one LIST stands for two HEADs per backup)."""
        objects = self.objects.list()
        listed = {}
        for name, metadata in objects.items():
            backup_id = _id_of_name(name)
            if name.endswith(METADATA_SUFFIX) and backup_id is not None:
                archive = objects.get(_archive_name(backup_id))
                if archive is not None:
                    listed[backup_id] = Listed(metadata, archive)
        return listed

    def _look(self) -> bool:
        """Forget what changed since the last look (the caller holds the lock); False when the
        store is not watched, and must read the objects."""
        if not self.objects.watched:
            return False
        changed = self.objects.changes()
        if changed is None:
            self._changes += 1
            self._records.clear()
            self._ids = self._changed_ids = None
            return self.objects.watched
        if changed:
            self._changes += 1
            for backup_id in filter(None, map(_id_of_name, changed)):
                self._records.drop(backup_id)
                if self._changed_ids is not None:
                    self._changed_ids.add(backup_id)
                if self._ids is not None:
                    if self._is_committed(backup_id):
                        self._ids.add(backup_id)
                    else:
                        self._ids.discard(backup_id)
        return True

    def _exists(self, name: str) -> bool:
        try:
            self.objects.stat(name)
        except FileNotFoundError:
            return False
        except NotRegularObject:
            return True  # something is there (corrupted): never written over
        return True

    def _is_committed(self, backup_id: str) -> bool:
        return (
            backup_id_is_valid(backup_id)
            and self._exists(_metadata_name(backup_id))
            and self._exists(_archive_name(backup_id))
        )

    def _require_committed(self, backup_id: str) -> None:
        if not self._is_committed(backup_id):
            raise BackupNotFound(f"backup {backup_id} not found")

    @contextlib.contextmanager
    def _objects_of(self, backup_id: str) -> Iterator[None]:
        """What reading a backup's objects may meet, as the engine's errors: gone meanwhile, or
        not a regular object (said without anything about what it is or points at)."""
        try:
            yield
        except FileNotFoundError:
            raise BackupNotFound(f"backup {backup_id} not found") from None
        except NotRegularObject:
            raise BackupCorrupted(
                f"backup {backup_id}: its archive or metadata is not a regular file"
            ) from None

    def _is_mine(self, backup_id: str | None) -> bool:
        if backup_id is None:
            return False
        return self.writer_tag is None or backup_id.rpartition("_")[0].endswith(f"+{self.writer_tag}")


class LocalDirectoryStore(BackupStore):
    """The backup store in a local directory (`local_objects`); `watch=False`: read the files
    every time. Assumes one process uses the directory at a time (the engine's data directory
    lock sees to it)."""

    objects: LocalDirectoryObjects

    def __init__(self, root: Path, *, watch: bool = True) -> None:
        self.root = Path(root)
        super().__init__(LocalDirectoryObjects(self.root, watch=watch))


def _archive_name(backup_id: str) -> str:
    return f"{backup_id}{ARCHIVE_SUFFIX}"


def _metadata_name(backup_id: str) -> str:
    return f"{backup_id}{METADATA_SUFFIX}"


def _id_of_name(name: str) -> str | None:
    """The backup an object belongs to (its archive, its metadata, or either one's temporary
    file); None for any other name."""
    for suffix in (ARCHIVE_SUFFIX, METADATA_SUFFIX):
        if name.endswith(suffix):
            backup_id = name.removesuffix(suffix)
            return backup_id if backup_id_is_valid(backup_id) else None
    return None
