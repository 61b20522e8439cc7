"""Slow and idle clients cannot starve others (issue 21, item 6), through the real server: a client
dripping a large body does not hold the parse slot; an idle-connection flood past the connection
limit does not keep legitimate requests out; `Content-Length` with `Transfer-Encoding`, and a head
over the bound sent in one write, are 400 with the connection closed; an answer the client stops
reading is abandoned after the write timeout and its memory freed."""

from __future__ import annotations

import contextlib
import json
import resource
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from backup_api_server.settings import (
    LARGE_BODY_BYTES,
    MAX_CONNECTIONS,
    MAX_HEADER_BYTES,
    UNREAD_ANSWERS_MAX_BYTES,
    WRITE_TIMEOUT_SECONDS,
)
from tests.support.assets import asset_documents, seed_database
from tests.support.live_server import LiveServer, running_server

MALFORMED_REQUEST = "urn:backup-api:problem:malformed-request"


def address(live: LiveServer) -> tuple[str, int]:
    host, port = live.url.removeprefix("http://").rsplit(":", 1)
    return host, int(port)


def exchange(live: LiveServer, raw: bytes, timeout: float = 10.0) -> tuple[bytes, bool]:
    """Send `raw` on a new connection; the answer, and whether the server closed the connection."""
    with socket.create_connection(address(live), timeout=timeout) as sock:
        sock.sendall(raw)
        answer = b""
        while b"\r\n\r\n" not in answer:
            answer += sock.recv(65536)
        head, _, body = answer.partition(b"\r\n\r\n")
        length = int(
            next(
                line.split(b":")[1]
                for line in head.split(b"\r\n")
                if line.lower().startswith(b"content-length")
            )
        )
        while len(body) < length:
            body += sock.recv(65536)
        try:
            closed = sock.recv(1) == b""
        except (ConnectionResetError, TimeoutError):
            closed = False
        return head + b"\r\n\r\n" + body, closed


def problem_of(answer: bytes) -> tuple[int, dict[str, object]]:
    head, _, body = answer.partition(b"\r\n\r\n")
    return int(head.split(b" ", 2)[1]), json.loads(body)


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    with running_server(tmp_path_factory.mktemp("slow") / "data") as server:
        yield server


def test_content_length_with_transfer_encoding_is_400_and_the_connection_closes(live: LiveServer) -> None:
    body = b'{"iterable": []}'
    raw = (
        b"POST /backup HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        b"Content-Length: %d\r\nTransfer-Encoding: chunked\r\n\r\n%x\r\n%s\r\n0\r\n\r\n"
    ) % (len(body), len(body), body)
    answer, closed = exchange(live, raw)
    status, problem = problem_of(answer)
    assert (status, problem["type"]) == (400, MALFORMED_REQUEST)
    assert "Content-Length and Transfer-Encoding" in str(problem["detail"])
    assert closed
    assert httpx.get(f"{live.url}/backups").json()["iterable"] == []  # nothing was created


@pytest.mark.parametrize("pieces", [1, 3])
def test_a_head_over_the_bound_is_refused_however_it_arrives(live: LiveServer, pieces: int) -> None:
    raw = b"GET /backups HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: " + b"a" * MAX_HEADER_BYTES + b"\r\n\r\n"
    with socket.create_connection(address(live), timeout=10) as sock:
        size = -(-len(raw) // pieces)
        for start in range(0, len(raw), size):
            with contextlib.suppress(OSError):  # the server may close before the last piece
                sock.sendall(raw[start : start + size])
            time.sleep(0.05)
        answer = b""
        with contextlib.suppress(ConnectionResetError):
            while chunk := sock.recv(65536):
                answer += chunk
    assert answer.startswith(b"HTTP/1.1 400 "), answer[:200]
    # Closed after the answer (the loop above ended on end-of-stream).
    assert httpx.get(f"{live.url}/backups").status_code == 200


def test_a_head_within_the_bound_in_one_write_is_answered(live: LiveServer) -> None:
    padding = b"a" * (MAX_HEADER_BYTES - 200)
    raw = b"GET /backups HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: " + padding + b"\r\n\r\n"
    answer, _ = exchange(live, raw)
    assert answer.startswith(b"HTTP/1.1 200 ")


@pytest.mark.slow
def test_a_client_dripping_a_large_body_does_not_hold_back_legitimate_large_creations(
    live: LiveServer,
) -> None:
    large = json.dumps({"iterable": asset_documents(3, content_bytes=LARGE_BODY_BYTES)}).encode()
    assert len(large) > 2 * LARGE_BODY_BYTES
    with socket.create_connection(address(live), timeout=30) as dripping:
        dripping.sendall(
            b"POST /backup HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            b"Content-Length: %d\r\n\r\n" % len(large)
        )
        dripping.sendall(large[:1024])
        with httpx.Client(base_url=live.url, timeout=30) as http:
            for _ in range(3):
                dripping.sendall(large[1024:1025])  # a byte now and then: never stalls for long
                started = time.monotonic()
                answer = http.post("/backup", content=large, headers={"Content-Type": "application/json"})
                assert answer.status_code == 202, answer.text
                assert time.monotonic() - started < 5.0


@pytest.mark.slow
def test_legitimate_requests_answer_within_a_second_under_an_idle_connection_flood(tmp_path: Path) -> None:
    flood = MAX_CONNECTIONS + 52  # 2,100 idle connections, past the server's limit
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and hard < flood + 256:
        pytest.skip(f"needs {flood + 256} open files, the hard limit is {hard}")
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, flood + 256), hard))
    sockets: list[socket.socket] = []
    try:
        with running_server(tmp_path / "data") as server:
            target = address(server)
            for _ in range(flood):
                sockets.append(socket.create_connection(target, timeout=10))
            timings = []
            for index in range(40):
                # The flood reopens what the server closed, as an attacker would.
                sockets[index % flood].close()
                sockets[index % flood] = socket.create_connection(target, timeout=10)
                started = time.monotonic()
                answer = httpx.get(f"{server.url}/backups", timeout=5.0)
                timings.append(time.monotonic() - started)
                assert answer.status_code == 200
            assert max(timings) < 1.0, timings
    finally:
        for sock in sockets:
            sock.close()
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def rss_bytes(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmRSS")


# What the server may hold over idle while answers go unread: the unread answers' bound, plus the
# pages being built meanwhile (a 10 MB page costs a few times its size while it is built, and
# MAX_CONCURRENT_ASSET_PAGES are built at once) and handed to the connections.
UNREAD_PEAK_BOUND_BYTES = UNREAD_ANSWERS_MAX_BYTES + 256 * 1024 * 1024
FREED_BOUND_BYTES = 64 * 1024 * 1024


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads RSS from /proc")
def test_answers_nobody_reads_stay_within_a_bound_and_are_freed_after_the_write_timeout(
    tmp_path: Path,
) -> None:
    data_dir = tmp_path / "data"
    seed_database(data_dir, asset_documents(1000, content_bytes=10_000))  # a 10 MB page
    unread = 300
    with running_server(data_dir) as server:
        pid = server.process.pid
        idle = rss_bytes(pid)
        samples: list[int] = []
        sampling = threading.Event()

        def sample() -> None:
            while not sampling.wait(0.2):
                samples.append(rss_bytes(pid))

        sampler = threading.Thread(target=sample)
        sampler.start()
        sockets = []
        try:
            for _ in range(unread):
                sock = socket.create_connection(address(server), timeout=10)
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
                sock.sendall(b"GET /assets?limit=1000 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                sockets.append(sock)
            assert httpx.get(f"{server.url}/backups", timeout=10).status_code == 200
            # The pages are built a few at once, the last ones long after the first (over a minute
            # on a busy machine): each is abandoned WRITE_TIMEOUT_SECONDS after its client stopped
            # reading, or sooner past the bound on unread answers.
            time.sleep(WRITE_TIMEOUT_SECONDS)
            deadline = time.monotonic() + 150
            while rss_bytes(pid) - idle >= FREED_BOUND_BYTES and time.monotonic() < deadline:
                time.sleep(1)
        finally:
            sampling.set()
            sampler.join()
            for sock in sockets:
                sock.close()
        after = rss_bytes(pid)
        peak = max(samples)
        print(f"RSS idle {idle >> 20} MiB, {unread} unread pages: peak {peak >> 20}, after {after >> 20} MiB")
        assert peak - idle < UNREAD_PEAK_BOUND_BYTES
        assert after - idle < FREED_BOUND_BYTES  # freed once abandoned
