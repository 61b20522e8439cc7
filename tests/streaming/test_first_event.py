"""The streamed restore sends each event as it happens: with the restoration held at a step hook,
the first event has already reached the client (quick: a three-asset backup, the server in process).

A server that buffers its events and sends them once the restoration is over sends nothing while
the restoration is held: the read times out after `FIRST_EVENT_SECONDS` and the test says so."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from httpx_sse import connect_sse

from backup_api_server.engine import BackupEngine
from tests.support.in_process import HOLD_SECONDS, Hold, serving

HELD_AT = "restore:verify"  # after the restoration has published IN-PROGRESS, before any work
FIRST_EVENT_SECONDS = 5.0


@pytest.fixture
def held(tmp_path: Path) -> Iterator[tuple[BackupEngine, Hold, str]]:
    """An engine whose restorations stop at `HELD_AT`, with a completed backup of three assets."""
    hold = Hold(HELD_AT)
    engine = BackupEngine(tmp_path / "data", api_version="1.0.0", step_hook=hold)
    try:
        backup_id = engine.start_creation([{"id": f"asset-{index}"} for index in range(3)])
        assert engine.wait_for_creation(backup_id, HOLD_SECONDS).value == "COMPLETED"
        yield engine, hold, backup_id
    finally:
        hold.release()
        engine.close()


def test_the_first_event_arrives_while_the_restoration_is_held(
    held: tuple[BackupEngine, Hold, str],
) -> None:
    engine, hold, backup_id = held
    timeout = httpx.Timeout(HOLD_SECONDS, read=FIRST_EVENT_SECONDS)
    with serving(engine) as url, httpx.Client(base_url=url, timeout=timeout) as http:
        with connect_sse(http, "POST", f"/backup/{backup_id}/restore/streamed") as source:
            assert source.response.status_code == 200
            events = source.iter_sse()
            try:
                first = json.loads(next(events).data)
            except httpx.ReadTimeout:
                pytest.fail(
                    f"no event within {FIRST_EVENT_SECONDS} s while the restoration was held at "
                    f"{HELD_AT}: the server holds its events back instead of sending each as it happens"
                )
            # The event is in our hands and the restoration is still held: it was sent while it ran.
            assert hold.reached.is_set() and not hold.released.is_set()
            assert engine.restoration_status(backup_id).value.value == "IN-PROGRESS"
            assert first["status"] in ("INITIALIZED", "IN-PROGRESS"), first
            assert first["percentage"] < 100.0, first
            hold.release()
            rest = [json.loads(event.data) for event in events]
    assert rest, "the stream ended without its terminal event"
    assert rest[-1]["status"] == "COMPLETED" and rest[-1]["backup"]["id"] == backup_id, rest[-1]
    assert engine.list_assets() == [{"id": f"asset-{index}"} for index in range(3)]
