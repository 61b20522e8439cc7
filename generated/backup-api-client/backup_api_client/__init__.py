# Generated from spec/backup-api.yaml by `codegen generate`. Do not edit: change the spec, templates/ or overrides/ and regenerate.

"""A client library for accessing Backup API

```python
from backup_api_client import BackupApiClient

with BackupApiClient(base_url="http://localhost:1000") as client:
    backup = client.backup.get("1.0.0_1764253683123456")
```
"""

import typing as _typing

from ._exceptions import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BackupApiError,
    BadRequestError,
    ConflictError,
    GoneError,
    InternalServerError,
    NotFoundError,
    PayloadTooLargeError,
    PermissionDeniedError,
    RateLimitError,
    RestorationFailedError,
    UnprocessableEntityError,
    UnsupportedMediaTypeError,
)

if _typing.TYPE_CHECKING:
    from . import api, errors, models, types
    from ._constants import DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT
    from ._response import APIResponse, AsyncAPIResponse
    from ._streaming import AsyncStream, Stream
    from ._types import NOT_GIVEN, NotGiven
    from .client import DEFAULT_BASE_URL, AsyncBackupApiClient, BackupApiClient

__version__ = "1.2.0"

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponse",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncAPIResponse",
    "AsyncBackupApiClient",
    "AsyncStream",
    "AuthenticationError",
    "BackupApiClient",
    "BackupApiError",
    "BadRequestError",
    "ConflictError",
    "DEFAULT_BASE_URL",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "GoneError",
    "InternalServerError",
    "NOT_GIVEN",
    "NotFoundError",
    "NotGiven",
    "PayloadTooLargeError",
    "PermissionDeniedError",
    "RateLimitError",
    "RestorationFailedError",
    "Stream",
    "UnprocessableEntityError",
    "UnsupportedMediaTypeError",
    "__version__",
]

# Where each lazily imported name lives; the public submodules are imported on first use too.
_LAZY: dict[str, str] = {
    "BackupApiClient": "client",
    "AsyncBackupApiClient": "client",
    "DEFAULT_BASE_URL": "client",
    "DEFAULT_MAX_RETRIES": "_constants",
    "DEFAULT_TIMEOUT": "_constants",
    "NOT_GIVEN": "_types",
    "NotGiven": "_types",
    "Stream": "_streaming",
    "AsyncStream": "_streaming",
    "APIResponse": "_response",
    "AsyncAPIResponse": "_response",
}
_SUBMODULES = frozenset({"api", "client", "errors", "models", "types"})


def __getattr__(name: str) -> _typing.Any:
    from importlib import import_module

    if name in _SUBMODULES:
        return import_module(f"{__name__}.{name}")
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module_name}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*__all__, *_SUBMODULES})
