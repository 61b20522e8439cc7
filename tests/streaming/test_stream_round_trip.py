"""One fast streamed restore end to end, in the quick suite (every other SSE test is `slow`).

A small backup restored over Server-Sent Events, read raw off the wire and through the typed client
(sync and async): a few events, percentages in order, and the terminal COMPLETED naming the backup.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from httpx_sse import connect_sse

from backup_api_client import AsyncBackupApiClient, BackupApiClient
from backup_api_client.models import Backup, BackupStatusEnum, BackupStreamedProgress
from tests.server.conftest import checked_client
from tests.support.assets import asset_documents, create_backup, wait_for_creation
from tests.support.live_server import LiveServer, running_server

pytestmark = pytest.mark.anyio

DOCUMENTS = asset_documents(3)


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, str]]:
    """A live server over an empty database, and a completed backup of three assets."""
    with running_server(tmp_path_factory.mktemp("round-trip") / "data") as live, checked_client(live) as http:
        backup_id = create_backup(http, DOCUMENTS)
        assert wait_for_creation(http, backup_id)["value"] == "COMPLETED"
        yield live, backup_id


def test_the_wire_carries_progress_then_the_terminal_completed(small: tuple[LiveServer, str]) -> None:
    """Raw SSE: `data` lines of BackupStreamedProgress JSON, ending with COMPLETED and the backup.

    Catches the planted "terminal event missing" (the server ends the stream without its COMPLETED
    event) in the quick suite, where no SSE test ran before.
    """
    live, backup_id = small
    with checked_client(live) as http:
        with connect_sse(http, "POST", f"/backup/{backup_id}/restore/streamed") as source:
            assert source.response.headers["content-type"].startswith("text/event-stream")
            events: list[dict[str, Any]] = [json.loads(event.data) for event in source.iter_sse()]
        assert events, "the stream carried no event"
        assert all(event["status"] in ("INITIALIZED", "IN-PROGRESS") for event in events[:-1]), events
        percentages = [event["percentage"] for event in events]
        assert percentages == sorted(percentages)
        assert events[-1]["status"] == "COMPLETED"
        assert events[-1]["percentage"] == 100.0
        assert events[-1]["backup"]["id"] == backup_id
        assert http.get("/assets").json() == {"iterable": DOCUMENTS}


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_the_typed_stream_ends_completed(small: tuple[LiveServer, str], mode: str) -> None:
    """The client's typed iterator yields BackupStreamedProgress and stops after COMPLETED.

    Catches the planted "terminal event missing" too: without it the client raises
    `APIConnectionError` ("the stream ended before its final event").
    """
    live, backup_id = small
    received: list[BackupStreamedProgress] = []
    if mode == "sync":
        with BackupApiClient(live.url) as client, client.backup.restore_stream(backup_id) as events:
            received.extend(events)
            assert events.ended
    else:
        async with AsyncBackupApiClient(live.url) as async_client:
            async with async_client.backup.restore_stream(backup_id) as async_events:
                received.extend([progress async for progress in async_events])
                assert async_events.ended
    assert all(isinstance(progress, BackupStreamedProgress) for progress in received)
    assert all(progress.status != BackupStatusEnum.COMPLETED for progress in received[:-1])
    last = received[-1]
    assert last.status == BackupStatusEnum.COMPLETED
    assert last.percentage == 100.0
    assert isinstance(last.backup, Backup) and last.backup.id == backup_id
    assert httpx.get(f"{live.url}/assets", timeout=10).json() == {"iterable": DOCUMENTS}
