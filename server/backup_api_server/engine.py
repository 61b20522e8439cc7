"""The jobs engine: creates backups in the background and restores them atomically.

`BackupEngine` ties the asset database, the backup store and a small on-disk journal together:

- one engine (one process) at a time uses a data directory: it holds an exclusive lock on
  `<data_dir>/.lock` from before its start-up recovery until it is closed;
- a creation writes a marker `<data_dir>/jobs/<id>.creating` before it starts and removes it once
  the backup is committed to the store, so a creation a crash interrupted reads FAILED after a
  restart, never COMPLETED;
- creations run on a fixed pool of `MAX_CONCURRENT_CREATIONS` worker threads; at most
  `MAX_PENDING_CREATIONS` more wait their turn (INITIALIZED), and beyond that a creation is
  refused (`TooManyRequests`, with a retry-after) before anything is written or an id is used;
- a backup's metadata is verified whenever it is read (see `metadata`): a corrupted backup is
  left out of the list (with a warning on the `backup_api_server` logger) and answers
  `BackupCorrupted` everywhere else, except that it can be deleted;
- a restoration verifies the metadata, the archive's size and checksum, builds a new database
  beside the current one, checks its integrity, and swaps it in; until the swap starts,
  cancelling or failing leaves the current database exactly as it was.

Every step looks at the job's stop event and wraps errors with the step's name, e.g.
``restore: verify checksum: sha256 mismatch ...``; a full disk (ENOSPC, EDQUOT, SQLite's
SQLITE_FULL) in any step is `InsufficientStorage`. A job stops when it is cancelled (it ends
CANCELED) or when the engine closes (it ends FAILED: "interrupted: the server stopped", as it
would read after a crash).
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import math
import os
import socket
import sqlite3
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, ClassVar, NamedTuple, TypeVar

from pydantic import ValidationError

from backup_api_server_models import Backup, BackupId, BackupStatusEnum, GroupedTimestamp, PlatformEnum

from .contract import backup_id_is_valid
from .errors import (
    BackupCorrupted,
    BackupGone,
    BackupNotFound,
    DataDirectoryInUse,
    EngineError,
    InsufficientStorage,
    OperationCancelled,
    OperationConflict,
    TooManyRequests,
)
from .settings import (
    MAX_CONCURRENT_CREATIONS,
    MAX_PENDING_CREATIONS,
    RETRY_AFTER_MAX_SECONDS,
    RETRY_AFTER_MIN_SECONDS,
)
from .storage.archive import ARCHIVE_FORMAT, ArchiveReader, ArchiveWriter, encode_document
from .storage.assets import AssetDatabase, is_busy_error, is_disk_full_error
from .storage.metadata import BackupRecord, backup_json
from .storage.store import BackupStore, LocalDirectoryStore, fsync_directory, write_file_atomically

if sys.platform == "win32":
    import msvcrt
else:
    import fcntl

__all__ = [
    "BATCH_SIZE",
    "LOCK_FILE_NAME",
    "MAX_CONCURRENT_CREATIONS",
    "MAX_PENDING_CREATIONS",
    "BackupEngine",
    "RestorationHandle",
    "Status",
    "StatusValue",
    "StepHook",
]

BATCH_SIZE = 500
LOCK_FILE_NAME = ".lock"

logger = logging.getLogger("backup_api_server")

_Item = TypeVar("_Item")
StepHook = Callable[[str], None]
"""Called with a phase name between batches, when a cancellation is requested
("<kind>:cancel-requested") and when the engine starts closing ("engine:closing"); for tests."""

SHUTDOWN_DETAIL = "interrupted: the server stopped"


# The spec's enum under the name importers used before it was the generated one.
StatusValue = BackupStatusEnum

TERMINAL_STATUS_VALUES = frozenset(
    {BackupStatusEnum.COMPLETED, BackupStatusEnum.FAILED, BackupStatusEnum.CANCELED}
)


@dataclass(frozen=True)
class Status:
    """Where a creation or restoration stands: `percentage` is 0 to 100, None when unknown;
    `detail` says why it ended FAILED or what cancelled it (None otherwise, or if unknown)."""

    value: BackupStatusEnum
    percentage: float | None
    backup: Backup
    detail: str | None = None


class _Job:
    """One creation or restoration: its stop event and where it stands."""

    def __init__(self, backup_id: str, backup: Backup) -> None:
        self.backup_id = backup_id
        # Set to make the job stop at its next check; `request_stop` records why.
        self.stop = threading.Event()
        self._stopped_by_shutdown: bool | None = None
        self.finished = threading.Event()
        self.error: EngineError | None = None
        self.thread: threading.Thread | None = None  # a restoration's
        self.future: Future[None] | None = None  # a creation's, once queued for a worker
        self._claimed = False
        self._lock = threading.Lock()
        self._status = Status(BackupStatusEnum.INITIALIZED, 0.0, backup)

    @property
    def status(self) -> Status:
        with self._lock:
            return self._status

    @property
    def running(self) -> bool:
        return not self.finished.is_set()

    def request_stop(self, *, shutdown: bool) -> None:
        """Stop the job at its next check: cancelled, or (`shutdown`) cut off by the engine
        closing. The first request decides which."""
        with self._lock:
            if self._stopped_by_shutdown is None:
                self._stopped_by_shutdown = shutdown
        self.stop.set()

    @property
    def stopped_by_shutdown(self) -> bool:
        with self._lock:
            return self._stopped_by_shutdown is True

    def claim(self) -> bool:
        """Whether the caller is the first to take the queued job: the worker that runs it, or
        whoever ends it before it ran (a cancel, the engine closing, a failed start)."""
        with self._lock:
            first, self._claimed = not self._claimed, True
            return first

    def publish(
        self, value: BackupStatusEnum, percentage: float | None, backup: Backup | None = None
    ) -> None:
        detail = None
        if value in (BackupStatusEnum.FAILED, BackupStatusEnum.CANCELED) and self.error is not None:
            detail = self.error.detail
        with self._lock:
            backup = self._status.backup if backup is None else backup
            self._status = Status(value, percentage, backup, detail)
        if value in TERMINAL_STATUS_VALUES:
            self.finished.set()


class RestorationHandle:
    """A restoration running in the background: poll its status, wait for it, or cancel it."""

    def __init__(self, engine: BackupEngine, job: _Job) -> None:
        self._engine = engine
        self._job = job

    @property
    def backup_id(self) -> str:
        return self._job.backup_id

    def status(self) -> Status:
        """Where it stands now: INITIALIZED, then IN-PROGRESS with a non-decreasing percentage,
        then a terminal value (COMPLETED, FAILED or CANCELED)."""
        return self._job.status

    def wait(self, timeout: float | None = None) -> Backup:
        """The restored backup once done; raises what made the restoration fail.

        Raises `TimeoutError` if it is still running after `timeout` seconds.
        """
        status = self.final_status(timeout)
        if status.value is BackupStatusEnum.COMPLETED:
            return status.backup
        raise self._job.error or EngineError(f"restore: ended {status.value}")

    def final_status(self, timeout: float | None = None) -> Status:
        """The terminal status (COMPLETED, FAILED or CANCELED) once reached; never raises for a
        failed restoration. Raises `TimeoutError` if it is still running after `timeout` s."""
        if not self._job.finished.wait(timeout):
            raise TimeoutError(f"restoration of backup {self.backup_id} is still running")
        return self._job.status

    def failure_detail(self) -> str | None:
        """Why the restoration failed or what cancelled it; None while running or if completed."""
        error = self._job.error
        return None if error is None else error.detail

    def cancel(self) -> None:
        self._engine.cancel_restoration(self.backup_id)


class BackupEngine:
    """Backups of the asset database in `data_dir`, kept in `store` (default `<data_dir>/backups`).

    Thread-safe. Creations run on `MAX_CONCURRENT_CREATIONS` worker threads; up to
    `MAX_PENDING_CREATIONS` more wait INITIALIZED, and further ones are refused
    (`TooManyRequests`). One restoration runs at a time (in a thread of its own), never beside
    a creation.

    Only one engine at a time may use a data directory: opening one that another engine (in
    this process or another) holds raises `DataDirectoryInUse`, before anything is recovered.

    `step_hook` (tests only) is called with a phase name before each batch and step, and when a
    cancellation is requested; `time_ns` is the clock backup ids are made from.
    """

    def __init__(
        self,
        data_dir: Path,
        *,
        api_version: str,
        store: BackupStore | None = None,
        device_name: str | None = None,
        step_hook: StepHook | None = None,
        time_ns: Callable[[], int] = time.time_ns,
        batch_size: int = BATCH_SIZE,
    ) -> None:
        if not api_version or "_" in api_version:
            raise ValueError(f"api_version {api_version!r} cannot prefix backup ids")
        self.data_dir = Path(data_dir)
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.api_version = api_version
        self.device_name = device_name or socket.gethostname()
        self._step_hook = step_hook
        self._time_ns = time_ns
        self._batch_size = batch_size
        # Taken before any recovery: start-up recovery rewrites what a running engine depends on.
        self._directory_lock = _DirectoryLock(self.data_dir)
        try:
            self.database = _open_database(self.data_dir)
            try:
                self.store: BackupStore = store or LocalDirectoryStore(self.data_dir / "backups")
                # Only now, under the lock: the clean-up removes what looks like interrupted
                # writes, which another engine's writes in progress would look like too.
                self.store.recover()
                committed_ids = set(self.store.list_ids())
                self._journal = _CreationJournal(self.data_dir / "jobs")
                self._journal.recover(committed_ids)
            except BaseException:
                self.database.close()
                raise
        except BaseException:
            self._directory_lock.release()
            raise

        self._lock = threading.Lock()
        self._closed = False
        self._creations: dict[str, _Job] = {}
        # Creations not finished yet (running or waiting for a worker): at most
        # MAX_CONCURRENT_CREATIONS + MAX_PENDING_CREATIONS.
        self._unfinished_creations: list[_Job] = []
        self._workers = ThreadPoolExecutor(MAX_CONCURRENT_CREATIONS, thread_name_prefix="create ")
        # A moving average of how long a creation runs, for the retry-after of a refused one.
        self._creation_seconds: float | None = None
        self._restorations: dict[str, _Job] = {}
        self._active_restoration: _Job | None = None
        # The corrupted backups list_backups left out, with why: each is reported once.
        self._reported_corruptions: dict[str, str] = {}
        self._last_timestamp = max(
            (_timestamp_of(backup_id) for backup_id in committed_ids | self._journal.ids()),
            default=0,
        )

    # Creation

    def start_creation(self, assets: Sequence[dict[str, Any]] | None) -> str:
        """Start backing up `assets`, or a consistent snapshot of the whole database if None.

        Returns the new backup's id at once; follow it with `creation_status`. Raises
        `ValueError` for an asset that is not a JSON object with a string id,
        `OperationConflict` for a whole-database backup while a restoration runs,
        `TooManyRequests` when `MAX_PENDING_CREATIONS` creations already wait for a worker
        (nothing is written and no id is used), and `InsufficientStorage` when the disk is full.
        """
        texts = None if assets is None else [encode_document(asset) for asset in assets]
        with self._lock:
            self._ensure_open()
            restoration = self._active_restoration
            if assets is None and restoration is not None and restoration.running:
                raise OperationConflict(f"restoration of backup {restoration.backup_id} is in progress")
            self._refuse_beyond_bound()
            backup_id = self._next_backup_id()
            backup = new_backup(backup_id, self.device_name)
            job = _Job(backup_id, backup)
            self._creations[backup_id] = job
            self._unfinished_creations.append(job)
        try:
            with _step("create"):
                self._journal.record_started(backup_id, backup)
        except BaseException as error:
            with self._lock:
                self._creations.pop(backup_id, None)
                failure = error if isinstance(error, EngineError) else EngineError(f"create: {error!r}")
                job.error = failure
                job.publish(BackupStatusEnum.FAILED, job.status.percentage)  # wakes a waiting close()
            raise
        with self._lock:
            # Under the lock, so close() never sees a registered job that is neither queued nor
            # about to end. close() waits for every registered job before it stops the workers,
            # so they still take this one.
            try:
                job.future = self._workers.submit(self._run_creation, job, texts)
            except BaseException as error:
                # The pool could not start a worker. The job may still be queued inside it, and
                # a worker that exists could take it meanwhile: then it runs as usual.
                if job.claim():
                    self._creations.pop(backup_id, None)
                    failure = EngineError(f"create: could not start: {error or type(error).__name__}")
                    self._end_creation(job, failure, BackupStatusEnum.FAILED)
                    raise failure from error
        return backup_id

    def _refuse_beyond_bound(self) -> None:
        """Raise `TooManyRequests` if as many creations wait as may (called under the lock)."""
        self._unfinished_creations = [job for job in self._unfinished_creations if job.running]
        if len(self._unfinished_creations) < MAX_CONCURRENT_CREATIONS + MAX_PENDING_CREATIONS:
            return
        # Wait for about one creation's turn; unknown durations count as the minimum.
        per_creation = self._creation_seconds or 0.0
        waiting = len(self._unfinished_creations) - MAX_CONCURRENT_CREATIONS
        estimate = math.ceil(per_creation * (waiting + 1) / MAX_CONCURRENT_CREATIONS)
        retry_after = min(RETRY_AFTER_MAX_SECONDS, max(RETRY_AFTER_MIN_SECONDS, estimate))
        raise TooManyRequests(
            f"{MAX_PENDING_CREATIONS} creations are already waiting; retry in {retry_after} s.",
            retry_after=retry_after,
        )

    def creation_status(self, backup_id: str) -> Status:
        """Where the creation stands; COMPLETED 100 for any committed backup, also one made before
        a restart, and FAILED for one a crash interrupted. A completed one answers with the
        stored metadata, verified: `BackupCorrupted` once it no longer verifies. Raises
        `BackupNotFound`."""
        job = self._creations.get(backup_id)
        if job is not None and job.status.value is not BackupStatusEnum.COMPLETED:
            return job.status
        with contextlib.suppress(BackupNotFound):
            return Status(BackupStatusEnum.COMPLETED, 100.0, self.get_backup(backup_id))
        outcome = self._journal.outcome(backup_id)
        if outcome is None:
            raise self._missing(backup_id)
        # A marker whose backup does not read (written by hand, damaged) still says how it ended.
        backup = outcome.backup or new_backup(backup_id, self.device_name)
        return Status(outcome.value, None, backup, outcome.detail)

    def wait_for_creation(self, backup_id: str, timeout: float | None = None) -> Status:
        """The creation's final status once it has ended; `TimeoutError` after `timeout` s."""
        job = self._creations.get(backup_id)
        if job is None:
            return self.creation_status(backup_id)
        if not job.finished.wait(timeout):
            raise TimeoutError(f"creation of backup {backup_id} is still running")
        return job.status

    def cancel_creation(self, backup_id: str) -> None:
        """Cancel a creation and wait until it has removed everything it wrote; one still
        waiting for a worker ends CANCELED at once.

        Idempotent: cancelling a creation that already ended CANCELED (also before a restart)
        succeeds again and does nothing. Raises `OperationConflict` if no creation of that
        backup is in progress and it did not end cancelled (it completed, also before the
        cancellation took effect, or failed), `BackupNotFound` for an unknown id.
        """
        with self._lock:
            job = self._creations.get(backup_id)
            if job is None or not job.running:
                if self._creation_ended_canceled(backup_id, job):
                    return
                if job is None and not self._is_known(backup_id):
                    raise self._missing(backup_id)
                raise OperationConflict(f"no creation of backup {backup_id} is in progress")
            job.request_stop(shutdown=False)
            # Still queued: no worker will run it. (Not queued yet: its worker sees the stop.)
            dequeued = job.future is not None and job.claim()
            if dequeued and job.future is not None:
                job.future.cancel()
        if dequeued:
            self._end_creation(job, OperationCancelled("create: cancelled"), BackupStatusEnum.CANCELED)
        self._hook("create:cancel-requested")
        job.finished.wait()
        if job.status.value is not BackupStatusEnum.CANCELED:
            raise OperationConflict(
                f"creation of backup {backup_id} ended {job.status.value} before it could be cancelled"
            )

    def _creation_ended_canceled(self, backup_id: str, job: _Job | None) -> bool:
        if job is not None:
            return job.status.value is BackupStatusEnum.CANCELED
        outcome = self._journal.outcome(backup_id) if backup_id_is_valid(backup_id) else None
        return outcome is not None and outcome.value is BackupStatusEnum.CANCELED

    # Backups

    def get_backup(self, backup_id: str) -> Backup:
        """The backup, as its verified metadata record holds it.

        Raises `OperationConflict` while the backup is being created (it exists, but is not
        complete), `BackupCorrupted` if its metadata does not verify, `BackupGone` once deleted
        or for a creation that left no backup, and `BackupNotFound` for an id never handed out
        here.
        """
        creation = self._creations.get(backup_id)
        if creation is not None and creation.running:
            raise OperationConflict(
                f"creation of backup {backup_id} is in progress; follow it with its creation status"
            )
        return self._read_record(backup_id).backup

    def list_backups(self) -> list[Backup]:
        """Every committed backup whose metadata verifies, newest first.

        A corrupted backup (or one whose metadata cannot be read) is left out, never a reason
        to stop listing; each is reported once (again if the reason changes) with a warning on
        the `backup_api_server` logger that names it and says why.
        """
        backups = []
        for backup_id in self.store.list_ids():
            try:
                backups.append(self.store.read_record(backup_id).backup)
            except BackupNotFound:  # deleted meanwhile
                continue
            except BackupCorrupted as error:
                self._report_unlisted(backup_id, f"it is corrupted: {error.detail}")
            except OSError as error:
                self._report_unlisted(backup_id, f"its metadata cannot be read: {error}")
        backups.sort(key=lambda backup: (_timestamp_of(backup.id.root), backup.id.root), reverse=True)
        return backups

    def _report_unlisted(self, backup_id: str, reason: str) -> None:
        with self._lock:
            if self._reported_corruptions.get(backup_id) == reason:
                return
            self._reported_corruptions[backup_id] = reason
        logger.warning("backup %s is left out of the list: %s", backup_id, reason)

    def delete_backup(self, backup_id: str) -> None:
        """Remove a backup, remembering its id as deleted (later lookups raise `BackupGone`).

        A corrupted backup can be deleted too (its metadata is not read). Raises
        `OperationConflict` while it is being created or restored.
        """
        with self._lock:
            creation = self._creations.get(backup_id)
            if creation is not None and creation.running:
                raise OperationConflict(f"creation of backup {backup_id} is in progress")
            restoration = self._active_restoration
            if restoration is not None and restoration.running and restoration.backup_id == backup_id:
                raise OperationConflict(f"restoration of backup {backup_id} is in progress")
            try:
                self.store.delete(backup_id)
            except BackupNotFound:
                raise self._missing(backup_id) from None
            with contextlib.suppress(OSError):  # the backup is gone either way; only the 410 is lost
                self._journal.record_deleted(backup_id)
            self._creations.pop(backup_id, None)
            self._restorations.pop(backup_id, None)
            self._reported_corruptions.pop(backup_id, None)

    # Restoration

    def start_restoration(self, backup_id: str) -> RestorationHandle:
        """Start replacing the whole asset database with the backup's content, in the background.

        Raises `BackupNotFound`, `BackupCorrupted` (metadata that does not verify, an archive
        of another size than it says), or `OperationConflict` while a restoration or a creation
        runs (or waits for a worker).
        """
        with self._lock:
            self._ensure_open()
            restoration = self._active_restoration
            if restoration is not None and restoration.running:
                raise OperationConflict(f"restoration of backup {restoration.backup_id} is in progress")
            for creation in self._creations.values():
                if creation.running:
                    raise OperationConflict(f"creation of backup {creation.backup_id} is in progress")
            record = self._read_record(backup_id)
            job = _Job(backup_id, record.backup)
            self._restorations[backup_id] = job
            self._active_restoration = job
            # Under the lock, so close() never sees a registered job without its thread.
            job.thread = threading.Thread(
                target=self._run_restoration, args=(job, record), name=f"restore {backup_id}"
            )
            try:
                job.thread.start()
            except BaseException as error:
                job.thread = None
                self._active_restoration = None
                job.error = EngineError(f"restore: could not start: {error or type(error).__name__}")
                job.publish(BackupStatusEnum.FAILED, job.status.percentage)
                raise job.error from error
        return RestorationHandle(self, job)

    def restore(self, backup_id: str) -> Backup:
        """Restore synchronously (see `start_restoration`); returns the backup.

        Raises `BackupCorrupted` (database untouched), `OperationCancelled` (database exactly
        as before), `OperationConflict`, `BackupNotFound` or `EngineError`.
        """
        return self.start_restoration(backup_id).wait()

    def restoration_status(self, backup_id: str) -> Status:
        """The latest restoration of the backup since start-up; UNKNOWN if there was none (also
        while the backup is still being created). Raises `BackupNotFound`."""
        job = self._restorations.get(backup_id)
        if job is not None:
            return job.status
        creation = self._creations.get(backup_id)
        if creation is not None and creation.running:
            return Status(BackupStatusEnum.UNKNOWN, None, creation.status.backup)
        return Status(BackupStatusEnum.UNKNOWN, None, self.get_backup(backup_id))

    def cancel_restoration(self, backup_id: str) -> None:
        """Cancel the running restoration and wait until the original database is back.

        Idempotent: cancelling when the latest restoration of that backup (since start-up)
        already ended CANCELED succeeds again and does nothing. Raises `OperationConflict` if
        no restoration of that backup is in progress and the latest did not end cancelled
        (none ran, or it completed, also before the cancellation took effect, or failed),
        `BackupNotFound` for an unknown id.
        """
        with self._lock:
            job = self._restorations.get(backup_id)  # the latest restoration of this backup
            if job is None or not job.running:
                if job is not None and job.status.value is BackupStatusEnum.CANCELED:
                    return
                creation = self._creations.get(backup_id)
                creating = creation is not None and creation.running
                if backup_id not in self._restorations and not creating and not self._is_stored(backup_id):
                    raise self._missing(backup_id)
                raise OperationConflict(f"no restoration of backup {backup_id} is in progress")
            job.request_stop(shutdown=False)
        self._hook("restore:cancel-requested")
        job.finished.wait()
        if job.status.value is not BackupStatusEnum.CANCELED:
            raise OperationConflict(
                f"restoration of backup {backup_id} ended {job.status.value} before it could be cancelled"
            )

    # Assets and lifetime

    def list_assets(self) -> list[dict[str, Any]]:
        """The local database's asset documents, in insertion order."""
        return self.database.list_documents()

    def list_asset_texts(self) -> list[str]:
        """The local database's asset documents as stored JSON texts, in insertion order."""
        return self.database.list_document_texts()

    def close(self) -> None:
        """Stop running jobs, wait until every one has ended and cleaned up, close the database
        and release the data directory.

        A creation or restoration cut off this way ends FAILED ("interrupted: the server
        stopped"), as it reads after a crash, not CANCELED: nobody cancelled it. One that got
        past its last check (a creation committing, a restoration swapping) completes.
        """
        with self._lock:
            if self._closed:
                return
            self._closed = True
            jobs = [job for job in self._creations.values() if job.running]
            if self._active_restoration is not None and self._active_restoration.running:
                jobs.append(self._active_restoration)
            for job in jobs:
                job.request_stop(shutdown=True)
            # Creations still waiting for a worker end now; no worker will run them.
            queued = [job for job in jobs if job.future is not None and job.claim()]
            for job in queued:
                assert job.future is not None
                job.future.cancel()
        for job in queued:
            self._end_creation(job, _interrupted_by_shutdown("create"), BackupStatusEnum.FAILED)
        self._hook("engine:closing")
        for job in jobs:
            # Also a job still being queued: it is registered, so it ends.
            job.finished.wait()
            if job.thread is not None:
                job.thread.join()
        try:
            self._workers.shutdown(wait=True)
            self.database.close()
        finally:
            self._directory_lock.release()

    def __enter__(self) -> BackupEngine:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # Creation, on a worker thread

    def _run_creation(self, job: _Job, texts: list[str] | None) -> None:
        if not job.claim():
            return  # it ended while it waited (cancelled, the engine closing, a failed start)
        started = time.monotonic()
        try:
            self._create_and_publish(job, texts)
        finally:
            _fail_if_still_running(job, "create")
            seconds = time.monotonic() - started
            with self._lock:
                previous = self._creation_seconds
                self._creation_seconds = seconds if previous is None else 0.8 * previous + 0.2 * seconds

    def _create_and_publish(self, job: _Job, texts: list[str] | None) -> None:
        try:
            with _step("create"):
                _raise_if_cancelled(job.stop)
                backup = self._create(job, texts)
        except OperationCancelled as error:
            if job.stopped_by_shutdown:
                self._end_creation(job, _interrupted_by_shutdown("create"), BackupStatusEnum.FAILED)
            else:
                self._end_creation(job, error, BackupStatusEnum.CANCELED)
        except EngineError as error:
            self._end_creation(job, error, BackupStatusEnum.FAILED)
        else:
            # The backup is committed; a marker left by a failed removal is cleared at start-up.
            with contextlib.suppress(OSError):
                self._journal.record_completed(job.backup_id)
            job.publish(BackupStatusEnum.COMPLETED, 100.0, backup)

    def _create(self, job: _Job, texts: list[str] | None) -> Backup:
        backup = job.status.backup
        with contextlib.ExitStack() as resources:
            with _step("read assets"):
                if texts is None:
                    snapshot = resources.enter_context(self.database.snapshot())
                    total = snapshot.count
                    batches: Iterator[list[str]] = snapshot.batches(self._batch_size)
                else:
                    total = len(texts)
                    batches = _chunks(texts, self._batch_size)
            job.publish(BackupStatusEnum.IN_PROGRESS, _percentage(0, total))
            with _step("write backup"), self.store.write(job.backup_id) as pending:
                with ArchiveWriter(pending.archive) as archive:
                    for batch in self._between_checks(batches, "create:write", job.stop):
                        archive.write_lines(batch)
                        job.publish(
                            BackupStatusEnum.IN_PROGRESS,
                            _percentage(archive.document_count, total),
                            backup.model_copy(update={"bytes": archive.bytes_written}),
                        )
                pending.record = BackupRecord(
                    backup.model_copy(update={"bytes": archive.bytes_written}),
                    sha256=archive.sha256,
                    asset_count=archive.document_count,
                    format=ARCHIVE_FORMAT,
                )
                self._hook("create:commit")
                _raise_if_cancelled(job.stop)
        return pending.record.backup

    def _end_creation(self, job: _Job, error: EngineError, value: BackupStatusEnum) -> None:
        job.error = error
        try:
            self._journal.record_ended(job.backup_id, value, error.detail)
        except OSError as journal_error:
            job.error = EngineError(f"{error.detail}; journal: {journal_error}")
            value = BackupStatusEnum.FAILED
        job.publish(value, job.status.percentage)

    # Restoration, in its thread

    def _run_restoration(self, job: _Job, record: BackupRecord) -> None:
        try:
            self._restore_and_publish(job, record)
        finally:
            with self._lock:
                if self._active_restoration is job:
                    self._active_restoration = None
            _fail_if_still_running(job, "restore")

    def _restore_and_publish(self, job: _Job, record: BackupRecord) -> None:
        outcome = BackupStatusEnum.COMPLETED
        try:
            with _step("restore"):
                self._restore(job, record)
        except OperationCancelled as error:
            if job.stopped_by_shutdown:
                job.error, outcome = _interrupted_by_shutdown("restore"), BackupStatusEnum.FAILED
            else:
                job.error, outcome = error, BackupStatusEnum.CANCELED
        except EngineError as error:
            job.error, outcome = error, BackupStatusEnum.FAILED
        percentage = 100.0 if outcome is BackupStatusEnum.COMPLETED else job.status.percentage
        job.publish(outcome, percentage)

    def _restore(self, job: _Job, record: BackupRecord) -> None:
        backup_id = job.backup_id
        # `record` was verified when the restoration started.
        total = record.asset_count
        reader = ArchiveReader(
            lambda: self.store.open_archive(backup_id),
            expected_sha256=record.sha256,
            expected_count=total,
            expected_bytes=record.backup.bytes,
        )
        self._hook("restore:start")
        job.publish(BackupStatusEnum.IN_PROGRESS, 0.0)
        with _step("verify checksum"):
            self._hook("restore:verify")
            _raise_if_cancelled(job.stop)
            reader.verify(job.stop)
        with contextlib.ExitStack() as resources:
            with _step("create new database"):
                replacement = resources.enter_context(self.database.build_replacement())
            with _step("insert documents"):
                batches = resources.enter_context(contextlib.closing(reader.batches(self._batch_size)))
                inserted = 0
                for batch in self._between_checks(batches, "restore:insert", job.stop):
                    replacement.insert(batch)
                    inserted += len(batch)
                    job.publish(BackupStatusEnum.IN_PROGRESS, _percentage(inserted, total))
            with _step("check integrity"):
                self._hook("restore:check")
                _raise_if_cancelled(job.stop)
                replacement.finish(job.stop)
            with _step("swap databases"):
                self._hook("restore:swap")
                self.database.swap_in(replacement, job.stop)

    # Helpers

    def _between_checks(
        self, batches: Iterator[list[_Item]], phase: str, cancel: threading.Event
    ) -> Iterator[list[_Item]]:
        """The batches, each fetched only after the step hook ran and cancellation was checked."""
        while True:
            self._hook(phase)
            _raise_if_cancelled(cancel)
            batch = next(batches, None)
            if batch is None:
                return
            yield batch

    def _hook(self, phase: str) -> None:
        if self._step_hook is not None:
            self._step_hook(phase)

    def _ensure_open(self) -> None:
        if self._closed:
            raise EngineError("the engine is closed")

    def _read_record(self, backup_id: str) -> BackupRecord:
        try:
            return self.store.read_record(backup_id)
        except BackupNotFound:
            raise self._missing(backup_id) from None

    def _missing(self, backup_id: str) -> BackupNotFound:
        """The error for a backup the store does not hold: gone if it was here once."""
        reason = self._journal.gone_reason(backup_id)
        if reason is not None:
            return BackupGone(f"backup {backup_id} is gone: {reason}")
        return BackupNotFound(f"backup {backup_id} not found")

    def _is_stored(self, backup_id: str) -> bool:
        try:
            self.store.read_record(backup_id)
        except BackupNotFound:
            return False
        except BackupCorrupted:
            return True
        return True

    def _is_known(self, backup_id: str) -> bool:
        if backup_id in self._creations or self._journal.outcome(backup_id) is not None:
            return True
        return self._is_stored(backup_id)

    def _next_backup_id(self) -> str:
        # Two calls in the same microsecond (or after the clock went back) still get distinct,
        # increasing ids.
        timestamp = max(self._time_ns() // 1000, self._last_timestamp + 1)
        self._last_timestamp = timestamp
        return f"{self.api_version}_{timestamp}"


def _open_database(data_dir: Path) -> AssetDatabase:
    try:
        return AssetDatabase(data_dir)
    except sqlite3.OperationalError as error:
        if is_busy_error(error):
            raise DataDirectoryInUse(
                f"the asset database in {data_dir} is locked by another process: {error}"
            ) from error
        raise


class _DirectoryLock:
    """An exclusive lock on `<directory>/.lock`, held through one open file until `release()`.

    The operating system drops the lock when the process ends, so a crash never leaves the
    directory locked; the file itself stays (removing it would race with the next opener).
    """

    def __init__(self, directory: Path) -> None:
        descriptor = os.open(directory / LOCK_FILE_NAME, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            locked = _try_lock(descriptor)
        except BaseException:
            os.close(descriptor)
            raise
        if not locked:
            os.close(descriptor)
            raise DataDirectoryInUse(f"data directory {directory} is in use by another backup-api process")
        self._descriptor: int | None = descriptor

    def release(self) -> None:
        descriptor, self._descriptor = self._descriptor, None
        if descriptor is None:
            return
        try:
            _unlock(descriptor)
        finally:
            os.close(descriptor)


if sys.platform == "win32":

    def _try_lock(descriptor: int) -> bool:
        os.lseek(descriptor, 0, os.SEEK_SET)
        try:
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(descriptor: int) -> None:
        os.lseek(descriptor, 0, os.SEEK_SET)
        with contextlib.suppress(OSError):  # closing the file releases it as well
            msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)

else:

    def _try_lock(descriptor: int) -> bool:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(descriptor: int) -> None:
        fcntl.flock(descriptor, fcntl.LOCK_UN)


class _CreationJournal:
    """Markers of creations in `directory`: `<id>.creating` while one runs, then `<id>.failed`
    or `<id>.canceled` if it did not complete (a completed one leaves nothing), and an empty
    `<id>.deleted` once a backup is deleted, so its id answers "gone", not "never existed".

    A marker holds the backup's metadata as the creation started; an ended one is rewritten,
    best effort, as ``{"backup": ..., "detail": ...}`` to keep why it ended."""

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

    def _keep_detail(self, marker: Path, detail: str) -> None:
        """Rewrite an ended marker with why it ended. Best effort (the disk may be full): the
        outcome is recorded either way, only the detail may be lost."""
        with contextlib.suppress(OSError, ValueError):
            backup = json.loads(marker.read_bytes())
            write_file_atomically(marker, json.dumps({"backup": backup, "detail": detail}).encode())

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

    def outcome(self, backup_id: str) -> _Outcome | None:
        """How the creation ended, the backup as it started (if it reads), and why (if known)."""
        for suffix, value in self._OUTCOMES.items():
            try:
                stored = json.loads(self._path(backup_id, suffix).read_bytes())
            except (FileNotFoundError, ValueError):
                continue
            detail = None
            if isinstance(stored, dict) and set(stored) == {"backup", "detail"}:
                stored, detail = stored["backup"], stored["detail"]
            return _Outcome(value, _backup_or_none(stored), detail if isinstance(detail, str) else None)
        return None

    def _path(self, backup_id: str, suffix: str) -> Path:
        if not backup_id_is_valid(backup_id):
            raise BackupNotFound(f"backup {backup_id} not found")
        return self._directory / f"{backup_id}.{suffix}"


class _Outcome(NamedTuple):
    """How a creation that left no backup ended, as its journal marker says."""

    value: BackupStatusEnum
    backup: Backup | None
    detail: str | None


def _backup_or_none(stored: object) -> Backup | None:
    try:
        return Backup.model_validate(stored)
    except ValidationError:
        return None


@contextlib.contextmanager
def _step(name: str) -> Iterator[None]:
    """Name the step in any error raised inside it; non-engine errors become `EngineError`."""
    try:
        yield
    except EngineError as error:
        raise error.with_step(name) from error
    except Exception as error:
        kind = InsufficientStorage if _is_disk_full(error) else EngineError
        raise kind(f"{name}: {error or type(error).__name__}") from error


_DISK_FULL_ERRNOS = frozenset(
    code for code in (errno.ENOSPC, getattr(errno, "EDQUOT", None)) if code is not None
)


def _is_disk_full(error: BaseException) -> bool:
    """Whether `error`, or an error it was raised from or while handling, says the disk (or the
    user's quota) is full."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError) and current.errno in _DISK_FULL_ERRNOS:
            return True
        if isinstance(current, sqlite3.Error) and is_disk_full_error(current):
            return True
        current = current.__cause__ or current.__context__
    return False


def _fail_if_still_running(job: _Job, step: str) -> None:
    """Make sure waiters wake up even if the job's thread died of an unexpected exception."""
    if job.running:
        job.error = job.error or EngineError(f"{step}: interrupted")
        job.publish(BackupStatusEnum.FAILED, job.status.percentage)


def _interrupted_by_shutdown(step: str) -> EngineError:
    """The failure of a job the engine's closing stopped."""
    return EngineError(f"{step}: {SHUTDOWN_DETAIL}")


def _raise_if_cancelled(cancel: threading.Event) -> None:
    if cancel.is_set():
        raise OperationCancelled("cancelled")


def _chunks(texts: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(texts), size):
        yield texts[start : start + size]


def _percentage(done: int, total: int) -> float:
    """`done` of `total` in percent, never above 100 (whatever a wrong total says)."""
    return 100.0 if total <= 0 else min(100.0, round(100.0 * done / total, 2))


def _timestamp_of(backup_id: str) -> int:
    suffix = backup_id.rpartition("_")[2]
    return int(suffix) if suffix.isdigit() else 0


def new_backup(backup_id: str, device_name: str) -> Backup:
    """The `Backup` a creation of `backup_id` starts with (0 bytes so far), made on this machine."""
    version, _, timestamp = backup_id.rpartition("_")
    created = datetime(1970, 1, 1, tzinfo=UTC) + timedelta(microseconds=int(timestamp))
    return Backup(
        id=BackupId(backup_id),
        version=version,
        timestamp=timestamp,
        bytes=0,
        created=GroupedTimestamp(value=created, readable=readable(created)),
        device_name=device_name,
        platform=current_platform(),
    )


def readable(moment: datetime) -> str:
    """As the spec's examples render a time, e.g. '2025-11-27 14:28:03 UTC' (no locale involved)."""
    return f"{moment.astimezone(UTC):%Y-%m-%d %H:%M:%S} UTC"


# sys.platform (by its start) → the spec's platform; anything else is UNKNOWN.
_PLATFORMS = (
    ("linux", PlatformEnum.LINUX),
    ("darwin", PlatformEnum.MACOS),
    ("win32", PlatformEnum.WINDOWS),
    ("cygwin", PlatformEnum.WINDOWS),
    ("ios", PlatformEnum.IOS),
    ("android", PlatformEnum.ANDROID),
    ("emscripten", PlatformEnum.WEB),
    ("wasi", PlatformEnum.WEB),
    ("fuchsia", PlatformEnum.FUCHSIA),
)


def current_platform(platform: str = sys.platform) -> PlatformEnum:
    """This machine's `PlatformEnum` member (or that of `platform`, a `sys.platform` value)."""
    return next(
        (member for prefix, member in _PLATFORMS if platform.startswith(prefix)), PlatformEnum.UNKNOWN
    )
