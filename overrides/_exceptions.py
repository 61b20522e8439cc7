# Hand-written in overrides/_exceptions.py; `codegen generate` ships it unchanged.
"""Every exception the client raises.

Hand-written (overrides/_exceptions.py). The hierarchy::

    BackupApiError                         anything this package raises
    └── APIError                           a request was made: .request, .message
        ├── APIConnectionError             no answer: the connection failed
        │   └── APITimeoutError            no answer in time (connect, read, write or pool)
        ├── APIResponseValidationError     an answer the spec does not describe (bad JSON, missing field)
        ├── RestorationFailedError         a streamed restoration ended FAILED: .detail, .progress
        └── APIStatusError                 an error answer: .response, .status_code, the problem fields
            ├── BadRequestError            400
            ├── AuthenticationError        401: the server needs a bearer token (api_key=)
            ├── PermissionDeniedError      403: refused (a browser request from another origin)
            ├── NotFoundError              404
            │   └── GoneError              410: it existed, and no longer does
            ├── ConflictError              409
            ├── PayloadTooLargeError       413
            ├── UnsupportedMediaTypeError  415
            ├── UnprocessableEntityError   422
            ├── RateLimitError             429: at a server bound; retried after Retry-After
            └── InternalServerError        5xx

An ``APIStatusError`` carries the server's RFC 9457 problem document (``application/problem+json``)
as attributes: ``type``, ``title``, ``status``, ``detail``, ``instance`` (``None`` when absent) and
the whole document as ``problem``. A status without a class of its own (408, 421, ...) raises
``APIStatusError`` itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import httpx

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BackupApiError",
    "BadRequestError",
    "ConflictError",
    "GoneError",
    "InternalServerError",
    "NotFoundError",
    "PayloadTooLargeError",
    "PermissionDeniedError",
    "RateLimitError",
    "RestorationFailedError",
    "UnprocessableEntityError",
    "UnsupportedMediaTypeError",
]


class BackupApiError(Exception):
    """The base of every exception this package raises."""


class APIError(BackupApiError):
    """A request to the Backup API failed."""

    message: str
    request: httpx.Request

    def __init__(self, message: str, *, request: httpx.Request) -> None:
        super().__init__(message)
        self.message = message
        self.request = request


class APIConnectionError(APIError):
    """No answer: the connection could not be made, or broke before the answer arrived."""

    def __init__(
        self, *, request: httpx.Request, message: str = "Connection error."
    ) -> None:
        super().__init__(message, request=request)


class APITimeoutError(APIConnectionError):
    """No answer within the timeout (connect, read, write or waiting for a pooled connection)."""

    def __init__(
        self, *, request: httpx.Request, message: str = "Request timed out."
    ) -> None:
        super().__init__(request=request, message=message)


class APIResponseValidationError(APIError):
    """The server answered something the spec does not describe (not JSON, a missing field...)."""

    response: httpx.Response
    status_code: int

    def __init__(self, message: str, *, response: httpx.Response) -> None:
        super().__init__(message, request=response.request)
        self.response = response
        self.status_code = response.status_code


class RestorationFailedError(APIError):
    """A streamed restoration ended ``FAILED``; the local database is as it was before it started."""

    response: httpx.Response
    detail: str | None
    """What went wrong, as the server said it (for example, a checksum mismatch)."""
    progress: Any
    """The terminal ``BackupStreamedProgress`` event."""

    def __init__(
        self, *, response: httpx.Response, progress: Any, detail: str | None
    ) -> None:
        self.response = response
        self.progress = progress
        self.detail = detail
        super().__init__(
            f"The restoration failed: {detail or 'no detail given'}",
            request=response.request,
        )


class APIStatusError(APIError):
    """The server answered with a status the operation does not succeed with (4xx, 5xx, ...)."""

    response: httpx.Response
    status_code: int
    problem: dict[str, Any] | None
    """The whole problem document (extension members included), or None if the body is not one."""
    type: str | None
    title: str | None
    status: int | None
    detail: str | None
    instance: str | None

    def __init__(
        self,
        message: str | None = None,
        *,
        response: httpx.Response,
        problem: dict[str, Any] | None = None,
    ) -> None:
        self.response = response
        self.status_code = response.status_code
        self.problem = problem
        fields = problem or {}
        self.type = _text(fields.get("type"))
        self.title = _text(fields.get("title"))
        status = fields.get("status")
        self.status = (
            status if isinstance(status, int) and not isinstance(status, bool) else None
        )
        self.detail = _text(fields.get("detail"))
        self.instance = _text(fields.get("instance"))
        if message is None:
            message = self._default_message()
        super().__init__(message, request=response.request)

    def _default_message(self) -> str:
        heading = (
            f"{self.status_code} {self.title or self.response.reason_phrase}".rstrip()
        )
        if self.detail:
            return f"{heading}: {self.detail}"
        text = self.response.text.strip() if self.problem is None else ""
        return f"{heading}: {text[:200]}" if text else heading


class BadRequestError(APIStatusError):
    """400: the request is malformed (for example, a body that is not well-formed JSON)."""


class AuthenticationError(APIStatusError):
    """401: the server was started with a token; pass it as ``api_key=`` (or ``BACKUP_API_TOKEN``)."""


class PermissionDeniedError(APIStatusError):
    """403: the server refuses the request (a browser request on behalf of another origin)."""


class NotFoundError(APIStatusError):
    """404: nothing has this identifier."""


class GoneError(NotFoundError):
    """410: the backup existed and no longer does (deleted, or its creation was cancelled or failed)."""


class ConflictError(APIStatusError):
    """409: the operation would race with another, or the backup's state does not allow it."""


class PayloadTooLargeError(APIStatusError):
    """413: the request body is larger than the server accepts."""


class UnsupportedMediaTypeError(APIStatusError):
    """415: the request body is not in a media type the operation accepts."""


class UnprocessableEntityError(APIStatusError):
    """422: a parameter or the body does not match the spec."""


class RateLimitError(APIStatusError):
    """429: the server is at one of its bounds (queued creations, large bodies); retry later."""


class InternalServerError(APIStatusError):
    """5xx: the server failed."""


_STATUS_ERRORS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    410: GoneError,
    413: PayloadTooLargeError,
    415: UnsupportedMediaTypeError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def error_class(status: int) -> type[APIStatusError]:
    """The exception an error status raises: its own class, else ``InternalServerError`` for any
    other 5xx, else ``APIStatusError``.

    The one map from statuses to exceptions: the runtime raises by it, and the generated docstrings'
    "Raises:" sections are rendered from it (codegen reads it when it generates the client).
    """
    found = _STATUS_ERRORS.get(status)
    if found is not None:
        return found
    return InternalServerError if status >= 500 else APIStatusError


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None
