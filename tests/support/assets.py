"""Asset documents for tests: valid for the original model, with unknown fields at every level."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import httpx

from backup_api_server.storage.assets import AssetDatabase
from tests.support.pages import walk_pages
from tests.support.waiting import ENDED_VALUES, poll

LARGE_DATABASE_ASSETS = 120_000


def asset_document(index: int, *, content_bytes: int = 64) -> dict[str, Any]:
    fragment_id = f"format-{index}"
    return {
        "id": f"asset-{index:06d}",
        "name": f"Snippet {index}",
        "creator": "tests",
        "created": {"value": "2025-11-27T14:28:03Z", "readable": "today"},
        "updated": {"value": "2025-11-27T14:28:03.5+01:00"},
        "mechanism": "MANUAL",
        "formats": {
            "iterable": [
                {
                    "id": fragment_id,
                    "fragment": {"string": {"raw": f"print({index})  # " + "x" * content_bytes}},
                    "classification": {"specific": "py", "unknown_nested": [1, 2.5, None, True]},
                }
            ],
            "indices": {fragment_id: 0},
        },
        "original": {"id": fragment_id, "reference": {"id": fragment_id}},
        "preview": {"base": {"id": fragment_id}, "overlay": {"id": fragment_id}},
        "tags": {"iterable": [{"text": "ünïcode ✓"}]},
        "x-extra": {"deep": {"deeper": ["kept", {"as": "sent"}]}},
        "favorited": index % 2 == 0,
    }


def asset_documents(count: int, *, content_bytes: int = 64) -> list[dict[str, Any]]:
    return [asset_document(index, content_bytes=content_bytes) for index in range(count)]


def creation_statuses(http: httpx.Client, backup_id: str, timeout: float = 60.0) -> list[dict[str, Any]]:
    """Poll creation status over raw HTTP until it ends; every status document seen, the last ended."""
    statuses: list[dict[str, Any]] = poll(
        lambda: http.get(f"/backup/{backup_id}/creation/status").json(),
        lambda status: status["value"] in ENDED_VALUES,
        timeout=timeout,
        what=f"end of the creation of {backup_id}",
    )
    return statuses


def wait_for_creation(http: httpx.Client, backup_id: str, timeout: float = 60.0) -> dict[str, Any]:
    """Poll creation status over raw HTTP until it ends; returns the last status document."""
    return creation_statuses(http, backup_id, timeout)[-1]


def create_backup(http: httpx.Client, documents: list[dict[str, Any]] | None) -> str:
    if documents is None:
        response = http.post("/backup")
    else:
        response = http.post("/backup", json={"iterable": documents})
    assert response.status_code == 202, response.text
    backup_id = response.headers["Backup-Id"]
    assert response.headers["Location"] == f"/backup/{backup_id}"
    assert response.content == b""
    return backup_id


def seed_database(data_dir: Path, documents: list[dict[str, Any]]) -> None:
    """Write documents into a data directory's asset database, as the service itself would."""
    data_dir.mkdir(parents=True, exist_ok=True)
    database = AssetDatabase(data_dir)
    try:
        database.put_many(documents)
    finally:
        database.close()


def copy_data_dir(template: Path, destination: Path) -> Path:
    shutil.copytree(template, destination)
    return destination


def every_asset(http: httpx.Client, **get: Any) -> dict[str, Any]:
    """The whole `GET /assets` list as one `Assets` document, read page by page."""
    documents: list[dict[str, Any]] = []
    for response in walk_pages(http, "/assets", {"limit": 1000}, **get):
        documents.extend(response.json()["iterable"])
    return {"iterable": documents}
