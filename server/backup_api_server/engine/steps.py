"""What every step of a creation or restoration shares.

- `step(name)` names the step in any error raised inside it, outermost first
  (``restore: verify checksum: sha256 mismatch ...``); a full disk (ENOSPC, EDQUOT, SQLite's
  SQLITE_FULL) in any step is `InsufficientStorage`;
- `Workspace` is what the flows work on, and hands out batches only after the step hook ran and
  the cancel handle (the job's stop event) was looked at;
- `percentage` is progress, never above 100.
"""

from __future__ import annotations

import contextlib
import errno
import sqlite3
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TypeVar

from ..errors import EngineError, InsufficientStorage, OperationCancelled
from ..settings import DEFAULT_MAX_BODY_BYTES
from ..storage.archive import ArchiveReader
from ..storage.assets import AssetDatabase, is_disk_full_error
from ..storage.encryption import EncryptionKey
from ..storage.metadata import BackupRecord
from ..storage.store import BackupStore

__all__ = [
    "StepHook",
    "Workspace",
    "archive_reader",
    "as_engine_error",
    "percentage",
    "raise_if_cancelled",
    "step",
]

_Item = TypeVar("_Item")
StepHook = Callable[[str], None]
"""Called with a phase name between batches, when a cancellation is requested
("<kind>:cancel-requested") and when the engine starts closing ("engine:closing"); for tests."""

_DISK_FULL_ERRNOS = frozenset(
    code for code in (errno.ENOSPC, getattr(errno, "EDQUOT", None)) if code is not None
)


@dataclass(frozen=True)
class Workspace:
    """What creations and restorations work on: the asset database, the backup store, how many
    documents a batch holds, the step hook (a no-op but in tests), the key archives are encrypted
    with (None: not encrypted), and the data directory's scratch folder."""

    database: AssetDatabase
    store: BackupStore
    batch_size: int
    hook: StepHook
    key: EncryptionKey | None = None
    # Where a restoration copies an archive a remote store holds (`spool.staged_archive`); None: it
    # reads the store twice.
    spool_directory: Path | None = None
    # The largest document a restoration takes from an archive: the same bound as a request body's
    # (`serve --max-body-bytes`), so a line with no end cannot take the server's memory.
    max_document_bytes: int = DEFAULT_MAX_BODY_BYTES

    def between_checks(
        self, batches: Iterator[list[_Item]], phase: str, cancel: threading.Event
    ) -> Iterator[list[_Item]]:
        """The batches, each fetched only after the step hook ran and cancellation was checked."""
        while True:
            self.hook(phase)
            raise_if_cancelled(cancel)
            batch = next(batches, None)
            if batch is None:
                return
            yield batch


@contextlib.contextmanager
def step(name: str) -> Iterator[None]:
    """Name the step in any error raised inside it; non-engine errors become `EngineError`."""
    try:
        yield
    except EngineError as error:
        raise error.with_step(name) from error
    except Exception as error:
        raise as_engine_error(name, error) from error


def as_engine_error(name: str, error: Exception) -> EngineError:
    """`error`, raised in step `name`, as an engine error: `InsufficientStorage` for a full disk."""
    kind = InsufficientStorage if _is_disk_full(error) else EngineError
    return kind(f"{name}: {str(error) or type(error).__name__}")


def raise_if_cancelled(cancel: threading.Event) -> None:
    if cancel.is_set():
        raise OperationCancelled("canceled")


def percentage(done: int, total: int) -> float:
    """`done` of `total` in percent, never above 100 (whatever a wrong total says)."""
    return 100.0 if total <= 0 else min(100.0, round(100.0 * done / total, 2))


def _is_disk_full(error: BaseException) -> bool:
    """Whether `error`, or an error it was raised from or while handling, says the disk (or the
    user's quota) is full."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError) and current.errno in _DISK_FULL_ERRNOS:
            return True
        if isinstance(current, sqlite3.Error) and is_disk_full_error(current):
            return True
        current = current.__cause__ or current.__context__
    return False


def archive_reader(
    record: BackupRecord, workspace: Workspace, open_archive: Callable[[], BinaryIO] | None = None
) -> ArchiveReader:
    """The reader of the archive `record` describes, bounded as every untrusted archive is: a
    restoration and a verification read it alike (`open_archive`: a local copy instead)."""
    return ArchiveReader(
        open_archive or (lambda: workspace.store.open_archive(record.backup_id)),
        expected_sha256=record.sha256,
        expected_count=record.asset_count,
        expected_bytes=record.backup.bytes,
        expected_decoded_bytes=record.decoded_bytes,
        max_document_bytes=workspace.max_document_bytes,
        backup_id=record.backup_id,
        key_id=record.encryption_key_id,
        key=workspace.key,
    )
