"""A task run every so often in a thread of its own, by the wall clock, at most once per wake-up.

The next run is due one interval after the last one ended. The thread waits in slices of at most
`MAX_WAIT_SECONDS` and compares the wall clock with the due time: a machine that slept past one
or many due times runs the task once on waking (the monotonic clock a plain long wait would use
does not advance while the machine sleeps, on Linux), then the next run is one interval later.
`tick()` does one such look, so tests drive it with a fake clock instead of the thread.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Generic, TypeVar

__all__ = ["MAX_WAIT_SECONDS", "Periodic"]

logger = logging.getLogger("backup_api_server")

MAX_WAIT_SECONDS = 30.0
# The niceness of a low-priority thread (Linux: a thread has its own); the most polite one.
LOW_PRIORITY_NICENESS = 19

_Outcome = TypeVar("_Outcome")


class Periodic(Generic[_Outcome]):
    """Runs `task` every `every_seconds` (see the module docstring); keeps its last outcome."""

    def __init__(
        self,
        name: str,
        every_seconds: float,
        task: Callable[[], _Outcome],
        *,
        clock: Callable[[], float] = time.time,
        low_priority: bool = False,
    ) -> None:
        if every_seconds <= 0:
            raise ValueError(f"the interval of {name} must be positive, not {every_seconds}")
        self.name = name
        self.every_seconds = every_seconds
        self._task = task
        self._clock = clock
        self._low_priority = low_priority
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._run_lock = threading.Lock()
        self.next_run = clock() + every_seconds
        self.last_outcome: _Outcome | None = None

    @property
    def next_run_at(self) -> datetime:
        return datetime.fromtimestamp(self.next_run, UTC)

    def tick(self) -> bool:
        """Run the task if it is due; whether it ran. An error of the task is logged, not raised
        (the next run is planned all the same)."""
        with self._run_lock:
            if self._clock() < self.next_run:
                return False
            try:
                self.last_outcome = self._task()
            except Exception:
                logger.exception("%s failed", self.name)
            self.next_run = self._clock() + self.every_seconds
            return True

    def start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name=self.name, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop the thread and wait for a run in progress to end."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def _loop(self) -> None:
        if self._low_priority:
            _lower_this_threads_priority()
        while not self._stop.wait(min(max(self.next_run - self._clock(), 0.0), MAX_WAIT_SECONDS)):
            self.tick()


def _lower_this_threads_priority() -> None:
    """Make the calling thread yield the CPU to everything else (Linux; elsewhere a no-op)."""
    setpriority = getattr(os, "setpriority", None)
    if setpriority is None or not hasattr(threading, "get_native_id"):
        return
    with contextlib.suppress(OSError):
        setpriority(os.PRIO_PROCESS, threading.get_native_id(), LOW_PRIORITY_NICENESS)
