"""The cost of telling who is on the other end: creation-status requests/s with a new connection per
request, on a server that asks the kernel for each connection's user (loopback without a token: the
default) against the same server that does not (as with a token), measured in the same run.

Both servers are the reference application (`create_app` over a data directory holding one
completed backup) under uvicorn with this server's protocol; they differ only in `peer_users`. Each
runs in a process of its own on 127.0.0.1; the loader (this process) opens a TCP connection, sends
one `GET /backup/{id}/creation/status` with `Connection: close`, reads the answer, and closes,
from `--clients` threads at once, for `--seconds` per measurement, alternating the two servers
for `--rounds` rounds. Prints requests/s of each and the ratio (check / no check).

    uv run python benchmarks/peer_check.py [--seconds 3] [--rounds 3] [--clients 1 8]

Linux only (elsewhere the server cannot tell the peer's user, and does not check).
"""

from __future__ import annotations

import argparse
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

STARTUP_TIMEOUT_SECONDS = 30.0
SERVING = re.compile(r"serving (\d+) (\S+)")

SERVER = """
import sys, time
from pathlib import Path
import uvicorn
from backup_api_cli.main import bind_socket
from backup_api_server.api import create_app, open_engine
from backup_api_server.api.peer_user import PeerUsers
from backup_api_server.api.protocol import guarded_protocol
from backup_api_server.settings import KEEP_ALIVE_SECONDS, MAX_HEADER_BYTES

data_dir, check = Path(sys.argv[1]), sys.argv[2] == "check"
engine = open_engine(data_dir)
backup_id = engine.start_creation([{"id": "one", "name": "an asset"}])
while engine.creation_status(backup_id).value.value != "COMPLETED":
    time.sleep(0.01)
sock = bind_socket("127.0.0.1", 0)
config = uvicorn.Config(
    create_app(data_dir, engine=engine),
    log_level="warning",
    access_log=False,
    http=guarded_protocol(PeerUsers.of_this_process() if check else None),
    timeout_keep_alive=KEEP_ALIVE_SECONDS,
    h11_max_incomplete_event_size=MAX_HEADER_BYTES,
)
print(f"serving {sock.getsockname()[1]} {backup_id}", file=sys.stderr, flush=True)
uvicorn.Server(config).run(sockets=[sock])
"""


@contextmanager
def server(check: bool) -> Iterator[tuple[int, str]]:
    """(port, backup id) of a server with or without the peer check, stopped afterwards."""
    with tempfile.TemporaryDirectory() as data_dir:
        process = subprocess.Popen(
            [sys.executable, "-c", SERVER, data_dir, "check" if check else "none"],
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            assert process.stderr is not None
            deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
            while time.monotonic() < deadline:
                found = SERVING.search(process.stderr.readline())
                if found:
                    yield int(found.group(1)), found.group(2)
                    return
            raise RuntimeError("the server did not start in time")
        finally:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def one_request(port: int, request: bytes) -> None:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(request)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    if not answer.startswith(b"HTTP/1.1 200 "):
        raise RuntimeError(f"unexpected answer: {answer[:200]!r}")


def requests_per_second(port: int, backup_id: str, clients: int, seconds: float) -> float:
    request = (
        f"GET /backup/{backup_id}/creation/status HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    ).encode()
    deadline = time.monotonic() + seconds
    counts = [0] * clients

    def run(index: int) -> None:
        while time.monotonic() < deadline:
            one_request(port, request)
            counts[index] += 1

    threads = [threading.Thread(target=run, args=(index,)) for index in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts) / (time.monotonic() - started)


def rounded(values: list[float]) -> str:
    return ", ".join(f"{value:.0f}" for value in values)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 8])
    arguments = parser.parse_args()
    if not sys.platform.startswith("linux"):
        sys.exit("the peer check exists on Linux only")
    with server(check=False) as (plain_port, plain_id), server(check=True) as (check_port, check_id):
        for clients in arguments.clients:
            plain: list[float] = []
            checked: list[float] = []
            requests_per_second(plain_port, plain_id, clients, 0.5)  # warm-up
            requests_per_second(check_port, check_id, clients, 0.5)
            for round_ in range(arguments.rounds):
                # Alternating which goes first, so a slow spell of a shared machine hits both alike.
                order = [(plain, plain_port, plain_id), (checked, check_port, check_id)]
                for results, port, backup_id in order if round_ % 2 == 0 else order[::-1]:
                    results.append(requests_per_second(port, backup_id, clients, arguments.seconds))
            no_check, check = statistics.median(plain), statistics.median(checked)
            print(
                f"clients {clients}: no check {no_check:,.0f} req/s, check {check:,.0f} req/s, "
                f"ratio {check / no_check:.3f} (medians of {arguments.rounds} rounds: "
                f"{rounded(plain)} / {rounded(checked)})"
            )


if __name__ == "__main__":
    main()
