"""Run the real server (`backup-api serve`) in a subprocess on 127.0.0.1 and a free port."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import httpx

STARTUP_TIMEOUT_SECONDS = 20.0
SERVING_LINE = re.compile(r"serving (http://127\.0\.0\.1:\d+)")


@dataclass
class LiveServer:
    url: str
    data_dir: Path
    process: subprocess.Popen[str]
    log: list[str] = field(default_factory=list)

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 15.0) -> int:
        if self.process.poll() is None:
            self.process.send_signal(sig)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout)
        return self.process.returncode

    def kill(self) -> None:
        """Stop without any clean-up, as a crash or power loss would."""
        self.stop(signal.SIGKILL)


def serve_command(*arguments: str) -> list[str]:
    return [sys.executable, "-c", "from backup_api_cli.main import main; main()", "serve", *arguments]


def start_server(data_dir: Path, *extra: str, access_log: bool = False) -> LiveServer:
    """With `access_log`, uvicorn's access lines (`"POST /backup HTTP/1.1" 403`, on its stdout) join
    `log` too: what the server answered, as the server saw it."""
    process = subprocess.Popen(
        serve_command(
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--data-dir",
            str(data_dir),
            "--log-level",
            "info" if access_log else "warning",
            *(["--access-log"] if access_log else []),
            *extra,
        ),
        stdout=subprocess.PIPE if access_log else subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert process.stderr is not None
    deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
    log: list[str] = []
    if process.stdout is not None:
        threading.Thread(target=_drain, args=(process.stdout, log), daemon=True).start()
    url = None
    while url is None:
        line = process.stderr.readline()
        if not line:
            raise RuntimeError(f"server exited before serving: {''.join(log)}")
        log.append(line)
        found = SERVING_LINE.search(line)
        if found:
            url = found.group(1)
        if time.monotonic() > deadline:
            process.kill()
            raise RuntimeError("server did not start in time")
    server = LiveServer(url=url, data_dir=data_dir, process=process, log=log)
    # Keep draining stderr so a chatty server never blocks on a full pipe.
    threading.Thread(target=_drain, args=(process.stderr, log), daemon=True).start()
    while time.monotonic() < deadline:
        try:
            # Any answer means it serves (one started with a token answers 401).
            if httpx.get(f"{url}/backups", timeout=1.0).status_code in (200, 401):
                return server
        except httpx.TransportError:
            time.sleep(0.05)
    server.kill()
    raise RuntimeError("server did not answer in time")


def _drain(stream: IO[str], log: list[str]) -> None:
    for line in stream:
        log.append(line)


@contextmanager
def running_server(data_dir: Path, *extra: str, access_log: bool = False) -> Iterator[LiveServer]:
    server = start_server(data_dir, *extra, access_log=access_log)
    try:
        yield server
    finally:
        server.stop()
