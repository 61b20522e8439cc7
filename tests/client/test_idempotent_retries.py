"""Safe retries of creations, against the live server: the answer to a creation is lost after the
server committed it (a proxy drops the connection instead of relaying it); the client retries with
the same Idempotency-Key and the server answers the first answer again, so exactly one backup is
created. The same key with another body is refused (422). Sync and async alike."""

from __future__ import annotations

import contextlib
import re
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

import httpx
import pytest

from backup_api_client import UnprocessableEntityError, _constants
from backup_api_client.models import Asset, Assets
from tests.support.assets import asset_documents
from tests.support.live_server import LiveServer
from tests.support.waiting import poll

from .conftest import open_client, settle

pytestmark = [pytest.mark.anyio, pytest.mark.slow]
ACCESS_LINE = re.compile(r'"(?P<method>[A-Z]+) (?P<path>\S+) HTTP/1\.1" (?P<status>\d{3})')


def read_message(connection: socket.socket) -> bytes:
    """One HTTP/1.1 message (a request or an answer) with its Content-Length body."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = connection.recv(65536)
        if not chunk:
            raise ConnectionError(f"closed in the middle of a message: {data!r}")
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = re.search(rb"(?im)^content-length:\s*(\d+)\s*$", head)
    expected = int(length.group(1)) if length else 0
    while len(body) < expected:
        chunk = connection.recv(65536)
        if not chunk:
            raise ConnectionError("closed in the middle of a body")
        body += chunk
    return head + b"\r\n\r\n" + body


def header(message: bytes, name: str) -> str | None:
    found = re.search(rb"(?im)^" + re.escape(name.encode()) + rb":\s*(.*?)\s*$", message)
    return found.group(1).decode() if found else None


@dataclass
class Dropped:
    request: bytes
    answer: bytes


@dataclass
class DroppingProxy:
    """A TCP proxy on 127.0.0.1 in front of `upstream`. The first request it gets is forwarded and
    answered by the server, but the answer is read and dropped: the client's connection closes
    without it. Every later connection passes through untouched."""

    upstream: tuple[str, int]
    dropped: list[Dropped] = field(default_factory=list)
    passed: int = 0
    _listener: socket.socket = field(init=False)
    _threads: list[threading.Thread] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.05)  # so that `close` is noticed promptly
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._start(self._accept)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._listener.getsockname()[1]}"

    def close(self) -> None:
        self._stopping.set()
        for thread in self._threads:
            thread.join(10)
        self._listener.close()

    def _start(self, target: object, *args: object) -> None:
        thread = threading.Thread(target=target, args=args, daemon=True)  # type: ignore[arg-type]
        self._threads.append(thread)
        thread.start()

    def _accept(self) -> None:
        while not self._stopping.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            client.settimeout(10)
            with self._lock:
                drop = not self.dropped and self.passed == 0
                if not drop:
                    self.passed += 1
            self._start(self._drop_answer if drop else self._relay, client)

    def _drop_answer(self, client: socket.socket) -> None:
        with client:
            request = read_message(client)
            with socket.create_connection(self.upstream, timeout=10) as server:
                server.sendall(request)
                answer = read_message(server)  # the server has answered: it committed
            self.dropped.append(Dropped(request, answer))
            client.shutdown(socket.SHUT_RDWR)  # ...and the client never hears of it

    def _relay(self, client: socket.socket) -> None:
        server = socket.create_connection(self.upstream, timeout=10)

        def pump(source: socket.socket, target: socket.socket) -> None:
            try:
                while chunk := source.recv(65536):
                    target.sendall(chunk)
            except OSError:
                pass
            finally:
                for end in (source, target):
                    with contextlib.suppress(OSError):
                        end.shutdown(socket.SHUT_RDWR)

        back = threading.Thread(target=pump, args=(server, client), daemon=True)
        back.start()
        pump(client, server)
        back.join(10)
        client.close()
        server.close()


@pytest.fixture
def proxy(live: LiveServer) -> Iterator[DroppingProxy]:
    url = httpx.URL(live.url)
    dropping = DroppingProxy((url.host, url.port or 80))
    try:
        yield dropping
    finally:
        dropping.close()


def backup_ids(live: LiveServer) -> set[str]:
    return {item["id"] for item in httpx.get(f"{live.url}/backups").json()["iterable"]}


def answered(live: LiveServer, start: int) -> list[tuple[str, str, str]]:
    """(method, path, status) of every request the server answered since line `start` of its log."""
    return [
        (match["method"], match["path"], match["status"])
        for line in live.log[start:]
        if (match := ACCESS_LINE.search(line))
    ]


@pytest.mark.parametrize(
    ("method", "body", "path"),
    [
        ("create", Assets.from_dict({"iterable": asset_documents(3)}), "/backup"),
        ("create_from_asset", Asset.from_dict(asset_documents(1)[0]), "/backup/asset"),
    ],
)
async def test_a_creation_whose_answer_was_lost_is_retried_and_creates_one_backup(
    mode: str, live: LiveServer, proxy: DroppingProxy, method: str, body: Assets | Asset, path: str
) -> None:
    before = backup_ids(live)
    log_start = len(live.log)

    async with open_client(mode, proxy.url) as client:
        response = await settle(getattr(client.with_raw_response.backup, method)(body))
        backup_id = await settle(response.parse())

    # The proxy forwarded the first attempt and the server answered it 202 with a new backup...
    (dropped,) = proxy.dropped
    assert dropped.answer.startswith(b"HTTP/1.1 202 ")
    assert header(dropped.answer, "Backup-Id") == backup_id
    # ...the client never got that answer: it retried once, with the same key, and got it replayed.
    key = header(dropped.request, "Idempotency-Key")
    assert key and response.http_request.headers["Idempotency-Key"] == key
    assert response.retries_taken == 1
    assert response.headers["Idempotent-Replayed"] == "true"
    assert proxy.passed == 1
    # The server answered two requests (its access log, read from a pipe, may lag a little)...
    posts = poll(
        lambda: [line for line in answered(live, log_start) if line[0] == "POST"],
        lambda lines: len(lines) >= 2,
        timeout=10,
        what="the access log lines of both attempts",
    )[-1]
    assert posts == [("POST", path, "202"), ("POST", path, "202")]
    # ...and started one creation.
    with httpx.Client(base_url=live.url) as http:
        poll(
            lambda: http.get(f"/backup/{backup_id}/creation/status").json()["value"],
            lambda value: value == "COMPLETED",
            what=f"creation of {backup_id}",
        )
    assert backup_ids(live) - before == {backup_id}
    print(
        f"\n[{mode}] proxy dropped the 202 answer for {backup_id} (key {key}); client retried "
        f"{response.retries_taken}x; server answered {posts}; "
        f"backups {len(before)} -> {len(backup_ids(live))}"
    )


async def test_a_deletion_whose_answer_was_lost_is_retried_and_answers_204(
    mode: str, live: LiveServer, proxy: DroppingProxy
) -> None:
    async with open_client(mode, live.url) as direct:
        backup_id = await settle(direct.backup.create())
        poll(
            lambda: httpx.get(f"{live.url}/backup/{backup_id}/creation/status").json()["value"],
            lambda value: value == "COMPLETED",
        )
    async with open_client(mode, proxy.url) as client:
        response = await settle(client.with_raw_response.backups.delete(backup_id))
    assert proxy.dropped[0].answer.startswith(b"HTTP/1.1 204 ")
    assert response.status_code == 204 and response.retries_taken == 1  # not 410 Gone
    assert response.headers["Idempotent-Replayed"] == "true"
    assert backup_id not in backup_ids(live)


async def test_the_same_key_with_another_body_is_422(mode: str, live: LiveServer) -> None:
    key = {"Idempotency-Key": f"test-key-{mode}"}
    async with open_client(mode, live.url) as client:
        first = await settle(client.backup.create(Assets.from_dict({"iterable": []}), extra_headers=key))
        again = await settle(client.backup.create(Assets.from_dict({"iterable": []}), extra_headers=key))
        assert again == first  # the same request: the first answer
        other = Assets.from_dict({"iterable": asset_documents(1)})
        with pytest.raises(UnprocessableEntityError) as reused:
            await settle(client.backup.create(other, extra_headers=key))
        with pytest.raises(UnprocessableEntityError):
            await settle(client.backup.create_from_asset(Asset(id="x"), extra_headers=key))
    assert reused.value.type == "urn:backup-api:problem:idempotency-key-reused"
    assert "another request" in (reused.value.detail or "")


def test_creations_retry_by_default_and_restorations_do_not() -> None:
    """What the spec's x-idempotency-key says reaches the generated modules."""
    from backup_api_client.api.backup import backup, backup_asset, backup_restore_specific_backup
    from backup_api_client.api.backups import backups_delete_specific_backup

    for module in (backup, backup_asset, backups_delete_specific_backup):
        assert module.IDEMPOTENCY_KEY and not module.IDEMPOTENT
    assert not backup_restore_specific_backup.IDEMPOTENCY_KEY
    assert _constants.IDEMPOTENCY_KEY_HEADER == "Idempotency-Key"
