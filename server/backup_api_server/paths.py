"""Where the server keeps its data."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from .storage.private_files import private_directory

__all__ = ["DATA_DIR_ENV", "resolve_data_dir"]

DATA_DIR_ENV = "BACKUP_API_DATA_DIR"


def resolve_data_dir(cli_value: str | None) -> Path:
    """The data directory: the CLI value, else $BACKUP_API_DATA_DIR, else the user data dir.

    The directory is created if missing, and is private (0700, see `storage.private_files`):
    `NotPrivate` if it cannot be.
    """
    chosen = cli_value or os.environ.get(DATA_DIR_ENV) or platformdirs.user_data_dir("backup-api")
    return private_directory(Path(chosen).expanduser().resolve())
