# Hand-written in overrides/_base_client.py; `codegen generate` ships it unchanged.
"""The runtime every operation goes through: retries, timeouts and error mapping live here, once.

Hand-written (overrides/_base_client.py). A generated operation (``api/<tag>/<operation>.py``)
only builds its request (method, URL, body) and parses its success answer. ``SyncAPIClient.request``
and ``AsyncAPIClient.request`` send it, retry it when that is safe and turn every failure into an
exception from ``_exceptions``. The generated ``client.py`` puts one resource per tag of the spec
on top (``client.backup``, ...).
"""

from __future__ import annotations

import functools
import os
import time
from collections.abc import Callable, Mapping
from types import TracebackType
from typing import Any, Generic, ParamSpec, Self, TypeVar
from urllib.parse import unquote

import httpx

from ._constants import API_KEY_ENV, DEFAULT_TIMEOUT, LONG_RUNNING_READ_TIMEOUT
from ._exceptions import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    error_class,
)
from ._retries import parse_retry_after, retry_delay, should_retry
from ._types import Headers, NotGiven, Timeout

__all__ = [
    "AsyncAPIClient",
    "AsyncAPIResource",
    "SyncAPIClient",
    "SyncAPIResource",
    "created_identifier",
    "unexpected_status",
    "validates_response",
]

_T = TypeVar("_T")
_P = ParamSpec("_P")
_HttpxClientT = TypeVar("_HttpxClientT", httpx.Client, httpx.AsyncClient)

_ACCEPT = "application/json, application/problem+json"
_BODY_ARGUMENTS = frozenset({"content", "data", "files", "json"})


class BaseClient(Generic[_HttpxClientT]):
    """What the sync and async clients share: settings, building requests, mapping errors."""

    max_retries: int
    """Retries of an idempotent operation after its first attempt (0: none)."""

    _http_client: _HttpxClientT

    def __init__(
        self,
        *,
        base_url: str | httpx.URL | None,
        default_base_url: str,
        timeout: Timeout | NotGiven,
        max_retries: int,
        headers: Headers | None,
        http_client: _HttpxClientT | None,
        user_agent: str,
        api_key: str | None = None,
    ) -> None:
        if max_retries < 0:
            raise ValueError(f"max_retries must be 0 or more, not {max_retries}")
        self.max_retries = max_retries
        if http_client is None:
            http_client = self._new_http_client(
                base_url or default_base_url,
                DEFAULT_TIMEOUT if isinstance(timeout, NotGiven) else timeout,
            )
        else:
            _configure(http_client, base_url, default_base_url, timeout)
        http_client.headers.update({"Accept": _ACCEPT, "User-Agent": user_agent})
        if api_key is None:
            api_key = os.environ.get(API_KEY_ENV) or None
        if api_key is not None:
            http_client.headers["Authorization"] = f"Bearer {api_key}"
        http_client.headers.update(headers or {})
        self._http_client = http_client

    def _new_http_client(
        self, base_url: str | httpx.URL, timeout: Timeout
    ) -> _HttpxClientT:
        raise NotImplementedError

    @property
    def base_url(self) -> httpx.URL:
        return self._http_client.base_url

    @property
    def timeout(self) -> httpx.Timeout:
        """The timeout of every call that does not pass its own ``timeout=``."""
        return self._http_client.timeout

    @property
    def http_client(self) -> _HttpxClientT:
        """The underlying httpx client (connection pool, event hooks, transport)."""
        return self._http_client

    @property
    def is_closed(self) -> bool:
        return self._http_client.is_closed

    def _retries_for(self, idempotent: bool, max_retries: int | NotGiven) -> int:
        if isinstance(max_retries, NotGiven):
            return self.max_retries if idempotent else 0
        return max(0, max_retries)

    def _build_request(
        self,
        request_kwargs: Mapping[str, Any],
        timeout: Timeout | NotGiven,
        extra_headers: Headers | None,
        long_running: bool = False,
    ) -> httpx.Request:
        kwargs = dict(request_kwargs)
        if not _BODY_ARGUMENTS.intersection(kwargs) and "headers" in kwargs:
            # No body, so no body type: an operation whose body is optional names its media type
            # whether or not the call sends one.
            kwargs["headers"] = {
                name: value
                for name, value in kwargs["headers"].items()
                if name.lower() != "content-type"
            }
        if extra_headers:
            kwargs["headers"] = {**kwargs.get("headers", {}), **extra_headers}
        if not isinstance(timeout, NotGiven):
            kwargs["timeout"] = timeout
        elif long_running:
            kwargs["timeout"] = _long_running_timeout(self.timeout)
        return self._http_client.build_request(**kwargs)

    def _make_status_error(self, response: httpx.Response) -> APIStatusError:
        return error_class(response.status_code)(
            response=response, problem=_problem_document(response)
        )


class SyncAPIClient(BaseClient[httpx.Client]):
    """Sends requests with ``httpx.Client``; use it as a context manager or ``close()`` it."""

    def _new_http_client(
        self, base_url: str | httpx.URL, timeout: Timeout
    ) -> httpx.Client:
        return httpx.Client(base_url=base_url, timeout=timeout)

    def request(
        self,
        request_kwargs: Mapping[str, Any],
        *,
        idempotent: bool,
        timeout: Timeout | NotGiven,
        max_retries: int | NotGiven,
        extra_headers: Headers | None,
        long_running: bool = False,
    ) -> httpx.Response:
        """Send an operation's request and return its answer when the status is below 400.

        Retries connection failures, timeouts and 408, 429, 502, 503, 504 answers ``max_retries``
        times: the per-call value, else the client's for idempotent operations and none for the
        others. Raises ``APIStatusError`` (or a subclass) for an error status,
        ``APIConnectionError`` / ``APITimeoutError`` when no answer came.
        """
        retries = self._retries_for(idempotent, max_retries)
        request = self._build_request(
            request_kwargs, timeout, extra_headers, long_running
        )
        for retries_taken in range(retries + 1):
            try:
                response = self._http_client.send(request)
            except httpx.TransportError as error:
                if not should_retry(
                    status_code=None, retries_taken=retries_taken, max_retries=retries
                ):
                    raise _transport_error(error, request) from error
                time.sleep(retry_delay(retries_taken))
                continue
            except httpx.RequestError as error:
                raise _transport_error(error, request) from error
            if response.status_code < 400:
                return response
            if not should_retry(
                status_code=response.status_code,
                retries_taken=retries_taken,
                max_retries=retries,
            ):
                raise self._make_status_error(response)
            response.close()
            time.sleep(retry_delay(retries_taken, parse_retry_after(response.headers)))
        raise AssertionError("unreachable: the last attempt returns or raises")

    def stream(
        self,
        request_kwargs: Mapping[str, Any],
        *,
        media_type: str,
        timeout: Timeout | NotGiven,
        extra_headers: Headers | None,
    ) -> httpx.Response:
        """Send a request whose answer is read as it arrives; return the open response.

        Never retried: a stream is only asked for by operations that start something. An error
        status raises as in ``request`` (its body read first, the response closed); an answer that
        is not ``media_type`` raises ``APIResponseValidationError``. The caller closes the response.
        """
        headers = {"Accept": media_type, **(extra_headers or {})}
        request = self._build_request(request_kwargs, timeout, headers)
        try:
            response = self._http_client.send(request, stream=True)
        except httpx.RequestError as error:
            raise _transport_error(error, request) from error
        try:
            if response.status_code >= 400:
                response.read()
                raise self._make_status_error(response)
            _require_media_type(response, media_type)
        except BaseException:
            response.close()
            raise
        return response

    def close(self) -> None:
        """Close the connection pool (also the ``http_client`` passed in, if any)."""
        self._http_client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


class AsyncAPIClient(BaseClient[httpx.AsyncClient]):
    """Sends requests with ``httpx.AsyncClient``; use it with ``async with`` or ``await close()``."""

    def _new_http_client(
        self, base_url: str | httpx.URL, timeout: Timeout
    ) -> httpx.AsyncClient:
        return httpx.AsyncClient(base_url=base_url, timeout=timeout)

    async def request(
        self,
        request_kwargs: Mapping[str, Any],
        *,
        idempotent: bool,
        timeout: Timeout | NotGiven,
        max_retries: int | NotGiven,
        extra_headers: Headers | None,
        long_running: bool = False,
    ) -> httpx.Response:
        """The async twin of ``SyncAPIClient.request``: same retries, timeouts and errors."""
        retries = self._retries_for(idempotent, max_retries)
        request = self._build_request(
            request_kwargs, timeout, extra_headers, long_running
        )
        for retries_taken in range(retries + 1):
            try:
                response = await self._http_client.send(request)
            except httpx.TransportError as error:
                if not should_retry(
                    status_code=None, retries_taken=retries_taken, max_retries=retries
                ):
                    raise _transport_error(error, request) from error
                await _async_sleep(retry_delay(retries_taken))
                continue
            except httpx.RequestError as error:
                raise _transport_error(error, request) from error
            if response.status_code < 400:
                return response
            if not should_retry(
                status_code=response.status_code,
                retries_taken=retries_taken,
                max_retries=retries,
            ):
                raise self._make_status_error(response)
            await response.aclose()
            await _async_sleep(
                retry_delay(retries_taken, parse_retry_after(response.headers))
            )
        raise AssertionError("unreachable: the last attempt returns or raises")

    async def stream(
        self,
        request_kwargs: Mapping[str, Any],
        *,
        media_type: str,
        timeout: Timeout | NotGiven,
        extra_headers: Headers | None,
    ) -> httpx.Response:
        """The async twin of ``SyncAPIClient.stream``."""
        headers = {"Accept": media_type, **(extra_headers or {})}
        request = self._build_request(request_kwargs, timeout, headers)
        try:
            response = await self._http_client.send(request, stream=True)
        except httpx.RequestError as error:
            raise _transport_error(error, request) from error
        try:
            if response.status_code >= 400:
                await response.aread()
                raise self._make_status_error(response)
            _require_media_type(response, media_type)
        except BaseException:
            await response.aclose()
            raise
        return response

    async def close(self) -> None:
        """Close the connection pool (also the ``http_client`` passed in, if any)."""
        await self._http_client.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()


class SyncAPIResource:
    """The operations of one tag of the spec, bound to a client (``client.backup``, ...)."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client


class AsyncAPIResource:
    """The operations of one tag of the spec, bound to an async client."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client


def validates_response(parser: Callable[_P, _T]) -> Callable[_P, _T]:
    """Decorates an operation's ``_parse_response(*, client, response)``: an answer it cannot read
    is the server's fault, raised as ``APIResponseValidationError`` (not a ``KeyError`` from a model)."""

    @functools.wraps(parser)
    def parse(*args: _P.args, **kwargs: _P.kwargs) -> _T:
        try:
            return parser(*args, **kwargs)
        except APIStatusError:
            raise
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            response = kwargs["response"]  # the generated functions pass it by name
            if not isinstance(response, httpx.Response):
                raise
            request = response.request
            raise APIResponseValidationError(
                f"{request.method} {request.url.path}: the {response.status_code} answer does not "
                f"match the spec ({type(error).__name__}: {error})",
                response=response,
            ) from error

    return parse


def unexpected_status(response: httpx.Response) -> APIStatusError:
    """The error for a status below 400 that the spec does not document for the operation."""
    request = response.request
    return APIStatusError(
        f"{request.method} {request.url.path}: status {response.status_code} is not "
        "documented for this operation",
        response=response,
    )


def created_identifier(response: httpx.Response, header: str | None) -> str:
    """The new resource's identifier: the ``header`` (``Backup-Id``), else Location's last segment."""
    value = response.headers.get(header) if header else None
    if not value:
        location = response.headers.get("location", "")
        value = unquote(location.rstrip("/").rpartition("/")[2])
    if not value:
        raise APIResponseValidationError(
            f"the {response.status_code} answer names no new identifier "
            f"(no {header or 'identifier'} or Location header)",
            response=response,
        )
    return value


def _configure(
    http_client: httpx.Client | httpx.AsyncClient,
    base_url: str | httpx.URL | None,
    default_base_url: str,
    timeout: Timeout | NotGiven,
) -> None:
    # A client passed in keeps its own base URL and timeout unless these are given too.
    if base_url is not None:
        http_client.base_url = httpx.URL(base_url)
    elif not str(http_client.base_url):
        http_client.base_url = httpx.URL(default_base_url)
    if not isinstance(timeout, NotGiven):
        http_client.timeout = timeout


def _long_running_timeout(timeout: httpx.Timeout) -> httpx.Timeout:
    """The client's timeout with a read timeout of at least LONG_RUNNING_READ_TIMEOUT."""
    read = timeout.read
    if read is not None:
        read = max(read, LONG_RUNNING_READ_TIMEOUT)
    return httpx.Timeout(
        connect=timeout.connect, read=read, write=timeout.write, pool=timeout.pool
    )


def _require_media_type(response: httpx.Response, media_type: str) -> None:
    received = (
        response.headers.get("content-type", "").partition(";")[0].strip().lower()
    )
    if received != media_type:
        raise APIResponseValidationError(
            f"{response.request.method} {response.request.url.path}: asked for {media_type}, "
            f"the {response.status_code} answer is {received or 'untyped'}",
            response=response,
        )


def _problem_document(response: httpx.Response) -> dict[str, Any] | None:
    if "json" not in response.headers.get("content-type", ""):
        return None
    try:
        document = response.json()
    except ValueError:
        return None
    return document if isinstance(document, dict) else None


def _transport_error(
    error: httpx.RequestError, request: httpx.Request
) -> APIConnectionError:
    description = str(error) or type(error).__name__
    if isinstance(error, httpx.TimeoutException):
        return APITimeoutError(
            request=request, message=f"Request timed out ({description})."
        )
    return APIConnectionError(
        request=request, message=f"Connection error ({description})."
    )


async def _async_sleep(seconds: float) -> None:
    import anyio  # httpx's own dependency; only a retry needs it, so import it late

    await anyio.sleep(seconds)
