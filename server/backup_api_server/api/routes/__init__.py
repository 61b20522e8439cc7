"""One router per tag of the spec (`Backup`, `Backups`, `Assets`, `Maintenance`), plus the spec itself and its
rendered reference at `/docs` (neither is an operation of the API)."""

from __future__ import annotations

from . import assets, backup, backups, maintenance, reference, spec

__all__ = ["ROUTERS"]

ROUTERS = (backup.router, backups.router, assets.router, maintenance.router, spec.router, reference.router)
