"""A creation, on a worker thread: plan what to read, then write the archive and commit its record.

- plan: the documents sent (spooled to disk while the creation waited), or a snapshot of the
  whole database (one read transaction, so writes meanwhile are not in it), and how many there are;
- do: stream them into the archive in batches (compressed, and encrypted when the engine has a
  key), publishing progress and the bytes written so far,
  looking at the job's stop event before each batch and once more before the commit; then the
  store commits the record (written last: a backup is listed only once it is complete);
- end: the journal's marker is removed (COMPLETED) or says how it ended (CANCELED, or FAILED and
  why). A creation the engine's closing stops ends FAILED, as it would read after a crash.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from backup_api_server_models import Backup, BackupStatusEnum

from ..errors import EngineError, OperationCancelled
from ..storage.archive import ArchiveWriter, encode_document
from ..storage.metadata import BackupRecord
from ..storage.spool import DocumentSpool
from .jobs import Creations, Job, fail_if_still_running, interrupted_by_shutdown
from .journal import CreationJournal
from .steps import Workspace, as_engine_error, percentage, raise_if_cancelled, step

__all__ = ["end_creation", "queue_creation", "record_start", "run_creation", "spool_documents"]


def spool_documents(directory: Path, assets: Iterable[dict[str, Any]]) -> DocumentSpool:
    """The documents sent, on disk in `directory` until a worker takes their creation (see
    `storage.spool`)."""
    try:
        return DocumentSpool.write(directory, (encode_document(asset) for asset in assets))
    except OSError as error:
        raise as_engine_error("create: spool the documents sent", error) from error


def record_start(job: Job, journal: CreationJournal) -> None:
    """Write the creation's journal marker, before it is queued. If that fails the job ends
    FAILED (waking a `close()` that waits for it) and the error is raised, named `create:`."""
    try:
        with step("create"):
            journal.record_started(job.backup_id, job.status.backup)
    except BaseException as error:
        job.error = error if isinstance(error, EngineError) else EngineError(f"create: {error!r}")
        job.publish(BackupStatusEnum.FAILED, job.status.percentage)
        raise


def run_creation(
    job: Job,
    spool: DocumentSpool | None,
    workspace: Workspace,
    journal: CreationJournal,
    creations: Creations,
) -> None:
    """Run the creation `job` names (on a worker): of the documents in `spool`, or of the whole
    database if None."""
    if not job.claim():
        return  # it ended while it waited (cancelled, the engine closing, a failed start)
    with creations.timing():
        try:
            _create_and_publish(job, spool, workspace, journal)
        finally:
            fail_if_still_running(job, "create")


def queue_creation(
    job: Job,
    spool: DocumentSpool | None,
    workspace: Workspace,
    journal: CreationJournal,
    creations: Creations,
) -> None:
    """Hand the creation to the worker pool; `spool` is discarded once the creation has run, or
    was taken back from the queue and never will. If the pool cannot start a worker and no worker
    took the job meanwhile, the job ends FAILED and the `EngineError` is raised. The engine calls
    it under its lock."""
    try:
        creations.submit(job, lambda: run_creation(job, spool, workspace, journal, creations))
        if spool is not None and job.future is not None:
            # Once the creation has run, or was taken back from the queue and never will.
            job.future.add_done_callback(lambda _: spool.discard())
    except BaseException as error:
        # The pool could not start a worker. The job may still be queued inside it, and
        # a worker that exists could take it meanwhile: then it runs as usual.
        if job.claim():
            creations.forget(job.backup_id)
            failure = EngineError(f"create: could not start: {str(error) or type(error).__name__}")
            end_creation(job, failure, BackupStatusEnum.FAILED, journal)
            raise failure from error


def end_creation(job: Job, error: EngineError, value: BackupStatusEnum, journal: CreationJournal) -> None:
    """End a creation that left no backup: CANCELED or FAILED, recorded in the journal (FAILED,
    with both reasons, if the journal cannot record it)."""
    job.error = error
    try:
        journal.record_ended(job.backup_id, value, error.detail)
    except OSError as journal_error:
        job.error = EngineError(f"{error.detail}; journal: {journal_error}")
        value = BackupStatusEnum.FAILED
    job.publish(value, job.status.percentage)


def _create_and_publish(
    job: Job, spool: DocumentSpool | None, workspace: Workspace, journal: CreationJournal
) -> None:
    try:
        with step("create"):
            raise_if_cancelled(job.stop)
            backup = _create(job, spool, workspace)
    except OperationCancelled as error:
        if job.stopped_by_shutdown:
            end_creation(job, interrupted_by_shutdown("create"), BackupStatusEnum.FAILED, journal)
        else:
            end_creation(job, error, BackupStatusEnum.CANCELED, journal)
    except EngineError as error:
        end_creation(job, error, BackupStatusEnum.FAILED, journal)
    else:
        # The backup is committed; a marker left by a failed removal is cleared at start-up.
        with contextlib.suppress(OSError):
            journal.record_completed(job.backup_id)
        job.publish(BackupStatusEnum.COMPLETED, 100.0, backup)


@dataclass(frozen=True)
class _Source:
    """What a creation reads: `total` documents, as JSON texts in batches."""

    total: int
    batches: Iterator[list[str]]


def _create(job: Job, spool: DocumentSpool | None, workspace: Workspace) -> Backup:
    with contextlib.ExitStack() as resources:
        with step("read assets"):
            source = _plan(spool, workspace, resources)
        job.publish(BackupStatusEnum.IN_PROGRESS, percentage(0, source.total))
        with step("write backup"):
            return _write(job, source, workspace).backup


def _plan(spool: DocumentSpool | None, workspace: Workspace, resources: contextlib.ExitStack) -> _Source:
    if spool is not None:
        resources.callback(spool.discard)  # before the creation's end is published
        return _Source(spool.count, spool.batches(workspace.batch_size))
    snapshot = resources.enter_context(workspace.database.snapshot())
    return _Source(snapshot.count, snapshot.batches(workspace.batch_size))


def _write(job: Job, source: _Source, workspace: Workspace) -> BackupRecord:
    """Write the archive and commit its record; the store keeps neither if this raises."""
    started = job.status.backup
    with workspace.store.write(job.backup_id) as pending:
        with ArchiveWriter(pending.archive, key=workspace.key, backup_id=job.backup_id) as archive:
            for batch in workspace.between_checks(source.batches, "create:write", job.stop):
                archive.write_lines(batch)
                done = percentage(archive.document_count, source.total)
                job.publish(BackupStatusEnum.IN_PROGRESS, done, _with_bytes(started, archive.bytes_written))
        pending.record = BackupRecord(
            _with_bytes(started, archive.bytes_written),
            sha256=archive.sha256,
            asset_count=archive.document_count,
            format=archive.format,
            encryption_key_id=archive.key_id,
            decoded_bytes=archive.decoded_bytes,
        )
        workspace.hook("create:commit")
        raise_if_cancelled(job.stop)
    return pending.record


def _with_bytes(backup: Backup, size: int) -> Backup:
    copy = backup.model_copy()
    copy.bytes = size
    return copy
