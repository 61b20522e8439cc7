"""Every failure becomes a documented problem document: engine errors, routing errors, the unexpected."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import (
    BackupCorrupted,
    BackupGone,
    BackupKeyMismatch,
    BackupNotFound,
    BackupUnencrypted,
    EngineError,
    InsufficientStorage,
    OperationCancelled,
    OperationConflict,
    StoreUnavailable,
    TooManyRequests,
)
from ..problems import (
    BACKUP_CORRUPTED,
    BACKUP_KEY_MISMATCH,
    BACKUP_UNENCRYPTED,
    CANCELLED,
    Problem,
    problem_response,
)

__all__ = ["engine_problem", "install_error_handlers"]


def engine_problem(error: EngineError) -> Problem:
    """The answer for an engine failure (most specific class first: `BackupGone` is a `BackupNotFound`)."""
    if isinstance(error, BackupGone):
        return Problem(410, error.detail)
    if isinstance(error, BackupNotFound):
        return Problem(404, error.detail)
    if isinstance(error, BackupCorrupted):
        return Problem(409, error.detail, type_=BACKUP_CORRUPTED)
    if isinstance(error, BackupKeyMismatch):
        return Problem(409, error.detail, type_=BACKUP_KEY_MISMATCH)
    if isinstance(error, BackupUnencrypted):
        return Problem(409, error.detail, type_=BACKUP_UNENCRYPTED)
    if isinstance(error, OperationCancelled):
        return Problem(409, error.detail, type_=CANCELLED)
    if isinstance(error, OperationConflict):
        return Problem(409, error.detail)
    if isinstance(error, TooManyRequests):
        return Problem(429, error.detail, headers={"Retry-After": str(error.retry_after)})
    if isinstance(error, InsufficientStorage):
        return Problem(507, error.detail)
    if isinstance(error, StoreUnavailable):
        retry = {} if error.retry_after is None else {"Retry-After": str(error.retry_after)}
        return Problem(503, error.detail, headers=retry)
    return Problem(500, error.detail)


async def _on_problem(request: Request, error: Exception) -> Response:
    assert isinstance(error, Problem)
    return problem_response(
        error.status, error.detail, type_=error.type, instance=request.url.path, headers=error.headers
    )


async def _on_http_exception(request: Request, error: Exception) -> Response:
    assert isinstance(error, StarletteHTTPException)
    detail = error.detail if isinstance(error.detail, str) else str(error.detail)
    if error.status_code == 404:
        detail = f"No operation at {request.url.path}."
    elif error.status_code == 405:
        allow = (error.headers or {}).get("Allow", "")
        detail = f"{request.method} is not allowed on {request.url.path}; allowed: {allow}."
    return problem_response(
        error.status_code, detail, instance=request.url.path, headers=dict(error.headers or {})
    )


async def _on_validation_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, RequestValidationError)
    details = "; ".join(
        f"{'.'.join(str(part) for part in item.get('loc', ()))}: {item.get('msg')}" for item in error.errors()
    )
    return problem_response(422, details or "The request is invalid.", instance=request.url.path)


async def _on_unexpected(request: Request, error: Exception) -> Response:
    return problem_response(500, f"The server failed: {type(error).__name__}.", instance=request.url.path)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(Problem, _on_problem)
    app.add_exception_handler(StarletteHTTPException, _on_http_exception)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(Exception, _on_unexpected)
