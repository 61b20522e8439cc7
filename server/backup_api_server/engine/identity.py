"""Who a backup is: its id, made by the spec's `BackupId` rule, and the `Backup` a creation starts with.

An id is `<api version>_<microseconds since the epoch>` (e.g. `1.0.0_1764253683123456`); the
rule that ids must pass is the spec's (`contract.backup_id_is_valid`). A new backup's fields are
set through the generated `Backup` model, so a field the spec makes required fails the type
check here until it is set.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta

from backup_api_server_models import Backup, BackupId, GroupedTimestamp, PlatformEnum

from ..contract import backup_id_is_valid

__all__ = ["BackupIds", "current_platform", "new_backup", "readable", "timestamp_of"]

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# sys.platform (by how it starts) → the spec's platform; anything else is UNKNOWN.
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


class BackupIds:
    """Hands out backup ids: unique and increasing, also when the clock stands still or goes
    back, and never one at or below the ids passed to `seen` (those already used).

    Not thread-safe: the engine calls it under its lock.
    """

    def __init__(self, api_version: str, time_ns: Callable[[], int]) -> None:
        # The widest timestamp the rule admits must still make a valid id.
        if not api_version or not backup_id_is_valid(f"{api_version}_{'9' * 20}"):
            raise ValueError(f"api_version {api_version!r} cannot prefix backup ids")
        self.api_version = api_version
        self._time_ns = time_ns
        self.last_timestamp = 0

    def seen(self, backup_ids: Iterable[str]) -> None:
        """Ids used before (e.g. before a restart): the next one comes after all of them."""
        self.last_timestamp = max((timestamp_of(backup_id) for backup_id in backup_ids), default=0)

    def next(self) -> str:
        # Two calls in the same microsecond (or after the clock went back) still get distinct,
        # increasing ids.
        timestamp = max(self._time_ns() // 1000, self.last_timestamp + 1)
        self.last_timestamp = timestamp
        return f"{self.api_version}_{timestamp}"


def timestamp_of(backup_id: str) -> int:
    """The microseconds since the epoch an id says it was made at; 0 if it says none."""
    suffix = backup_id.rpartition("_")[2]
    return int(suffix) if suffix.isdigit() else 0


def new_backup(backup_id: str, device_name: str) -> Backup:
    """The `Backup` a creation of `backup_id` starts with (0 bytes so far), made on this machine."""
    version, _, timestamp = backup_id.rpartition("_")
    created = _EPOCH + timedelta(microseconds=int(timestamp))
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
    """A time as the spec's examples render one, e.g. '2025-11-27 14:28:03 UTC' (no locale involved)."""
    return f"{moment.astimezone(UTC):%Y-%m-%d %H:%M:%S} UTC"


def current_platform(platform: str = sys.platform) -> PlatformEnum:
    """This machine's `PlatformEnum` member (or that of `platform`, a `sys.platform` value)."""
    matches = (member for prefix, member in _PLATFORMS if platform.startswith(prefix))
    return next(matches, PlatformEnum.UNKNOWN)
