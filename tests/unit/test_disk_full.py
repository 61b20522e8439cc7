"""A full disk is named: ENOSPC, EDQUOT or SQLite's SQLITE_FULL in any engine step is
`InsufficientStorage`, undoes what the step started, and a failed creation says why."""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from backup_api_server.errors import BackupNotFound, EngineError, InsufficientStorage
from backup_api_server.storage import assets as assets_module
from backup_api_server.storage.database_files import DATABASE_NAME, RESTORING_SUFFIX
from backup_api_server.storage.store import PendingBackup
from backup_api_server_models import Backup, BackupStatusEnum
from tests.support.small_disk import fill, small_disk
from tests.unit.conftest import API_VERSION, EngineFactory
from tests.unit.engine_support import create_completed

WAIT_SECONDS = 10.0
NO_SPACE = os.strerror(errno.ENOSPC)


def documents(count: int, prefix: str, *, random_bytes: int = 0) -> list[dict[str, Any]]:
    # Random content does not compress: the archive is about as large as the documents.
    return [{"id": f"{prefix}-{index}", "content": os.urandom(random_bytes).hex()} for index in range(count)]


def files_under(directory: Path) -> list[str]:
    return sorted(path.name for path in directory.iterdir())


# Injected at the boundaries (runs everywhere)


def test_a_full_disk_while_writing_the_backup_fails_the_creation_and_says_why(
    make_engine: EngineFactory, data_dir: Path
) -> None:
    engine = make_engine()
    real_write = engine.store.write

    @contextlib.contextmanager
    def write_until_full(backup_id: str) -> Iterator[PendingBackup]:
        with real_write(backup_id):
            raise OSError(errno.ENOSPC, NO_SPACE)
        yield  # pragma: no cover (never reached)

    engine.store.write = write_until_full  # type: ignore[method-assign]
    backup_id = engine.start_creation(documents(3, "sent"))

    status = engine.wait_for_creation(backup_id, WAIT_SECONDS)

    assert status.value is BackupStatusEnum.FAILED
    assert status.detail == f"create: write backup: [Errno {errno.ENOSPC}] {NO_SPACE}"
    assert files_under(data_dir / "backups") == []
    assert files_under(data_dir / "jobs") == [f"{backup_id}.failed"]
    engine.close()
    # The reason is kept for after a restart as well.
    assert make_engine().creation_status(backup_id).detail == status.detail


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EDQUOT])
def test_a_full_disk_when_a_creation_starts_is_insufficient_storage_and_leaves_nothing(
    make_engine: EngineFactory, data_dir: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    engine = make_engine()

    def record_started(backup_id: str, backup: Backup) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(engine._journal, "record_started", record_started)

    with pytest.raises(InsufficientStorage, match=rf"^create: \[Errno {code}\] ") as raised:
        engine.start_creation(documents(1, "sent"))

    assert files_under(data_dir / "jobs") == []
    backup_id = f"{API_VERSION}_{engine._ids.last_timestamp}"
    with pytest.raises(BackupNotFound):
        engine.creation_status(backup_id)
    assert type(raised.value) is InsufficientStorage


def test_sqlite_reporting_a_full_disk_in_a_restoration_is_insufficient_storage(
    make_engine: EngineFactory, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = make_engine()
    backup_id = create_completed(engine, documents(3, "backed-up"))
    engine.database.put_many(documents(2, "local"))
    before = engine.list_assets()

    def insert(self: Any, rows: Any) -> None:
        error = sqlite3.OperationalError("database or disk is full")
        error.sqlite_errorcode = sqlite3.SQLITE_FULL
        raise error

    monkeypatch.setattr(assets_module.ReplacementDatabase, "insert", insert)

    with pytest.raises(InsufficientStorage, match=r"^restore: insert documents: database or disk is full$"):
        engine.restore(backup_id)

    assert engine.list_assets() == before
    assert not (data_dir / (DATABASE_NAME + RESTORING_SUFFIX)).exists()


def test_other_errors_stay_what_they_were(
    make_engine: EngineFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = make_engine()

    def record_started(backup_id: str, backup: Backup) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(engine._journal, "record_started", record_started)

    with pytest.raises(EngineError, match=r"^create: \[Errno 5\] ") as raised:
        engine.start_creation([])
    assert not isinstance(raised.value, InsufficientStorage)


# On a real, full filesystem


@pytest.fixture
def small_data_dir(tmp_path: Path) -> Iterator[Path]:
    with small_disk(tmp_path / "small", size="2m") as mount_point:
        yield mount_point / "data"


def test_a_really_full_disk(make_engine: EngineFactory, small_data_dir: Path) -> None:
    engine = make_engine(small_data_dir)
    small_backup = create_completed(engine, documents(20, "backed-up"))
    engine.database.put_many(documents(5, "local"))
    engine.database.put_many(documents(40, "large", random_bytes=8 * 1024))
    before = engine.list_assets()
    stored_before = files_under(small_data_dir / "backups")
    filler = fill(small_data_dir.parent, leave_bytes=64 * 1024)

    # Room for the journal's marker, not for the archive of the database.
    backup_id = engine.start_creation(None)
    status = engine.wait_for_creation(backup_id, WAIT_SECONDS)
    assert status.value is BackupStatusEnum.FAILED
    assert status.detail is not None and NO_SPACE in status.detail, status.detail
    assert files_under(small_data_dir / "backups") == stored_before
    # Nor for the documents a request sent: refused at once (they are spooled to disk first).
    with pytest.raises(InsufficientStorage, match=r"^create: spool the documents sent: .*No space"):
        engine.start_creation(documents(40, "sent", random_bytes=8 * 1024))
    assert files_under(small_data_dir / "spool") == []
    assert files_under(small_data_dir / "backups") == stored_before

    fill(small_data_dir.parent)
    # No room at all: the creation is refused at once, the restoration before the swap.
    with pytest.raises(InsufficientStorage, match=NO_SPACE):
        engine.start_creation(documents(1, "more"))
    with pytest.raises(InsufficientStorage, match=r"^restore: create new database: database or disk is full"):
        engine.restore(small_backup)
    assert engine.list_assets() == before
    assert not (small_data_dir / (DATABASE_NAME + RESTORING_SUFFIX)).exists()
    assert files_under(small_data_dir / "backups") == stored_before

    filler.unlink()
    engine.restore(small_backup)
    assert engine.list_assets() == documents(20, "backed-up")
    create_completed(engine, None)
    engine.close()
