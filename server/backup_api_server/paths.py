"""Where the server keeps its data."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

__all__ = ["DATA_DIR_ENV", "resolve_data_dir"]

DATA_DIR_ENV = "BACKUP_API_DATA_DIR"


def resolve_data_dir(cli_value: str | None) -> Path:
    """The data directory: the CLI value, else $BACKUP_API_DATA_DIR, else the user data dir.

    The directory is created if missing.
    """
    chosen = cli_value or os.environ.get(DATA_DIR_ENV) or platformdirs.user_data_dir("backup-api")
    data_dir = Path(chosen).expanduser().resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    return data_dir
