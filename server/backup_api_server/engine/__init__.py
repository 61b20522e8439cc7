"""The jobs engine: creates backups in the background and restores them atomically.

`BackupEngine` ties the asset database, the backup store and a small on-disk journal together:

- one engine (one process) at a time uses a data directory: it holds an exclusive lock on
  `<data_dir>/.lock` from before its start-up recovery until it is closed (`lock`); opening a
  data directory takes the lock, then recovers what a crash left, in that order (`startup`);
- a creation writes a marker `<data_dir>/jobs/<id>.creating` before it starts and removes it once
  the backup is committed to the store, so a creation a crash interrupted reads FAILED after a
  restart, never COMPLETED (`journal`);
- creations run on a fixed pool of `MAX_CONCURRENT_CREATIONS` worker threads; at most
  `MAX_PENDING_CREATIONS` more wait their turn (INITIALIZED), and beyond that a creation is
  refused (`TooManyRequests`, with a retry-after) before anything is written or an id is used
  (`jobs`; the bounds are in `settings`);
- a backup's metadata is verified whenever it is read (see `storage.metadata`): a corrupted
  backup is left out of the list (with a warning on the `backup_api_server` logger) and answers
  `BackupCorrupted` everywhere else, except that it can be deleted (`catalog`);
- a creation plans what it reads, then writes the archive and commits its record (`creation`);
- a restoration verifies the metadata, the archive's size and checksum, builds a new database
  beside the current one, checks its integrity, and swaps it in; until the swap starts,
  cancelling or failing leaves the current database exactly as it was (`restoration`).

Every step looks at the job's stop event and wraps errors with the step's name, e.g.
``restore: verify checksum: sha256 mismatch ...``; a full disk (ENOSPC, EDQUOT, SQLite's
SQLITE_FULL) in any step is `InsufficientStorage` (`steps`). A job stops when it is cancelled (it
ends CANCELED) or when the engine closes (it ends FAILED: "interrupted: the server stopped", as it
would read after a crash).

What the engine answers is typed by the models generated from the spec: a `Backup`, statuses
`BackupStatusEnum`; ids follow the spec's `BackupId` rule and new backups are made in `identity`.
"""

from ..settings import MAX_CONCURRENT_CREATIONS, MAX_PENDING_CREATIONS
from .core import BATCH_SIZE, BackupEngine
from .jobs import SHUTDOWN_DETAIL, TERMINAL_STATUS_VALUES, RestorationHandle, Status
from .lock import LOCK_FILE_NAME
from .steps import StepHook

__all__ = [
    "BATCH_SIZE",
    "LOCK_FILE_NAME",
    "MAX_CONCURRENT_CREATIONS",
    "MAX_PENDING_CREATIONS",
    "SHUTDOWN_DETAIL",
    "TERMINAL_STATUS_VALUES",
    "BackupEngine",
    "RestorationHandle",
    "Status",
    "StepHook",
]
