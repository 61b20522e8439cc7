"""Retries: which failures, how many times, how long between, and only for idempotent operations
unless a call asks (sync and async alike); plus the three pieces on their own."""

from __future__ import annotations

import time
import uuid
from email.utils import formatdate

import httpx
import pytest

from backup_api_client import (
    APIConnectionError,
    APIStatusError,
    ConflictError,
    InternalServerError,
    NotFoundError,
    _constants,
)
from backup_api_client._retries import parse_retry_after, retry_delay, should_retry
from backup_api_client.models import Backup

from .conftest import BACKUP, BACKUP_ID, Api, Reply, ScriptedServer, problem

# Backoff in milliseconds (conftest.py), so that retries without Retry-After stay fast.
pytestmark = pytest.mark.usefixtures("quick_backoff")
NOW = 1_764_253_683.0


def unavailable(retry_after: str | None = "0", status: int = 503) -> Reply:
    reply = problem(status, "try again")
    if retry_after is not None:
        reply.headers["Retry-After"] = retry_after
    return reply


@pytest.mark.anyio
@pytest.mark.parametrize("status", [408, 429, 502, 503, 504])
async def test_an_idempotent_call_is_retried_until_it_succeeds(
    api: Api, server: ScriptedServer, status: int
) -> None:
    server.script(unavailable(status=status), unavailable(None, status=status), then=Reply(200, BACKUP))

    backup = await api.call("backup.get", BACKUP_ID)

    assert isinstance(backup, Backup)
    assert len(server.requests) == 3  # the first attempt and the default two retries


@pytest.mark.anyio
async def test_retries_stop_after_max_retries_and_raise_the_last_error(
    api: Api, server: ScriptedServer
) -> None:
    server.script(then=unavailable())

    with pytest.raises(InternalServerError) as raised:
        await api.call("backups.list")

    assert raised.value.status_code == 503
    assert len(server.requests) == 1 + _constants.DEFAULT_MAX_RETRIES


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("client_retries", "call_retries", "attempts"),
    [(0, None, 1), (4, None, 5), (0, 3, 4), (5, 1, 2)],
)
async def test_max_retries_per_client_and_per_call(
    api: Api, server: ScriptedServer, client_retries: int, call_retries: int | None, attempts: int
) -> None:
    server.script(then=unavailable())
    per_call = {} if call_retries is None else {"max_retries": call_retries}

    with pytest.raises(APIStatusError):
        await api.call(
            "backup.creation_status", BACKUP_ID, client_options={"max_retries": client_retries}, **per_call
        )

    assert len(server.requests) == attempts


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("path", "arguments"),
    [
        ("backup.restore", (BACKUP_ID,)),
        ("backup.restore_streamed_json", (BACKUP_ID,)),
    ],
)
async def test_a_call_that_is_not_idempotent_is_not_retried(
    api: Api, server: ScriptedServer, path: str, arguments: tuple[str, ...]
) -> None:
    server.script(then=unavailable())

    with pytest.raises(InternalServerError):
        await api.call(path, *arguments, client_options={"max_retries": 5})

    assert len(server.requests) == 1
    assert "idempotency-key" in server.requests[0].headers  # sent, though this operation ignores it


KEYED = [
    ("backup.create", ()),
    ("backup.create_from_asset", ()),
    ("backups.delete", (BACKUP_ID,)),
]


@pytest.mark.anyio
@pytest.mark.parametrize(("path", "arguments"), KEYED)
async def test_an_operation_that_honours_an_idempotency_key_is_retried_with_the_same_key(
    api: Api, server: ScriptedServer, path: str, arguments: tuple[str, ...]
) -> None:
    server.script(then=unavailable())

    with pytest.raises(InternalServerError):
        await api.call(path, *arguments)
    with pytest.raises(InternalServerError):
        await api.call(path, *arguments)

    first, second = (
        server.requests[: 1 + _constants.DEFAULT_MAX_RETRIES],
        server.requests[1 + _constants.DEFAULT_MAX_RETRIES :],
    )
    assert len(first) == len(second) == 1 + _constants.DEFAULT_MAX_RETRIES
    (first_key,) = {seen.headers["idempotency-key"] for seen in first}
    (second_key,) = {seen.headers["idempotency-key"] for seen in second}
    assert first_key != second_key  # one key per call, the same on each of its retries
    assert uuid.UUID(first_key).version == 4


@pytest.mark.anyio
async def test_a_key_of_the_callers_own_is_kept(api: Api, server: ScriptedServer) -> None:
    server.script(unavailable(), then=Reply(202, headers={"Backup-Id": BACKUP_ID}))

    created = await api.call("backup.create", extra_headers={"Idempotency-Key": "my-key-1"})

    assert created == BACKUP_ID
    assert [seen.headers["idempotency-key"] for seen in server.requests] == ["my-key-1", "my-key-1"]


@pytest.mark.anyio
async def test_idempotent_operations_carry_no_key(api: Api, server: ScriptedServer) -> None:
    await api.call("backup.get", BACKUP_ID)
    server.script(then=Reply(204))
    await api.call("backup.cancel_creation", BACKUP_ID)

    assert all("idempotency-key" not in seen.headers for seen in server.requests)


@pytest.mark.anyio
async def test_a_call_that_is_not_idempotent_retries_when_the_call_asks(
    api: Api, server: ScriptedServer
) -> None:
    server.script(unavailable(), then=Reply(200, BACKUP))

    backup = await api.call("backup.restore", BACKUP_ID, max_retries=1)

    assert backup.id == BACKUP_ID
    assert len(server.requests) == 2


@pytest.mark.anyio
@pytest.mark.parametrize("reply", [problem(500, "bug"), problem(404, "gone"), problem(409, "busy")])
async def test_answers_that_will_not_change_are_not_retried(
    api: Api, server: ScriptedServer, reply: Reply
) -> None:
    server.script(then=reply)

    with pytest.raises((InternalServerError, NotFoundError, ConflictError)):
        await api.call("backup.cancel_creation", BACKUP_ID)

    assert len(server.requests) == 1


@pytest.mark.anyio
async def test_retry_after_in_seconds_is_honoured(api: Api, server: ScriptedServer) -> None:
    server.script(unavailable("1"), then=Reply(200, BACKUP))

    started = time.monotonic()
    await api.call("backup.get", BACKUP_ID)
    waited = time.monotonic() - started

    assert len(server.requests) == 2
    assert 0.95 <= waited < 5  # backoff alone would be ~0.01 s here


@pytest.mark.anyio
async def test_retry_after_as_an_http_date_is_honoured(api: Api, server: ScriptedServer) -> None:
    # Dates have whole seconds: two seconds from now is between one and two seconds away.
    server.script(unavailable(formatdate(time.time() + 2, usegmt=True)), then=Reply(200, BACKUP))

    started = time.monotonic()
    await api.call("backup.get", BACKUP_ID)
    waited = time.monotonic() - started

    assert len(server.requests) == 2
    assert 0.9 <= waited < 5


@pytest.mark.anyio
async def test_connection_failures_are_retried_then_raised(mode: str, closed_port: int) -> None:
    attempts: list[httpx.Request] = []

    async def count_async(request: httpx.Request) -> None:
        attempts.append(request)

    http_client: httpx.Client | httpx.AsyncClient
    if mode == "sync":
        http_client = httpx.Client(event_hooks={"request": [attempts.append]})
    else:
        http_client = httpx.AsyncClient(event_hooks={"request": [count_async]})
    api = Api(mode, f"http://127.0.0.1:{closed_port}")

    with pytest.raises(APIConnectionError, match="Connection error") as raised:
        await api.call("backup.get", BACKUP_ID, max_retries=3, client_options={"http_client": http_client})

    assert len(attempts) == 4
    assert raised.value.request.url.path == f"/backup/{BACKUP_ID}"
    assert isinstance(raised.value.__cause__, httpx.ConnectError)


# The three pieces on their own.


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("2", 2.0),
        (" 0 ", 0.0),
        ("1.5", 1.5),
        ("Tue, 27 Nov 2025 14:28:13 GMT", None),  # replaced below: NOW + 10 s
        ("Thu, 01 Jan 1970 00:00:00 GMT", 0.0),  # in the past: now
        ("-1", None),
        ("soon", None),
        ("", None),
    ],
)
def test_parse_retry_after(value: str, seconds: float | None) -> None:
    if value.startswith("Tue"):
        value, seconds = formatdate(NOW + 10, usegmt=True), 10.0
    assert parse_retry_after({"retry-after": value}, now=NOW) == seconds


def test_parse_retry_after_without_the_header() -> None:
    assert parse_retry_after({}, now=NOW) is None


def test_retry_delay_is_capped_exponential_backoff_with_jitter(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_constants, "INITIAL_RETRY_DELAY", 0.5)
    monkeypatch.setattr(_constants, "MAX_RETRY_DELAY", 8.0)
    for retries_taken, full in [(0, 0.5), (1, 1.0), (2, 2.0), (3, 4.0), (4, 8.0), (10, 8.0), (1000, 8.0)]:
        delays = [retry_delay(retries_taken) for _ in range(50)]
        assert all(full * (1 - _constants.RETRY_JITTER) <= delay <= full for delay in delays)
        assert len(set(delays)) > 1  # jittered


def test_retry_delay_prefers_a_reasonable_retry_after() -> None:
    assert retry_delay(0, retry_after=3.0) == 3.0
    assert retry_delay(0, retry_after=0.0) == 0.0
    assert retry_delay(0, retry_after=_constants.MAX_RETRY_AFTER + 1) <= _constants.MAX_RETRY_DELAY


def test_should_retry() -> None:
    for status in (408, 429, 502, 503, 504, None):
        assert should_retry(status_code=status, retries_taken=0, max_retries=1)
        assert not should_retry(status_code=status, retries_taken=1, max_retries=1)
    for status in (400, 404, 409, 413, 415, 422, 500, 501):
        assert not should_retry(status_code=status, retries_taken=0, max_retries=5)
