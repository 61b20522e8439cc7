# Hand-written in overrides/_constants.py; `codegen generate` ships it unchanged.
"""Every number the runtime uses to retry and time out, and the environment it reads, in one place.

Hand-written (overrides/_constants.py). The retry pieces in ``_retries`` read these at call time, so
a test may patch them.
"""

from __future__ import annotations

import sys

import httpx

__all__ = [
    "API_KEY_ENV",
    "BASE_URL_ENV",
    "DEFAULT_CONNECT_TIMEOUT",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_READ_TIMEOUT",
    "DEFAULT_TIMEOUT",
    "IDEMPOTENCY_KEY_HEADER",
    "INITIAL_RETRY_DELAY",
    "LINUX_BASE_URL",
    "LOG_ENV",
    "LONG_RUNNING_READ_TIMEOUT",
    "MACOS_WINDOWS_BASE_URL",
    "MAX_RETRY_AFTER",
    "MAX_RETRY_DELAY",
    "RETRYABLE_STATUS_CODES",
    "RETRY_JITTER",
    "platform_base_url",
]

# The server, when `base_url=` is not given: this variable, else the real service's address on this
# platform (the spec's `servers`): port 1000 on macOS and Windows, 5323 on Linux and the other Unixes,
# where a port below 1024 needs root.
BASE_URL_ENV = "BACKUP_API_BASE_URL"
MACOS_WINDOWS_BASE_URL = "http://localhost:1000"
LINUX_BASE_URL = "http://localhost:5323"


def platform_base_url(platform: str = sys.platform) -> str:
    """The real service's address on `platform` (default: this one)."""
    return MACOS_WINDOWS_BASE_URL if platform in ("darwin", "win32") else LINUX_BASE_URL


# Retries: how many times an idempotent operation is retried after its first attempt.
DEFAULT_MAX_RETRIES = 2
# Capped exponential backoff: 0.5 s, 1 s, 2 s, ... never more than MAX_RETRY_DELAY...
INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
# ...each shortened by up to this fraction at random, so clients that failed together spread out.
RETRY_JITTER = 0.25
# A server's Retry-After is honoured up to this many seconds; a longer one falls back to backoff.
MAX_RETRY_AFTER = 60.0
# Answers worth another attempt: the server (or a proxy) says "not now", not "never".
RETRYABLE_STATUS_CODES = frozenset({408, 429, 502, 503, 504})

# Timeouts: a server that does not accept the connection quickly is down; one that accepted it
# may take a while to answer (a restoration runs while the request waits).
DEFAULT_CONNECT_TIMEOUT = 5.0
DEFAULT_READ_TIMEOUT = 60.0
DEFAULT_TIMEOUT = httpx.Timeout(
    connect=DEFAULT_CONNECT_TIMEOUT,
    read=DEFAULT_READ_TIMEOUT,
    write=DEFAULT_READ_TIMEOUT,
    pool=DEFAULT_READ_TIMEOUT,
)
# An operation marked `x-long-running` answers only when a restoration ends: unless the call sets its
# own timeout, its read timeout is at least this long (a large database restores in minutes).
LONG_RUNNING_READ_TIMEOUT = 3600.0

# The bearer token of a server started with one, when `api_key=` is not given.
API_KEY_ENV = "BACKUP_API_TOKEN"
# `info` or `debug` switches the client's logging on (see `_logs`).
LOG_ENV = "BACKUP_API_LOG"

# Sent with a new random value (a UUID) on every request of an operation that is not idempotent, the
# same value on each retry of it; operations marked `x-idempotency-key` answer a repeat once.
IDEMPOTENCY_KEY_HEADER = "Idempotency-Key"
