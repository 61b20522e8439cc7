"""What a failed object-store request means: `ObjectStoreError` (may succeed later) or
`ObjectStoreRefused` (will not, until the configuration is mended), and the answers the S3 store
treats as facts rather than failures (a missing object, a failed precondition).

```
StoreUnavailable (errors)            503
├── ObjectStoreError                 unreachable, timing out, 5xx, throttling: with Retry-After
└── ObjectStoreRefused               credentials, permissions, no bucket: without Retry-After
```
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from .. import settings
from ..errors import StoreUnavailable

__all__ = [
    "ObjectStoreError",
    "ObjectStoreRefused",
    "error_code",
    "is_missing",
    "is_precondition_failed",
    "is_transient",
    "request_errors",
]


class ObjectStoreError(StoreUnavailable):
    """The object store failed a request (after its retries): unreachable, timing out, answering
    5xx or throttling; the same request may succeed later. The detail names the request."""


class ObjectStoreRefused(StoreUnavailable):
    """The object store refused a request for a reason retrying will not change (credentials,
    permissions, a bucket that does not exist) until its configuration is mended: no `Retry-After`.
    The detail names the request and the store's code."""

    retry_after = None


def _status(error: Exception) -> int | None:
    response = getattr(error, "response", None)
    if isinstance(response, dict):
        status = response.get("ResponseMetadata", {}).get("HTTPStatusCode")
        return status if isinstance(status, int) else None
    return None


# Throttling answers some S3-compatible stores give with a 4xx status.
_THROTTLING_CODES = frozenset({"SlowDown", "Throttling", "ThrottlingException", "RequestLimitExceeded"})


def error_code(error: Exception) -> str:
    """The store's error code (`NoSuchKey`, `SlowDown`, ...), "" when it gave none."""
    response = getattr(error, "response", None)
    if isinstance(response, dict):
        return str(response.get("Error", {}).get("Code", ""))
    return ""


def is_missing(error: Exception) -> bool:
    return _status(error) == 404 or error_code(error) in ("NoSuchKey", "404", "NotFound")


def is_transient(error: Exception) -> bool:
    """Whether a failed request may succeed later: the store's own failures and throttling (what
    botocore's standard mode retries), not a refusal of the request itself."""
    status = _status(error)
    return (status is not None and status >= 500) or status == 429 or error_code(error) in _THROTTLING_CODES


def is_precondition_failed(error: Exception) -> bool:
    return _status(error) in (409, 412) or error_code(error) in (
        "PreconditionFailed",
        "ConditionalRequestConflict",
    )


@contextlib.contextmanager
def request_errors(what: str, where: str) -> Iterator[None]:
    """Turn a failed request (after botocore's retries) into one short `ObjectStoreError` or
    `ObjectStoreRefused` naming the request (`what`) and its object (`where`: bucket/key).

    A missing object and a failed precondition pass through unchanged (the caller decides what
    they mean), except a bucket that does not exist: that is a refusal.
    """
    from botocore.exceptions import (
        BotoCoreError,
        ClientError,
        NoCredentialsError,
        PartialCredentialsError,
    )

    try:
        yield
    except ClientError as error:
        if error_code(error) != "NoSuchBucket" and (is_missing(error) or is_precondition_failed(error)):
            raise
        attempts = error.response.get("ResponseMetadata", {}).get("RetryAttempts", 0) + 1
        message = error.response.get("Error", {}).get("Message", "")
        kind = ObjectStoreError if is_transient(error) else ObjectStoreRefused
        raise kind(
            f"object store: {what} {where} failed after {attempts} attempt(s): "
            f"{error_code(error) or _status(error)} {message}".rstrip()
        ) from error
    except (NoCredentialsError, PartialCredentialsError) as error:
        raise ObjectStoreRefused(f"object store: {what} {where}: {error}") from error
    except BotoCoreError as error:
        raise ObjectStoreError(
            f"object store: {what} {where} failed (after {settings.S3_MAX_ATTEMPTS} attempts): {error}"
        ) from error
