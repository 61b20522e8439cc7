"""What the engine's tests share: building assets, waiting for phases, reading a data directory."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import backup_api_server
from backup_api_server.engine import BackupEngine
from backup_api_server.errors import (
    TooManyRequests,
)
from backup_api_server.storage.database_files import (
    DATABASE_NAME,
    DISCARDED_SUFFIX,
    PREVIOUS_SUFFIX,
)

API_VERSION = "1.0.0"
WAIT_SECONDS = 10.0
# What a data directory holds while an engine has it open, and after.
DATA_DIR_FILES = [".lock", "assets.db", "assets.db-shm", "assets.db-wal", "backups", "jobs", "spool"]
EngineFactory = Callable[..., BackupEngine]


class PhaseGate:
    """A step_hook that holds a job when it reaches `phase` for the `occurrence`-th time.

    The job waits until `release()` is called, a cancellation is requested (the engine calls
    the hook with "<kind>:cancel-requested") or the engine starts closing ("engine:closing"), so
    a test can act on a job stopped at a known point.
    """

    def __init__(self, phase: str, *, occurrence: int = 1) -> None:
        self.phase = phase
        self.occurrence = occurrence
        self.reached = threading.Event()
        self._released = threading.Event()
        self._seen = 0
        self._lock = threading.Lock()

    def __call__(self, phase: str) -> None:
        if phase.endswith(":cancel-requested") or phase == "engine:closing":
            self.release()
            return
        if phase != self.phase:
            return
        with self._lock:
            self._seen += 1
            hold = self._seen == self.occurrence
        if hold:
            self.reached.set()
            if not self._released.wait(WAIT_SECONDS):
                raise TimeoutError(f"gate at {self.phase} was never released")

    def wait_reached(self) -> None:
        assert self.reached.wait(WAIT_SECONDS), f"no job reached {self.phase}"

    def release(self) -> None:
        self._released.set()


def make_assets(count: int, *, prefix: str = "asset", padding: int = 0) -> list[dict[str, Any]]:
    """Asset documents with declared fields, unknown fields (nested or not) and varied JSON."""
    return [
        {
            "id": f"{prefix}-{index:06d}",
            "name": f'snippet {index} — naïve ☃ 𝄞 \u2028 "quoted" \\ back',
            "created": {"value": "2025-11-27T15:08:03.123456Z", "readable": "just now"},
            "formats": {"iterable": [{"id": f"format-{index}", "fragment": {"string": {"raw": "x = 1"}}}]},
            "x-unknown": {"nested": [1, 2.5, None, True, {"deeper": ["a", {"b": -(2**63)}]}]},
            "empty": {},
            "weight": index / 7,
            "padding": "p" * padding,
        }
        for index in range(count)
    ]


def start_creation_when_admitted(engine: BackupEngine, assets: list[dict[str, Any]] | None) -> str:
    """Start a creation, waiting (bounded) while the engine refuses it for its queue being full."""
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        try:
            return engine.start_creation(assets)
        except TooManyRequests:
            assert time.monotonic() < deadline, "the creation queue never made room"
            time.sleep(0.001)


def create_completed(engine: BackupEngine, assets: list[dict[str, Any]] | None) -> str:
    backup_id = engine.start_creation(assets)
    status = engine.wait_for_creation(backup_id, WAIT_SECONDS)
    assert status.value == "COMPLETED", status
    return backup_id


def stored_rows(data_dir: Path) -> list[tuple[int, str, str]]:
    """The database's rows exactly as stored (position, id, JSON text), read by a connection of our own."""
    return stored_rows_of(data_dir / DATABASE_NAME)


def stored_rows_of(database: Path) -> list[tuple[int, str, str]]:
    connection = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)
    try:
        return connection.execute("SELECT position, id, document FROM assets ORDER BY position").fetchall()
    finally:
        connection.close()


def files_under(directory: Path) -> list[str]:
    return sorted(path.name for path in directory.iterdir()) if directory.exists() else []


def discarded_databases(data_dir: Path) -> list[Path]:
    """The databases start-up recovery moved aside (never deleted), without their side files."""
    found = data_dir.glob(f"{DATABASE_NAME}{DISCARDED_SUFFIX}*")
    return sorted(path for path in found if not path.name.endswith(("-wal", "-shm", "-journal")))


def archive_path(data_dir: Path, backup_id: str) -> Path:
    return data_dir / "backups" / f"{backup_id}.jsonl.zst"


def run_until_crash(data_dir: Path, script: str) -> str:
    """Run `script` in a fresh interpreter that dies with os._exit(17) (a crash); return its output."""
    server_root = Path(backup_api_server.__file__).parent.parent
    prelude = textwrap.dedent(
        f"""
        import os, sys, threading
        from pathlib import Path
        from backup_api_server.engine import BackupEngine
        DATA_DIR = Path({str(data_dir)!r})

        def crash():
            sys.stdout.flush()
            os._exit(17)
        """
    )
    environment = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(server_root), os.environ.get("PYTHONPATH", "")]),
    }
    result = subprocess.run(
        [sys.executable, "-c", prelude + textwrap.dedent(script)],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 17, result.stderr
    return result.stdout.strip()


def assert_non_decreasing_to_100(percentages: list[float]) -> None:
    assert percentages, "no progress reported"
    assert percentages == sorted(percentages)
    assert all(0.0 <= percentage <= 100.0 for percentage in percentages)
    assert percentages[-1] == 100.0


def make_swap_leftovers(
    data_dir: Path, make_engine: EngineFactory
) -> tuple[list[dict[str, Any]], Path, Path]:
    """A closed database of 20 documents; returns them, the main path and the kept-old path."""
    engine = make_engine()
    engine.database.put_many(make_assets(20, prefix="previous"))
    documents = engine.list_assets()
    engine.close()
    return documents, data_dir / DATABASE_NAME, data_dir / (DATABASE_NAME + PREVIOUS_SUFFIX)


def fail_fsync_when(
    monkeypatch: pytest.MonkeyPatch, module: Any, condition: Callable[[Path], bool]
) -> list[Path]:
    """Make `module.fsync_directory` raise OSError whenever `condition(directory)` holds;
    returns the directories it failed for."""
    real = module.fsync_directory
    failed: list[Path] = []

    def fsync_directory(directory: Path) -> None:
        if condition(directory):
            failed.append(directory)
            raise OSError(5, "Input/output error (injected)")
        real(directory)

    monkeypatch.setattr(module, "fsync_directory", fsync_directory)
    return failed
