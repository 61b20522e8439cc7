"""Verifying a backup without restoring it, and remembering what each verification found.

`verify_record` checks what a restoration checks before it writes anything, without touching the
database: the key (if encrypted), the stored archive's size and sha256, that it decrypts and
decompresses, that every line is an asset document, and that there are as many as the metadata
says (`ArchiveReader.check_contents`). Unlike a restoration it reads the archive once, hashing
while it decodes: nothing decoded is kept, so nothing needs the checksum before it. A remote
archive is streamed, not copied first (a restoration copies it because it reads it twice).

Failures are the restoration's: `BackupCorrupted`, `BackupKeyMismatch`, named after their step
(``verify: ...``). `Verifications` keeps the last result per backup, for the API and the CLI.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from ..errors import BackupCorrupted, BackupKeyMismatch, BackupUnencrypted, EngineError
from ..storage.metadata import BackupRecord
from .steps import Workspace, archive_reader, step

__all__ = ["VerificationResult", "Verifications", "failed_result", "is_finding", "verify_record"]


@dataclass(frozen=True)
class VerificationResult:
    """What one verification of a backup found: `problem` is None when it verified, else why not
    (`problem_type` names the kind: the problem type a refused restore has)."""

    backup_id: str
    verified_at: datetime
    seconds: float
    documents: int = 0
    bytes: int = 0
    problem: str | None = None
    problem_type: str | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None


def verify_record(record: BackupRecord, workspace: Workspace, cancel: threading.Event) -> VerificationResult:
    """Verify the backup `record` describes (see the module docstring). Raises `BackupCorrupted`,
    `BackupKeyMismatch`, `OperationCancelled`, `BackupNotFound` (deleted meanwhile) or
    `EngineError` (the store could not be read)."""
    started = time.perf_counter()
    verified_at = datetime.now(UTC)
    reader = archive_reader(record, workspace)
    with step("verify"):
        documents, stored_bytes = reader.check_contents(cancel)
    return VerificationResult(
        record.backup_id, verified_at, time.perf_counter() - started, documents, stored_bytes
    )


def failed_result(
    backup_id: str, error: EngineError, problem_type: str, seconds: float
) -> VerificationResult:
    """The result of a verification that found `error`."""
    return VerificationResult(
        backup_id, datetime.now(UTC), seconds, problem=error.detail, problem_type=problem_type
    )


def is_finding(error: EngineError) -> bool:
    """Whether `error` is something verification found about the backup (as opposed to a failure
    to look: the store unreachable, the server stopping)."""
    return isinstance(error, BackupCorrupted | BackupKeyMismatch | BackupUnencrypted)


class Verifications:
    """The last verification result of each backup, thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._latest: dict[str, VerificationResult] = {}

    def record(self, result: VerificationResult) -> None:
        with self._lock:
            self._latest[result.backup_id] = result

    def latest(self, backup_id: str) -> VerificationResult | None:
        with self._lock:
            return self._latest.get(backup_id)

    def forget(self, backup_id: str) -> None:
        with self._lock:
            self._latest.pop(backup_id, None)
