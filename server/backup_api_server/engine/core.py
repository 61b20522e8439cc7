"""`BackupEngine`: the one object the HTTP layer talks to; it decides what may run, and when.

It keeps the jobs (creations and restorations) under one lock, refuses what would race (a
restoration beside a creation, a second restoration: the rules are `exclusion`'s), and hands the
work to the flows in `creation` and `restoration`. Everything it answers is typed by the
generated models.
"""

from __future__ import annotations

import contextlib
import dataclasses
import socket
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from backup_api_server_models import Backup, BackupStatusEnum

from ..errors import BackupNotFound, EngineError, OperationCancelled, OperationConflict
from ..storage.encryption import EncryptionKey
from ..storage.spool import DocumentSpool
from ..storage.store import BackupStore
from .catalog_index import Page
from .creation import end_creation, queue_creation, record_start, spool_documents
from .exclusion import refuse_beside_restoration, refuse_deletion_while_in_use, refuse_restoration_beside_jobs
from .identity import new_backup
from .jobs import (
    Creations,
    Job,
    RestorationHandle,
    Restorations,
    Status,
    interrupted_by_shutdown,
    stop_for_shutdown,
    wait_until_ended,
)
from .restoration import launch_restoration
from .startup import open_data_directory
from .steps import StepHook, Workspace

__all__ = ["BATCH_SIZE", "BackupEngine"]

BATCH_SIZE = 500


class BackupEngine:
    """Backups of the asset database in `data_dir`, kept in `store` (default `<data_dir>/backups`).

    Thread-safe. Creations run on `MAX_CONCURRENT_CREATIONS` worker threads; up to
    `MAX_PENDING_CREATIONS` more wait INITIALIZED, and further ones are refused (`TooManyRequests`).
    One restoration runs at a time (in a thread of its own), never beside a creation.

    Only one engine at a time may use a data directory: opening one that another engine (in this
    process or another) holds raises `DataDirectoryInUse`, before anything is recovered.

    With `encryption_key`, every archive it creates is encrypted with it (`storage.encryption`);
    restoring an encrypted backup needs the key that made it (`BackupKeyMismatch` otherwise),
    and backups not encrypted restore with or without a key.

    `step_hook` (tests only) is called with a phase name before each batch and step, and when a
    cancellation is requested; `time_ns` is the clock backup ids are made from.
    """

    def __init__(
        self,
        data_dir: Path,
        *,
        api_version: str,
        store: BackupStore | None = None,
        encryption_key: EncryptionKey | None = None,
        device_name: str | None = None,
        step_hook: StepHook | None = None,
        time_ns: Callable[[], int] = time.time_ns,
        batch_size: int = BATCH_SIZE,
    ) -> None:
        self.api_version = api_version
        self.data_dir = Path(data_dir)
        self.device_name = device_name or socket.gethostname()
        self._hook: StepHook = step_hook or (lambda phase: None)
        opened = open_data_directory(
            self.data_dir,
            api_version=api_version,
            store=store,
            encryption_key=encryption_key,
            hook=self._hook,
            time_ns=time_ns,
            batch_size=batch_size,
        )
        self._directory_lock = opened.directory_lock
        self.database = opened.database
        self.store: BackupStore = opened.store
        self._spool_directory = opened.spool_directory
        self._ids = opened.ids
        self._journal = opened.journal
        self._workspace = opened.workspace
        self._catalog = opened.catalog
        self._lock = threading.Lock()
        self._closed = False
        self._creations = Creations()
        self._restorations = Restorations()

    # Creation

    def start_creation(self, assets: Sequence[dict[str, Any]] | None) -> str:
        """Start backing up `assets`, or a consistent snapshot of the whole database if None.

        Returns the new backup's id at once; follow it with `creation_status`. Raises
        `ValueError` for an asset that is not a JSON object with a string id,
        `OperationConflict` for a whole-database backup while a restoration runs,
        `TooManyRequests` when `MAX_PENDING_CREATIONS` creations already wait for a worker
        (nothing is written and no id is used), and `InsufficientStorage` when the disk is full.
        """
        if assets is not None:
            with self._lock:  # refuse before spooling, not after (it is checked again when registered)
                self._ensure_open()
                self._creations.refuse_when_full()
        spool = None if assets is None else spool_documents(self._spool_directory, assets)
        try:
            job = self._register_creation(whole_database=assets is None)
            try:
                record_start(job, self._journal)
            except BaseException:
                with self._lock:
                    self._creations.forget(job.backup_id)
                raise
            self._queue_creation(job, spool)
        except BaseException:
            if spool is not None:
                spool.discard()
            raise
        return job.backup_id

    def _register_creation(self, *, whole_database: bool) -> Job:
        with self._lock:
            self._ensure_open()
            if whole_database:
                refuse_beside_restoration(self._restorations)
            self._creations.refuse_when_full()
            backup_id = self._ids.next()
            job = Job(backup_id, new_backup(backup_id, self.device_name))
            self._creations.add(job)
            return job

    def _queue_creation(self, job: Job, spool: DocumentSpool | None) -> None:
        with self._lock:
            # Under the lock, so close() never sees a registered job that is neither queued nor
            # about to end. close() waits for every registered job before it stops the workers,
            # so they still take this one.
            queue_creation(job, spool, self._workspace, self._journal, self._creations)

    def creation_status(self, backup_id: str) -> Status:
        """Where the creation stands; COMPLETED 100 for any committed backup, also one made before
        a restart, and FAILED for one a crash interrupted. A completed one answers with the
        stored backup, verified: `BackupCorrupted` once it no longer verifies. Raises
        `BackupNotFound`."""
        job = self._creations.get(backup_id)
        if job is not None and job.status.value is not BackupStatusEnum.COMPLETED:
            return job.status
        with contextlib.suppress(BackupNotFound):
            return Status(BackupStatusEnum.COMPLETED, 100.0, self.get_backup(backup_id))
        return self._catalog.ended_creation_status(backup_id, self.device_name)

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
                if job is None and not self._catalog.knows(backup_id):
                    raise self._catalog.missing(backup_id)
                raise OperationConflict(f"no creation of backup {backup_id} is in progress")
            job.request_stop(shutdown=False)
            # Still queued: no worker will run it. (Not queued yet: its worker sees the stop.)
            dequeued = self._creations.take_back(job)
        if dequeued:
            end_creation(
                job, OperationCancelled("create: canceled"), BackupStatusEnum.CANCELED, self._journal
            )
        self._hook("create:cancel-requested")
        self._wait_until_canceled(job, "creation")

    def _creation_ended_canceled(self, backup_id: str, job: Job | None) -> bool:
        if job is not None:
            return job.status.value is BackupStatusEnum.CANCELED
        outcome = self._catalog.ended_creation(backup_id)
        return outcome is not None and outcome.value is BackupStatusEnum.CANCELED

    # Backups

    def get_backup(self, backup_id: str) -> Backup:
        """The backup, as its verified metadata record holds it.

        Raises `OperationConflict` while the backup is being created (it exists, but is not
        complete), `BackupCorrupted` if its metadata does not verify, `BackupGone` once deleted
        or for a creation that left no backup, and `BackupNotFound` for an id never handed out
        here.
        """
        if self._creations.running(backup_id) is not None:
            raise OperationConflict(
                f"creation of backup {backup_id} is in progress; follow it with its creation status"
            )
        return self._catalog.read(backup_id).backup

    def list_backups(self) -> list[Backup]:
        """Every committed backup whose metadata verifies, newest first.

        A corrupted backup (or one whose metadata cannot be read) is left out, never a reason
        to stop listing; each is reported once (again if the reason changes) with a warning on
        the `backup_api_server` logger that names it and says why.
        """
        return [record.backup for record in self._catalog.list()]

    def delete_backup(self, backup_id: str) -> None:
        """Remove a backup, remembering its id as deleted (later lookups raise `BackupGone`).

        A corrupted backup can be deleted too (its metadata is not read). Raises
        `OperationConflict` while it is being created or restored.
        """
        with self._lock:
            refuse_deletion_while_in_use(backup_id, self._creations, self._restorations)
            try:
                self.store.delete(backup_id)
            except BackupNotFound:
                raise self._catalog.missing(backup_id) from None
            with contextlib.suppress(OSError):  # the backup is gone either way; only the 410 is lost
                self._journal.record_deleted(backup_id)
            self._creations.forget(backup_id)
            self._restorations.forget(backup_id)
            self._catalog.forget(backup_id)

    # Restoration

    def start_restoration(self, backup_id: str) -> RestorationHandle:
        """Start replacing the whole asset database with the backup's content, in the background.

        Raises `BackupNotFound`, `BackupCorrupted` (metadata that does not verify, an archive
        of another size than it says), or `OperationConflict` while a restoration or a creation
        runs (or waits for a worker).
        """
        with self._lock:
            self._ensure_open()
            refuse_restoration_beside_jobs(self._creations, self._restorations)
            record = self._catalog.read(backup_id)
            # Under the lock, so close() never sees a registered job without its thread.
            job = launch_restoration(
                backup_id, record, self._workspace, self._restorations, self._restoration_ended
            )
        return RestorationHandle(job, self.cancel_restoration)

    def restore(self, backup_id: str) -> Backup:
        """Restore synchronously (see `start_restoration`); returns the backup.

        Raises `BackupCorrupted` or `BackupKeyMismatch` (database untouched),
        `OperationCancelled` (database exactly as before), `OperationConflict`, `BackupNotFound`
        or `EngineError`.
        """
        return self.start_restoration(backup_id).wait()

    def restoration_status(self, backup_id: str) -> Status:
        """The latest restoration of the backup since start-up; UNKNOWN if there was none (also
        while the backup is still being created). Raises `BackupNotFound`."""
        job = self._restorations.latest(backup_id)
        if job is not None:
            return job.status
        creation = self._creations.running(backup_id)
        if creation is not None:
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
            job = self._restorations.latest(backup_id)
            if job is None or not job.running:
                if job is not None and job.status.value is BackupStatusEnum.CANCELED:
                    return
                known = job is not None or self._creations.running(backup_id) is not None
                if not known and not self._catalog.is_stored(backup_id):
                    raise self._catalog.missing(backup_id)
                raise OperationConflict(f"no restoration of backup {backup_id} is in progress")
            job.request_stop(shutdown=False)
        self._hook("restore:cancel-requested")
        self._wait_until_canceled(job, "restoration")

    def restoring(self) -> str | None:
        """The id of the backup being restored now, if any."""
        return None if (job := self._restorations.running()) is None else job.backup_id

    @property
    def workspace(self) -> Workspace:
        """What the flows work on: the database, the store, the key (for verification too)."""
        return self._workspace

    def _restoration_ended(self, job: Job) -> None:
        with self._lock:
            self._restorations.stopped(job)

    # Assets and lifetime

    def list_assets(self) -> list[dict[str, Any]]:
        """The local database's asset documents, in insertion order."""
        return self.database.list_documents()

    def list_asset_texts(self) -> list[str]:
        """The local database's asset documents as stored JSON texts, in insertion order."""
        return self.database.list_document_texts()

    def page_asset_texts(self, after: int, limit: int) -> tuple[list[tuple[int, str]], bool]:
        """Up to `limit` stored JSON texts after position `after` (0: from the first), each with its
        position, in insertion order; and whether more follow."""
        return self.database.page_document_texts(after, limit)

    def page_backups(self, before: str | None, limit: int) -> Page:
        """The records of up to `limit` backups older than the backup `before` (None: from the
        newest), newest first, as `list_backups` orders them; and whether more follow. `before`
        need not exist any more: the order is by (timestamp, id), both of which the id holds."""
        return self._catalog.page(before, limit)

    def limit_documents(self, bound: int) -> None:
        """Restorations take no archive document over `bound` bytes (the request bodies' bound)."""
        self._workspace = dataclasses.replace(self._workspace, max_document_bytes=bound)

    @property
    def answers_from_memory(self) -> bool:
        """Whether reading backups (`page_backups`, `get_backup`, statuses) is answered from memory,
        or nearly: the store keeps its verified records and sees changes without asking (the local
        store), and nothing changed since the catalogue's index was updated (after a change, disk
        reads may be needed: in a worker thread). Else (an object store) reads make requests."""
        return self.store.watched and self._catalog.is_current()

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
            jobs, queued = stop_for_shutdown(self._creations, self._restorations)
        for job in queued:
            end_creation(job, interrupted_by_shutdown("create"), BackupStatusEnum.FAILED, self._journal)
        self._hook("engine:closing")
        wait_until_ended(jobs)
        try:
            self._creations.shutdown()
            self.database.close()
        finally:
            self.store.close()
            self._directory_lock.release()

    def __enter__(self) -> BackupEngine:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _wait_until_canceled(self, job: Job, kind: str) -> None:
        job.finished.wait()
        if job.status.value is not BackupStatusEnum.CANCELED:
            raise OperationConflict(
                f"{kind} of backup {job.backup_id} ended {job.status.value} before it could be canceled"
            )

    def _ensure_open(self) -> None:
        if self._closed:
            raise EngineError("the engine is closed")
