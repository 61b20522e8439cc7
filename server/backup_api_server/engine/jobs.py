"""Jobs: one creation or restoration each, where it stands, and the worker pool creations queue for.

A `Job` is run by one thread, which publishes its `Status`; any other thread reads the status,
waits for the job to finish, or asks it to stop (it looks at its stop event, the cancel handle
every step takes). A job stops when it is cancelled (it ends CANCELED) or when the engine closes
(it ends FAILED with `SHUTDOWN_DETAIL`, as it would read after a crash).
"""

from __future__ import annotations

import contextlib
import math
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from backup_api_server_models import Backup, BackupStatusEnum

from ..errors import EngineError, TooManyRequests
from ..settings import (
    MAX_CONCURRENT_CREATIONS,
    MAX_PENDING_CREATIONS,
    RETRY_AFTER_MAX_SECONDS,
    RETRY_AFTER_MIN_SECONDS,
)

__all__ = [
    "SHUTDOWN_DETAIL",
    "TERMINAL_STATUS_VALUES",
    "Creations",
    "Job",
    "RestorationHandle",
    "Restorations",
    "Status",
    "fail_if_still_running",
    "interrupted_by_shutdown",
    "stop_for_shutdown",
    "wait_until_ended",
]

SHUTDOWN_DETAIL = "interrupted: the server stopped"
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


class Job:
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


def fail_if_still_running(job: Job, step: str) -> None:
    """Make sure waiters wake up even if the job's thread died of an unexpected exception."""
    if job.running:
        job.error = job.error or EngineError(f"{step}: interrupted")
        job.publish(BackupStatusEnum.FAILED, job.status.percentage)


def interrupted_by_shutdown(step: str) -> EngineError:
    """The failure of a job the engine's closing stopped."""
    return EngineError(f"{step}: {SHUTDOWN_DETAIL}")


class RestorationHandle:
    """A restoration running in the background: poll its status, wait for it, or cancel it."""

    def __init__(self, job: Job, cancel: Callable[[str], None]) -> None:
        self._job = job
        self._cancel = cancel

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
        self._cancel(self.backup_id)


class Creations:
    """The creations since start-up, by backup id, and the worker threads they run on:
    `MAX_CONCURRENT_CREATIONS` at once, and at most `MAX_PENDING_CREATIONS` more waiting for one
    (INITIALIZED); beyond that a creation is refused (`TooManyRequests`) with a retry-after
    estimated from how long creations take.

    Lookups may run anywhere; everything that changes which creations there are runs under the
    engine's lock.
    """

    def __init__(self) -> None:
        self._jobs: dict[str, Job] = {}
        self._workers = ThreadPoolExecutor(MAX_CONCURRENT_CREATIONS, thread_name_prefix="create ")
        # Creations not finished yet (running or waiting for a worker).
        self._unfinished: list[Job] = []
        self._lock = threading.Lock()
        # A moving average of how long a creation runs, for the retry-after of a refused one.
        self._seconds: float | None = None

    def get(self, backup_id: str) -> Job | None:
        return self._jobs.get(backup_id)

    def running(self, backup_id: str) -> Job | None:
        """The creation of `backup_id`, if it has not finished yet."""
        job = self._jobs.get(backup_id)
        return job if job is not None and job.running else None

    def all_running(self) -> list[Job]:
        """The creations not finished yet (running, or waiting for a worker)."""
        return [job for job in self._jobs.values() if job.running]

    def refuse_when_full(self) -> None:
        """Raise `TooManyRequests` if as many creations wait as may."""
        self._unfinished = [job for job in self._unfinished if job.running]
        if len(self._unfinished) < MAX_CONCURRENT_CREATIONS + MAX_PENDING_CREATIONS:
            return
        # Wait for about one creation's turn; unknown durations count as the minimum.
        with self._lock:
            per_creation = self._seconds or 0.0
        waiting = len(self._unfinished) - MAX_CONCURRENT_CREATIONS
        estimate = math.ceil(per_creation * (waiting + 1) / MAX_CONCURRENT_CREATIONS)
        retry_after = min(RETRY_AFTER_MAX_SECONDS, max(RETRY_AFTER_MIN_SECONDS, estimate))
        raise TooManyRequests(
            f"{MAX_PENDING_CREATIONS} creations are already waiting; retry in {retry_after} s.",
            retry_after=retry_after,
        )

    def add(self, job: Job) -> None:
        """Register a new creation (after `refuse_when_full`); it counts until it finishes."""
        self._jobs[job.backup_id] = job
        self._unfinished.append(job)

    def forget(self, backup_id: str) -> None:
        self._jobs.pop(backup_id, None)

    def submit(self, job: Job, run: Callable[[], None]) -> None:
        """Queue `run`, the job's creation, for a worker; raises if no worker could be started."""
        job.future = self._workers.submit(run)

    def take_back(self, job: Job) -> bool:
        """Whether `job` still waited for a worker: then none will run it, and the caller ends it."""
        if job.future is None or not job.claim():
            return False
        job.future.cancel()
        return True

    @contextlib.contextmanager
    def timing(self) -> Iterator[None]:
        """Time the block as one creation's run."""
        started = time.monotonic()
        try:
            yield
        finally:
            seconds = time.monotonic() - started
            with self._lock:
                previous = self._seconds
                self._seconds = seconds if previous is None else 0.8 * previous + 0.2 * seconds

    def shutdown(self) -> None:
        """Wait for the workers to end (every creation has ended first: see `BackupEngine.close`)."""
        self._workers.shutdown(wait=True)


class Restorations:
    """The latest restoration of each backup since start-up, and the one running (at most one).

    Changed under the engine's lock only."""

    def __init__(self) -> None:
        self._latest: dict[str, Job] = {}
        self._active: Job | None = None

    def latest(self, backup_id: str) -> Job | None:
        return self._latest.get(backup_id)

    def running(self) -> Job | None:
        active = self._active
        return active if active is not None and active.running else None

    def add(self, job: Job) -> None:
        """Register the restoration about to start, as the running one."""
        self._latest[job.backup_id] = job
        self._active = job

    def stopped(self, job: Job) -> None:
        """`job` runs no more (or never started): another restoration may start."""
        if self._active is job:
            self._active = None

    def forget(self, backup_id: str) -> None:
        self._latest.pop(backup_id, None)


def stop_for_shutdown(creations: Creations, restorations: Restorations) -> tuple[list[Job], list[Job]]:
    """Ask every running job to stop, for a shutdown; returns them, and the creations among them
    taken back from the queue (no worker will run those: the caller ends them). The engine calls
    it under its lock."""
    restoration = restorations.running()
    jobs = [*creations.all_running(), *([] if restoration is None else [restoration])]
    for job in jobs:
        job.request_stop(shutdown=True)
    # Creations still waiting for a worker end now; no worker will run them.
    queued = [job for job in jobs if creations.take_back(job)]
    return jobs, queued


def wait_until_ended(jobs: Iterable[Job]) -> None:
    """Wait until each job has ended and its thread (a restoration's) is gone."""
    for job in jobs:
        # Also a job still being queued: it is registered, so it ends.
        job.finished.wait()
        if job.thread is not None:
            job.thread.join()
