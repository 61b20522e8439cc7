# Generated from spec/backup-api.yaml by `codegen generate`. Do not edit: change the spec, templates/ or overrides/ and regenerate.
"""A client library for accessing Backup API

```python
from backup_api_client import BackupApiClient

with BackupApiClient() as client:
    backup = client.backup.get("1.0.0_1764253683123456")
```"""

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
from ._exports import __dir__, __getattr__

if (
    _typing.TYPE_CHECKING
):  # imported on first use (_exports), named here for type checkers
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
