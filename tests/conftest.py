from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.assets import LARGE_DATABASE_ASSETS, asset_documents, seed_database


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory holding a large database, made once; tests copy it rather than seed their own."""
    data_dir = tmp_path_factory.mktemp("template") / "data"
    seed_database(data_dir, asset_documents(LARGE_DATABASE_ASSETS, content_bytes=200))
    return data_dir
