"""The creation journal: what the engine must still know about a backup the store does not hold.

Markers in `<data_dir>/jobs`: `<id>.creating` while a creation runs (written before it starts,
removed once the backup is committed to the store), then `<id>.failed` or `<id>.canceled` if it
did not complete, and an empty `<id>.deleted` once a backup is deleted. So after a crash a
creation it interrupted reads FAILED, never COMPLETED, and an id once handed out answers "gone",
not "never existed".
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import ClassVar, NamedTuple

from pydantic import ValidationError

from backup_api_server_models import Backup, BackupStatusEnum

from ..contract import backup_id_is_valid
from ..errors import BackupNotFound
from ..storage.metadata import backup_json
from ..storage.store import fsync_directory, write_file_atomically
from .jobs import SHUTDOWN_DETAIL

__all__ = ["CreationJournal", "Outcome"]


class Outcome(NamedTuple):
    """How a creation that left no backup ended, as its marker says."""

    value: BackupStatusEnum
    # The backup as the creation started; None if the marker's does not read as a `Backup`.
    backup: Backup | None
    detail: str | None


class CreationJournal:
    """Markers of creations in `directory` (see the module's description).

    A marker holds the backup as the creation started (its wire JSON); an ended one is
    rewritten, best effort, as ``{"backup": ..., "detail": ...}`` to keep why it ended."""

    # The marker suffixes of creations that ended without a backup: ours, not the wire's.
    _OUTCOMES: ClassVar[dict[str, BackupStatusEnum]] = {
        "failed": BackupStatusEnum.FAILED,
        "canceled": BackupStatusEnum.CANCELED,
    }

    def __init__(self, directory: Path) -> None:
        self._directory = directory
        directory.mkdir(parents=True, exist_ok=True)

    def recover(self, committed_ids: set[str]) -> None:
        """Mark the creations a crash interrupted as failed, unless they had committed."""
        for leftover in self._directory.glob("*.tmp"):
            leftover.unlink(missing_ok=True)
        interrupted = []
        for marker in self._directory.glob("*.creating"):
            backup_id = marker.name.removesuffix(".creating")
            if backup_id in committed_ids:
                marker.unlink()
            else:
                marker.replace(self._path(backup_id, "failed"))
                interrupted.append(backup_id)
        fsync_directory(self._directory)
        for backup_id in interrupted:
            self._keep_detail(self._path(backup_id, "failed"), f"create: {SHUTDOWN_DETAIL}")

    def ids(self) -> set[str]:
        return {path.name.rpartition(".")[0] for path in self._directory.iterdir()}

    def record_started(self, backup_id: str, backup: Backup) -> None:
        write_file_atomically(self._path(backup_id, "creating"), json.dumps(backup_json(backup)).encode())

    def record_completed(self, backup_id: str) -> None:
        self._path(backup_id, "creating").unlink(missing_ok=True)

    def record_ended(self, backup_id: str, value: BackupStatusEnum, detail: str | None = None) -> None:
        suffix = next(name for name, outcome in self._OUTCOMES.items() if outcome is value)
        ended = self._path(backup_id, suffix)
        self._path(backup_id, "creating").replace(ended)
        fsync_directory(self._directory)
        if detail is not None:
            self._keep_detail(ended, detail)

    def record_deleted(self, backup_id: str) -> None:
        write_file_atomically(self._path(backup_id, "deleted"), b"")

    def gone_reason(self, backup_id: str) -> str | None:
        """Why a backup that was here once is not any more; None if it never was (as far as known)."""
        if not backup_id_is_valid(backup_id):
            return None
        if self._path(backup_id, "deleted").exists():
            return "it was deleted"
        outcome = self.outcome(backup_id)
        if outcome is not None:
            return f"its creation ended {outcome.value.value} and left no backup"
        return None

    def outcome(self, backup_id: str) -> Outcome | None:
        """How the creation ended, the backup as it started (if it reads), and why (if known)."""
        for suffix, value in self._OUTCOMES.items():
            try:
                stored = json.loads(self._path(backup_id, suffix).read_bytes())
            except (FileNotFoundError, ValueError):
                continue
            detail = None
            if isinstance(stored, dict) and set(stored) == {"backup", "detail"}:
                stored, detail = stored["backup"], stored["detail"]
            return Outcome(value, _backup_or_none(stored), detail if isinstance(detail, str) else None)
        return None

    def _keep_detail(self, marker: Path, detail: str) -> None:
        """Rewrite an ended marker with why it ended. Best effort (the disk may be full): the
        outcome is recorded either way, only the detail may be lost."""
        with contextlib.suppress(OSError, ValueError):
            backup = json.loads(marker.read_bytes())
            write_file_atomically(marker, json.dumps({"backup": backup, "detail": detail}).encode())

    def _path(self, backup_id: str, suffix: str) -> Path:
        if not backup_id_is_valid(backup_id):
            raise BackupNotFound(f"backup {backup_id} not found")
        return self._directory / f"{backup_id}.{suffix}"


def _backup_or_none(stored: object) -> Backup | None:
    try:
        return Backup.model_validate(stored)
    except ValidationError:
        return None
