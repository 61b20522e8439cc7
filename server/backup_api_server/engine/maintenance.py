"""What keeps a backup service healthy when left running: verify, prune, and their schedules.

- `verify(id)`: check one backup without restoring it (`verification`); the result is kept.
- `prune(policy, dry_run)`: restic's `forget` (`retention.apply_policy`) over the stored backups.
  It never removes the newest backup, nor one being created or restored here (the engine refuses
  to delete those: it is reported kept, "being restored"). Several servers may prune one shared
  store at once: a backup another server removed first counts as removed (its delete is not an
  error), and since removing a backup the policy does not keep never makes it drop one it keeps
  (nor does a newer backup another server just made), each prune removes only backups the policy
  over the store as it ends up would remove too. A restore on another machine of a backup pruned
  meanwhile fails as for a deleted backup, its database untouched.
- `--backup-every` (`schedule.ScheduledBackups`) and `--verify-every` (the scrub: every backup,
  in a thread of low priority, each result logged) run on `periodic.Periodic`.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime

from ..errors import BackupCorrupted, BackupNotFound, BackupUnencrypted, EngineError, OperationConflict
from ..problems import BACKUP_CORRUPTED, BACKUP_KEY_MISMATCH, BACKUP_UNENCRYPTED
from .core import BackupEngine
from .identity import timestamp_of
from .periodic import Periodic
from .retention import KeptBackup, RetentionDecision, RetentionPolicy, apply_policy
from .schedule import ScheduledBackups, ScheduleRun
from .verification import VerificationResult, Verifications, failed_result, is_finding, verify_record

__all__ = ["Maintenance", "PruneReport", "Schedules", "ScrubRun", "created_at"]

logger = logging.getLogger("backup_api_server")

# Why an empty policy keeps every backup.
NO_POLICY = "no policy was given: nothing is removed"
# How many backups a prune or a scrub reads at once from the catalog: all of them.
_EVERY_BACKUP = 1 << 62


@dataclass(frozen=True)
class PruneReport:
    dry_run: bool
    kept: list[KeptBackup]
    removed: list[str]


@dataclass(frozen=True)
class ScrubRun:
    started: datetime
    finished: datetime
    results: list[VerificationResult] = field(default_factory=list)


@dataclass(frozen=True)
class Schedules:
    """What `serve` runs in the background: backups every `backup_every` seconds (then the `keep`
    policy, if any) and the verification of every backup every `verify_every` seconds."""

    backup_every: float | None = None
    keep: RetentionPolicy | None = None
    verify_every: float | None = None


class Maintenance:
    """Verification and retention over `engine`, and their schedules (started by `start`)."""

    def __init__(self, engine: BackupEngine, schedules: Schedules | None = None) -> None:
        schedules = schedules or Schedules()
        backup_every, keep, verify_every = schedules.backup_every, schedules.keep, schedules.verify_every
        self.engine = engine
        self.verifications = Verifications()
        self.keep = keep if keep is not None and not keep.empty else None
        self._stop = threading.Event()
        self.schedule: Periodic[ScheduleRun] | None = None
        self.scrub: Periodic[ScrubRun] | None = None
        if backup_every is not None:
            prune = None if self.keep is None else self._scheduled_prune
            self.schedule = Periodic("scheduled backups", backup_every, ScheduledBackups(engine, prune))
        if verify_every is not None:
            self.scrub = Periodic("verification", verify_every, self.verify_all, low_priority=True)

    def start(self) -> None:
        for periodic in (self.schedule, self.scrub):
            if periodic is not None:
                periodic.start()

    def stop(self) -> None:
        """Stop the schedules, interrupting a scrub between two reads, and wait for them."""
        self._stop.set()
        for periodic in (self.schedule, self.scrub):
            if periodic is not None:
                periodic.stop()

    # Verification

    def verify(self, backup_id: str) -> VerificationResult:
        """Verify the backup; the result is kept. Raises what a refused restore raises
        (`BackupCorrupted`, `BackupKeyMismatch`), `BackupNotFound`/`BackupGone`, or
        `OperationConflict` while it is being created."""
        self.engine.get_backup(backup_id)  # 404, 410, 409 while created: as the other operations
        started = time.perf_counter()
        try:
            record = self.engine.store.read_record(backup_id)  # verified (and cached) by the store
            result = verify_record(record, self.engine.workspace, self._stop)
        except EngineError as error:
            if is_finding(error):
                self.verifications.record(self._failure(backup_id, error, started))
            raise
        self.verifications.record(result)
        return result

    def verify_all(self) -> ScrubRun:
        """Verify every stored backup (each result logged and kept); what the scrub runs."""
        started = datetime.now(UTC)
        results = []
        for record in self.engine.page_backups(None, _EVERY_BACKUP)[0]:
            if self._stop.is_set():
                break
            result = self._verify_logged(record.backup_id)
            if result is not None:
                results.append(result)
        return ScrubRun(started, datetime.now(UTC), results)

    def _verify_logged(self, backup_id: str) -> VerificationResult | None:
        started = time.perf_counter()
        try:
            result = self.verify(backup_id)
        except BackupNotFound:  # deleted meanwhile
            return None
        except EngineError as error:
            if not is_finding(error):
                logger.warning("could not verify backup %s: %s", backup_id, error.detail)
                return None
            failure = self.verifications.latest(backup_id) or self._failure(backup_id, error, started)
            logger.error("backup %s is corrupted: %s", backup_id, error.detail)
            return failure
        logger.info(
            "backup %s verified: %d documents, %d bytes in %.2f s",
            backup_id,
            result.documents,
            result.bytes,
            result.seconds,
        )
        return result

    @staticmethod
    def _failure(backup_id: str, error: EngineError, started: float) -> VerificationResult:
        kind = (
            BACKUP_CORRUPTED
            if isinstance(error, BackupCorrupted)
            else BACKUP_UNENCRYPTED
            if isinstance(error, BackupUnencrypted)
            else BACKUP_KEY_MISMATCH
        )
        return failed_result(backup_id, error, kind, time.perf_counter() - started)

    # Retention

    def prune(self, policy: RetentionPolicy, *, dry_run: bool = False) -> PruneReport:
        """Apply `policy` to the stored backups (see the module docstring). A policy without any
        rule removes nothing (as `restic forget` without one: "no policy was specified")."""
        records = self.engine.page_backups(None, _EVERY_BACKUP)[0]
        if policy.empty:
            kept = [KeptBackup(record.backup_id, (NO_POLICY,)) for record in records]
            return PruneReport(dry_run, kept, [])
        backups = [(record.backup_id, created_at(record.backup_id)) for record in records]
        decision = apply_policy(backups, policy)
        if dry_run:
            return PruneReport(True, decision.kept, decision.removed)
        return self._carry_out(decision, newest=records[0].backup_id if records else None)

    def _carry_out(self, decision: RetentionDecision, newest: str | None) -> PruneReport:
        kept, removed = list(decision.kept), []
        for backup_id in decision.removed:
            if backup_id == newest:  # a policy with a rule always keeps it; never remove it anyway
                kept.append(KeptBackup(backup_id, ("newest backup",)))
                continue
            try:
                self.engine.delete_backup(backup_id)
            except BackupNotFound:  # removed meanwhile (another server pruning the same store)
                pass
            except OperationConflict as error:  # being created or restored here
                kept.append(KeptBackup(backup_id, (error.detail,)))
                continue
            self.verifications.forget(backup_id)
            removed.append(backup_id)
        return PruneReport(False, kept, removed)

    def _scheduled_prune(self) -> list[str]:
        assert self.keep is not None
        return self.prune(self.keep).removed


def created_at(backup_id: str) -> datetime:
    """When the backup was made: its id says, to the microsecond (the list's order too)."""
    return datetime.fromtimestamp(timestamp_of(backup_id) / 1_000_000, UTC)
