"""A full disk over HTTP, on a real (small) filesystem: 507 insufficient-storage where the answer
waits for the work, a FAILED creation status that says why, and nothing changed."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.server.conftest import checked_client
from tests.support.assets import asset_documents, create_backup, seed_database, wait_for_creation
from tests.support.live_server import LiveServer, running_server
from tests.support.small_disk import fill, small_disk

NO_SPACE = os.strerror(errno.ENOSPC)
INSUFFICIENT_STORAGE = "urn:backup-api:problem:insufficient-storage"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[LiveServer]:
    with small_disk(tmp_path / "small", size="2m") as mount_point:
        data_dir = mount_point / "data"
        seed_database(data_dir, asset_documents(5))
        with running_server(data_dir) as live:
            yield live


def assert_insufficient_storage(response: httpx.Response) -> str:
    assert response.status_code == 507, response.text
    problem = response.json()
    assert problem["type"] == INSUFFICIENT_STORAGE
    assert problem["title"] == "Insufficient Storage"
    detail: str = problem["detail"]
    return detail


def test_a_full_disk_is_507_and_a_failed_creation_says_why(server: LiveServer) -> None:
    with checked_client(server) as http:
        backup_id = create_backup(http, asset_documents(3))
        assert wait_for_creation(http, backup_id)["value"] == "COMPLETED"
        # A database too large to back up once the disk is full.
        large = [{"id": f"large-{index}", "content": os.urandom(8 * 1024).hex()} for index in range(20)]
        large_id = create_backup(http, large)
        assert wait_for_creation(http, large_id)["value"] == "COMPLETED"
        assert http.post(f"/backup/{large_id}/restore").status_code == 200
        assets_before = http.get("/assets").json()
        backups_before = http.get("/backups").json()
        filler = fill(server.data_dir.parent, leave_bytes=64 * 1024)

        # Room for the creation's journal marker, not for its archive: it fails in the background.
        failed_id = create_backup(http, None)
        status = wait_for_creation(http, failed_id)
        assert status["value"] == "FAILED"
        assert status["detail"].startswith("create: write backup: ")
        assert NO_SPACE in status["detail"]
        # Documents a request sends are spooled to disk first: those that do not fit are refused at once.
        detail = assert_insufficient_storage(http.post("/backup", json={"iterable": large}))
        assert detail.startswith("create: spool the documents sent: ") and NO_SPACE in detail

        fill(server.data_dir.parent)
        assert NO_SPACE in assert_insufficient_storage(http.post("/backup"))
        assert NO_SPACE in assert_insufficient_storage(http.post("/backup/asset", json={"id": "one"}))
        detail = assert_insufficient_storage(http.post(f"/backup/{backup_id}/restore"))
        assert detail == "restore: create new database: database or disk is full"

        assert http.get("/assets").json() == assets_before
        assert http.get("/backups").json() == backups_before

        filler.unlink()
        assert http.post(f"/backup/{backup_id}/restore").status_code == 200
        assert http.get("/assets").json() == {"iterable": asset_documents(3)}
