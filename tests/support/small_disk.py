"""A real, small filesystem to fill up: a tmpfs mounted for the test (needs root on Linux; the tests
that use it are skipped, with the reason, where mounting is not possible)."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

FILLER_NAME = "filler"
_CHUNK = 4096


@contextmanager
def small_disk(mount_point: Path, size: str = "2m") -> Iterator[Path]:
    """Mount a tmpfs of `size` at `mount_point` for the block; skips the test where that fails."""
    if not sys.platform.startswith("linux") or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a small filesystem needs root on Linux (mount -t tmpfs)")
    mount_point.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield mount_point
    finally:
        unmounted = subprocess.run(["umount", str(mount_point)], capture_output=True, check=False)
        if unmounted.returncode != 0:
            subprocess.run(["umount", "-l", str(mount_point)], capture_output=True, check=False)


def fill(directory: Path, *, leave_bytes: int = 0) -> Path:
    """Fill the filesystem holding `directory` with a filler file, then free about `leave_bytes`."""
    filler = directory / FILLER_NAME
    descriptor = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    try:
        while True:
            try:
                os.write(descriptor, b"\xa5" * _CHUNK)
            except OSError as error:
                if error.errno != errno.ENOSPC:
                    raise
                break
        if leave_bytes:
            os.ftruncate(descriptor, max(0, os.fstat(descriptor).st_size - leave_bytes))
    finally:
        os.close(descriptor)
    return filler


def free_bytes(directory: Path) -> int:
    stats = os.statvfs(directory)
    return stats.f_bavail * stats.f_frsize
