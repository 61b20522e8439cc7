"""A restoration, in a thread of its own: plan from the verified record, then verify, build and swap.

- plan: a reader of the archive the record describes (its size, checksum, document count, and
  the id of the key that encrypted it, if any); the record was verified when the restoration
  started;
- do: check that the engine holds the archive's key (if encrypted), verify the archive's
  checksum, build a new database beside the current one from its documents in batches
  (decrypting and publishing progress), check the new database's integrity, swap it in.
  Every step looks at the job's stop event first and names itself in any error; until the swap
  starts, stopping or failing leaves the current database exactly as it was (the new one is
  removed). A restoration the engine's closing stops ends FAILED, as it would read after a crash.

The archive is read twice: once to verify its checksum, once to decode it (hashing again, so an
archive that changed in between is refused too). Decoding while hashing alone would keep the
live database as safe (the replacement is built beside it and swapped in only after the
checksum matched) and save a read, ~10 ms of 0.5 s for a 22 MB archive in the page cache. From an
object store (`BackupStore.remote`) a read is a download, so the archive is first copied into the
data directory's spool once and both reads are of the copy. Verifying first is kept for what it
gives besides: a corrupted backup is
refused in milliseconds, before a database its size is written (on a nearly full disk it is
reported as corrupted, not as a full disk), and the decompressor and JSON reader see only
bytes that were verified (unless the archive changes between the two reads).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable

from backup_api_server_models import BackupStatusEnum

from ..errors import EngineError, OperationCancelled
from ..memory import detached, release_memory
from ..storage.archive import ArchiveReader
from ..storage.assets import ReplacementDatabase
from ..storage.metadata import BackupRecord
from ..storage.spool import staged_archive
from .jobs import Job, Restorations, fail_if_still_running, interrupted_by_shutdown
from .steps import Workspace, archive_reader, percentage, raise_if_cancelled, step

__all__ = ["launch_restoration", "run_restoration", "start_thread"]


def launch_restoration(
    backup_id: str,
    record: BackupRecord,
    workspace: Workspace,
    restorations: Restorations,
    ended: Callable[[Job], None],
) -> Job:
    """Register the restoration of `backup_id` (its verified `record`) and start its thread, which
    calls `ended(job)` once the restoration has run, before it fails the job if it did not end.
    The engine calls it under its lock, so `close()` never sees a registered job without its
    thread; if the thread cannot start, the job is unregistered and ends FAILED."""
    job = Job(backup_id, record.backup)
    restorations.add(job)
    try:
        start_thread(job, lambda: _run_then_end(job, record, workspace, ended))
    except BaseException:
        restorations.stopped(job)
        raise
    return job


def _run_then_end(job: Job, record: BackupRecord, workspace: Workspace, ended: Callable[[Job], None]) -> None:
    try:
        run_restoration(job, record, workspace)
    finally:
        ended(job)
        fail_if_still_running(job, "restore")


def start_thread(job: Job, run: Callable[[], None]) -> None:
    """Run the restoration `job` in a thread of its own (`run` restores and publishes); if the
    thread cannot start, the job ends FAILED and the error is raised."""
    job.thread = threading.Thread(target=run, name=f"restore {job.backup_id}")
    try:
        job.thread.start()
    except BaseException as error:
        job.thread = None
        job.error = EngineError(f"restore: could not start: {str(error) or type(error).__name__}")
        job.publish(BackupStatusEnum.FAILED, job.status.percentage)
        raise job.error from error


def run_restoration(job: Job, record: BackupRecord, workspace: Workspace) -> None:
    """Restore the backup `record` describes, then publish how it ended."""
    outcome = BackupStatusEnum.COMPLETED
    try:
        with step("restore"):
            _restore(job, record, workspace)
    except OperationCancelled as error:
        if job.stopped_by_shutdown:
            job.error, outcome = interrupted_by_shutdown("restore"), BackupStatusEnum.FAILED
        else:
            job.error, outcome = detached(error), BackupStatusEnum.CANCELED
    except EngineError as error:
        job.error, outcome = detached(error), BackupStatusEnum.FAILED
    # What the restore read is free now (its frames are gone, the error kept holds none of them):
    # give it back, so a large restore does not leave the server at its peak.
    release_memory()
    done = 100.0 if outcome is BackupStatusEnum.COMPLETED else job.status.percentage
    job.publish(outcome, done)


def _restore(job: Job, record: BackupRecord, workspace: Workspace) -> None:
    reader = archive_reader(record, workspace)
    workspace.hook("restore:start")
    job.publish(BackupStatusEnum.IN_PROGRESS, 0.0)
    with step("check key"):
        reader.check_key()
    with contextlib.ExitStack() as resources:
        if workspace.store.remote and workspace.spool_directory is not None:
            with step("download archive"):
                raise_if_cancelled(job.stop)
                copy = resources.enter_context(
                    staged_archive(
                        lambda: workspace.store.open_archive(record.backup_id),
                        workspace.spool_directory,
                        job.stop,
                    )
                )
                reader = archive_reader(record, workspace, copy)
        with step("verify checksum"):
            workspace.hook("restore:verify")
            raise_if_cancelled(job.stop)
            reader.verify(job.stop)
        with step("create new database"):
            replacement = resources.enter_context(workspace.database.build_replacement())
        with step("insert documents"):
            _insert(job, reader, replacement, record.asset_count, workspace)
        with step("check integrity"):
            workspace.hook("restore:check")
            raise_if_cancelled(job.stop)
            replacement.finish(job.stop)
        with step("swap databases"):
            workspace.hook("restore:swap")
            workspace.database.swap_in(replacement, job.stop)


def _insert(
    job: Job, reader: ArchiveReader, replacement: ReplacementDatabase, total: int, workspace: Workspace
) -> None:
    with contextlib.closing(reader.batches(workspace.batch_size)) as batches:
        inserted = 0
        for batch in workspace.between_checks(batches, "restore:insert", job.stop):
            replacement.insert(batch)
            inserted += len(batch)
            job.publish(BackupStatusEnum.IN_PROGRESS, percentage(inserted, total))
