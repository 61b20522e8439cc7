"""Logging on the standard `logging` module's logger "backup_api_client": off by default, switched on
by BACKUP_API_LOG=info|debug; info is one line per request, answer and retry, debug adds headers
(credentials redacted); bodies never (sync and async alike, against the live server)."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import textwrap

import pytest

from backup_api_client import _constants
from backup_api_client.models import Asset
from tests.support.live_server import LiveServer

from .conftest import BACKUP, BACKUP_ID, Reply, ScriptedServer, open_client, problem, settle

# Backoff in milliseconds (conftest.py), so that retries without Retry-After stay fast.
pytestmark = [pytest.mark.anyio, pytest.mark.usefixtures("quick_backoff")]
LOGGER = "backup_api_client"
SECRET = "do-not-log-this-snippet"
TOKEN = "s3cret-token"


def lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [record.getMessage() for record in caplog.records if record.name == LOGGER]


async def test_info_is_one_line_per_request_and_answer_and_never_a_body(
    mode: str, live: LiveServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger=LOGGER)
    async with open_client(mode, live.url) as client:
        backup_id = await settle(client.backup.create_from_asset(Asset(id="a-1", name=SECRET)))

    request, answer = lines(caplog)
    assert request == f"POST {live.url}/backup/asset"
    assert answer.startswith(f"POST {live.url}/backup/asset -> 202 Accepted (")
    assert all(record.levelno == logging.INFO for record in caplog.records)
    text = "\n".join(lines(caplog))
    assert SECRET not in text and backup_id not in text  # neither the body nor the answer's headers


async def test_a_retry_is_one_line_saying_why_and_how_long(
    mode: str, server: ScriptedServer, caplog: pytest.LogCaptureFixture
) -> None:
    unavailable = problem(503, "later")
    unavailable.headers["Retry-After"] = "0"
    server.script(unavailable, then=Reply(200, BACKUP))
    caplog.set_level(logging.INFO, logger=LOGGER)
    async with open_client(mode, server.url) as client:
        await settle(client.backup.get(BACKUP_ID))

    url = f"{server.url}/backup/{BACKUP_ID}"
    assert lines(caplog) == [
        f"GET {url}",
        lines(caplog)[1],
        f"GET {url}: 503 Service Unavailable; retry 1 of {_constants.DEFAULT_MAX_RETRIES} in 0.00 s",
        f"GET {url}",
        lines(caplog)[4],
    ]
    assert lines(caplog)[1].startswith(f"GET {url} -> 503 Service Unavailable (")
    assert lines(caplog)[4].startswith(f"GET {url} -> 200 OK (")


async def test_a_connection_failure_is_logged_before_its_retry(
    mode: str, closed_port: int, caplog: pytest.LogCaptureFixture
) -> None:
    from backup_api_client import APIConnectionError

    caplog.set_level(logging.INFO, logger=LOGGER)
    async with open_client(mode, f"http://127.0.0.1:{closed_port}", max_retries=1) as client:
        with pytest.raises(APIConnectionError):
            await settle(client.backups.list())
    retry = [line for line in lines(caplog) if "retry" in line]
    assert len(retry) == 1 and "no answer (ConnectError" in retry[0] and "retry 1 of 1" in retry[0]


async def test_debug_adds_headers_with_credentials_redacted(
    mode: str, server: ScriptedServer, caplog: pytest.LogCaptureFixture
) -> None:
    server.script(then=Reply(202, headers={"Backup-Id": BACKUP_ID, "Set-Cookie": f"session={TOKEN}"}))
    caplog.set_level(logging.DEBUG, logger=LOGGER)
    async with open_client(mode, server.url, api_key=TOKEN) as client:
        await settle(client.backup.create_from_asset(Asset(id="a-1", name=SECRET)))

    text = "\n".join(lines(caplog))
    assert "request headers:" in text and "response headers:" in text
    assert "authorization: <redacted>" in text and "set-cookie: <redacted>" in text
    assert TOKEN not in text
    assert "idempotency-key: " in text  # the key a retry would repeat
    assert SECRET not in text


def run_with_log(environment: dict[str, str], url: str) -> str:
    script = textwrap.dedent(
        f"""
        from backup_api_client import BackupApiClient
        from backup_api_client.models import Asset
        with BackupApiClient({url!r}) as client:
            client.backup.create_from_asset(Asset(id="a-1", name={SECRET!r}))
            client.backups.list()
        """
    )
    env = {key: value for key, value in os.environ.items() if key != _constants.LOG_ENV}
    completed = subprocess.run(
        [sys.executable, "-c", script],
        env={**env, **environment},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert SECRET not in completed.stderr
    return completed.stderr


def test_the_environment_variable_switches_logging_on(live: LiveServer) -> None:
    assert run_with_log({}, live.url) == ""
    assert run_with_log({"BACKUP_API_LOG": "warning"}, live.url) == ""

    info = run_with_log({"BACKUP_API_LOG": "info"}, live.url).splitlines()
    assert len(info) == 4  # two requests, two answers
    assert all(" - backup_api_client:" in line and " - INFO] " in line for line in info)
    assert info[0].endswith(f"] POST {live.url}/backup/asset")
    assert f"] GET {live.url}/backups -> 200 OK (" in info[3]

    debug = run_with_log({"BACKUP_API_LOG": "DEBUG"}, live.url).splitlines()
    assert len(debug) == 8
    assert sum("request headers:" in line for line in debug) == 2
