"""The storage layer at edges the scenario tests do not reach: a swap whose undoing meets a failing
directory fsync or a stale previous copy, and a delete racing another remover. (Found by the mutation
run, `mutation/run.py`.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from backup_api_server.errors import BackupNotFound, EngineError
from backup_api_server.storage import assets as assets_module
from backup_api_server.storage import database_files as database_files_module
from backup_api_server.storage.database_files import DATABASE_NAME, PREVIOUS_SUFFIX
from backup_api_server.storage.store import LocalDirectoryStore
from tests.unit.conftest import EngineFactory
from tests.unit.test_engine import (
    DATA_DIR_FILES,
    create_completed,
    fail_fsync_when,
    files_under,
    make_assets,
    stored_rows,
)
from tests.unit.test_store import write_backup


def test_a_swap_undone_while_every_directory_fsync_fails_still_puts_the_previous_database_back(
    make_engine: EngineFactory, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = make_engine()
    backup_id = create_completed(engine, make_assets(30, prefix="backed-up"))
    engine.database.put_many(make_assets(7, prefix="original"))
    rows_before = stored_rows(data_dir)
    documents_before = engine.list_assets()
    failed = fail_fsync_when(monkeypatch, assets_module, lambda _: True)

    # The undo's own fsync is best effort: only the swap's failure is reported.
    with pytest.raises(EngineError, match=r"Input/output error \(injected\)$"):
        engine.restore(backup_id)

    assert len(failed) == 2  # the swap's, then the undo's
    assert engine.list_assets() == documents_before  # open again, on the previous database
    assert stored_rows(data_dir) == rows_before
    assert files_under(data_dir) == DATA_DIR_FILES


def test_a_swap_that_fails_before_renaming_never_puts_a_stale_previous_copy_in_place(
    make_engine: EngineFactory, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = make_engine()
    backup_id = create_completed(engine, make_assets(30, prefix="backed-up"))
    engine.database.put_many(make_assets(7, prefix="original"))
    documents_before = engine.list_assets()
    # A stale previous copy that cannot be removed: the swap fails before any rename.
    previous = data_dir / (DATABASE_NAME + PREVIOUS_SUFFIX)
    previous.write_bytes(b"a stale copy, not a database")
    real_remove = database_files_module.remove_database_files

    def remove_database_files(path: Path) -> None:
        if path == previous:
            raise PermissionError(13, "Permission denied (injected)")
        real_remove(path)

    monkeypatch.setattr(database_files_module, "remove_database_files", remove_database_files)

    with pytest.raises(EngineError, match=r"Permission denied \(injected\)"):
        engine.restore(backup_id)

    assert engine.list_assets() == documents_before
    assert previous.read_bytes() == b"a stale copy, not a database"


@pytest.fixture
def local_store(tmp_path: Path) -> LocalDirectoryStore:
    store = LocalDirectoryStore(tmp_path / "backups")
    write_backup(store, "1.0.0_1", b"archive bytes")
    return store


def test_delete_of_a_backup_whose_archive_another_remover_took_first_succeeds(
    local_store: LocalDirectoryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked = local_store._require_committed

    def checked_then_archive_removed(backup_id: str) -> None:
        checked(backup_id)
        local_store._archive_path(backup_id).unlink()

    monkeypatch.setattr(local_store, "_require_committed", checked_then_archive_removed)

    local_store.delete("1.0.0_1")

    assert local_store.list_ids() == []
    assert sorted(path.name for path in local_store.root.iterdir()) == []


def test_delete_of_a_backup_whose_metadata_another_remover_took_first_is_not_found(
    local_store: LocalDirectoryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked = local_store._require_committed

    def checked_then_metadata_removed(backup_id: str) -> None:
        checked(backup_id)
        local_store._metadata_path(backup_id).unlink()

    monkeypatch.setattr(local_store, "_require_committed", checked_then_metadata_removed)

    with pytest.raises(BackupNotFound, match=r"^backup 1\.0\.0_1 not found$"):
        local_store.delete("1.0.0_1")
