from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.support.conformance import check_response
from tests.support.live_server import LiveServer, running_server


@pytest.fixture
def server(tmp_path: Path) -> Iterator[LiveServer]:
    with running_server(tmp_path / "data") as live:
        yield live


@pytest.fixture(scope="module")
def shared_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """One server for a module's tests that leave no state behind that others depend on."""
    with running_server(tmp_path_factory.mktemp("shared") / "data") as live:
        yield live


def checked_client(server: LiveServer) -> httpx.Client:
    """Raw HTTP to the live server; every answer is checked against the spec's documented statuses."""
    return httpx.Client(base_url=server.url, timeout=30.0, event_hooks={"response": [check_response]})


@pytest.fixture
def http(server: LiveServer) -> Iterator[httpx.Client]:
    with checked_client(server) as client:
        yield client


@pytest.fixture
def shared_http(shared_server: LiveServer) -> Iterator[httpx.Client]:
    with checked_client(shared_server) as client:
        yield client
