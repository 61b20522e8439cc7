"""The streamed restore's transport: the read timeout is per event, a cut stream is an error.

A small real SSE server on 127.0.0.1 plays the events with chosen gaps (sync and async alike).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler
from typing import Any

import httpx
import pytest

from backup_api_client import (
    APIConnectionError,
    APIResponseValidationError,
    APITimeoutError,
    AsyncBackupApiClient,
    BackupApiClient,
)
from backup_api_client.models import BackupStatusEnum
from tests.support.http_server import BackgroundServer

from .conftest import BACKUP, BACKUP_ID

pytestmark = pytest.mark.anyio


class EventServer:
    """Answers every POST with `events` (gap seconds, data or None to stop) as text/event-stream."""

    def __init__(
        self, events: list[tuple[float, dict[str, Any]]], content_type: str = "text/event-stream"
    ) -> None:
        self.events = events
        self.content_type = content_type
        self._server = BackgroundServer(self._handler(), "event-server")

    @property
    def url(self) -> str:
        return self._server.url

    def stop(self) -> None:
        self._server.stop()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                self.send_response(200)
                self.send_header("Content-Type", server.content_type)
                self.send_header("Connection", "close")
                self.end_headers()
                try:
                    for gap, data in server.events:
                        if server._server.stopping.wait(gap):
                            return
                        self.wfile.write(f"data: {json.dumps(data)}\n\n".encode())
                        self.wfile.flush()
                except (BrokenPipeError, ConnectionResetError):
                    return

        return Handler


def progress(status: str, percentage: float, **extra: Any) -> dict[str, Any]:
    return {"status": status, "percentage": percentage, **extra}


@contextmanager
def serve(events: list[tuple[float, dict[str, Any]]], **options: Any) -> Iterator[EventServer]:
    server = EventServer(events, **options)
    try:
        yield server
    finally:
        server.stop()


async def collect(mode: str, url: str, timeout: float) -> list[Any]:
    if mode == "sync":
        with BackupApiClient(url, timeout=httpx.Timeout(5.0, read=timeout)) as client:
            with client.backup.restore_stream(BACKUP_ID) as events:
                return list(events)
    async with AsyncBackupApiClient(url, timeout=httpx.Timeout(5.0, read=timeout)) as async_client:
        async with async_client.backup.restore_stream(BACKUP_ID) as async_events:
            return [event async for event in async_events]


@pytest.fixture(params=["sync", "async"])
def mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)


async def test_the_read_timeout_applies_between_events_not_to_the_whole_stream(mode: str) -> None:
    steps = [(0.15, progress("IN-PROGRESS", float(i * 10))) for i in range(8)]
    steps.append((0.15, progress("COMPLETED", 100.0, backup=BACKUP)))
    with serve(steps) as server:
        started = time.monotonic()
        received = await collect(mode, server.url, timeout=0.5)
        # The whole stream outlasted the read timeout; no single gap did.
        assert time.monotonic() - started > 1.0
    assert [event.status for event in received][-1] == BackupStatusEnum.COMPLETED
    assert len(received) == 9


async def test_a_stalled_stream_raises_api_timeout_error(mode: str) -> None:
    with serve([(0.0, progress("IN-PROGRESS", 1.0)), (3.0, progress("COMPLETED", 100.0))]) as server:
        with pytest.raises(APITimeoutError):
            await collect(mode, server.url, timeout=0.3)


async def test_a_stream_cut_before_its_final_event_raises_api_connection_error(mode: str) -> None:
    with serve([(0.0, progress("IN-PROGRESS", 1.0)), (0.0, progress("IN-PROGRESS", 2.0))]) as server:
        with pytest.raises(APIConnectionError, match="before its final event"):
            await collect(mode, server.url, timeout=2.0)


async def test_an_answer_that_is_not_an_event_stream_is_refused(mode: str) -> None:
    with serve([(0.0, progress("COMPLETED", 100.0))], content_type="application/json") as server:
        with pytest.raises(APIResponseValidationError, match="text/event-stream"):
            await collect(mode, server.url, timeout=2.0)
