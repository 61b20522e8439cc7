"""`backup-api` in a real terminal (a pseudo-terminal driven by pexpect), judged by what the screen shows:
the creation's progress bar moves, and Ctrl-C during a restoration or a creation cancels it on the
server, says so in one line, exits 130 and leaves the database and the backups as they were."""

from __future__ import annotations

import os
import re
import signal
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
import pexpect
import pytest

from backup_api_cli.commands import _cancel_after_interrupt
from tests.support.assets import asset_documents, copy_data_dir, create_backup, wait_for_creation
from tests.support.live_server import LiveServer, running_server
from tests.support.waiting import ENDED_VALUES, poll

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX"),
]

PERCENT = re.compile(rb"(\d{1,3})%")


if TYPE_CHECKING:  # generic in the stubs only
    Terminal = pexpect.spawn[bytes]
else:
    Terminal = pexpect.spawn


def default_sigint() -> None:
    """In the child: Ctrl-C interrupts, as in a shell's foreground job. A test run started in the
    background without job control (`./dev test &` in a script, `nohup` from one) has SIGINT
    ignored, which the child would inherit, and Python then never raises KeyboardInterrupt."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def spawn(*arguments: str, url: str) -> Terminal:
    return pexpect.spawn(
        sys.executable,
        ["-c", "from backup_api_cli.main import main; main()", *arguments, "--url", url],
        dimensions=(24, 120),
        timeout=60,
        # Any mapping works at run time; the stub names os.environ's own type only.
        env=os.environ | {"TERM": "xterm-256color", "COLUMNS": "120"},  # type: ignore[arg-type]
        preexec_fn=default_sigint,
    )


def percentages(screen: bytes) -> list[int]:
    return [int(value) for value in PERCENT.findall(screen)]


def wait_for_progress(child: Terminal) -> None:
    """Read until the bar shows a percentage strictly between 0 and 100."""
    while True:
        child.expect(PERCENT)
        assert isinstance(child.match, re.Match)
        if 0 < int(child.match.group(1)) < 100:
            return


def screen_until_exit(child: Terminal, timeout: float) -> bytes:
    """What the terminal showed until the command exited (the child is then closed)."""
    child.expect(pexpect.EOF, timeout=timeout)
    child.close()
    screen = child.before
    assert isinstance(screen, bytes)
    return screen


@pytest.fixture(scope="module")
def large_server(seeded_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    data_dir = copy_data_dir(seeded_template, tmp_path_factory.mktemp("terminal") / "data")
    with running_server(data_dir) as live:
        yield live


@pytest.fixture(scope="module")
def large_backup(large_server: LiveServer) -> str:
    """A backup of the whole large database, taken before any test replaced it."""
    with httpx.Client(base_url=large_server.url, timeout=60) as http:
        return completed_backup(http, None)


def completed_backup(http: httpx.Client, documents: list[dict[str, Any]] | None) -> str:
    backup_id = create_backup(http, documents)
    assert wait_for_creation(http, backup_id)["value"] == "COMPLETED"
    return backup_id


def state(url: str) -> tuple[int, list[str]]:
    with httpx.Client(base_url=url, timeout=60) as http:
        assets = http.get("/assets").json()["iterable"]
        backups = [backup["id"] for backup in http.get("/backups").json()["iterable"]]
    return len(assets), backups


def test_the_creation_progress_bar_moves(large_server: LiveServer, large_backup: str) -> None:
    child = spawn("backup", "create", url=large_server.url)
    screen = screen_until_exit(child, timeout=120)

    assert child.exitstatus == 0, screen
    shown = percentages(screen)
    assert len({value for value in shown if 0 < value < 100}) >= 3, (
        f"the bar showed only {sorted(set(shown))}"
    )
    assert shown == sorted(shown)
    assert re.search(rb"created \S+ \([\d,]+ bytes\)", screen)


def test_ctrl_c_during_a_restore_cancels_it_and_the_database_is_unchanged(
    large_server: LiveServer, large_backup: str
) -> None:
    large = large_backup  # restoring the whole large database takes a while
    with httpx.Client(base_url=large_server.url, timeout=60) as http:
        small = completed_backup(http, asset_documents(2))
        assert http.post(f"/backup/{small}/restore").status_code == 200
    before = state(large_server.url)
    assert before[0] == 2

    child = spawn("restore", large, url=large_server.url)
    wait_for_progress(child)
    child.sendintr()
    screen = screen_until_exit(child, timeout=60)

    assert b"canceling the restoration" in screen
    assert screen.strip().splitlines()[-1] == b"backup-api: canceled; the database is unchanged"
    assert child.exitstatus == 130
    assert state(large_server.url) == before

    # One rule for what already ended, canceled included: nothing to cancel, exit 1, how it stands.
    again = spawn("cancel", large, "--restoration", url=large_server.url)
    screen = screen_until_exit(again, timeout=60)
    assert again.exitstatus == 1
    assert b"nothing to cancel" in screen and b"restoration: CANCELED" in screen


def test_ctrl_c_during_a_creation_cancels_it_and_leaves_no_backup(
    large_server: LiveServer, large_backup: str
) -> None:
    with httpx.Client(base_url=large_server.url, timeout=60) as http:
        assert http.post(f"/backup/{large_backup}/restore").status_code == 200  # a large database again
    before = state(large_server.url)

    child = spawn("backup", "create", url=large_server.url)
    wait_for_progress(child)
    child.sendintr()
    screen = screen_until_exit(child, timeout=60)

    assert screen.strip().splitlines()[-1] == b"backup-api: canceled; no backup was created"
    assert child.exitstatus == 130
    assert state(large_server.url) == before


def test_a_second_ctrl_c_stops_waiting_and_claims_nothing_the_server_may_contradict(
    large_server: LiveServer, large_backup: str
) -> None:
    """The first Ctrl-C's cancel usually reached the server before the second: the server then
    cancels the restoration whether or not the CLI waits, so the CLI must not say it left it running."""
    with httpx.Client(base_url=large_server.url, timeout=60) as http:
        small = completed_backup(http, asset_documents(2))
        assert http.post(f"/backup/{small}/restore").status_code == 200
    before = state(large_server.url)

    child = spawn("restore", large_backup, url=large_server.url)
    wait_for_progress(child)
    child.sendintr()
    child.expect(rb"canceling the restoration")
    child.sendintr()
    screen = screen_until_exit(child, timeout=60)

    assert child.exitstatus == 130
    last = screen.strip().splitlines()[-1].removeprefix(b"^C")  # the terminal echoes the second Ctrl-C
    assert b"running on the server" not in screen
    assert last in (
        b"backup-api: canceled; the database is unchanged",  # the cancel was answered first
        f"backup-api: stopped waiting: the restoration of {large_backup} ends canceled if the cancel "
        f"reached the server; `backup-api status {large_backup}` tells, `backup-api cancel {large_backup} "
        "--restoration` cancels it if it still runs".encode(),
    ), screen
    with httpx.Client(base_url=large_server.url, timeout=60) as http:
        ended = poll(
            lambda: http.get(f"/backup/{large_backup}/restoration/status").json()["value"],
            lambda value: value in ENDED_VALUES,
            what=f"end of the restoration of {large_backup}",
        )[-1]
    print(f"\nsecond Ctrl-C: {last.decode()!r}; the server says the restoration ended {ended}")
    if ended == "CANCELED":
        assert state(large_server.url) == before


@pytest.mark.parametrize("sent", [True, False], ids=["cancel-sent", "cancel-not-sent"])
def test_a_second_ctrl_c_says_how_to_find_out_and_how_to_cancel(sent: bool) -> None:
    """Whether the second Ctrl-C came after the cancel was sent or before, the message is one line
    that names `status` and `cancel`, exit 130 (never a KeyboardInterrupt escaping)."""
    requested: list[str] = []

    def interrupted_again(backup_id: str) -> Any:
        if sent:
            requested.append(backup_id)  # the server has it: it cancels without us
        raise KeyboardInterrupt

    error = _cancel_after_interrupt("restoration", "1.0.0_1", interrupted_again, "the database is unchanged")

    assert requested == (["1.0.0_1"] if sent else [])
    assert error.exit_code == 130
    assert str(error) == (
        "stopped waiting: the restoration of 1.0.0_1 ends canceled if the cancel reached the server; "
        "`backup-api status 1.0.0_1` tells, `backup-api cancel 1.0.0_1 --restoration` cancels it if it "
        "still runs"
    )


def test_a_ctrl_c_while_the_cancel_is_announced_is_a_second_ctrl_c(monkeypatch: pytest.MonkeyPatch) -> None:
    """A second Ctrl-C that lands while "canceling ..." is printed (before the cancel is sent) is
    reported like any second Ctrl-C instead of escaping as a bare KeyboardInterrupt."""
    from backup_api_cli import commands

    def interrupted_print(*_: object, **__: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(commands.stderr, "print", interrupted_print)
    cancelled: list[str] = []

    error = _cancel_after_interrupt("creation", "1.0.0_1", cancelled.append, "no backup was created")

    assert cancelled == []
    assert error.exit_code == 130
    assert "`backup-api cancel 1.0.0_1 --creation`" in str(error)
