"""Opening a data directory for a `BackupEngine`, in the order start-up recovery needs.

1. the backup id's version is checked (a version that cannot prefix ids is refused before anything
   is created or opened);
2. the data directory is made private (0700, `storage.private_files`), and its lock is taken
   (`lock`): everything after it rewrites what a running engine depends on;
3. the asset database is opened, and the store (the given one, else `<data_dir>/backups`);
4. recovery, under the lock: the store removes what looks like interrupted writes (another engine's
   writes in progress would look the same), the spool is emptied (no creation of ours uses it), and
   the journal marks what a crash interrupted as FAILED (`journal`);
5. ids are made after every id handed out before (committed or in the journal), with this writer's
   tag when the store is shared; then whatever in the data directory the group or others could
   read (left by an older version) is made private;
6. a store that keeps its verified records (the local one) verifies them now, once, so the first
   answers come from memory (and corrupted backups are reported at start-up).

If any of it fails, what was opened is closed again, the given store too: the engine owns it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..storage.assets import AssetDatabase
from ..storage.encryption import EncryptionKey
from ..storage.private_files import private_directory, tighten_tree
from ..storage.spool import SPOOL_DIRECTORY, clear_spool
from ..storage.store import BackupStore, LocalDirectoryStore
from .catalog import Catalog
from .identity import BackupIds
from .journal import CreationJournal
from .lock import DirectoryLock, open_database
from .steps import StepHook, Workspace

__all__ = ["OpenedDataDirectory", "open_data_directory"]


@dataclass(frozen=True)
class OpenedDataDirectory:
    """What an engine holds of its data directory, recovered and ready; the engine closes it."""

    directory_lock: DirectoryLock
    database: AssetDatabase
    store: BackupStore
    spool_directory: Path
    ids: BackupIds
    journal: CreationJournal
    workspace: Workspace
    catalog: Catalog


def open_data_directory(
    data_dir: Path,
    *,
    api_version: str,
    store: BackupStore | None,
    encryption_key: EncryptionKey | None,
    hook: StepHook,
    time_ns: Callable[[], int],
    batch_size: int,
) -> OpenedDataDirectory:
    """Lock, open and recover `data_dir` (see the module docstring)."""
    BackupIds(api_version, time_ns)  # refuses a version that cannot prefix ids
    private_directory(data_dir)
    with contextlib.ExitStack() as undo:
        # A store given to an engine that cannot open is closed too: the engine owns it.
        if store is not None:
            undo.callback(store.close)
        # Taken before any recovery: start-up recovery rewrites what a running engine depends on.
        directory_lock = DirectoryLock(data_dir)
        undo.callback(directory_lock.release)
        database = open_database(data_dir)
        undo.callback(database.close)
        if store is None:
            store = LocalDirectoryStore(data_dir / "backups")
            undo.callback(store.close)
        spool_directory, journal, ids = _recover(data_dir, store, api_version, time_ns)
        workspace = Workspace(database, store, batch_size, hook, encryption_key, spool_directory)
        catalog = Catalog(store, journal)
        if store.listing_version() is not None:
            # A store that keeps its verified records (the local one): verify them now, once, so
            # the first answers come from memory (and corrupted backups are reported at start-up).
            catalog.current_index()
        undo.pop_all()
    return OpenedDataDirectory(
        directory_lock, database, store, spool_directory, ids, journal, workspace, catalog
    )


def _recover(
    data_dir: Path, store: BackupStore, api_version: str, time_ns: Callable[[], int]
) -> tuple[Path, CreationJournal, BackupIds]:
    """Under the lock: what interrupted writes and creations left is cleaned up or marked, and ids
    are made after every id handed out before."""
    # Only now, under the lock: the clean-up removes what looks like interrupted
    # writes, which another engine's writes in progress would look like too.
    store.recover()
    spool_directory = data_dir / SPOOL_DIRECTORY
    spool_directory.mkdir(exist_ok=True)
    clear_spool(spool_directory)  # what a crash left: no creation of ours uses it
    # A shared store: this writer's ids carry its tag (semver build metadata), so two machines
    # never make the same id.
    version = api_version if store.writer_tag is None else f"{api_version}+{store.writer_tag}"
    ids = BackupIds(version, time_ns)
    committed_ids = set(store.list_ids())
    journal = CreationJournal(data_dir / "jobs")
    journal.recover(committed_ids)
    ids.seen(committed_ids | journal.ids())
    # Last, once every folder of ours exists: what an earlier version left readable becomes private.
    tighten_tree(data_dir)
    return spool_directory, journal, ids
