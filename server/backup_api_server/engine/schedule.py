"""Scheduled backups: back up the whole database when it changed since the last backup, then prune.

Whether it changed is decided by a fingerprint of the content itself: the sha256 of every
document's text in insertion order, read in one snapshot, which is exactly what a whole-database
backup holds. SQLite's own counters were not enough: `PRAGMA data_version` is per connection (it
does not move for the connection's own commits, and a restore swaps the file under any connection
watching it); the header's change counter (offset 24) is not updated by commits in WAL mode until
a checkpoint; a counter of the server's own writes misses the snippet service writing the same
file. The fingerprint sees every writer, restores and restarts alike, at the cost of reading the
database once per tick (~0.1 s for 100,000 documents of 1 KB), which an interval of minutes or
hours affords.

The fingerprint is taken just before the backup, so a write between the two is in the backup but
not in the fingerprint: the next tick then backs up again (one backup too many, never one missed).
The fingerprint of the last backup is kept in `<data_dir>/schedule.json`, so a restart does not
make a backup of an unchanged database.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from backup_api_server_models import BackupStatusEnum

from ..errors import EngineError
from ..storage.store import write_file_atomically
from .core import BackupEngine

__all__ = ["STATE_FILE_NAME", "ScheduleRun", "ScheduledBackups", "database_fingerprint"]

logger = logging.getLogger("backup_api_server")

STATE_FILE_NAME = "schedule.json"
FINGERPRINT_BATCH = 2000


def database_fingerprint(engine: BackupEngine) -> str:
    """The sha256 of every document of the asset database in insertion order, in one snapshot."""
    digest = hashlib.sha256()
    with engine.database.snapshot() as snapshot:
        for batch in snapshot.batches(FINGERPRINT_BATCH):
            for text in batch:
                digest.update(text.encode())
                digest.update(b"\n")
    return digest.hexdigest()


@dataclass(frozen=True)
class ScheduleRun:
    """One scheduled run: BACKED_UP (with the backup made and what the policy removed), UNCHANGED
    (the database did not change since the last backup), SKIPPED (a restoration ran) or FAILED."""

    started: datetime
    finished: datetime
    outcome: str
    backup_id: str | None = None
    removed: list[str] = field(default_factory=list)
    detail: str | None = None


class ScheduledBackups:
    """The task a `Periodic` runs: see the module docstring. `prune()` applies the retention policy
    (None: no policy, keep every backup) and returns the ids it removed."""

    def __init__(self, engine: BackupEngine, prune: Callable[[], list[str]] | None) -> None:
        self._engine = engine
        self._prune = prune
        self._state_file = engine.data_dir / STATE_FILE_NAME
        self._last_fingerprint = _read_fingerprint(self._state_file)

    def __call__(self) -> ScheduleRun:
        started = datetime.now(UTC)
        try:
            return self._run(started)
        except EngineError as error:
            logger.warning("scheduled backup failed: %s", error.detail)
            return ScheduleRun(started, datetime.now(UTC), "FAILED", detail=error.detail)

    def _run(self, started: datetime) -> ScheduleRun:
        if self._engine.restoring() is not None:
            return ScheduleRun(started, datetime.now(UTC), "SKIPPED", detail="a restoration is in progress")
        fingerprint = database_fingerprint(self._engine)
        if fingerprint == self._last_fingerprint:
            return ScheduleRun(started, datetime.now(UTC), "UNCHANGED")
        backup_id = self._engine.start_creation(None)
        status = self._engine.wait_for_creation(backup_id)
        if status.value is not BackupStatusEnum.COMPLETED:
            detail = f"backup {backup_id} ended {status.value.value}: {status.detail or 'no detail'}"
            logger.warning("scheduled backup failed: %s", detail)
            return ScheduleRun(started, datetime.now(UTC), "FAILED", backup_id, detail=detail)
        self._remember(fingerprint)
        removed = self._prune() if self._prune is not None else []
        logger.info("scheduled backup %s made; the policy removed %d backup(s)", backup_id, len(removed))
        return ScheduleRun(started, datetime.now(UTC), "BACKED_UP", backup_id, removed)

    def _remember(self, fingerprint: str) -> None:
        self._last_fingerprint = fingerprint
        try:
            write_file_atomically(self._state_file, json.dumps({"fingerprint": fingerprint}).encode())
        except OSError as error:  # the next restart backs up once more; nothing else is lost
            logger.warning("could not keep the scheduled backups' state in %s: %s", self._state_file, error)


def _read_fingerprint(path: Path) -> str | None:
    with contextlib.suppress(OSError, ValueError, TypeError, AttributeError):
        value = json.loads(path.read_text()).get("fingerprint")
        return value if isinstance(value, str) else None
    return None
