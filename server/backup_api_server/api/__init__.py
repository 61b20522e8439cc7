"""The HTTP layer: every operation of spec/backup-api.yaml, one router module per tag, over the
engine held in `app.state` (see `application.create_app`)."""

from __future__ import annotations

from .application import api_version, create_app, open_engine

__all__ = ["api_version", "create_app", "open_engine"]
