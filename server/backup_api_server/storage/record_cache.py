"""Verified metadata records kept in memory, by backup id, with what they were verified against.

A committed record never changes, so a record verified once can be answered again as long as what
it was read from is still the same: each store says what "the same" means (`version`: the local
store drops an entry when its files change, the S3 store keys it on the metadata object's ETag and
the archive's size). Bounded (`settings.RECORD_CACHE_ENTRIES`, the oldest entry goes first) and
thread-safe.
"""

from __future__ import annotations

import threading
from collections.abc import Hashable

from ..settings import RECORD_CACHE_ENTRIES
from .metadata import BackupRecord

__all__ = ["RecordCache"]


class RecordCache:
    def __init__(self, max_entries: int = RECORD_CACHE_ENTRIES) -> None:
        self._max_entries = max_entries
        self._entries: dict[str, tuple[Hashable, BackupRecord]] = {}
        self._lock = threading.Lock()

    def get(self, backup_id: str, version: Hashable = None) -> BackupRecord | None:
        """The record verified for `backup_id` at `version`; None if there is none."""
        entry = self._entries.get(backup_id)
        if entry is None or entry[0] != version:
            return None
        return entry[1]

    def put(self, backup_id: str, record: BackupRecord, version: Hashable = None) -> None:
        with self._lock:
            self._entries.pop(backup_id, None)
            while len(self._entries) >= self._max_entries:
                del self._entries[next(iter(self._entries))]
            self._entries[backup_id] = (version, record)

    def drop(self, backup_id: str) -> None:
        with self._lock:
            self._entries.pop(backup_id, None)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)
