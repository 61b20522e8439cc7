"""The data directory: one engine at a time, where it is (engine.lock, paths)."""

from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from backup_api_server.engine import BackupEngine
from backup_api_server.errors import (
    DataDirectoryInUse,
)
from backup_api_server.paths import DATA_DIR_ENV, resolve_data_dir
from backup_api_server.storage import database_files as database_files_module
from backup_api_server.storage.store import LocalDirectoryStore
from tests.unit.engine_support import (
    API_VERSION,
    WAIT_SECONDS,
    EngineFactory,
    PhaseGate,
    files_under,
    make_assets,
    make_swap_leftovers,
    run_until_crash,
)

# Data directory


def test_second_engine_on_a_data_dir_in_use_is_refused_and_harms_nothing(
    make_engine: EngineFactory, data_dir: Path
) -> None:
    gate = PhaseGate("create:write", occurrence=2)
    first = make_engine(step_hook=gate)
    first.database.put_many(make_assets(5, prefix="original"))
    backup_id = first.start_creation(make_assets(1_200))
    gate.wait_reached()
    running_files = (files_under(data_dir / "jobs"), files_under(data_dir / "backups"))
    assert running_files == ([f"{backup_id}.creating"], [f"{backup_id}.jsonl.zst.tmp"])

    message = f"data directory {data_dir} is in use by another backup-api process"
    with pytest.raises(DataDirectoryInUse, match=re.escape(message)):
        BackupEngine(data_dir, api_version=API_VERSION)
    with pytest.raises(DataDirectoryInUse, match=re.escape(message)):  # a store built by the caller
        BackupEngine(data_dir, api_version=API_VERSION, store=LocalDirectoryStore(data_dir / "backups"))
    in_other_process = run_until_crash(
        data_dir,
        """
        from backup_api_server.errors import DataDirectoryInUse
        try:
            BackupEngine(DATA_DIR, api_version="1.0.0")
        except DataDirectoryInUse as error:
            print(error.detail)
        crash()
        """,
    )

    assert in_other_process == message
    assert (files_under(data_dir / "jobs"), files_under(data_dir / "backups")) == running_files
    assert first.creation_status(backup_id).value == "IN-PROGRESS"
    gate.release()
    assert first.wait_for_creation(backup_id, WAIT_SECONDS).value == "COMPLETED"
    first.close()

    reopened = make_engine()
    assert reopened.creation_status(backup_id).value == "COMPLETED"
    assert reopened.list_assets() == make_assets(5, prefix="original")


def test_engine_recovers_the_store_it_is_given_once_it_holds_the_data_dir(
    make_engine: EngineFactory, data_dir: Path
) -> None:
    backups = data_dir / "backups"
    backups.mkdir(parents=True)
    (backups / "1.0.0_2.jsonl.zst.tmp").write_bytes(b"interrupted archive")
    (backups / "1.0.0_3.jsonl.zst").write_bytes(b"archive whose metadata was never committed")
    store = LocalDirectoryStore(backups)
    assert files_under(backups) == ["1.0.0_2.jsonl.zst.tmp", "1.0.0_3.jsonl.zst"]

    engine = make_engine(store=store)

    assert files_under(backups) == []
    assert engine.list_backups() == []


def test_data_dir_lock_is_released_when_opening_fails(make_engine: EngineFactory, data_dir: Path) -> None:
    class UnreadableStore(LocalDirectoryStore):
        def list_ids(self) -> list[str]:
            raise OSError("store unreachable")

    with pytest.raises(OSError, match="store unreachable"):
        BackupEngine(data_dir, api_version=API_VERSION, store=UnreadableStore(data_dir / "backups"))

    make_engine().close()


def test_locked_database_is_not_taken_for_a_broken_one_at_start_up(
    data_dir: Path, make_engine: EngineFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A swap completed before a crash (the new database is in place, the old one kept), and
    # some other process holds the new database locked while the service starts.
    _, main, previous = make_swap_leftovers(data_dir, make_engine)
    shutil.copyfile(main, previous)
    connection = sqlite3.connect(main)
    connection.execute("DELETE FROM assets WHERE position > 1")
    connection.commit()
    connection.close()
    monkeypatch.setattr(database_files_module, "BUSY_TIMEOUT_SECONDS", 0.1)
    holder = sqlite3.connect(main, isolation_level=None)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DataDirectoryInUse, match=r"asset database .* is locked by another process"):
            make_engine()
        assert previous.exists()
    finally:
        holder.close()

    assert [document["id"] for document in make_engine().list_assets()] == ["previous-000000"]
    assert not previous.exists()


def test_data_dir_comes_from_the_cli_then_the_environment_then_the_platform(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "from-env"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))

    assert resolve_data_dir(str(tmp_path / "from-cli")) == tmp_path / "from-cli"
    assert resolve_data_dir(None) == tmp_path / "from-env"
    monkeypatch.delenv(DATA_DIR_ENV)
    default = resolve_data_dir(None)
    assert default.is_dir()
    assert default.name == "backup-api"
    assert (tmp_path / "from-cli").is_dir() and (tmp_path / "from-env").is_dir()
