"""The catalogue's index: every listed backup's id and answer, in list order, kept current by
changes rather than rebuilt (`CatalogIndex`).

With many backups (100,000), reading and sorting every record whenever the store changed made
each `GET /backups` after a creation take seconds on the event loop. The index holds, per backup,
only what a page answers (its id and the JSON its record rendered once: a few hundred bytes, so
100,000 backups cost tens of MiB where their records would cost hundreds), ordered by
`list_order_key`; a page is a bisection and a slice, a change one insertion or removal.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import NamedTuple

from ..storage.metadata import BackupRecord
from .identity import timestamp_of

__all__ = ["CatalogIndex", "ListedBackup", "Page", "list_order_key"]


def list_order_key(backup_id: str) -> tuple[int, str]:
    """What the list orders backups by, newest (greatest) first: the time the id was made at,
    then the id itself. It needs only the id, so it also places an id deleted meanwhile."""
    return timestamp_of(backup_id), backup_id


class ListedBackup(NamedTuple):
    """A backup as a page lists it."""

    backup_id: str
    # The backup as answered (`BackupRecord.wire_json`).
    wire_json: bytes


# A page of the list: its backups (from the index, or records where a store keeps no index) and
# whether more follow.
Page = tuple[list[ListedBackup] | list[BackupRecord], bool]


class CatalogIndex:
    """The listed backups in list order. Not thread-safe: the catalog holds its lock around it."""

    def __init__(self, records: Iterable[BackupRecord] = ()) -> None:
        self._entries = {
            record.backup_id: ListedBackup(record.backup_id, record.wire_json) for record in records
        }
        # Oldest first, so a new backup (the newest) is appended, not inserted.
        self._keys = sorted(map(list_order_key, self._entries))

    def __len__(self) -> int:
        return len(self._entries)

    def put(self, record: BackupRecord) -> None:
        backup_id = record.backup_id
        if backup_id not in self._entries:
            bisect.insort(self._keys, list_order_key(backup_id))
        self._entries[backup_id] = ListedBackup(backup_id, record.wire_json)

    def drop(self, backup_id: str) -> None:
        if self._entries.pop(backup_id, None) is not None:
            key = list_order_key(backup_id)
            del self._keys[bisect.bisect_left(self._keys, key)]

    def page(self, before: str | None, limit: int) -> tuple[list[ListedBackup], bool]:
        """Up to `limit` backups older than `before` (None: from the newest), newest first, and
        whether more follow."""
        end = len(self._keys) if before is None else bisect.bisect_left(self._keys, list_order_key(before))
        start = max(0, end - limit)
        keys = self._keys[start:end]
        keys.reverse()
        return [self._entries[backup_id] for _, backup_id in keys], start > 0
