"""The last page of each list carries no `Next-Cursor`, and a walk that is handed a cursor twice
fails at once: a list whose last page points back at itself fails here in milliseconds instead of
looping until pytest-timeout stops it. In process (the app over a real engine, served in a thread)."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from backup_api_server.engine import BackupEngine
from tests.support.conformance import check_response
from tests.support.in_process import serving
from tests.support.pages import NEXT_CURSOR, LoopingList, walk_pages

BACKUPS = 3
WAIT_SECONDS = 30.0


@pytest.fixture(scope="module")
def http(tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    """The app over an engine whose database holds 5 assets and whose store holds 3 backups."""
    data_dir = tmp_path_factory.mktemp("page-walks") / "data"
    engine = BackupEngine(data_dir, api_version="1.0.0")
    try:
        engine.database.put_many([{"id": f"asset-{index}"} for index in range(5)])
        for index in range(BACKUPS):
            backup_id = engine.start_creation([{"id": f"backed-up-{index}"}])
            assert engine.wait_for_creation(backup_id, WAIT_SECONDS).value == "COMPLETED"
        with (
            serving(engine) as url,
            httpx.Client(base_url=url, timeout=30.0, event_hooks={"response": [check_response]}) as client,
        ):
            yield client
    finally:
        engine.close()


def page_sizes(http: httpx.Client, path: str, limit: int) -> list[int]:
    return [len(response.json()["iterable"]) for response in walk_pages(http, path, {"limit": limit})]


@pytest.mark.parametrize(
    ("path", "limit", "sizes"),
    [
        ("/assets", 2, [2, 2, 1]),
        ("/assets", 5, [5]),  # exactly one full page: nothing follows it
        ("/assets", 1, [1, 1, 1, 1, 1]),
        ("/backups", 2, [2, 1]),
        ("/backups", 3, [3]),
        ("/backups", 1, [1, 1, 1]),
    ],
)
def test_the_last_page_has_no_next_cursor(
    http: httpx.Client, path: str, limit: int, sizes: list[int]
) -> None:
    """Asked for page by page, by hand: every page but the last names the next; the last names none
    (not its own cursor, not an empty page's), also when it is exactly full."""
    answers = [http.get(path, params={"limit": limit})]
    while NEXT_CURSOR in answers[-1].headers and len(answers) <= len(sizes):
        answers.append(http.get(path, params={"limit": limit, "cursor": answers[-1].headers[NEXT_CURSOR]}))
    assert [len(answer.json()["iterable"]) for answer in answers] == sizes, [a.headers for a in answers]
    assert NEXT_CURSOR not in answers[-1].headers, (
        f"GET {path}?limit={limit}: the last page answered Next-Cursor {answers[-1].headers[NEXT_CURSOR]!r}"
    )
    assert page_sizes(http, path, limit) == sizes


def test_a_walk_refuses_a_cursor_it_was_handed_before() -> None:
    """The walker the tests share: a server whose last page points back at itself (or at any page
    seen) fails the walk on the repeated cursor, at once."""
    cursors = {None: "a2", "a2": "a4", "a4": "a4"}  # the third page names itself

    def looping(request: httpx.Request) -> httpx.Response:
        cursor = request.url.params.get("cursor")
        return httpx.Response(200, json={"iterable": [{"id": "x"}]}, headers={NEXT_CURSOR: cursors[cursor]})

    with httpx.Client(transport=httpx.MockTransport(looping), base_url="http://127.0.0.1") as client:
        walked = walk_pages(client, "/assets", {"limit": 2})
        assert [next(walked).status_code for _ in range(3)] == [200, 200, 200]
        with pytest.raises(LoopingList, match=r"Next-Cursor 'a4', a cursor this walk had already followed"):
            next(walked)
