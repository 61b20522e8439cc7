"""The local asset database: SQLite in WAL mode at `<data_dir>/assets.db`.

Each asset document is kept as received (its canonical JSON text, unknown fields included) with
its insertion order. Besides reads and upserts, the database offers what backup and restore need:

- `snapshot()`: one read transaction, isolated from concurrent writers by WAL, for a backup of the
  whole database;
- `build_replacement()` and `swap_in()`: a new database is built beside the old one
  (`assets.db.restoring`), checked, and swapped in by renames while no connection uses the old
  one, which is kept (`assets.db.previous`) until the swap is durable. A swap that fails is
  undone before the error is raised: the caller sees it happen entirely or not at all.

Opening the database finishes or undoes a swap that a crash interrupted; the database that loses
is moved aside (`assets.db.discarded-<time>`) rather than deleted. Only the newest such copy is
kept: older ones are removed (and logged) when the database is opened and after a swap.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .archive import ArchivedDocument, encode_document
from .errors import EngineError, OperationCancelled, OperationConflict
from .store import fsync_directory

__all__ = [
    "DATABASE_NAME",
    "DISCARDED_SUFFIX",
    "PREVIOUS_SUFFIX",
    "RESTORING_SUFFIX",
    "AssetDatabase",
    "ReplacementDatabase",
    "Snapshot",
    "is_busy_error",
    "is_disk_full_error",
]

DATABASE_NAME = "assets.db"
RESTORING_SUFFIX = ".restoring"
PREVIOUS_SUFFIX = ".previous"
# A database start-up recovery set aside, followed by the UTC time it did so.
DISCARDED_SUFFIX = ".discarded-"
# How many of the databases set aside are kept (the newest ones).
KEEP_DISCARDED = 1
# Files SQLite keeps beside a database, by the suffix appended to its name.
_SIDE_FILE_SUFFIXES = ("-wal", "-shm", "-journal")
# How many SQLite virtual-machine steps run between two looks at a cancellation event.
_CANCEL_CHECK_STEPS = 10_000
# How long the database (and a check of its files) waits for another connection's lock.
_BUSY_TIMEOUT_SECONDS = 5.0

logger = logging.getLogger("backup_api_server")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS assets (
    position INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    document TEXT NOT NULL
)
"""
_UPSERT = (
    "INSERT INTO assets (id, document) VALUES (?, ?) "
    "ON CONFLICT (id) DO UPDATE SET document = excluded.document"
)


class AssetDatabase:
    """Thread-safe access to the asset database in `data_dir`.

    One shared connection serves reads and writes under a lock; each snapshot has a connection
    of its own, so a long backup does not hold the lock.
    """

    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / DATABASE_NAME
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._open_snapshots = 0
        _recover_interrupted_swap(self.path)
        _prune_discarded(self.path)
        self._connection: sqlite3.Connection | None = self._connect()

    def put(self, document: dict[str, Any]) -> None:
        """Insert `document`, or replace the one with the same id (which keeps its position)."""
        self.put_many([document])

    def put_many(self, documents: Iterable[dict[str, Any]]) -> None:
        """Upsert several documents in one transaction."""
        rows = [_row(document) for document in documents]
        with self._lock:
            connection = self._require_connection()
            connection.execute("BEGIN IMMEDIATE")
            try:
                connection.executemany(_UPSERT, rows)
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")

    def list_documents(self) -> list[dict[str, Any]]:
        """Every document, in insertion order."""
        return [json.loads(text) for text in self.list_document_texts()]

    def list_document_texts(self) -> list[str]:
        """Every document as its stored JSON text, in insertion order."""
        with self._lock:
            rows = self._require_connection().execute("SELECT document FROM assets ORDER BY position")
            return [text for (text,) in rows]

    def count(self) -> int:
        with self._lock:
            (count,) = self._require_connection().execute("SELECT count(*) FROM assets").fetchone()
            return int(count)

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[Snapshot]:
        """A consistent view of the whole database while others may keep writing."""
        with self._lock:
            self._require_connection()
            self._open_snapshots += 1
        try:
            connection = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            try:
                connection.execute("BEGIN")
                # The first read fixes the WAL snapshot for the rest of the transaction.
                (count,) = connection.execute("SELECT count(*) FROM assets").fetchone()
                yield Snapshot(connection, int(count))
            finally:
                connection.close()
        finally:
            with self._lock:
                self._open_snapshots -= 1

    @contextlib.contextmanager
    def build_replacement(self) -> Iterator[ReplacementDatabase]:
        """A new, empty database beside this one; removed again unless swapped in."""
        replacement = ReplacementDatabase(_with_suffix(self.path, RESTORING_SUFFIX))
        try:
            yield replacement
        finally:
            replacement.discard()

    def swap_in(self, replacement: ReplacementDatabase, cancel: threading.Event) -> None:
        """Make the finished `replacement` this database, atomically.

        `cancel` is looked at one last time before the swap starts; from then on the swap runs
        to its end (or, after a crash, is finished or undone when the database is next opened).
        If anything fails before the swap is durable, both renames are undone (the previous
        database is this one again) before the error is raised. Should the undoing fail too,
        the database stays closed, so nothing can write to a half-swapped one, until it is
        opened again (at the next start-up), which finishes or undoes the swap.

        Raises `OperationConflict`, before anything is renamed, while a snapshot is read or
        another connection keeps the write-ahead log from being checkpointed completely.
        """
        if not replacement.finished:
            raise RuntimeError("the replacement database was not finished")
        previous = _with_suffix(self.path, PREVIOUS_SUFFIX)
        with self._lock:
            if self._open_snapshots:
                raise OperationConflict("a snapshot of the asset database is being read")
            if cancel.is_set():
                raise OperationCancelled("cancelled")
            connection = self._require_connection()
            # Everything in the write-ahead log must be in the database file before it is
            # renamed: a log left beside it would be one more thing a crash could separate.
            # (A database not in WAL mode answers -1, -1: it has no log to leave behind.)
            busy, log_frames, checkpointed = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            if busy != 0 or checkpointed < log_frames:
                raise OperationConflict("the asset database is busy; try again")
            connection.close()
            self._connection = None
            replaced = False
            try:
                _remove_database_files(previous)
                _move_database_files(self.path, previous)
                os.replace(replacement.path, self.path)
                replaced = True
                fsync_directory(self.path.parent)
            except BaseException as error:
                try:
                    _undo_swap(self.path, previous, replacement.path, replaced=replaced)
                except BaseException as undo_error:
                    raise EngineError(
                        f"{error or type(error).__name__}; undoing the swap failed too "
                        f"({undo_error or type(undo_error).__name__}): the asset database stays "
                        "closed until it is opened again, which finishes or undoes the swap"
                    ) from error
                self._connection = self._connect()
                raise
            replacement.swapped_in = True
            self._connection = self._connect()
            # The swap is durable: a failure to clean up must not report the restore as failed;
            # the next start-up removes what is left.
            with contextlib.suppress(OSError):
                _remove_database_files(previous)
                _prune_discarded(self.path)
                fsync_directory(self.path.parent)

    def close(self) -> None:
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None

    def _connect(self) -> sqlite3.Connection:
        connection = sqlite3.connect(
            self.path, isolation_level=None, check_same_thread=False, timeout=_BUSY_TIMEOUT_SECONDS
        )
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=FULL")
        connection.execute(_SCHEMA)
        return connection

    def _require_connection(self) -> sqlite3.Connection:
        if self._connection is None:
            raise RuntimeError("the asset database is closed")
        return self._connection


class Snapshot:
    """A read transaction over the whole database: `count` documents, read by `batches`."""

    def __init__(self, connection: sqlite3.Connection, count: int) -> None:
        self._connection = connection
        self.count = count

    def batches(self, batch_size: int) -> Iterator[list[str]]:
        """The documents' JSON texts in insertion order, `batch_size` at a time."""
        cursor = self._connection.execute("SELECT document FROM assets ORDER BY position")
        while rows := cursor.fetchmany(batch_size):
            yield [text for (text,) in rows]


class ReplacementDatabase:
    """A database being built from a backup; fast to fill since a crash just discards it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.finished = False
        self.swapped_in = False
        _remove_database_files(path)
        self._connection: sqlite3.Connection | None = sqlite3.connect(
            path, isolation_level=None, check_same_thread=False
        )
        try:
            self._connection.execute("PRAGMA journal_mode=OFF")
            self._connection.execute("PRAGMA synchronous=OFF")
            self._connection.execute(_SCHEMA)
            self._connection.execute("BEGIN")
        except BaseException:
            # E.g. a full disk before the first page was written: nothing is left behind.
            self.discard()
            raise

    def insert(self, documents: Iterable[ArchivedDocument]) -> None:
        """Append documents; a later document with an id already present replaces it."""
        self._require_connection().executemany(_UPSERT, documents)

    def finish(self, cancel: threading.Event) -> None:
        """Commit, check integrity, switch to WAL and make the file durable.

        The integrity check runs before the database can be swapped in, and stops early if
        `cancel` is set.
        """
        connection = self._require_connection()
        connection.execute("COMMIT")
        connection.set_progress_handler(lambda: int(cancel.is_set()), _CANCEL_CHECK_STEPS)
        try:
            problems = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        except sqlite3.OperationalError:
            if cancel.is_set():
                raise OperationCancelled("cancelled") from None
            raise
        finally:
            connection.set_progress_handler(None, 0)
        if problems != ["ok"]:
            raise sqlite3.DatabaseError("integrity check failed: " + "; ".join(problems[:5]))
        connection.execute("PRAGMA journal_mode=WAL")
        connection.close()
        self._connection = None
        with open(self.path, "rb") as file:
            os.fsync(file.fileno())
        self.finished = True

    def discard(self) -> None:
        """Close and remove the database, unless it was swapped in."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None
        if not self.swapped_in:
            _remove_database_files(self.path)

    def _require_connection(self) -> sqlite3.Connection:
        if self._connection is None:
            raise RuntimeError("the replacement database is already finished")
        return self._connection


def _row(document: dict[str, Any]) -> tuple[str, str]:
    text = encode_document(document)
    return document["id"], text


def _with_suffix(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _remove_database_files(path: Path) -> None:
    for file in (path, *(_with_suffix(path, suffix) for suffix in _SIDE_FILE_SUFFIXES)):
        file.unlink(missing_ok=True)


def _move_database_files(source: Path, destination: Path) -> None:
    """Rename a closed database and its write-ahead log; its shared-memory index is rebuilt."""
    _with_suffix(source, "-shm").unlink(missing_ok=True)
    os.replace(source, destination)
    source_wal = _with_suffix(source, "-wal")
    if source_wal.exists():
        os.replace(source_wal, _with_suffix(destination, "-wal"))


def _undo_swap(path: Path, previous: Path, replacement: Path, *, replaced: bool) -> None:
    """Put the previous database back where a failed `swap_in` left things."""
    if replaced:
        _move_database_files(path, replacement)
    if previous.exists() and not path.exists():
        _move_database_files(previous, path)
    # The renames are undone for every connection from here on; making that durable is best
    # effort (after a crash, opening the database finishes or undoes the swap).
    with contextlib.suppress(OSError):
        fsync_directory(path.parent)


def is_busy_error(error: sqlite3.Error) -> bool:
    """Whether `error` says another connection holds a lock ("database is locked"), which says
    nothing about the database's content."""
    return _primary_result_code(error) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def _primary_result_code(error: sqlite3.Error) -> int | None:
    """SQLite's primary result code of `error`; None if the error does not carry one."""
    code = getattr(error, "sqlite_errorcode", None)
    # The primary result code is the low byte of an extended one (SQLITE_BUSY_SNAPSHOT, ...).
    return code & 0xFF if isinstance(code, int) else None


def is_disk_full_error(error: sqlite3.Error) -> bool:
    """Whether `error` says the disk holding the database is full (SQLITE_FULL)."""
    return _primary_result_code(error) == sqlite3.SQLITE_FULL


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
        connection = sqlite3.connect(uri, uri=True, timeout=_BUSY_TIMEOUT_SECONDS)
        try:
            problems = [row[0] for row in connection.execute("PRAGMA integrity_check")]
            has_assets = connection.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'assets'"
            ).fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        if _primary_result_code(error) in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
            return False
        raise
    return problems == ["ok"] and has_assets is not None


def _recover_interrupted_swap(path: Path) -> None:
    """Put the database files in a consistent state after a crash during a restore.

    A leftover replacement is discarded. A kept previous database means a swap was under way:
    if the new database had been renamed into place (and is intact) the swap is finished,
    otherwise the previous database is put back. Either way the database that loses is moved
    aside (`assets.db.discarded-<UTC time>`), never deleted. An error that says nothing about
    the files' content (I/O, permissions, a lock) is raised and nothing is moved.
    """
    _remove_database_files(_with_suffix(path, RESTORING_SUFFIX))
    previous = _with_suffix(path, PREVIOUS_SUFFIX)
    if previous.exists():
        if _is_intact(path):
            _move_database_files(previous, _discarded_path(path))
        else:
            if path.exists():
                _move_database_files(path, _discarded_path(path))
            _move_database_files(previous, path)
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


def _prune_discarded(path: Path) -> None:
    """Remove all but the newest `KEEP_DISCARDED` databases set aside, logging each removal."""
    copies = _discarded_copies(path)
    for old in copies[: max(0, len(copies) - KEEP_DISCARDED)]:
        try:
            _remove_database_files(old)
        except OSError as error:  # kept for now; the next attempt may succeed
            logger.warning("could not remove %s, an older copy of the asset database: %s", old, error)
        else:
            logger.warning("removed %s, an older copy of the asset database set aside after a crash", old)


def _discarded_path(path: Path) -> Path:
    """A free name beside `path` to keep a database recovery set aside."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    candidate = _with_suffix(path, f"{DISCARDED_SUFFIX}{stamp}")
    attempt = 1
    while candidate.exists() or _with_suffix(candidate, "-wal").exists():
        attempt += 1
        candidate = _with_suffix(path, f"{DISCARDED_SUFFIX}{stamp}-{attempt}")
    return candidate
