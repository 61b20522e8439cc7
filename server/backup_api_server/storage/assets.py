"""The local asset database: SQLite in WAL mode at `<data_dir>/assets.db`.

Each asset document is kept as received (its canonical JSON text, unknown fields included) with
its insertion order. Besides reads and upserts, the database offers what backup and restore need:

- `snapshot()`: one read transaction, isolated from concurrent writers by WAL, for a backup of the
  whole database;
- `build_replacement()` and `swap_in()`: a new database is built beside the old one
  (`assets.db.restoring`), checked, and swapped in by renames while no connection uses the old
  one, which is kept (`assets.db.previous`) until the swap is durable. A swap that fails is
  undone before the error is raised: the caller sees it happen entirely or not at all.

Opening the database finishes or undoes a swap that a crash interrupted (see `database_files`,
which also names the files); the database that loses is moved aside rather than deleted.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from ..errors import EngineError, OperationCancelled, OperationConflict
from . import database_files as files
from .archive import ArchivedDocument, encode_document
from .private_files import open_private
from .store import fsync_directory

__all__ = [
    "AssetDatabase",
    "ReplacementDatabase",
    "Snapshot",
    "is_busy_error",
    "is_disk_full_error",
]

# How many SQLite virtual-machine steps run between two looks at a cancellation event.
_CANCEL_CHECK_STEPS = 10_000
# The page size of every database the server makes (a new one, and each restore's replacement;
# an existing database keeps its own). An asset document is about 1 KB: SQLite's default 4 KiB
# page holds three and leaves the rest unused, 16 KiB ones hold about fourteen, so a database is
# ~8% smaller and a restore inserts, checks and fsyncs it a third faster (`benchmarks/engine_100k.py`);
# the price, a larger page written to the log per changed page, matters little for batched upserts.
PAGE_SIZE = 16_384

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
        self.path = Path(data_dir) / files.DATABASE_NAME
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._open_snapshots = 0
        files.recover_interrupted_swap(self.path)
        files.prune_discarded(self.path)
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

    def page_document_texts(self, after: int, limit: int) -> tuple[list[tuple[int, str]], bool]:
        """Up to `limit` documents stored after position `after`, in insertion order, each with
        its position; and whether more follow. A keyset read by rowid: only the page is loaded."""
        with self._lock:
            rows = (
                self._require_connection()
                .execute(
                    "SELECT position, document FROM assets WHERE position > ? ORDER BY position LIMIT ?",
                    (after, limit + 1),
                )
                .fetchall()
            )
        return [(int(position), text) for position, text in rows[:limit]], len(rows) > limit

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
        replacement = ReplacementDatabase(files.with_suffix(self.path, files.RESTORING_SUFFIX))
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
        previous = files.with_suffix(self.path, files.PREVIOUS_SUFFIX)
        with self._lock:
            self._close_for_swap(cancel)
            self._rename_into_place(replacement, previous)
            replacement.swapped_in = True
            self._connection = self._connect()
            # The swap is durable: a failure to clean up must not report the restore as failed;
            # the next start-up removes what is left.
            with contextlib.suppress(OSError):
                files.remove_database_files(previous)
                files.prune_discarded(self.path)
                fsync_directory(self.path.parent)

    def _close_for_swap(self, cancel: threading.Event) -> None:
        """Close the connection with everything in the database file (called under the lock)."""
        if self._open_snapshots:
            raise OperationConflict("a snapshot of the asset database is being read")
        if cancel.is_set():
            raise OperationCancelled("canceled")
        connection = self._require_connection()
        # Everything in the write-ahead log must be in the database file before it is
        # renamed: a log left beside it would be one more thing a crash could separate.
        # (A database not in WAL mode answers -1, -1: it has no log to leave behind.)
        busy, log_frames, checkpointed = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy != 0 or checkpointed < log_frames:
            raise OperationConflict("the asset database is busy; try again")
        connection.close()
        self._connection = None

    def _rename_into_place(self, replacement: ReplacementDatabase, previous: Path) -> None:
        """Keep this database as `previous`, rename the replacement to its name, and make that
        durable; undone (and the connection reopened) if any of it fails."""
        replaced = False
        try:
            files.remove_database_files(previous)
            files.move_database_files(self.path, previous)
            os.replace(replacement.path, self.path)
            replaced = True
            fsync_directory(self.path.parent)
        except BaseException as error:
            try:
                _undo_swap(self.path, previous, replacement.path, replaced=replaced)
            except BaseException as undo_error:
                raise EngineError(
                    f"{str(error) or type(error).__name__}; undoing the swap failed too "
                    f"({str(undo_error) or type(undo_error).__name__}): the asset database stays "
                    "closed until it is opened again, which finishes or undoes the swap"
                ) from error
            self._connection = self._connect()
            raise

    def close(self) -> None:
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None

    def _connect(self) -> sqlite3.Connection:
        _create_private(self.path)
        connection = sqlite3.connect(
            self.path, isolation_level=None, check_same_thread=False, timeout=files.BUSY_TIMEOUT_SECONDS
        )
        connection.execute(f"PRAGMA page_size={PAGE_SIZE}")  # a no-op but for a new database
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
    """A database being built from a backup, beside the live one; fast to fill since any failure
    (or a crash) discards it whole.

    Built without a rollback journal and without fsyncs (`journal_mode=OFF`, `synchronous=OFF`):
    nothing reads it before it is swapped in, nothing is ever rolled back in it (a failure
    removes the file; start-up recovery removes or sets aside one a crash left), so the journal
    and the syncs would protect nothing. What makes it safe to swap in is `finish`: the
    integrity check passes and the whole file is fsynced before `AssetDatabase.swap_in` may
    rename it.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.finished = False
        self.swapped_in = False
        files.remove_database_files(path)
        _create_private(path)
        self._connection: sqlite3.Connection | None = sqlite3.connect(
            path, isolation_level=None, check_same_thread=False
        )
        try:
            self._connection.execute(f"PRAGMA page_size={PAGE_SIZE}")
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
        """Commit, switch to WAL, check integrity and make the file durable.

        The full `integrity_check`, not `quick_check`: only it proves the id index and the table
        agree (every row indexed under its id, no id twice), which later upserts by id rely on;
        both are written by the same statements here, so only a fault (SQLite's, the memory's, a
        write from outside) could part them, but that is what the check is for. It runs before
        the database can be swapped in, and stops early if `cancel` is set. While it reads, a
        second thread fsyncs the file (the device writing back what the check is reading costs
        it nothing); after the connection is closed the file is fsynced once more, which is
        quick with everything already written back and covers whatever closing wrote.
        """
        connection = self._require_connection()
        connection.execute("COMMIT")
        connection.execute("PRAGMA journal_mode=WAL")
        # The executor waits for the fsync on every exit: a file is never removed while in use.
        with ThreadPoolExecutor(1, thread_name_prefix="fsync") as background:
            written_back = background.submit(_fsync_file, self.path)
            _check_integrity(connection, cancel)
            written_back.result()
        connection.close()
        self._connection = None
        _fsync_file(self.path)
        self.finished = True

    def discard(self) -> None:
        """Close and remove the database, unless it was swapped in."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None
        if not self.swapped_in:
            files.remove_database_files(self.path)

    def _require_connection(self) -> sqlite3.Connection:
        if self._connection is None:
            raise RuntimeError("the replacement database is already finished")
        return self._connection


def _check_integrity(connection: sqlite3.Connection, cancel: threading.Event) -> None:
    """Run SQLite's full integrity check; `OperationCancelled` if `cancel` is set meanwhile."""
    connection.set_progress_handler(lambda: int(cancel.is_set()), _CANCEL_CHECK_STEPS)
    try:
        problems = [row[0] for row in connection.execute("PRAGMA integrity_check")]
    except sqlite3.OperationalError:
        if cancel.is_set():
            raise OperationCancelled("canceled") from None
        raise
    finally:
        connection.set_progress_handler(None, 0)
    if problems != ["ok"]:
        raise sqlite3.DatabaseError("integrity check failed: " + "; ".join(problems[:5]))


def _fsync_file(path: Path) -> None:
    with open(path, "rb") as file:
        os.fsync(file.fileno())


def _row(document: dict[str, Any]) -> tuple[str, str]:
    text = encode_document(document)
    return document["id"], text


def _undo_swap(path: Path, previous: Path, replacement: Path, *, replaced: bool) -> None:
    """Put the previous database back where a failed `swap_in` left things."""
    if replaced:
        files.move_database_files(path, replacement)
    if previous.exists() and not path.exists():
        files.move_database_files(previous, path)
    # The renames are undone for every connection from here on; making that durable is best
    # effort (after a crash, opening the database finishes or undoes the swap).
    with contextlib.suppress(OSError):
        fsync_directory(path.parent)


def is_busy_error(error: sqlite3.Error) -> bool:
    """Whether `error` says another connection holds a lock ("database is locked"), which says
    nothing about the database's content."""
    return files.primary_result_code(error) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def is_disk_full_error(error: sqlite3.Error) -> bool:
    """Whether `error` says the disk holding the database is full (SQLITE_FULL)."""
    return files.primary_result_code(error) == sqlite3.SQLITE_FULL


def _create_private(path: Path) -> None:
    """Create the database file 0600 before SQLite opens it: SQLite creates a new one by the umask,
    and gives the `-wal`, `-shm` and journal files the database's own mode."""
    os.close(open_private(path, os.O_RDWR))
