"""No answer: connection failures and timeouts raise APIConnectionError / APITimeoutError; timeouts
are set per client and per call (sync and async alike)."""

from __future__ import annotations

import sys
import time

import httpx
import pytest

from backup_api_client import (
    DEFAULT_BASE_URL,
    DEFAULT_TIMEOUT,
    APIConnectionError,
    APITimeoutError,
    AsyncBackupApiClient,
    BackupApiClient,
    _constants,
)

from .conftest import BACKUP, BACKUP_ID, Api, Reply, ScriptedServer

# Backoff in milliseconds (conftest.py), so that retries without Retry-After stay fast.
pytestmark = [pytest.mark.anyio, pytest.mark.usefixtures("quick_backoff")]

SLOW = Reply(200, BACKUP, delay=3.0)


async def test_a_closed_port_raises_api_connection_error(mode: str, closed_port: int) -> None:
    api = Api(mode, f"http://127.0.0.1:{closed_port}")

    with pytest.raises(APIConnectionError) as raised:
        await api.call("backup.create")

    assert type(raised.value) is APIConnectionError
    assert raised.value.request.method == "POST"


async def test_a_slow_server_raises_api_timeout_error_with_the_call_timeout(
    api: Api, server: ScriptedServer
) -> None:
    server.script(then=SLOW)

    started = time.monotonic()
    with pytest.raises(APITimeoutError) as raised:
        await api.call("backup.restore", BACKUP_ID, timeout=0.2)

    assert time.monotonic() - started < 2
    assert isinstance(raised.value, APIConnectionError)
    assert isinstance(raised.value.__cause__, httpx.ReadTimeout)
    assert len(server.requests) == 1  # restore is not idempotent


async def test_the_client_timeout_applies_to_every_call(api: Api, server: ScriptedServer) -> None:
    server.script(then=SLOW)

    started = time.monotonic()
    with pytest.raises(APITimeoutError):
        await api.call("backup.get", BACKUP_ID, client_options={"timeout": 0.2, "max_retries": 1})

    assert len(server.requests) == 2  # timeouts of idempotent calls are retried
    assert time.monotonic() - started < 2


async def test_a_call_timeout_overrides_the_client_timeout(api: Api, server: ScriptedServer) -> None:
    server.script(Reply(200, BACKUP, delay=0.3))

    backup = await api.call(
        "backup.get", BACKUP_ID, timeout=5, client_options={"timeout": 0.05, "max_retries": 0}
    )

    assert backup.id == BACKUP_ID


async def test_timeouts_reach_httpx_per_phase(mode: str, server: ScriptedServer) -> None:
    seen: list[dict[str, float | None]] = []

    async def record_async(request: httpx.Request) -> None:
        seen.append(request.extensions["timeout"])

    def record(request: httpx.Request) -> None:
        seen.append(request.extensions["timeout"])

    def http_client() -> httpx.Client | httpx.AsyncClient:
        if mode == "sync":
            return httpx.Client(event_hooks={"request": [record]})
        return httpx.AsyncClient(event_hooks={"request": [record_async]})

    api = Api(mode, server.url)
    for per_call in ({}, {"timeout": None}, {"timeout": httpx.Timeout(9.0, read=90.0)}):
        options = {"http_client": http_client(), "timeout": httpx.Timeout(30.0, connect=2.0)}
        await api.call("backup.get", BACKUP_ID, client_options=options, **per_call)

    assert seen == [
        {"connect": 2.0, "read": 30.0, "write": 30.0, "pool": 30.0},
        {"connect": None, "read": None, "write": None, "pool": None},
        {"connect": 9.0, "read": 90.0, "write": 9.0, "pool": 9.0},
    ]


def test_the_default_timeouts_are_a_short_connect_and_a_long_read() -> None:
    assert DEFAULT_TIMEOUT.connect == _constants.DEFAULT_CONNECT_TIMEOUT == 5.0
    assert DEFAULT_TIMEOUT.read == _constants.DEFAULT_READ_TIMEOUT == 60.0
    with BackupApiClient() as client:
        assert client.timeout == DEFAULT_TIMEOUT
        assert client.max_retries == _constants.DEFAULT_MAX_RETRIES == 2


async def test_the_async_client_has_the_same_defaults() -> None:
    async with AsyncBackupApiClient() as client:
        assert client.timeout == DEFAULT_TIMEOUT
        assert str(client.base_url) == DEFAULT_BASE_URL
        assert client.max_retries == 2
    assert client.is_closed


def test_the_default_server_is_the_platforms_unless_the_environment_names_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(_constants.BASE_URL_ENV, raising=False)
    expected = "http://localhost:5323" if sys.platform.startswith("linux") else "http://localhost:1000"
    with BackupApiClient() as client:
        assert str(client.base_url) == DEFAULT_BASE_URL == expected
    monkeypatch.setenv(_constants.BASE_URL_ENV, "http://127.0.0.1:18911")
    with BackupApiClient() as client, httpx.Client() as own:
        assert str(client.base_url) == "http://127.0.0.1:18911"
        # An explicit base_url, or an http_client's own, still comes first.
        assert str(BackupApiClient(base_url="http://127.0.0.1:1").base_url) == "http://127.0.0.1:1"
        assert str(BackupApiClient(http_client=own).base_url) == "http://127.0.0.1:18911"
        own.base_url = httpx.URL("http://127.0.0.1:2")
        assert str(BackupApiClient(http_client=own).base_url) == "http://127.0.0.1:2"


def test_an_http_client_passed_in_keeps_its_settings_unless_told_otherwise(server: ScriptedServer) -> None:
    own = httpx.Client(base_url=server.url, timeout=7.0, headers={"X-Team": "blue"})
    with BackupApiClient(http_client=own, headers={"X-Run": "1"}) as client:
        assert client.http_client is own
        assert client.timeout == httpx.Timeout(7.0)
        assert client.backup.get(BACKUP_ID).id == BACKUP_ID
    assert own.is_closed
    (seen,) = server.requests
    assert (seen.headers["x-team"], seen.headers["x-run"]) == ("blue", "1")

    with BackupApiClient(server.url, http_client=httpx.Client(), timeout=3.0) as client:
        assert client.timeout == httpx.Timeout(3.0)
        assert str(client.base_url) == server.url


def test_max_retries_cannot_be_negative() -> None:
    with pytest.raises(ValueError, match="max_retries"):
        BackupApiClient(max_retries=-1)


async def test_a_long_running_operation_waits_past_the_clients_read_timeout(
    api: Api, server: ScriptedServer
) -> None:
    # restore is `x-long-running`: it answers only when the restoration ends.
    server.script(Reply(200, BACKUP, delay=0.3), Reply(200, BACKUP, delay=0.3))
    options = {"timeout": httpx.Timeout(5.0, read=0.05), "max_retries": 0}

    restored = await api.call("backup.restore", BACKUP_ID, client_options=options)
    assert restored.id == BACKUP_ID
    with pytest.raises(APITimeoutError):
        await api.call("backup.get", BACKUP_ID, client_options=options)
