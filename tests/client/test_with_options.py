"""`client.with_options(timeout=..., max_retries=...)`: a copy with other defaults that shares the
connection pool (sync and async alike)."""

from __future__ import annotations

import httpx
import pytest

from backup_api_client import APITimeoutError, InternalServerError, _constants
from backup_api_client.models import Assets, Backup, Backups
from tests.support.live_server import LiveServer

from .conftest import BACKUP, BACKUP_ID, Reply, ScriptedServer, open_client, problem, settle

# Backoff in milliseconds (conftest.py), so that retries without Retry-After stay fast.
pytestmark = [pytest.mark.anyio, pytest.mark.usefixtures("quick_backoff")]


async def test_a_copy_shares_the_pool_and_keeps_the_originals_settings(mode: str, live: LiveServer) -> None:
    async with open_client(mode, live.url) as client:
        patient = client.with_options(timeout=120.0, max_retries=7)

        assert type(patient) is type(client)
        assert patient.http_client is client.http_client  # one connection pool
        assert patient.timeout == httpx.Timeout(120.0)
        assert patient.max_retries == 7
        assert client.timeout == _constants.DEFAULT_TIMEOUT  # the original is unchanged
        assert client.max_retries == _constants.DEFAULT_MAX_RETRIES
        # Its resources call through the copy, and it works against the server.
        assert patient.backup._client is patient and client.backup._client is client
        backup_id = await settle(patient.backup.create(Assets.from_dict({"iterable": []})))
        assert isinstance(await settle(client.backups.list()), Backups)
        # Options not given stay the original's.
        assert client.with_options(max_retries=0).timeout == client.timeout
        assert client.with_options(timeout=None).timeout == httpx.Timeout(None)
        assert backup_id


async def test_closing_a_copy_closes_the_shared_pool(mode: str, live: LiveServer) -> None:
    async with open_client(mode, live.url) as client:
        await settle(client.with_options(max_retries=1).close())
        assert client.is_closed


async def test_a_copys_retries_apply_to_its_calls_only(mode: str, server: ScriptedServer) -> None:
    server.script(then=problem(503, "later"))
    async with open_client(mode, server.url) as client:
        with pytest.raises(InternalServerError):
            await settle(client.with_options(max_retries=4).backup.get(BACKUP_ID))
        assert len(server.requests) == 5
        with pytest.raises(InternalServerError):
            await settle(client.backup.get(BACKUP_ID))
        assert len(server.requests) == 5 + 1 + _constants.DEFAULT_MAX_RETRIES
        # A call's own max_retries still wins over the copy's.
        with pytest.raises(InternalServerError):
            await settle(client.with_options(max_retries=4).backup.get(BACKUP_ID, max_retries=0))
        assert len(server.requests) == 5 + 1 + _constants.DEFAULT_MAX_RETRIES + 1


async def test_a_copys_timeout_applies_to_its_calls_only(mode: str, server: ScriptedServer) -> None:
    server.script(then=Reply(200, BACKUP, delay=0.5))
    async with open_client(mode, server.url, max_retries=0) as client:
        with pytest.raises(APITimeoutError):
            await settle(client.with_options(timeout=0.1).backup.get(BACKUP_ID))
        assert isinstance(await settle(client.backup.get(BACKUP_ID)), Backup)
        # A call's own timeout still wins over the copy's.
        hasty = client.with_options(timeout=0.1)
        assert isinstance(await settle(hasty.backup.get(BACKUP_ID, timeout=5.0)), Backup)


async def test_a_long_running_call_of_a_copy_waits_at_least_the_long_running_read(
    mode: str, server: ScriptedServer
) -> None:
    server.script(then=Reply(200, BACKUP, delay=0.3))
    async with open_client(mode, server.url) as client:
        restored = await settle(client.with_options(timeout=0.1).backup.restore(BACKUP_ID))
    assert isinstance(restored, Backup)


async def test_a_negative_max_retries_is_refused(mode: str, server: ScriptedServer) -> None:
    async with open_client(mode, server.url) as client:
        with pytest.raises(ValueError, match="max_retries"):
            client.with_options(max_retries=-1)
