"""Per-call overhead of the generated client: `client.backup.get(id)` against a raw `httpx.Client.get`.

Both ask the same local server for the same backup, 300 calls each per round, alternated (ABBA),
5 rounds; the ratio of the medians of the per-call means is printed (target: at most 1.10). The
client's call includes what the raw one skips: building the request from the spec, the retry loop,
status checks and parsing the JSON into the `Backup` model.

The server: for now a minimal ASGI app, defined below, serving one fixed Backup document under
uvicorn in a subprocess; `--app module:factory --factory` serves another app the same way, and
`--url http://127.0.0.1:<port> --backup-id <id>` measures against a running server (such as the
reference server started with `backup-api serve`, holding that backup).

    uv run python benchmarks/client_overhead.py [--rounds 5] [--calls 300]
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from backup_api_client import BackupApiClient

TARGET = 1.10
BACKUP_ID = "1.0.0_1764253683123456"
BACKUP_JSON = json.dumps(
    {
        "id": BACKUP_ID,
        "version": "1.0.0",
        "timestamp": "1764253683123456",
        "bytes": 5120,
        "created": {"value": "2025-11-27T14:28:03.123456Z", "readable": "2025-11-27 14:28:03 UTC"},
        "device_name": "workstation",
        "platform": "LINUX",
    }
).encode()

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]


async def app(scope: Scope, receive: Receive, send: Send) -> None:
    """Answers the fixed Backup for GET /backup/{id}, a 404 problem for anything else."""
    if scope["type"] != "http":
        return
    found = scope["method"] == "GET" and scope["path"] == f"/backup/{BACKUP_ID}"
    body = BACKUP_JSON if found else b'{"type":"about:blank","title":"Not Found","status":404,"detail":"-"}'
    media_type = b"application/json" if found else b"application/problem+json"
    await send(
        {
            "type": "http.response.start",
            "status": 200 if found else 404,
            "headers": [(b"content-type", media_type), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def uvicorn_server(app_path: str, factory: bool) -> Iterator[str]:
    port = free_port()
    command = [sys.executable, "-m", "uvicorn", app_path, "--host", "127.0.0.1", "--port", str(port)]
    command += ["--log-level", "warning", "--no-access-log", "--app-dir", str(Path(__file__).parent)]
    if factory:
        command.append("--factory")
    process = subprocess.Popen(command)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(url, timeout=1)
                break
            except httpx.TransportError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the server did not start: {' '.join(command)}") from None
                time.sleep(0.05)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)


def measure(url: str, backup_id: str, rounds: int, calls: int) -> tuple[list[float], list[float]]:
    """Per-call mean seconds of each round: (client, raw)."""
    client_means: list[float] = []
    raw_means: list[float] = []
    clock = time.perf_counter
    with BackupApiClient(url) as client, httpx.Client(base_url=url) as raw:
        path = f"/backup/{backup_id}"
        for _ in range(50):  # warm up: connections, imports, caches
            client.backup.get(backup_id)
            raw.get(path).raise_for_status()
        for _ in range(rounds):
            client_total = raw_total = 0.0
            # ABBA order (client, raw, raw, client, ...): each kind follows each kind equally
            # often, so neither profits more from the server having finished its previous answer.
            for call in range(calls):
                for kind in ("client", "raw") if call % 2 == 0 else ("raw", "client"):
                    started = clock()
                    if kind == "client":
                        client.backup.get(backup_id)
                        client_total += clock() - started
                    else:
                        raw.get(path)
                        raw_total += clock() - started
            client_means.append(client_total / calls)
            raw_means.append(raw_total / calls)
    return client_means, raw_means


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--calls", type=int, default=300)
    parser.add_argument("--url", help="a running server to use instead of starting one")
    parser.add_argument("--app", default="client_overhead:app", help="the ASGI app uvicorn serves")
    parser.add_argument("--factory", action="store_true", help="--app is an app factory")
    parser.add_argument("--backup-id", default=BACKUP_ID)
    arguments = parser.parse_args(argv)

    rounds, calls = arguments.rounds, arguments.calls
    if arguments.url:
        client_means, raw_means = measure(arguments.url, arguments.backup_id, rounds, calls)
    else:
        with uvicorn_server(arguments.app, arguments.factory) as url:
            client_means, raw_means = measure(url, arguments.backup_id, rounds, calls)

    client_median = statistics.median(client_means)
    raw_median = statistics.median(raw_means)
    ratio = client_median / raw_median
    print(f"client.backup.get(id): {client_median * 1e6:8.1f} µs per call (median of {rounds} rounds)")
    print(f"httpx.Client.get:      {raw_median * 1e6:8.1f} µs per call")
    print(f"overhead: {(client_median - raw_median) * 1e6:.1f} µs per call")
    print(f"ratio: {ratio:.3f} (target <= {TARGET:.2f}: {'met' if ratio <= TARGET else 'NOT met'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
