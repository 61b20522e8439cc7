"""One engine (one process) at a time per data directory: its lock, and opening its asset database.

The engine takes `DirectoryLock` before any start-up recovery (which rewrites what a running
engine depends on) and holds it until it is closed. The operating system drops the lock when the
process ends, so a crash never leaves the directory locked.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
from pathlib import Path

from ..errors import DataDirectoryInUse
from ..storage.assets import AssetDatabase, is_busy_error
from ..storage.private_files import open_private

if sys.platform == "win32":
    import msvcrt
else:
    import fcntl

__all__ = ["LOCK_FILE_NAME", "DirectoryLock", "open_database"]

LOCK_FILE_NAME = ".lock"


class DirectoryLock:
    """An exclusive lock on `<directory>/.lock`, held through one open file until `release()`.

    Raises `DataDirectoryInUse` if another holder (in this process or another) has it. The file
    itself stays after `release()` (removing it would race with the next opener).
    """

    def __init__(self, directory: Path) -> None:
        # 0600: a lock others could open, they could hold (and keep the server from starting).
        descriptor = open_private(directory / LOCK_FILE_NAME, os.O_RDWR)
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
        """Let the next engine in; releasing again does nothing."""
        descriptor, self._descriptor = self._descriptor, None
        if descriptor is None:
            return
        try:
            _unlock(descriptor)
        finally:
            os.close(descriptor)


def open_database(data_dir: Path) -> AssetDatabase:
    """The asset database in `data_dir`; `DataDirectoryInUse` if another process holds it locked."""
    try:
        return AssetDatabase(data_dir)
    except sqlite3.OperationalError as error:
        if is_busy_error(error):
            raise DataDirectoryInUse(
                f"the asset database in {data_dir} is locked by another process: {error}"
            ) from error
        raise


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
