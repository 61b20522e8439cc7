"""Fixtures for the engine's unit tests: engines on real files under tmp_path."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from backup_api_server.engine import BackupEngine, StepHook

API_VERSION = "1.0.0"
EngineFactory = Callable[..., BackupEngine]


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def make_engine(data_dir: Path) -> Iterator[EngineFactory]:
    """Build engines on `data_dir` (or another directory); every one is closed after the test."""
    engines: list[BackupEngine] = []

    def make(
        directory: Path | None = None, *, step_hook: StepHook | None = None, **options: Any
    ) -> BackupEngine:
        engine = BackupEngine(directory or data_dir, api_version=API_VERSION, step_hook=step_hook, **options)
        engines.append(engine)
        return engine

    yield make
    for engine in engines:
        engine.close()
