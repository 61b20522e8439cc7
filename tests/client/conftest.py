"""Real HTTP servers on 127.0.0.1 for the client's tests, and the sync/async parity fixture.

These are scripted stand-ins that answer what a test needs (an error, a slow answer, N failures);
they are small real HTTP/1.1 servers in a thread, not mocks of the client or of the reference server.
"""

from __future__ import annotations

import inspect
import json
import socket
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any

import anyio.to_thread
import pytest

from backup_api_client import AsyncBackupApiClient, BackupApiClient
from tests.support.conformance import schema_example
from tests.support.http_server import BackgroundServer
from tests.support.live_server import LiveServer, running_server

BACKUP_ID = "1.0.0_1764253683123456"
BACKUP: dict[str, Any] = schema_example("Backup")
assert BACKUP["id"] == BACKUP_ID
STATUS: dict[str, Any] = {"backup": BACKUP, "percentage": 42.5, "value": "IN-PROGRESS"}


def problem(status: int, detail: str, title: str = "Problem", **extra: Any) -> Reply:
    document = {
        "type": f"urn:backup-api:problem:{status}",
        "title": title,
        "status": status,
        "detail": detail,
    }
    return Reply(status, {**document, **extra}, content_type="application/problem+json")


@dataclass
class Reply:
    """What the server answers to one request."""

    status: int = 200
    body: Any = None  # JSON-encoded unless bytes; None: no body
    content_type: str | None = "application/json"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds to wait before answering


@dataclass
class Seen:
    """A request as the server received it."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes


class ScriptedServer:
    """Answers each request with the next scripted reply, then with `default`; records them all."""

    def __init__(self) -> None:
        self.requests: list[Seen] = []
        self.default = Reply(200, BACKUP)
        self._script: list[Reply] = []
        self._lock = threading.Lock()
        self._server = BackgroundServer(self._handler(), "scripted-server")

    @property
    def url(self) -> str:
        return self._server.url

    def script(self, *replies: Reply, then: Reply | None = None) -> None:
        with self._lock:
            self._script = list(replies)
            if then is not None:
                self.default = then

    def next_reply(self, seen: Seen) -> Reply:
        with self._lock:
            self.requests.append(seen)
            return self._script.pop(0) if self._script else self.default

    def stop(self) -> None:
        self._server.stop()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                seen = Seen(self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, body)
                reply = server.next_reply(seen)
                if reply.delay and server._server.stopping.wait(reply.delay):
                    return
                if reply.body is None:
                    payload = b""
                elif isinstance(reply.body, bytes):
                    payload = reply.body
                else:
                    payload = json.dumps(reply.body).encode()
                self.send_response(reply.status)
                if payload and reply.content_type:
                    self.send_header("Content-Type", reply.content_type)
                self.send_header("Content-Length", str(len(payload)))
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = do_PUT = do_DELETE = _answer

        return Handler


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def quick_backoff(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Backoff in milliseconds, so that tests without Retry-After stay fast."""
    from backup_api_client import _constants

    monkeypatch.setattr(_constants, "INITIAL_RETRY_DELAY", 0.01)
    monkeypatch.setattr(_constants, "MAX_RETRY_DELAY", 0.02)
    yield


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    scripted = ScriptedServer()
    try:
        yield scripted
    finally:
        scripted.stop()


@pytest.fixture
def closed_port() -> int:
    """A local port nothing listens on (bound, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Api:
    """Runs the same call through BackupApiClient or AsyncBackupApiClient (the `mode`).

    `await api.call("backup.get", BACKUP_ID, timeout=1)` makes a client with `client_options`, calls
    `client.backup.get(...)` and closes the client. The sync client runs in a worker thread.
    """

    def __init__(self, mode: str, base_url: str) -> None:
        self.mode = mode
        self.base_url = base_url

    async def call(
        self, path: str, *args: Any, client_options: dict[str, Any] | None = None, **kwargs: Any
    ) -> Any:
        options = {"base_url": self.base_url, **(client_options or {})}
        if self.mode == "sync":

            def run() -> Any:
                with BackupApiClient(**options) as client:
                    return resolve(client, path)(*args, **kwargs)

            return await anyio.to_thread.run_sync(run)
        async with AsyncBackupApiClient(**options) as client:
            return await resolve(client, path)(*args, **kwargs)


def resolve(client: object, path: str) -> Callable[..., Any]:
    target: Any = client
    for name in path.split("."):
        target = getattr(target, name)
    return target  # type: ignore[no-any-return]


@pytest.fixture(params=["sync", "async"])
def mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def api(mode: str, server: ScriptedServer) -> Api:
    return Api(mode, server.url)


# Live-server helpers: one test body for both clients. `open_client` yields a BackupApiClient or an
# AsyncBackupApiClient (by `mode`); `settle` awaits what the async one returns; `entered` enters a
# `with` / `async with` context manager; `collect` gathers a sync or async iterator.


@asynccontextmanager
async def open_client(mode: str, base_url: str, **options: Any) -> AsyncIterator[Any]:
    if mode == "sync":
        with BackupApiClient(base_url, **options) as client:
            yield client
    else:
        async with AsyncBackupApiClient(base_url, **options) as client:
            yield client


async def settle(value: Any) -> Any:
    return await value if inspect.isawaitable(value) else value


@asynccontextmanager
async def entered(manager: Any) -> AsyncIterator[Any]:
    if hasattr(manager, "__aenter__"):
        async with manager as value:
            yield value
    else:
        with manager as value:
            yield value


async def collect(iterable: Any) -> list[Any]:
    if hasattr(iterable, "__aiter__"):
        return [item async for item in iterable]
    return list(iterable)


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """The reference server, one per test module; its access log (what it answered) in `log`."""
    with running_server(tmp_path_factory.mktemp("live") / "data", access_log=True) as server:
        yield server
