"""The reference server for benchmarks: started on 127.0.0.1 and a free port, stopped afterwards."""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from tests.support.assets import (  # noqa: E402
    asset_documents,
    create_backup,
    seed_database,
    wait_for_creation,
)
from tests.support.live_server import LiveServer, running_server  # noqa: E402

__all__ = [
    "asset_documents",
    "create_backup",
    "reference_server",
    "running_server",
    "seed_database",
    "wait_for_creation",
]


@contextmanager
def reference_server(assets: int = 0, content_bytes: int = 200) -> Iterator[LiveServer]:
    """`backup-api serve` over a fresh data directory whose database holds `assets` documents."""
    with tempfile.TemporaryDirectory(prefix="backup-api-bench-") as scratch:
        data_dir = Path(scratch) / "data"
        if assets:
            seed_database(data_dir, asset_documents(assets, content_bytes=content_bytes))
        with running_server(data_dir) as live:
            yield live
