"""One router per tag of the spec (`Backup`, `Backups`, `Assets`), plus the spec itself."""

from __future__ import annotations

from . import assets, backup, backups, spec

__all__ = ["ROUTERS"]

ROUTERS = (backup.router, backups.router, assets.router, spec.router)
