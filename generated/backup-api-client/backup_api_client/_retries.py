# Hand-written in overrides/_retries.py; `codegen generate` ships it unchanged.
"""When to retry and how long to wait: three small pieces, the numbers in ``_constants``.

Hand-written (overrides/_retries.py).

- ``parse_retry_after``: the server's ``Retry-After`` in seconds (delay-seconds or HTTP-date);
- ``retry_delay``: that, or capped exponential backoff with jitter;
- ``should_retry``: whether an attempt that failed this way gets another one.
"""

from __future__ import annotations

import random
import time
from collections.abc import Mapping
from email.utils import parsedate_to_datetime

from . import _constants

__all__ = ["parse_retry_after", "retry_delay", "should_retry"]


def parse_retry_after(
    headers: Mapping[str, str], *, now: float | None = None
) -> float | None:
    """Seconds the server asks to wait (RFC 9110 section 10.2.3), or None without a usable value.

    Both forms are accepted: ``Retry-After: 2`` and ``Retry-After: Wed, 21 Oct 2015 07:28:00 GMT``.
    A date in the past means "now" (0). ``now`` (epoch seconds) is for tests.
    """
    value = headers.get("retry-after")
    if value is None:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            moment = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if moment.tzinfo is None:  # "-0000": UTC without saying so
            return None
        current = time.time() if now is None else now
        return max(0.0, moment.timestamp() - current)
    if seconds != seconds or seconds < 0:  # NaN or negative
        return None
    return seconds


def retry_delay(retries_taken: int, retry_after: float | None = None) -> float:
    """Seconds to wait before the next attempt, after ``retries_taken`` retries so far.

    The server's ``retry_after`` wins when it is given and reasonable (at most MAX_RETRY_AFTER);
    otherwise INITIAL_RETRY_DELAY doubled per retry, capped at MAX_RETRY_DELAY, minus up to
    RETRY_JITTER of it at random.
    """
    if retry_after is not None and 0 <= retry_after <= _constants.MAX_RETRY_AFTER:
        return retry_after
    backoff = min(
        _constants.INITIAL_RETRY_DELAY * 2.0 ** min(retries_taken, 30),
        _constants.MAX_RETRY_DELAY,
    )
    return backoff * (1.0 - _constants.RETRY_JITTER * random.random())


def should_retry(
    *, status_code: int | None, retries_taken: int, max_retries: int
) -> bool:
    """Whether to make another attempt.

    ``status_code`` is None when no answer arrived (connection failure or timeout): always worth
    another attempt while retries remain, as are the statuses in RETRYABLE_STATUS_CODES.
    """
    if retries_taken >= max_retries:
        return False
    return status_code is None or status_code in _constants.RETRYABLE_STATUS_CODES
