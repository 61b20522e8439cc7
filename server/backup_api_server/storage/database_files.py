"""The asset database's files: their names, how they are moved and removed, and the start-up
recovery that finishes or undoes a swap a crash interrupted.

A database is a file plus the side files SQLite keeps beside it (`-wal`, `-shm`, `-journal`);
it is always moved or removed with them. Recovery never deletes a database that may hold data:
the one that loses is moved aside (`assets.db.discarded-<UTC time>`), and only the newest
`KEEP_DISCARDED` such copies are kept (older ones are removed, and logged).
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from .store import fsync_directory

__all__ = [
    "BUSY_TIMEOUT_SECONDS",
    "DATABASE_NAME",
    "DISCARDED_SUFFIX",
    "KEEP_DISCARDED",
    "PREVIOUS_SUFFIX",
    "RESTORING_SUFFIX",
    "move_database_files",
    "primary_result_code",
    "prune_discarded",
    "recover_interrupted_swap",
    "remove_database_files",
    "with_suffix",
]

DATABASE_NAME = "assets.db"
RESTORING_SUFFIX = ".restoring"
PREVIOUS_SUFFIX = ".previous"
# A database start-up recovery set aside, followed by the UTC time it did so.
DISCARDED_SUFFIX = ".discarded-"
# How many of the databases set aside are kept (the newest ones).
KEEP_DISCARDED = 1
# How long the database (and a check of its files) waits for another connection's lock.
BUSY_TIMEOUT_SECONDS = 5.0
# Files SQLite keeps beside a database, by the suffix appended to its name.
_SIDE_FILE_SUFFIXES = ("-wal", "-shm", "-journal")

logger = logging.getLogger("backup_api_server")


def with_suffix(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def remove_database_files(path: Path) -> None:
    for file in (path, *(with_suffix(path, suffix) for suffix in _SIDE_FILE_SUFFIXES)):
        file.unlink(missing_ok=True)


def move_database_files(source: Path, destination: Path) -> None:
    """Rename a closed database and its write-ahead log; its shared-memory index is rebuilt."""
    with_suffix(source, "-shm").unlink(missing_ok=True)
    os.replace(source, destination)
    source_wal = with_suffix(source, "-wal")
    if source_wal.exists():
        os.replace(source_wal, with_suffix(destination, "-wal"))


def primary_result_code(error: sqlite3.Error) -> int | None:
    """SQLite's primary result code of `error`; None if the error does not carry one."""
    code = getattr(error, "sqlite_errorcode", None)
    # The primary result code is the low byte of an extended one (SQLITE_BUSY_SNAPSHOT, ...).
    return code & 0xFF if isinstance(code, int) else None


def _is_intact(path: Path) -> bool:
    """Whether `path` is an asset database that passes SQLite's integrity check.

    "Not intact" is a judgement on the content only: the file is missing, SQLite reports it
    corrupt or not a database (SQLITE_CORRUPT, SQLITE_NOTADB), the integrity check finds
    problems, or it lacks the assets table. Any other error (I/O, cannot open, permission, a
    lock another process holds) says nothing about the content and is raised.
    """
    if not path.exists():
        return False
    try:
        uri = f"{path.absolute().as_uri()}?mode=ro"
        connection = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_SECONDS)
        try:
            problems = [row[0] for row in connection.execute("PRAGMA integrity_check")]
            has_assets = connection.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'assets'"
            ).fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        if primary_result_code(error) in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
            return False
        raise
    return problems == ["ok"] and has_assets is not None


def recover_interrupted_swap(path: Path) -> None:
    """Put the database files in a consistent state after a crash during a restore.

    A leftover replacement is discarded. A kept previous database means a swap was under way:
    if the new database had been renamed into place (and is intact) the swap is finished,
    otherwise the previous database is put back. Either way the database that loses is moved
    aside (`assets.db.discarded-<UTC time>`), never deleted. An error that says nothing about
    the files' content (I/O, permissions, a lock) is raised and nothing is moved.
    """
    remove_database_files(with_suffix(path, RESTORING_SUFFIX))
    previous = with_suffix(path, PREVIOUS_SUFFIX)
    if previous.exists():
        if _is_intact(path):
            move_database_files(previous, _discarded_path(path))
        else:
            if path.exists():
                move_database_files(path, _discarded_path(path))
            move_database_files(previous, path)
    fsync_directory(path.parent)


def _discarded_copies(path: Path) -> list[Path]:
    """The databases set aside beside `path` (without their side files), oldest first."""
    pattern = re.compile(re.escape(path.name + DISCARDED_SUFFIX) + r"(\d{8}T\d{12}Z)(?:-(\d+))?")
    found = []
    for candidate in path.parent.glob(f"{path.name}{DISCARDED_SUFFIX}*"):
        match = pattern.fullmatch(candidate.name)
        if match is not None:
            found.append((match.group(1), int(match.group(2) or 1), candidate))
    return [candidate for *_, candidate in sorted(found)]


def prune_discarded(path: Path) -> None:
    """Remove all but the newest `KEEP_DISCARDED` databases set aside, logging each removal."""
    copies = _discarded_copies(path)
    for old in copies[: max(0, len(copies) - KEEP_DISCARDED)]:
        try:
            remove_database_files(old)
        except OSError as error:  # kept for now; the next attempt may succeed
            logger.warning("could not remove %s, an older copy of the asset database: %s", old, error)
        else:
            logger.warning("removed %s, an older copy of the asset database set aside after a crash", old)


def _discarded_path(path: Path) -> Path:
    """A free name beside `path` to keep a database recovery set aside."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    candidate = with_suffix(path, f"{DISCARDED_SUFFIX}{stamp}")
    attempt = 1
    while candidate.exists() or with_suffix(candidate, "-wal").exists():
        attempt += 1
        candidate = with_suffix(path, f"{DISCARDED_SUFFIX}{stamp}-{attempt}")
    return candidate
