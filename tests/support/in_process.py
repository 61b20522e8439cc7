"""The server's app, over an engine a test built (with its step hook), served by uvicorn on
127.0.0.1 and a free port in a thread of the test process: real HTTP, no subprocess to start."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn
from fastapi import FastAPI

from backup_api_server.api import create_app
from backup_api_server.engine import BackupEngine

STARTUP_SECONDS = 10.0
HOLD_SECONDS = 30.0  # a hold never lasts longer, whatever the test does


class Hold:
    """A step hook (`BackupEngine(step_hook=...)`) that stops the first creation or restoration
    reaching `phase` (e.g. "restore:verify") until `release()`, or until a cancellation of that
    kind is requested ("restore:cancel-requested"), as a user's cancel would find it running.
    Not `armed`, it lets everything run (while a test prepares its engine)."""

    def __init__(self, phase: str, *, armed: bool = True) -> None:
        self.phase = phase
        self.armed = armed
        self.reached = threading.Event()
        self.released = threading.Event()

    def __call__(self, phase: str) -> None:
        if not self.armed:
            return
        if phase == f"{self.phase.partition(':')[0]}:cancel-requested":
            self.release()
        elif phase == self.phase and not self.reached.is_set():
            self.reached.set()
            self.released.wait(HOLD_SECONDS)

    def release(self) -> None:
        self.released.set()


@contextmanager
def serving(engine: BackupEngine) -> Iterator[str]:
    """The base URL of the app over `engine` while the block runs; the caller closes the engine."""
    app: FastAPI = create_app(engine.data_dir, engine=engine)
    app.state.engine = engine  # lifespan off: the engine is the caller's to close
    config = uvicorn.Config(app, host="127.0.0.1", port=0, lifespan="off", log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="in-process server", daemon=True)
    thread.start()
    deadline = time.monotonic() + STARTUP_SECONDS
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the in-process server did not start"
        time.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=STARTUP_SECONDS)
