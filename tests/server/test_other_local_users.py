"""Other users of the same machine (issue 21, item 2): on loopback without a token, a connection
from another local user is refused (403 `other-local-user`); the server's own user and root are
admitted; with a token, the token decides. The second user is real: made with `useradd` when the
tests run as root (as in CI), its requests sent from a forked child that switched to it."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from backup_api_server.api.peer_user import PeerUsers, available, peer_uid
from tests.support.live_server import running_server

pytestmark = [
    pytest.mark.skipif(not available(), reason="the kernel tells the peer's user on Linux only"),
    pytest.mark.skipif(os.name != "posix" or os.geteuid() != 0, reason="making a second user needs root"),
    pytest.mark.skipif(shutil.which("useradd") is None, reason="needs useradd"),
]

OTHER_USER_PROBLEM = "urn:backup-api:problem:other-local-user"
ANSWER_TIMEOUT_SECONDS = 20.0


@pytest.fixture(scope="module")
def other_user() -> Iterator[tuple[int, int]]:
    """A second Unix user (uid, gid), removed afterwards."""
    name = f"bkapi-peer-{os.getpid()}"
    subprocess.run(
        ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", "--user-group", name],
        check=True,
        capture_output=True,
    )
    try:
        ids = subprocess.run(["id", "-u", name], check=True, capture_output=True, text=True).stdout
        groups = subprocess.run(["id", "-g", name], check=True, capture_output=True, text=True).stdout
        yield int(ids), int(groups)
    finally:
        subprocess.run(["userdel", name], check=False, capture_output=True)


def as_user(uid: int, gid: int, work: str, *arguments: str) -> bytes:
    """Run `work` (Python source reading `arguments` from `sys.argv`) in a child that switched to
    `uid`/`gid` before running it; what it prints. The child is this test's interpreter, forked,
    so it needs nothing the other user may not read."""
    read_end, write_end = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover (the child)
        try:
            os.close(read_end)
            os.setgroups([])
            os.setgid(gid)
            os.setuid(uid)
            sys.argv = ["as_user", *arguments]
            namespace: dict[str, object] = {}
            exec(work, namespace)
            os.write(write_end, bytes(namespace["RESULT"]))  # type: ignore[call-overload]
        finally:
            os._exit(0)
    os.close(write_end)
    chunks = []
    while chunk := os.read(read_end, 65536):
        chunks.append(chunk)
    os.close(read_end)
    os.waitpid(child, 0)
    return b"".join(chunks)


# A raw HTTP/1.1 GET: the child must not take locks a forked interpreter may hold (no httpx).
RAW_GET = """
import socket, sys
host, port, path, token = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
auth = f"Authorization: Bearer {token}\\r\\n" if token else ""
with socket.create_connection((host, port), timeout=20) as sock:
    sock.sendall(f"GET {path} HTTP/1.1\\r\\nHost: {host}\\r\\n{auth}Connection: close\\r\\n\\r\\n".encode())
    answer = b""
    while chunk := sock.recv(65536):
        answer += chunk
RESULT = answer
"""


def get_as(user: tuple[int, int], url: str, path: str, token: str = "") -> tuple[int, dict[str, object]]:
    """Status and JSON body of `GET path` sent by `user` on a new connection."""
    host, port = url.removeprefix("http://").rsplit(":", 1)
    raw = as_user(*user, RAW_GET, host, port, path, token)
    head, _, body = raw.partition(b"\r\n\r\n")
    assert head, "no answer"
    status = int(head.split(b" ", 2)[1])
    return status, json.loads(body) if body else {}


@pytest.mark.slow
def test_without_a_token_another_user_is_refused_and_the_servers_own_user_admitted(
    tmp_path: Path, other_user: tuple[int, int]
) -> None:
    with running_server(tmp_path / "data") as live:
        status, problem = get_as(other_user, live.url, "/assets")
        assert status == 403
        assert problem["type"] == OTHER_USER_PROBLEM
        assert "--token-file" in str(problem["detail"])
        # The server's own user (root here, the SDK's usual caller): no token needed.
        assert httpx.get(f"{live.url}/assets", timeout=ANSWER_TIMEOUT_SECONDS).status_code == 200
        assert get_as((0, 0), live.url, "/backups")[0] == 200


@pytest.mark.slow
def test_with_a_token_the_token_decides_for_every_user(tmp_path: Path, other_user: tuple[int, int]) -> None:
    token_file = tmp_path / "token"
    token_file.write_text("a-long-enough-token-for-the-test\n")
    token_file.chmod(0o600)
    with running_server(tmp_path / "data", "--token-file", str(token_file)) as live:
        assert get_as(other_user, live.url, "/assets")[0] == 401
        assert get_as(other_user, live.url, "/assets", "a-long-enough-token-for-the-test")[0] == 200
        assert httpx.get(f"{live.url}/assets", timeout=ANSWER_TIMEOUT_SECONDS).status_code == 401


# Connects and waits to be closed: the parent looks its connection up meanwhile.
CONNECT_AND_WAIT = """
import socket, sys
with socket.create_connection((sys.argv[1], int(sys.argv[2])), timeout=20) as sock:
    sock.recv(1)
RESULT = b"done"
"""


@pytest.mark.parametrize("family, host", [(socket.AF_INET, "127.0.0.1"), (socket.AF_INET6, "::1")])
def test_the_kernel_names_the_user_of_each_connection(
    other_user: tuple[int, int], family: socket.AddressFamily, host: str
) -> None:
    uid, gid = other_user
    with socket.socket(family, socket.SOCK_STREAM) as listener:
        listener.bind((host, 0))
        listener.listen()
        port = listener.getsockname()[1]
        seen: dict[int, bool] = {}
        for connecting_uid, connecting_gid in ((uid, gid), (uid + 1, gid), (0, 0)):
            child = os.fork()
            if child == 0:  # pragma: no cover (the child)
                try:
                    os.setgroups([])
                    os.setgid(connecting_gid)
                    os.setuid(connecting_uid)
                    with socket.create_connection((host, port), timeout=20) as sock:
                        sock.recv(1)
                finally:
                    os._exit(0)
            connection, _ = listener.accept()
            with connection:
                server, client = connection.getsockname()[:2], connection.getpeername()[:2]
                assert peer_uid(server, client) == connecting_uid
                seen[connecting_uid] = PeerUsers(own_uid=uid).admits(server, client)
            os.waitpid(child, 0)
        # The server's own user and root are admitted; anyone else is not.
        assert seen == {uid: True, uid + 1: False, 0: True}
        # A connection whose client is gone (its socket left in time-wait, uid 0 in the kernel's
        # answer) is not known, never taken for root.
        with socket.create_connection((host, port)):
            connection, _ = listener.accept()
        time.sleep(0.1)  # the client's close reaches the kernel's tables
        with connection:
            server, client = connection.getsockname()[:2], connection.getpeername()[:2]
            assert peer_uid(server, client) is None
            assert not PeerUsers(own_uid=uid).admits(server, client)
