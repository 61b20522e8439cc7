"""`serve`'s default port is the real service's on each platform, as the spec's `servers` list them."""

from __future__ import annotations

import httpx

from backup_api_server import settings
from backup_api_server.contract import spec_document


def test_the_default_ports_are_the_specs_servers() -> None:
    ports = [httpx.URL(server["url"]).port for server in spec_document()["servers"]]
    assert ports == [settings.MACOS_WINDOWS_PORT, settings.LINUX_PORT] == [1000, 5323]
    assert settings.default_port("darwin") == settings.default_port("win32") == 1000
    assert settings.default_port("linux") == settings.default_port("freebsd14") == 5323
