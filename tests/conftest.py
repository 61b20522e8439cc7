from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.assets import LARGE_DATABASE_ASSETS, asset_documents, seed_database
from tests.support.s3 import S3Server, running_s3_server


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory holding a large database, made once; tests copy it rather than seed their own."""
    data_dir = tmp_path_factory.mktemp("template") / "data"
    seed_database(data_dir, asset_documents(LARGE_DATABASE_ASSETS, content_bytes=200))
    return data_dir


@pytest.fixture(scope="session")
def s3_server() -> Iterator[S3Server]:
    """A real S3 endpoint (moto's server) on 127.0.0.1, shared by the session; each test makes its
    own bucket."""
    with running_s3_server() as server:
        yield server
