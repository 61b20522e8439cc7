"""Fixtures of the streaming tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def anyio_backend() -> str:
    """asyncio, for the module-scoped servers these tests share."""
    return "asyncio"
