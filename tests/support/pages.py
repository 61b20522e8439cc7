"""Walking a paginated list (`GET /assets`, `GET /backups`) in tests: follow `Next-Cursor` to the
last page, and fail at once, naming the cursor, when the server hands out a cursor a second time
(a list that loops would otherwise hang the test until pytest-timeout kills it, minutes later)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx

NEXT_CURSOR = "Next-Cursor"


class LoopingList(AssertionError):
    """The server sent a `Next-Cursor` it had sent before in the same walk: the list never ends."""


def walk_pages(http: httpx.Client, path: str, params: dict[str, Any], **get: Any) -> Iterator[httpx.Response]:
    """Each page's answer (status 200) from the page `params` asks for (its `cursor`, if any) to the
    last one, the page without `Next-Cursor`. Raises `LoopingList` on a repeated cursor."""
    params = dict(params)
    seen: set[str] = set()
    if "cursor" in params:
        seen.add(str(params["cursor"]))
    while True:
        response = http.get(path, params=params, **get)
        assert response.status_code == 200, response.text
        yield response
        cursor = response.headers.get(NEXT_CURSOR)
        if cursor is None:
            return
        if cursor in seen:
            raise LoopingList(
                f"GET {path}: page {len(seen) + 1} answered Next-Cursor {cursor!r}, a cursor this walk "
                "had already followed: the list loops (the last page must have no Next-Cursor)"
            )
        seen.add(cursor)
        params["cursor"] = cursor
