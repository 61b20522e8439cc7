"""`GET /assets` and `GET /backups` page by an opaque cursor: every item once, in the list's order,
no page over `limit`, the next cursor in `Next-Cursor` (absent on the last page)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from backup_api_server import contract
from tests.server.conftest import checked_client
from tests.support.assets import asset_documents, create_backup, seed_database, wait_for_creation
from tests.support.live_server import running_server
from tests.support.pages import walk_pages


@pytest.fixture(scope="module")
def seeded_http(tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    """One server for the module's read-only tests (none changes the database; one creation of a
    body's assets adds a backup, which no other of them lists): a server start each cost seconds."""
    data_dir = tmp_path_factory.mktemp("seeded") / "data"
    seed_database(data_dir, asset_documents(250, content_bytes=8))
    with running_server(data_dir) as live, checked_client(live) as client:
        yield client


def pages(http: httpx.Client, path: str, **params: Any) -> list[list[dict[str, Any]]]:
    return [response.json()["iterable"] for response in walk_pages(http, path, params)]


def test_assets_come_in_pages_of_at_most_limit_in_insertion_order(seeded_http: httpx.Client) -> None:
    expected = asset_documents(250, content_bytes=8)
    assert [len(page) for page in pages(seeded_http, "/assets")] == [100, 100, 50]  # the default limit
    by_seven = pages(seeded_http, "/assets", limit=7)
    assert all(len(page) <= 7 for page in by_seven) and len(by_seven) == 36
    assert [asset for page in by_seven for asset in page] == expected
    assert pages(seeded_http, "/assets", limit=1000) == [expected]


def test_a_cursor_survives_writes_between_pages(seeded_http: httpx.Client) -> None:
    first = seeded_http.get("/assets", params={"limit": 100})
    added = {"id": "added-later", "name": "new"}
    create = seeded_http.post("/backup", json={"iterable": [added]})  # does not touch the database
    assert create.status_code == 202
    rest = pages(seeded_http, "/assets", limit=100, cursor=first.headers["Next-Cursor"])
    seen = [asset["id"] for asset in first.json()["iterable"]] + [a["id"] for page in rest for a in page]
    assert seen == [asset["id"] for asset in asset_documents(250, content_bytes=8)]


def test_backups_page_newest_first_and_a_deleted_cursor_item_loses_nothing(http: httpx.Client) -> None:
    made = []
    for index in range(5):
        backup_id = create_backup(http, asset_documents(index + 1))
        assert wait_for_creation(http, backup_id)["value"] == "COMPLETED"
        made.append(backup_id)
    newest_first = list(reversed(made))
    by_two = pages(http, "/backups", limit=2)
    assert [len(page) for page in by_two] == [2, 2, 1]
    assert [backup["id"] for page in by_two for backup in page] == newest_first
    first = http.get("/backups", params={"limit": 2})
    assert http.post(f"/backups/{newest_first[1]}/delete").status_code == 204  # the page's last item
    rest = pages(http, "/backups", limit=2, cursor=first.headers["Next-Cursor"])
    assert [backup["id"] for page in rest for backup in page] == newest_first[2:]


@pytest.mark.parametrize(
    "params",
    [
        {"limit": 0},
        {"limit": 1001},
        {"limit": "ten"},
        {"cursor": "not a cursor"},
        {"cursor": "a"},
        {"cursor": "a-1"},
        {"cursor": "a" + "9" * 19},
        {"cursor": "b1.0.0_1"},  # a cursor of the backups list
    ],
)
def test_an_invalid_limit_or_cursor_is_422(seeded_http: httpx.Client, params: dict[str, Any]) -> None:
    response = seeded_http.get("/assets", params=params)
    assert response.status_code == 422, response.text
    assert response.headers["Content-Type"] == "application/problem+json"


def test_a_cursor_the_schema_admits_is_answered(seeded_http: httpx.Client) -> None:
    assert seeded_http.get("/assets", params={"cursor": "a" + "9" * 18}).json() == {"iterable": []}
    assert seeded_http.get("/backups", params={"cursor": "b1.0.0_1"}).json() == {"iterable": []}
    assert seeded_http.get("/backups", params={"cursor": "a1"}).status_code == 422


def test_the_backups_cursor_schema_is_the_backup_id_rule_after_a_b() -> None:
    components = contract.spec_document()["components"]["schemas"]
    backup_id, cursor = components["BackupId"], components["BackupsCursor"]
    assert cursor["pattern"] == "^b" + backup_id["pattern"].removeprefix("^")
    assert cursor["minLength"] == backup_id["minLength"] + 1
    assert cursor["maxLength"] == backup_id["maxLength"] + 1
