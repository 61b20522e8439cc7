"""Bounded polling: every wait in the tests ends, at the latest after its timeout."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from backup_api_client import BackupApiClient
from backup_api_client.models import BackupStatus, BackupStatusEnum

T = TypeVar("T")

ENDED = frozenset({BackupStatusEnum.COMPLETED, BackupStatusEnum.FAILED, BackupStatusEnum.CANCELED})
ENDED_VALUES = frozenset(value.value for value in ENDED)
# How often a set-up that races a running job (a kill, a cancel) is tried before the test fails;
# a lost race is never a reason to skip, or on a fast machine the checks behind it would vanish.
RACE_ATTEMPTS = 5


def poll(
    probe: Callable[[], T], done: Callable[[T], bool], *, timeout: float = 60.0, what: str = ""
) -> list[T]:
    """Call `probe` until `done` says yes; every value seen, the last one done. Fails after `timeout`."""
    seen: list[T] = []
    deadline = time.monotonic() + timeout
    while True:
        seen.append(probe())
        if done(seen[-1]):
            return seen
        if time.monotonic() > deadline:
            raise AssertionError(f"{what or 'condition'} not reached in {timeout} s; last: {seen[-1]!r}")
        time.sleep(0.01)


def follow_creation(client: BackupApiClient, backup_id: str, timeout: float = 60.0) -> list[BackupStatus]:
    """Every creation status seen until the creation ended."""
    return poll(
        lambda: client.backup.creation_status(backup_id),
        lambda status: status.value in ENDED,
        timeout=timeout,
        what=f"end of the creation of {backup_id}",
    )


def follow_restoration(client: BackupApiClient, backup_id: str, timeout: float = 60.0) -> list[BackupStatus]:
    """Every restoration status seen until the restoration ended."""
    return poll(
        lambda: client.backup.restoration_status(backup_id),
        lambda status: status.value in ENDED,
        timeout=timeout,
        what=f"end of the restoration of {backup_id}",
    )
