"""`client.with_raw_response` (the HTTP answer, its body read, `parse()` on demand) and
`client.with_streaming_response` (a context manager, the body read as it arrives), sync and async,
against the live server."""

from __future__ import annotations

import json
import time

import pytest

from backup_api_client import (
    APIResponse,
    AsyncAPIResponse,
    NotFoundError,
)
from backup_api_client.models import Assets, Backup, Backups, BackupStreamedProgress
from tests.support.assets import asset_documents
from tests.support.live_server import LiveServer

from .conftest import (
    BACKUP,
    BACKUP_ID,
    Reply,
    ScriptedServer,
    collect,
    entered,
    open_client,
    problem,
    settle,
)

# Backoff in milliseconds (conftest.py), so that retries without Retry-After stay fast.
pytestmark = [pytest.mark.anyio, pytest.mark.usefixtures("quick_backoff")]
UNKNOWN_ID = "1.0.0_1"


async def created(mode: str, live: LiveServer, count: int = 3) -> str:
    async with open_client(mode, live.url) as client:
        backup_id: str = await settle(
            client.backup.create(Assets.from_dict({"iterable": asset_documents(count)}))
        )
        deadline = time.monotonic() + 60
        while (await settle(client.backup.creation_status(backup_id))).value.value != "COMPLETED":
            assert time.monotonic() < deadline
            time.sleep(0.02)
        return backup_id


async def test_a_raw_response_has_the_status_headers_and_the_parsed_body(mode: str, live: LiveServer) -> None:
    async with open_client(mode, live.url) as client:
        response = await settle(client.with_raw_response.backup.create(Assets.from_dict({"iterable": []})))

        assert isinstance(response, APIResponse if mode == "sync" else AsyncAPIResponse)
        assert response.status_code == 202
        backup_id = response.headers["Backup-Id"]
        assert response.headers["Location"] == f"/backup/{backup_id}"
        assert await settle(response.parse()) == backup_id  # what client.backup.create returns
        assert response.retries_taken == 0
        assert response.http_request.method == "POST" and response.url.path == "/backup"
        assert "Idempotency-Key" in response.http_request.headers
        assert response.is_closed  # the body was read


async def test_parse_gives_the_model_and_the_body_is_there_too(mode: str, live: LiveServer) -> None:
    backup_id = await created(mode, live)
    async with open_client(mode, live.url) as client:
        response = await settle(client.with_raw_response.backup.get(backup_id))
        backup = await settle(response.parse())
        assert isinstance(backup, Backup) and backup.id == backup_id
        assert await settle(response.parse()) is backup  # parsed once
        assert (await settle(response.json()))["id"] == backup_id
        assert json.loads(await settle(response.text())) == await settle(response.json())
        assert await settle(response.read()) == response.http_response.content


async def test_an_error_status_raises_as_the_method_does(mode: str, live: LiveServer) -> None:
    async with open_client(mode, live.url) as client:
        with pytest.raises(NotFoundError) as raw:
            await settle(client.with_raw_response.backup.get(UNKNOWN_ID))
        with pytest.raises(NotFoundError) as streaming:
            async with entered(client.with_streaming_response.backup.get(UNKNOWN_ID)):
                pass
    assert raw.value.detail == streaming.value.detail
    assert UNKNOWN_ID in (raw.value.detail or "")


async def test_a_streaming_response_reads_the_body_only_as_asked(mode: str, live: LiveServer) -> None:
    backup_id = await created(mode, live, count=20)
    async with open_client(mode, live.url) as client:
        manager = client.with_streaming_response.backups.list_page()
        async with entered(manager) as response:
            assert response.status_code == 200
            assert not response.is_closed  # headers arrived, the body is not read yet
            chunks = await collect(response.iter_bytes(64))
        assert response.is_closed  # leaving the block closed it
        listed = Backups.from_dict(json.loads(b"".join(chunks)))
        assert backup_id in [backup.id for backup in listed.iterable]
        assert all(len(chunk) <= 64 for chunk in chunks) and len(chunks) > 1

        async with entered(client.with_streaming_response.backups.list_page()) as response:
            parsed = await settle(response.parse())  # reads the body first
        assert isinstance(parsed, Backups)


async def test_a_streaming_response_left_unread_is_closed(mode: str, live: LiveServer) -> None:
    async with open_client(mode, live.url) as client:
        async with entered(client.with_streaming_response.assets.list_page()) as response:
            assert not response.is_closed
        assert response.is_closed
        assert isinstance(await settle(client.assets.list()), Assets)  # the pool still works


async def test_events_arrive_line_by_line_through_a_streaming_response(mode: str, live: LiveServer) -> None:
    backup_id = await created(mode, live, count=50)
    async with open_client(mode, live.url) as client:
        manager = client.with_streaming_response.backup.restore_streamed_json(
            backup_id, extra_headers={"Accept": "text/event-stream"}
        )
        async with entered(manager) as response:
            assert response.headers["content-type"].startswith("text/event-stream")
            lines = await collect(response.iter_lines())
    events = [
        BackupStreamedProgress.from_dict(json.loads(line[5:])) for line in lines if line.startswith("data:")
    ]
    assert events[-1].status.value == "COMPLETED" and events[-1].percentage == 100.0


async def test_retries_taken_counts_the_retries(mode: str, server: ScriptedServer) -> None:
    unavailable = problem(503, "later")
    unavailable.headers["Retry-After"] = "0"
    server.script(unavailable, then=Reply(200, BACKUP))
    async with open_client(mode, server.url) as client:
        response = await settle(client.with_raw_response.backup.get(BACKUP_ID))
        assert response.retries_taken == 1
        assert (await settle(response.parse())).id == BACKUP_ID
    assert len(server.requests) == 2


async def test_a_body_the_spec_does_not_describe_fails_on_parse_not_before(
    mode: str, server: ScriptedServer
) -> None:
    from backup_api_client import APIResponseValidationError

    server.script(then=Reply(200, {"iterable": "not a list"}))
    async with open_client(mode, server.url) as client:
        response = await settle(client.with_raw_response.backups.list_page())
        assert response.status_code == 200
        with pytest.raises(APIResponseValidationError):
            await settle(response.parse())


# Methods that answer an iterator of their own (every page, a stream of events), not one response.
WALKING_METHODS = {"list", "restore_stream"}


def test_every_resource_method_has_its_raw_and_streaming_twin() -> None:
    from backup_api_client import AsyncBackupApiClient, BackupApiClient

    for client_class in (BackupApiClient, AsyncBackupApiClient):
        client = client_class()
        for tag in ("assets", "backup", "backups"):
            resource = type(getattr(client, tag))
            generated = {name for name in vars(resource) if not name.startswith("_")} - WALKING_METHODS
            for view in (client.with_raw_response, client.with_streaming_response):
                assert {
                    name for name in vars(type(getattr(view, tag))) if not name.startswith("_")
                } == generated
