"""First run as the real service: on Linux, `serve` with no `--port` run by a user without privileges
listens on 5323, and a client given no `base_url` reaches it there."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from backup_api_client import BackupApiClient
from backup_api_client._constants import BASE_URL_ENV
from backup_api_client.models import Asset, Assets, BackupStatusEnum
from backup_api_server.settings import LINUX_PORT
from tests.support.live_server import serve_command
from tests.support.waiting import follow_creation

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux default (5323)"),
]

UNPRIVILEGED_USER = "nobody"
TOKEN = "first-run-token"  # a connection from another local user than the server's needs one


def port_is_free(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def unprivileged(command: list[str], data_dir: Path) -> tuple[list[str], dict[str, Any], str]:
    """`command` run without the privilege to bind ports below 1024: as it is when not root; as
    `nobody` when root can hand the interpreter to it; else as root stripped of the capability that
    lets root bind them (CAP_NET_BIND_SERVICE), where the interpreter lives under a private home."""
    if os.geteuid() != 0:
        return command, {}, "the current user"
    try:
        probe = subprocess.run(
            [sys.executable, "-c", "import backup_api_cli.main"], user=UNPRIVILEGED_USER, capture_output=True
        )
        reachable = probe.returncode == 0
    except PermissionError:  # the interpreter lives where that user cannot go (e.g. under /root)
        reachable = False
    if reachable:
        shutil.chown(data_dir, UNPRIVILEGED_USER)
        return command, {"user": UNPRIVILEGED_USER, "group": "nogroup"}, UNPRIVILEGED_USER
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip(f"{UNPRIVILEGED_USER} cannot run {sys.executable} and setpriv is missing")
    drop = ["--bounding-set", "-net_bind_service", "--inh-caps", "-net_bind_service"]
    return [setpriv, *drop, *command], {}, "root without CAP_NET_BIND_SERVICE"


@contextmanager
def serving(command: list[str], options: dict[str, Any]) -> Iterator[str]:
    """The server's `serving ...` line, once it says it; stopped (never left listening) on exit."""
    environment = {key: value for key, value in os.environ.items() if key != BASE_URL_ENV}
    process = subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**environment, "BACKUP_API_TOKEN": TOKEN, "PYTHONUNBUFFERED": "1"},
        **options,
    )
    assert process.stderr is not None
    log: list[str] = []
    try:
        for line in process.stderr:
            log.append(line)
            if "serving " in line:
                break
        else:
            pytest.fail(f"serve exited before serving: {''.join(log)}")
        threading.Thread(target=lambda: log.extend(process.stderr or ()), daemon=True).start()
        yield line
    finally:
        process.terminate()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(15)


def test_serve_with_no_port_as_a_user_is_where_a_client_with_no_base_url_looks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if not port_is_free(LINUX_PORT):
        pytest.skip(f"port {LINUX_PORT} is taken on this machine")
    data_dir = Path(tempfile.mkdtemp(prefix="backup-api-first-run-"))  # reachable by another user
    try:
        command, options, who = unprivileged(serve_command("--data-dir", str(data_dir)), data_dir)
        # The cause of the old default's failure, under the same conditions: port 1000 needs privileges.
        refused = subprocess.run([*command, "--port", "1000"], capture_output=True, text=True, **options)
        assert refused.returncode == 1, (who, refused.stderr)
        assert "not allowed to bind port 1000" in refused.stderr

        with serving(command, options) as line:
            assert f"serving http://127.0.0.1:{LINUX_PORT} " in line, (who, line)
            monkeypatch.delenv(BASE_URL_ENV, raising=False)
            monkeypatch.setenv("BACKUP_API_TOKEN", TOKEN)
            with BackupApiClient() as client:
                assert str(client.base_url) == f"http://localhost:{LINUX_PORT}"
                backup_id = client.backup.create(Assets(iterable=[Asset(id="a-1", name="first run")]))
                assert follow_creation(client, backup_id)[-1].value == BackupStatusEnum.COMPLETED
                assert [backup.id for backup in client.backups.list()] == [backup_id]
        assert port_is_free(LINUX_PORT)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
