"""Ctrl-C during `backup-api restore` and `backup-api backup create`, quick: the command runs in this
process against the real server (in process too, its job held at a step hook so it is still
running), and the wait for the server's next answer raises `KeyboardInterrupt` as a Ctrl-C there
would. The command must ask the server to cancel, say so in one line and exit 130; the server's
job must end CANCELED. The same in a real terminal, with real signals, is `test_terminal.py` (slow).
"""

from __future__ import annotations

import sys
import time
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from backup_api_cli import commands, options
from backup_api_cli.main import main
from backup_api_client import BackupApiClient
from backup_api_server.engine import BackupEngine
from tests.support.in_process import HOLD_SECONDS, Hold, serving

ORIGINAL = [{"id": "in-the-database"}]
BACKED_UP = [{"id": f"backed-up-{index}"} for index in range(3)]
Held = tuple[BackupEngine, Hold, str]
Capture = pytest.CaptureFixture[str]


class InterruptedStream(httpx.SyncByteStream):
    """A response body whose first chunk arrives and whose next read is interrupted by Ctrl-C."""

    def __init__(self, stream: httpx.SyncByteStream) -> None:
        self.stream = stream

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self.stream:
            yield chunk
            raise KeyboardInterrupt

    def close(self) -> None:
        self.stream.close()


class CtrlC(httpx.BaseTransport):
    """Real HTTP to the server, recording each request; Ctrl-C hits the wait for the streamed
    restore's second event, and (with `at_cancel`) the cancel request before it is sent."""

    def __init__(self, *, at_cancel: bool = False) -> None:
        self.real = httpx.HTTPTransport()
        self.at_cancel = at_cancel
        self.sent: list[str] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self.at_cancel and request.url.path.endswith("/cancel"):
            raise KeyboardInterrupt
        self.sent.append(f"{request.method} {request.url.path}")
        response = self.real.handle_request(request)
        if request.url.path.endswith("/restore/streamed"):
            assert isinstance(response.stream, httpx.SyncByteStream)
            response.stream = InterruptedStream(response.stream)
        return response

    def close(self) -> None:
        self.real.close()


def run_cli(monkeypatch: pytest.MonkeyPatch, transport: CtrlC, *arguments: str) -> int:
    """Run `backup-api ARGUMENTS` here, its client's requests through `transport`; the exit code."""

    def client(base_url: str, api_key: str | None = None) -> BackupApiClient:
        return BackupApiClient(
            base_url=base_url, api_key=api_key, http_client=httpx.Client(transport=transport)
        )

    monkeypatch.setattr(options, "BackupApiClient", client)
    monkeypatch.setattr(sys, "argv", ["backup-api", *arguments])
    with pytest.raises(SystemExit) as exited:
        main()
    return int(exited.value.code or 0)


def ctrl_c_at_the_next_poll(monkeypatch: pytest.MonkeyPatch) -> None:
    """`backup create` waits between two status requests: Ctrl-C lands in that wait."""

    def interrupted(seconds: float) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(commands, "time", types.SimpleNamespace(sleep=interrupted, monotonic=time.monotonic))


def one_line(text: str) -> str:
    """The one error line of `text` (stderr, where "canceling ..." is announced first)."""
    lines = [line for line in text.splitlines() if line.startswith("backup-api")]
    assert len(lines) == 1, text
    assert "Traceback" not in text
    return lines[0]


@pytest.fixture
def engine(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Held]:
    """An engine holding `ORIGINAL`, a completed backup of `BACKED_UP`, and a hold at the phase the
    test names (`@pytest.mark.parametrize("engine", [phase], indirect=True)`)."""
    hold = Hold(request.param, armed=False)
    engine = BackupEngine(tmp_path / "data", api_version="1.0.0", step_hook=hold)
    try:
        engine.database.put_many(ORIGINAL)
        backup_id = engine.start_creation(BACKED_UP)
        assert engine.wait_for_creation(backup_id, HOLD_SECONDS).value == "COMPLETED"
        hold.armed = True
        yield engine, hold, backup_id
    finally:
        hold.release()
        engine.close()


@pytest.mark.parametrize("engine", ["restore:verify"], indirect=True)
def test_ctrl_c_during_restore_cancels_it_on_the_server_and_exits_130(
    engine: Held, monkeypatch: pytest.MonkeyPatch, capsys: Capture
) -> None:
    server, hold, backup_id = engine
    transport = CtrlC()
    with serving(server) as url:
        code = run_cli(monkeypatch, transport, "restore", backup_id, "--url", url)
    error = capsys.readouterr().err
    assert hold.reached.is_set(), "the restoration never started"
    assert f"POST /backup/{backup_id}/restoration/cancel" in transport.sent, (
        f"Ctrl-C did not ask the server to cancel the restoration; the CLI sent {transport.sent}"
    )
    assert code == 130, error
    assert one_line(error) == "backup-api: canceled; the database is unchanged"
    assert server.restoration_status(backup_id).value.value == "CANCELED"
    assert server.list_assets() == ORIGINAL


@pytest.mark.parametrize("engine", ["create:write"], indirect=True)
def test_ctrl_c_during_backup_create_cancels_it_on_the_server_and_exits_130(
    engine: Held, monkeypatch: pytest.MonkeyPatch, capsys: Capture
) -> None:
    server, _, _ = engine
    ctrl_c_at_the_next_poll(monkeypatch)
    transport = CtrlC()
    backups_before = server.page_backups(None, 100)
    with serving(server) as url:
        code = run_cli(monkeypatch, transport, "backup", "create", "--url", url)
    error = capsys.readouterr().err
    created = [request.split("/")[2] for request in transport.sent if request.endswith("/creation/status")]
    assert created, transport.sent
    backup_id = created[0]
    assert f"POST /backup/{backup_id}/creation/cancel" in transport.sent, (
        f"Ctrl-C did not ask the server to cancel the creation; the CLI sent {transport.sent}"
    )
    assert code == 130, error
    assert one_line(error) == "backup-api: canceled; no backup was created"
    assert server.creation_status(backup_id).value.value == "CANCELED"
    assert server.page_backups(None, 100) == backups_before


@pytest.mark.parametrize("engine", ["restore:verify"], indirect=True)
def test_a_second_ctrl_c_during_the_cancel_exits_130_and_names_status_and_cancel(
    engine: Held, monkeypatch: pytest.MonkeyPatch, capsys: Capture
) -> None:
    server, _, backup_id = engine
    with serving(server) as url:
        code = run_cli(monkeypatch, CtrlC(at_cancel=True), "restore", backup_id, "--url", url)
    error = capsys.readouterr().err
    assert code == 130, error
    line = one_line(error)
    assert line.startswith(f"backup-api: stopped waiting: the restoration of {backup_id} ends canceled if")
    assert f"`backup-api cancel {backup_id} --restoration`" in line
    # Nothing was cancelled: the restoration is still running on the server.
    status: Any = server.restoration_status(backup_id)
    assert status.value.value == "IN-PROGRESS"
