"""Server throughput: requests/s of `GET /backups` (50 backups) and of a creation status, against a
minimal FastAPI app with one JSON route, at concurrency 1, 8 and 32.

Both servers run in processes of their own on 127.0.0.1 with the same uvicorn settings (h11, the
same log level, access log and keep-alive); a load generator on loopback drives each for a bounded
time: `wrk` when it is on PATH (Debian/Ubuntu: `apt-get install wrk`), else a separate-process
asyncio loader (raw HTTP/1.1 keep-alive connections); the output says which one ran. Prints
requests/s per route and concurrency, and the ratios to the minimal app (targets at concurrency 8:
`GET /backups` >= 0.6, creation status >= 0.8).

    uv run python benchmarks/server_throughput.py [--seconds 3] [--concurrency 1 8 32]
        [--loader auto|wrk|python] [--rounds 1] [--server-arg=--log-level=warning ...]

Everything is bounded in time: each measurement takes `--seconds` (after a short warm-up), every
subprocess has a deadline, and both servers are stopped in `finally`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from _reference import asset_documents, seed_database

BACKUPS = 50
ASSETS_PER_BACKUP = 20
WARM_UP_SECONDS = 1.0
STARTUP_TIMEOUT_SECONDS = 30.0
TARGETS = {"GET /backups": 0.6, "creation status": 0.8}
TARGET_CONCURRENCY = 8
SERVING_LINE = re.compile(r"serving (http://127\.0\.0\.1:\d+)")

# The minimal app: one JSON route, served by uvicorn with the reference server's settings
# (`backup-api serve`: h11, its keep-alive and header limits, its default log level and access log).
MINIMAL_APP = """
import sys
import uvicorn
from fastapi import FastAPI
from backup_api_cli.main import bind_socket
from backup_api_server.settings import KEEP_ALIVE_SECONDS, MAX_HEADER_BYTES

app = FastAPI(openapi_url=None, docs_url=None, redoc_url=None)

@app.get("/")
async def hello() -> dict[str, str]:
    return {"hello": "world"}

log_level, access_log = sys.argv[1], sys.argv[2] == "on"
sock = bind_socket("127.0.0.1", 0)  # as `backup-api serve` binds (TCP_NODELAY on its connections)
config = uvicorn.Config(
    app,
    http="h11",
    log_level=log_level,
    access_log=access_log,
    timeout_graceful_shutdown=5,
    timeout_keep_alive=KEEP_ALIVE_SECONDS,
    h11_max_incomplete_event_size=MAX_HEADER_BYTES,
)
print(f"serving http://127.0.0.1:{sock.getsockname()[1]}", file=sys.stderr, flush=True)
uvicorn.Server(config).run(sockets=[sock])
"""


@dataclass
class Server:
    url: str
    process: subprocess.Popen[str]


def make_data_dir(data_dir: Path) -> tuple[str, int]:
    """`data_dir` with a small database and `BACKUPS` backups of it; (one backup's id, count)."""
    from backup_api_server.api import open_engine

    seed_database(data_dir, asset_documents(ASSETS_PER_BACKUP))
    engine = open_engine(data_dir)
    try:
        backup_ids = []
        for _ in range(BACKUPS):
            backup_id = engine.start_creation(None)
            status = engine.wait_for_creation(backup_id, timeout=60)
            assert status.value == "COMPLETED", status
            backup_ids.append(backup_id)
    finally:
        engine.close()
    return backup_ids[len(backup_ids) // 2], len(backup_ids)


def _drain(stream: IO[str], sink: list[str]) -> None:
    for line in stream:
        sink.append(line)


def start(command: list[str]) -> Server:
    process = subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert process.stderr is not None
    log: list[str] = []
    found: list[str] = []

    def read_until_serving() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            log.append(line)
            match = SERVING_LINE.search(line)
            if match:
                found.append(match.group(1))
                break
        _drain(process.stderr, log)  # keep the pipe from filling up

    threading.Thread(target=read_until_serving, daemon=True).start()
    deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
    while not found:
        if process.poll() is not None or time.monotonic() > deadline:
            stop(Server("", process))
            raise RuntimeError(f"{command[:4]} did not start: {''.join(log)[-2000:]}")
        time.sleep(0.05)
    return Server(found[0], process)


def stop(server: Server) -> None:
    if server.process.poll() is None:
        server.process.send_signal(signal.SIGTERM)
        try:
            server.process.wait(10)
        except subprocess.TimeoutExpired:
            server.process.kill()
            server.process.wait(10)


@contextmanager
def running(command: list[str]) -> Iterator[Server]:
    server = start(command)
    try:
        yield server
    finally:
        stop(server)


# Load generators


def run_wrk(url: str, concurrency: int, seconds: float) -> float:
    # One thread: the machine's cores are better left to the servers.
    command = ["wrk", "-t1", f"-c{concurrency}", f"-d{max(1, round(seconds))}s", "--timeout", "5s", url]
    finished = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 30, check=True)
    output = finished.stdout
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if bad:
        raise RuntimeError(f"{url}: {bad.group(1)} answers were not 2xx:\n{output}")
    errors = re.search(r"Socket errors: (.*)", output)
    if errors:
        print(f"  wrk socket errors on {url}: {errors.group(1)}", file=sys.stderr)
    match = re.search(r"Requests/sec:\s+([0-9.]+)", output)
    if match is None:
        raise RuntimeError(f"no Requests/sec in wrk's output:\n{output}")
    return float(match.group(1))


def run_python_loader(url: str, concurrency: int, seconds: float) -> float:
    """The asyncio loader below, in a process of its own (not competing with this one's GIL)."""
    command = [sys.executable, __file__, "--loader-worker", url, str(concurrency), str(seconds)]
    finished = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 30, check=True)
    result = json.loads(finished.stdout)
    if result["bad"]:
        raise RuntimeError(f"{url}: {result['bad']} answers were not 2xx")
    return float(result["requests"]) / float(result["seconds"])


async def _load(url: str, concurrency: int, seconds: float) -> dict[str, float]:
    """`concurrency` keep-alive connections, each sending GET `url` one after the other."""
    address = re.fullmatch(r"http://([^:/]+):(\d+)(/.*)?", url)
    assert address is not None, url
    host, port, path = address.group(1), int(address.group(2)), address.group(3) or "/"
    request = f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\n\r\n".encode()
    counts = {"requests": 0, "bad": 0}
    deadline = time.monotonic() + seconds

    async def connection() -> None:
        reader, writer = await asyncio.open_connection(host, port)
        try:
            while time.monotonic() < deadline:
                writer.write(request)
                head = await reader.readuntil(b"\r\n\r\n")
                status = int(head.split(b" ", 2)[1])
                length = re.search(rb"(?i)\r\ncontent-length: *(\d+)", head)
                assert length is not None, head
                await reader.readexactly(int(length.group(1)))
                counts["requests"] += 1
                counts["bad"] += not 200 <= status < 400
        finally:
            writer.close()

    started = time.monotonic()
    await asyncio.wait_for(asyncio.gather(*(connection() for _ in range(concurrency))), seconds + 10)
    return {**counts, "seconds": time.monotonic() - started}


def measure(loader: str, url: str, concurrency: int, seconds: float) -> float:
    run = run_wrk if loader == "wrk" else run_python_loader
    run(url, concurrency, WARM_UP_SECONDS)
    return run(url, concurrency, seconds)


def check(url: str, backup_id: str, count: int) -> None:
    """The routes answer what they should, before they are measured."""
    import httpx

    backups = httpx.get(f"{url}/backups", timeout=10).raise_for_status().json()["iterable"]
    assert len(backups) == count, len(backups)
    status = httpx.get(f"{url}/backup/{backup_id}/creation/status", timeout=10).raise_for_status().json()
    assert status["value"] == "COMPLETED", status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--seconds", type=float, default=3.0, help="per measurement (default 3)")
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 8, 32])
    parser.add_argument("--rounds", type=int, default=1, help="medians over this many rounds")
    parser.add_argument("--loader", choices=("auto", "wrk", "python"), default="auto")
    parser.add_argument(
        "--server-arg",
        action="append",
        default=[],
        help="an extra `backup-api serve` option, e.g. --server-arg=--log-level=warning",
    )
    parser.add_argument("--log-level", default="info", help="both servers' uvicorn log level")
    parser.add_argument("--access-log", choices=("on", "off"), default="off", help="both servers'")
    arguments = parser.parse_args(argv)
    loader = arguments.loader
    if loader == "auto":
        loader = "wrk" if shutil.which("wrk") else "python"
    elif loader == "wrk" and not shutil.which("wrk"):
        parser.error("wrk is not on PATH (Debian/Ubuntu: apt-get install wrk)")

    serve = [sys.executable, "-c", "from backup_api_cli.main import main; main()", "serve"]
    server_options = ["--host", "127.0.0.1", "--port", "0", "--log-level", arguments.log_level]
    if arguments.access_log == "on":
        server_options.append("--access-log")
    minimal_command = [sys.executable, "-c", MINIMAL_APP, arguments.log_level, arguments.access_log]
    with tempfile.TemporaryDirectory(prefix="backup-api-throughput-") as scratch:
        data_dir = Path(scratch) / "data"
        backup_id, count = make_data_dir(data_dir)
        our_command = [*serve, *server_options, "--data-dir", str(data_dir), *arguments.server_arg]
        with running(minimal_command) as minimal, running(our_command) as ours:
            check(ours.url, backup_id, count)
            routes = {
                "minimal FastAPI": f"{minimal.url}/",
                "GET /backups": f"{ours.url}/backups",
                "creation status": f"{ours.url}/backup/{backup_id}/creation/status",
            }
            rates: dict[tuple[str, int], list[float]] = {}
            for _ in range(arguments.rounds):
                for concurrency in arguments.concurrency:
                    # Back to back, so a busy moment on a shared machine hits all three alike.
                    for name, url in routes.items():
                        rate = measure(loader, url, concurrency, arguments.seconds)
                        rates.setdefault((name, concurrency), []).append(rate)

    print(
        f"load generator: {'wrk (1 thread)' if loader == 'wrk' else 'separate-process asyncio loader'}; "
        f"{arguments.seconds:g} s per measurement, {arguments.rounds} round(s); {count} backups; "
        f"log level {arguments.log_level}, access log {arguments.access_log}"
        + (f"; server options {' '.join(arguments.server_arg)}" if arguments.server_arg else "")
    )
    print(f"{'route':<18}" + "".join(f"{f'c={c}':>16}" for c in arguments.concurrency))
    for name in routes:
        row = "".join(f"{statistics.median(rates[(name, c)]):>12.0f} r/s" for c in arguments.concurrency)
        print(f"{name:<18}{row}")
    met = True
    for name, target in TARGETS.items():
        cells = []
        for concurrency in arguments.concurrency:
            ratio = statistics.median(rates[(name, concurrency)]) / statistics.median(
                rates[("minimal FastAPI", concurrency)]
            )
            cells.append(f"{ratio:>16.2f}")
            if concurrency == TARGET_CONCURRENCY:
                met = met and ratio >= target
        print(f"{name + ' ratio':<18}{''.join(cells)}   (target at c={TARGET_CONCURRENCY}: >= {target})")
    print(f"targets {'met' if met else 'NOT met'}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--loader-worker":
        print(json.dumps(asyncio.run(_load(sys.argv[2], int(sys.argv[3]), float(sys.argv[4])))))
        raise SystemExit(0)
    raise SystemExit(main())
