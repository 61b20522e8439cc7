# Hand-written in overrides/_logs.py; `codegen generate` ships it unchanged.
"""What the client logs, through the standard ``logging`` module, on the logger ``backup_api_client``.

Hand-written (overrides/_logs.py), like openai-python's ``_utils/_logs.py``. Off unless asked:
set the environment variable ``BACKUP_API_LOG`` to ``info`` or ``debug`` before the client is
imported (or configure the logger yourself, ``logging.getLogger("backup_api_client")``).

- ``info``: one line per request sent, per answer received (status, time taken) and per retry
  (why, and the wait);
- ``debug``: the same, plus the request's and the answer's headers, with credentials
  (``Authorization``, cookies) redacted.

Bodies are never logged: they hold the user's snippets.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable

from ._constants import LOG_ENV

__all__ = ["logger", "setup_logging"]

logger: logging.Logger = logging.getLogger("backup_api_client")
"""The client's logger; its lines name the request (method and URL), never a body."""

_LEVELS = {"info": logging.INFO, "debug": logging.DEBUG}
_REDACTED = frozenset({"authorization", "proxy-authorization", "cookie", "set-cookie"})


def setup_logging() -> None:
    """Switch logging on as ``BACKUP_API_LOG`` says (``info`` or ``debug``); otherwise leave it be.

    Like openai-python, a program that has not configured logging gets a handler on the root logger
    (``logging.basicConfig``), so the lines reach stderr; one that has keeps its own handlers.
    """
    level = _LEVELS.get(os.environ.get(LOG_ENV, "").strip().lower())
    if level is None:
        return
    logging.basicConfig(
        format="[%(asctime)s - %(name)s:%(lineno)d - %(levelname)s] %(message)s",
        datefmt="%Y-%m-%d %H:%M:%S",
    )
    logger.setLevel(level)


def redacted_headers(headers: Iterable[tuple[str, str]]) -> str:
    """Headers as ``name: value`` pairs, credentials replaced by ``<redacted>``."""
    return ", ".join(
        f"{name}: {'<redacted>' if name.lower() in _REDACTED else value}"
        for name, value in headers
    )
