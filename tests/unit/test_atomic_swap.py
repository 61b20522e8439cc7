"""The restore's swap is atomic, checked directly on the files: the replacement database is renamed
into place (after a restore the database file *is* the replacement, same inode, and nothing is left
at the replacement's path), never copied; a failure part-way through the swap puts the original
database file itself back (its inode) and leaves neither the replacement nor the kept copy behind.

A swap done by copying would pass every content check (the rows are the same) while a crash during
the copy could leave a half-written database in place: only the inode tells the two apart.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from backup_api_server.engine import BackupEngine
from backup_api_server.errors import EngineError
from backup_api_server.storage import assets as assets_module
from backup_api_server.storage import database_files as database_files_module
from backup_api_server.storage.database_files import DATABASE_NAME, PREVIOUS_SUFFIX, RESTORING_SUFFIX
from backup_api_server.storage.store import fsync_directory as store_fsync_directory
from tests.unit.conftest import EngineFactory

ORIGINAL = [{"id": f"original-{index}", "n": index} for index in range(5)]
BACKED_UP = [{"id": f"backed-up-{index}", "n": index} for index in range(700)]
WAIT_SECONDS = 30.0
SIDE_FILES = ("", "-wal", "-shm", "-journal")


def inode(path: Path) -> int:
    return os.stat(path).st_ino


def leftovers(data_dir: Path) -> list[str]:
    """Whatever a swap may leave: the replacement or the kept previous database, or their side files."""
    return sorted(
        path.name
        for suffix in (RESTORING_SUFFIX, PREVIOUS_SUFFIX)
        for side in SIDE_FILES
        if (path := data_dir / f"{DATABASE_NAME}{suffix}{side}").exists()
    )


class SwapWatch:
    """A step hook noting the replacement's inode when the swap starts (`restore:swap`)."""

    def __init__(self, data_dir: Path) -> None:
        self.replacement = data_dir / f"{DATABASE_NAME}{RESTORING_SUFFIX}"
        self.replacement_inode: int | None = None

    def __call__(self, phase: str) -> None:
        if phase == "restore:swap":
            self.replacement_inode = inode(self.replacement)


def engine_with_backup(make_engine: EngineFactory, watch: SwapWatch) -> tuple[BackupEngine, str]:
    engine = make_engine(step_hook=watch)
    backup_id = engine.start_creation(BACKED_UP)
    assert engine.wait_for_creation(backup_id, WAIT_SECONDS).value == "COMPLETED"
    engine.database.put_many(ORIGINAL)
    return engine, backup_id


def test_after_a_restore_the_database_is_the_replacement_renamed_into_place(
    make_engine: EngineFactory, data_dir: Path
) -> None:
    watch = SwapWatch(data_dir)
    engine, backup_id = engine_with_backup(make_engine, watch)
    database = data_dir / DATABASE_NAME
    original_inode = inode(database)

    engine.restore(backup_id)

    assert watch.replacement_inode is not None, "the restoration never reached its swap"
    assert watch.replacement_inode != original_inode
    assert inode(database) == watch.replacement_inode, (
        "the database file is not the replacement renamed into place (a copy has another inode)"
    )
    assert leftovers(data_dir) == [], "the swap left the replacement or the previous database behind"
    assert engine.list_assets() == BACKED_UP


def fail_renaming_the_replacement(monkeypatch: pytest.MonkeyPatch) -> None:
    """The live database has been set aside; renaming the replacement to its name fails."""
    real = os.replace

    def replace(source: Any, destination: Any) -> None:
        if str(source).endswith(RESTORING_SUFFIX):
            raise OSError(5, "Input/output error (injected: renaming the replacement)")
        real(source, destination)

    monkeypatch.setattr(os, "replace", replace)


def fail_making_the_swap_durable(monkeypatch: pytest.MonkeyPatch) -> None:
    """Both renames are done; the directory fsync that makes them durable fails."""
    real = store_fsync_directory

    def fsync_directory(directory: Path) -> None:
        if (directory / f"{DATABASE_NAME}{PREVIOUS_SUFFIX}").exists():
            raise OSError(5, "Input/output error (injected: making the swap durable)")
        real(directory)

    monkeypatch.setattr(assets_module, "fsync_directory", fsync_directory)


def fail_setting_the_database_aside(monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing is renamed yet: keeping the live database as the previous one fails."""
    real = database_files_module.move_database_files

    def move_database_files(source: Path, destination: Path) -> None:
        if destination.name.endswith(PREVIOUS_SUFFIX):
            raise OSError(5, "Input/output error (injected: setting the database aside)")
        real(source, destination)

    monkeypatch.setattr(database_files_module, "move_database_files", move_database_files)


@pytest.mark.parametrize(
    "inject",
    [fail_setting_the_database_aside, fail_renaming_the_replacement, fail_making_the_swap_durable],
    ids=["setting-aside", "renaming-replacement", "making-durable"],
)
def test_a_swap_that_fails_part_way_puts_the_original_database_file_back(
    make_engine: EngineFactory,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    inject: Callable[[pytest.MonkeyPatch], None],
) -> None:
    watch = SwapWatch(data_dir)
    engine, backup_id = engine_with_backup(make_engine, watch)
    database = data_dir / DATABASE_NAME
    original_inode = inode(database)
    inject(monkeypatch)

    with pytest.raises(EngineError, match=r"^restore: swap databases: .*\(injected: "):
        engine.restore(backup_id)

    monkeypatch.undo()
    assert watch.replacement_inode is not None, "the restoration never reached its swap"
    assert inode(database) == original_inode, "the database file is not the original one"
    assert leftovers(data_dir) == [], "the failed swap left the replacement or the previous database"
    assert engine.restoration_status(backup_id).value.value == "FAILED"
    assert engine.list_assets() == ORIGINAL
    engine.database.put({"id": "written-after"})  # the original database is open and usable
    assert engine.list_assets() == [*ORIGINAL, {"id": "written-after"}]
