"""Private by default (issue 21, item 1): through the real server started under umask 022, the data
directory is 0700 and every file a create/restore cycle leaves in it 0600 (the database and its
-wal/-shm while it runs, archives, metadata, lock, store-tag, spool); an existing directory and its
files are tightened; token and key files others can read stop `serve` with the chmod to fix it."""

from __future__ import annotations

import os
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from backup_api_server.storage.encryption import write_new_key_file
from backup_api_server.storage.private_files import open_private, private_directory, restrict_umask
from tests.server.conftest import checked_client
from tests.support.assets import asset_documents, create_backup, every_asset, wait_for_creation
from tests.support.live_server import running_server, serve_command

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


@pytest.fixture
def umask_022() -> Iterator[None]:
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def modes_under(root: Path) -> dict[str, int]:
    """Every directory and file under `root` (and `root` itself), by relative path, with its mode."""
    modes = {".": stat.S_IMODE(root.stat().st_mode)}
    for directory, subdirectories, files in os.walk(root):
        for name in subdirectories + files:
            path = Path(directory, name)
            modes[str(path.relative_to(root))] = stat.S_IMODE(path.lstat().st_mode)
    return modes


def assert_private(root: Path) -> dict[str, int]:
    modes = modes_under(root)
    shared = {name: oct(mode) for name, mode in modes.items() if mode & 0o077}
    assert not shared, shared
    for name, mode in modes.items():
        expected = 0o700 if (root / name).is_dir() else 0o600
        assert mode == expected, (name, oct(mode))
    return modes


@pytest.mark.slow
@pytest.mark.usefixtures("umask_022")
def test_a_create_and_restore_cycle_leaves_only_private_files_under_umask_022(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    key_file = tmp_path / "backup.key"
    write_new_key_file(key_file)
    arguments = ("--encryption-key-file", str(key_file))
    with running_server(data_dir, *arguments) as live, checked_client(live) as http:
        documents = asset_documents(30)
        backup_id = create_backup(http, documents)
        assert wait_for_creation(http, backup_id)["value"] == "COMPLETED"
        assert http.post(f"/backup/{backup_id}/restore").status_code == 200
        whole = create_backup(http, None)
        assert wait_for_creation(http, whole)["value"] == "COMPLETED"
        assert every_asset(http)["iterable"] == documents
        running = assert_private(data_dir)  # while it runs: the database's -wal and -shm too
    assert {"assets.db", "assets.db-wal", "assets.db-shm", ".lock", "spool", "jobs"} <= set(running)
    assert f"backups/{backup_id}.jsonl.zst" in running and f"backups/{backup_id}.json" in running
    assert_private(data_dir)


@pytest.mark.slow
@pytest.mark.usefixtures("umask_022")
def test_an_existing_data_directory_left_readable_is_tightened_at_start(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    with running_server(data_dir) as live, checked_client(live) as http:
        assert wait_for_creation(http, create_backup(http, asset_documents(3)))["value"] == "COMPLETED"
    for path in [data_dir, *data_dir.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    (data_dir / "store-tag").write_text("left by an older version\n")
    with running_server(data_dir):
        assert_private(data_dir)


def test_serve_refuses_a_data_directory_of_another_user(tmp_path: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("needs root to give the directory away")
    data_dir = tmp_path / "theirs"
    data_dir.mkdir()
    os.chown(data_dir, 65534, 65534)
    result = subprocess.run(
        serve_command("--port", "0", "--data-dir", str(data_dir)), capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1, result.stderr
    assert "belongs to user id 65534" in result.stderr


@pytest.mark.parametrize("option", ["--token-file", "--encryption-key-file"])
@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604])
def test_serve_refuses_a_secret_file_others_can_read_with_the_chmod_to_fix_it(
    tmp_path: Path, option: str, mode: int
) -> None:
    secret = tmp_path / "secret"
    if option == "--token-file":
        secret.write_text("a-token\n")
    else:
        write_new_key_file(secret)
    secret.chmod(mode)
    command = serve_command("--port", "0", "--data-dir", str(tmp_path / "data"), option, str(secret))
    result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr == (
        f"backup-api: {option} {secret} is accessible by other users (mode {mode:03o}): "
        f"run `chmod 600 {secret}` and start again\n"
    )
    assert not (tmp_path / "data").exists()  # refused before anything was created


def test_open_private_makes_0600_files_whatever_the_umask(tmp_path: Path) -> None:
    previous = os.umask(0o000)
    try:
        os.close(open_private(tmp_path / "new", os.O_WRONLY))
        existing = tmp_path / "existing"
        existing.write_text("x")
        existing.chmod(0o666)
        os.close(open_private(existing, os.O_WRONLY))
        directory = private_directory(tmp_path / "a" / "b")
        (tmp_path / "loose").mkdir(mode=0o777)
        private_directory(tmp_path / "loose")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "new").stat().st_mode) == 0o600
    assert stat.S_IMODE(existing.stat().st_mode) == 0o600
    assert stat.S_IMODE(directory.stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "loose").stat().st_mode) == 0o700


def test_restrict_umask_hides_group_and_other_bits_and_keeps_stricter_ones() -> None:
    previous = os.umask(0o022)
    try:
        restrict_umask()
        assert os.umask(0o222) == 0o077
        restrict_umask()
        assert os.umask(0o022) == 0o277
    finally:
        os.umask(previous)
