"""The backups the engine can answer for: the verified records in the store, and from the journal
why an id it handed out holds no backup any more.

A record is verified whenever it is read from what is stored (see `storage.metadata`); the store
keeps the verified records and answers them again while what they were read from is unchanged
(see `storage.record_cache`), and the catalog keeps the sorted list while the store's
`listing_version` stays the same. Pages come from an index (`catalog_index`) built once from the
store and kept current by the ids the store reports changed (its own writes and deletions, and
what its watch saw), so a page costs the same with 50 backups or 100,000, also right after a
change. A store that cannot report changes (an object store other machines write) is listed
anew for every page. A corrupted backup is left out of the list, never a reason to
stop listing: each is reported once (again if the reason changes) with a warning on the
`backup_api_server` logger that names it and says why.
"""

from __future__ import annotations

import builtins
import logging
import threading
from collections.abc import Hashable

from ..contract import backup_id_is_valid
from ..errors import BackupCorrupted, BackupGone, BackupNotFound
from ..storage.metadata import BackupRecord
from ..storage.store import BackupStore
from .catalog_index import CatalogIndex, Page, list_order_key
from .identity import new_backup
from .jobs import Status
from .journal import CreationJournal, Outcome

__all__ = ["Catalog", "list_order_key"]

logger = logging.getLogger("backup_api_server")


class Catalog:
    """Reads backups from `store`, answering "gone" for the ids `journal` knows. Thread-safe."""

    def __init__(self, store: BackupStore, journal: CreationJournal) -> None:
        self._store = store
        self._journal = journal
        self._lock = threading.Lock()
        # The corrupted backups `list` left out, with why: each is reported once.
        self._reported: dict[str, str] = {}
        # The last list, and the store's listing version it was made at.
        self._listed: tuple[Hashable, list[BackupRecord]] | None = None
        # The index pages are answered from (watched stores only), and the listing version it is at.
        self._index: CatalogIndex | None = None
        self._index_version: Hashable = None
        self._index_lock = threading.Lock()

    def read(self, backup_id: str) -> BackupRecord:
        """The backup's verified record. Raises `BackupCorrupted`, `BackupGone` once deleted or
        for a creation that left no backup, and `BackupNotFound` for an id never handed out."""
        # Reads run in a worker thread while the index is behind (see `is_current`): catch it up
        # here, so reads of backups and statuses go back to the event loop without waiting for a list.
        self.current_index()
        try:
            return self._store.read_record(backup_id)
        except BackupNotFound:
            raise self.missing(backup_id) from None

    def missing(self, backup_id: str) -> BackupNotFound:
        """The error for a backup the store does not hold: gone if it was here once."""
        reason = self._journal.gone_reason(backup_id)
        if reason is not None:
            return BackupGone(f"backup {backup_id} is gone: {reason}")
        return BackupNotFound(f"backup {backup_id} not found")

    def ended_creation(self, backup_id: str) -> Outcome | None:
        """How the creation of `backup_id` ended if it left no backup; None if none did."""
        return self._journal.outcome(backup_id) if backup_id_is_valid(backup_id) else None

    def ended_creation_status(self, backup_id: str, device_name: str) -> Status:
        """How the creation of `backup_id` ended if it left no backup (CANCELED or FAILED, with
        why). Raises `BackupGone` or `BackupNotFound` (see `missing`) if it did not end that way."""
        outcome = self.ended_creation(backup_id)
        if outcome is None:
            raise self.missing(backup_id)
        # A marker whose backup does not read (written by hand, damaged) still says how it ended.
        backup = outcome.backup or new_backup(backup_id, device_name)
        return Status(outcome.value, None, backup, outcome.detail)

    def knows(self, backup_id: str) -> bool:
        """Whether `backup_id` was handed out here: stored (corrupted or not), or its creation
        ended without a backup."""
        return self.ended_creation(backup_id) is not None or self.is_stored(backup_id)

    def is_stored(self, backup_id: str) -> bool:
        """Whether the store holds the backup (corrupted or not)."""
        try:
            self._store.read_record(backup_id)
        except BackupNotFound:
            return False
        except BackupCorrupted:
            return True
        return True

    def list(self) -> list[BackupRecord]:
        """The record of every committed backup whose record verifies, newest first (a list the
        caller must not change: it may be answered again)."""
        version = self._store.listing_version()  # before reading: a change meanwhile makes another
        listed = self._listed
        if version is not None and listed is not None and listed[0] == version:
            return listed[1]
        records = self._read_all()
        if version is not None:
            self._listed = (version, records)
        return records

    def page(self, before: str | None, limit: int) -> Page:
        """Up to `limit` backups older than the backup `before` (None: from the newest), newest
        first, as `list` orders them; and whether more follow. `before` need not exist any more:
        the order is by (timestamp, id), both of which the id holds."""
        index = self.current_index()
        if index is not None:
            return index.page(before, limit)
        records = self.list()
        if before is not None:
            key = list_order_key(before)
            records = [record for record in records if list_order_key(record.backup_id) < key]
        return records[:limit], len(records) > limit

    def is_current(self) -> bool:
        """Whether pages come from the index and nothing changed since it was brought up to date
        (so reading a page, or a record, costs no file read: callers answer it on the event loop)."""
        version = self._store.listing_version()
        return version is not None and self._index is not None and version == self._index_version

    def current_index(self) -> CatalogIndex | None:
        """The index, brought up to date with what changed in the store since it was last asked;
        None for a store that cannot tell what changed."""
        with self._index_lock:
            version = self._store.listing_version()  # before the changes: one made meanwhile is next
            if version is None:
                self._index = None
                return None
            if self._index is not None and version == self._index_version:
                return self._index
            changed = self._store.take_changes()
            if self._index is None or changed is None:
                self._index = CatalogIndex(self._read_all())
            else:
                for backup_id in changed:
                    self._reindex(self._index, backup_id)
            self._index_version = version
            return self._index

    def _reindex(self, index: CatalogIndex, backup_id: str) -> None:
        try:
            index.put(self._store.read_record(backup_id))
        except BackupNotFound:
            index.drop(backup_id)
        except BackupCorrupted as error:
            index.drop(backup_id)
            self._report_unlisted(backup_id, f"it is corrupted: {error.detail}")
        except OSError as error:
            index.drop(backup_id)
            self._report_unlisted(backup_id, f"its metadata cannot be read: {error}")

    def _read_all(self) -> builtins.list[BackupRecord]:
        records = []
        # A watched store knows its ids and records; any other lists its objects once, and what the
        # listing says of them tells which kept records still hold (no request per backup).
        listing = dict.fromkeys(self._store.list_ids()) if self._store.watched else self._store.listing()
        for backup_id, listed in listing.items():
            try:
                records.append(self._store.read_record(backup_id, listed))
            except BackupNotFound:  # deleted meanwhile
                continue
            except BackupCorrupted as error:
                self._report_unlisted(backup_id, f"it is corrupted: {error.detail}")
            except OSError as error:
                self._report_unlisted(backup_id, f"its metadata cannot be read: {error}")
        records.sort(key=lambda record: list_order_key(record.backup_id), reverse=True)
        return records

    def forget(self, backup_id: str) -> None:
        """The backup was deleted: report it again should its id ever be corrupted again."""
        with self._lock:
            self._reported.pop(backup_id, None)

    def _report_unlisted(self, backup_id: str, reason: str) -> None:
        with self._lock:
            if self._reported.get(backup_id) == reason:
                return
            self._reported[backup_id] = reason
        logger.warning("backup %s is left out of the list: %s", backup_id, reason)
