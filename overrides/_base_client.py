# Hand-written in overrides/_base_client.py; `codegen generate` ships it unchanged.
"""The runtime every operation goes through: retries, timeouts and error mapping live here, once.

Hand-written (overrides/_base_client.py). A generated operation (``api/<tag>/<operation>.py``)
only builds its request (method, URL, body) and parses its success answer. ``SyncAPIClient.request``
and ``AsyncAPIClient.request`` send it, retry it when that is safe and turn every failure into an
exception from ``_exceptions``. The generated ``client.py`` puts one resource per tag of the spec
on top (``client.backup``, ...).
"""

from __future__ import annotations

import contextlib
import copy
import functools
import gc
import logging
import os
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Mapping
from types import TracebackType
from typing import Any, Generic, ParamSpec, Protocol, Self, TypeVar, cast
from urllib.parse import unquote

import httpx

from ._constants import (
    API_KEY_ENV,
    BASE_URL_ENV,
    DEFAULT_TIMEOUT,
    IDEMPOTENCY_KEY_HEADER,
    LONG_RUNNING_READ_TIMEOUT,
)
from ._exceptions import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    error_class,
)
from ._logs import logger, redacted_headers, setup_logging
from ._response import APIResponse, AsyncAPIResponse
from ._retries import parse_retry_after, retry_delay, should_retry
from ._types import NOT_GIVEN, Headers, NotGiven, Timeout

__all__ = [
    "AsyncAPIClient",
    "AsyncAPIResource",
    "Operation",
    "SyncAPIClient",
    "SyncAPIResource",
    "collector_paused",
    "created_identifier",
    "unexpected_status",
    "validates_response",
]

setup_logging()

_T = TypeVar("_T")
_P = ParamSpec("_P")
_HttpxClientT = TypeVar("_HttpxClientT", httpx.Client, httpx.AsyncClient)

_ACCEPT = "application/json, application/problem+json"
_BODY_ARGUMENTS = frozenset({"content", "data", "files", "json"})


class Operation(Protocol):
    """What the runtime reads of a generated operation's module (``api/<tag>/<operation>.py``)."""

    IDEMPOTENT: bool
    IDEMPOTENCY_KEY: bool
    LONG_RUNNING: bool

    def _get_kwargs(self, *args: Any, **kwargs: Any) -> dict[str, Any]: ...

    def _parse_response(
        self, *, client: SyncAPIClient | AsyncAPIClient, response: httpx.Response
    ) -> Any: ...


class BaseClient(Generic[_HttpxClientT]):
    """What the sync and async clients share: settings, building requests, mapping errors."""

    max_retries: int
    """Retries of an idempotent operation after its first attempt (0: none)."""

    _http_client: _HttpxClientT
    _timeout: httpx.Timeout | None
    """This client's own timeout (set by ``with_options``); None: the httpx client's."""

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
        self.max_retries = _checked_retries(max_retries)
        self._timeout = None
        # The generated client passes the platform's address; the environment variable comes first.
        default_base_url = os.environ.get(BASE_URL_ENV) or default_base_url
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
        """The server every request goes to."""
        return self._http_client.base_url

    @property
    def timeout(self) -> httpx.Timeout:
        """The timeout of every call that does not pass its own ``timeout=``."""
        if self._timeout is not None:
            return self._timeout
        return self._http_client.timeout

    @property
    def http_client(self) -> _HttpxClientT:
        """The underlying httpx client (connection pool, event hooks, transport)."""
        return self._http_client

    @property
    def is_closed(self) -> bool:
        """Whether the connection pool is closed (by ``close()``, here or on a copy)."""
        return self._http_client.is_closed

    def with_options(
        self,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Self:
        """A copy of this client with another default ``timeout`` or ``max_retries``.

        ```python
        patient = client.with_options(timeout=600, max_retries=5)
        patient.backup.restore(backup_id)
        ```

        The copy shares this client's connection pool, headers and token, so making one costs no
        connection; options not given are this client's. Closing either closes the pool both use.
        """
        clone = copy.copy(self)
        if not isinstance(timeout, NotGiven):
            clone._timeout = httpx.Timeout(timeout)
        if not isinstance(max_retries, NotGiven):
            clone.max_retries = _checked_retries(max_retries)
        for name, value in vars(self).items():
            # Resources (`client.backup`, ...) are bound to their client: bind new ones to the copy.
            if isinstance(value, SyncAPIResource | AsyncAPIResource):
                setattr(clone, name, type(value)(clone))  # type: ignore[arg-type]
        return clone

    def _retries_for(self, retryable: bool, max_retries: int | NotGiven) -> int:
        if isinstance(max_retries, NotGiven):
            return self.max_retries if retryable else 0
        return max(0, max_retries)

    def _build_request(
        self,
        request_kwargs: Mapping[str, Any],
        timeout: Timeout | NotGiven,
        extra_headers: Headers | None,
        long_running: bool = False,
        idempotent: bool = True,
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
        if not idempotent:
            # One key per call, in the request every retry resends: the server answers it once.
            headers = kwargs.get("headers", {})
            if not any(name.lower() == "idempotency-key" for name in headers):
                kwargs["headers"] = {
                    **headers,
                    IDEMPOTENCY_KEY_HEADER: str(uuid.uuid4()),
                }
        if not isinstance(timeout, NotGiven):
            kwargs["timeout"] = timeout
        elif long_running:
            kwargs["timeout"] = _long_running_timeout(self.timeout)
        elif self._timeout is not None:
            kwargs["timeout"] = self._timeout
        return self._http_client.build_request(**kwargs)

    def _parser(self, operation: Operation) -> Callable[[httpx.Response], Any]:
        client = cast("SyncAPIClient | AsyncAPIClient", self)
        return lambda response: operation._parse_response(
            client=client, response=response
        )

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
        idempotency_key: bool = False,
    ) -> httpx.Response:
        """Send an operation's request and return its answer when the status is below 400.

        Retries connection failures, timeouts and 408, 429, 502, 503, 504 answers ``max_retries``
        times: the per-call value, else the client's for idempotent operations and for those that
        honour an ``Idempotency-Key`` (``idempotency_key``), and none for the others. A request of
        an operation that is not idempotent carries a new ``Idempotency-Key``, the same on each
        retry. Raises ``APIStatusError`` (or a subclass) for an error status,
        ``APIConnectionError`` / ``APITimeoutError`` when no answer came.
        """
        retries = self._retries_for(idempotent or idempotency_key, max_retries)
        request = self._build_request(
            request_kwargs, timeout, extra_headers, long_running, idempotent
        )
        return self._send(request, retries)[0]

    def request_response(
        self,
        operation: Operation,
        request_kwargs: Mapping[str, Any],
        *,
        timeout: Timeout | NotGiven,
        max_retries: int | NotGiven,
        extra_headers: Headers | None,
        stream: bool = False,
    ) -> APIResponse[Any]:
        """Send an operation's request as ``request`` does; answer the HTTP response itself.

        With ``stream`` the body is left unread (the caller closes the response); otherwise it has
        been read. ``parse()`` reads what the operation returns. An error status raises.
        """
        retries = self._retries_for(
            operation.IDEMPOTENT or operation.IDEMPOTENCY_KEY, max_retries
        )
        request = self._build_request(
            request_kwargs,
            timeout,
            extra_headers,
            operation.LONG_RUNNING,
            operation.IDEMPOTENT,
        )
        response, retries_taken = self._send(request, retries, stream=stream)
        return APIResponse(
            response, self._parser(operation), retries_taken=retries_taken
        )

    def stream(
        self,
        request_kwargs: Mapping[str, Any],
        *,
        media_type: str,
        timeout: Timeout | NotGiven,
        extra_headers: Headers | None,
    ) -> httpx.Response:
        """Send a request whose answer is read as it arrives; return the open response.

        Never retried: a stream is only asked for by operations that start something (so the
        request carries an ``Idempotency-Key``). An error status raises as in ``request`` (its body
        read first, the response closed); an answer that is not ``media_type`` raises
        ``APIResponseValidationError``. The caller closes the response.
        """
        headers = {"Accept": media_type, **(extra_headers or {})}
        request = self._build_request(
            request_kwargs, timeout, headers, idempotent=False
        )
        response = self._send(request, 0, stream=True)[0]
        try:
            _require_media_type(response, media_type)
        except BaseException:
            response.close()
            raise
        return response

    def _send(
        self, request: httpx.Request, retries: int, *, stream: bool = False
    ) -> tuple[httpx.Response, int]:
        """The answer (below 400) and the retries it took, or the exception of the last attempt."""
        for retries_taken in range(retries + 1):
            started = _log_request(request)
            try:
                response = self._http_client.send(request, stream=stream)
            except httpx.TransportError as error:
                if not should_retry(
                    status_code=None, retries_taken=retries_taken, max_retries=retries
                ):
                    raise _transport_error(error, request) from error
                delay = retry_delay(retries_taken)
                _log_retry(request, _failure(error), retries_taken, retries, delay)
                time.sleep(delay)
                continue
            except httpx.RequestError as error:
                raise _transport_error(error, request) from error
            _log_response(response, started)
            if not stream:
                _detach_stream(response)
            if response.status_code < 400:
                return response, retries_taken
            if not should_retry(
                status_code=response.status_code,
                retries_taken=retries_taken,
                max_retries=retries,
            ):
                try:
                    response.read()  # the problem document, also of a streamed answer
                finally:
                    response.close()
                raise self._make_status_error(response)
            response.close()
            delay = retry_delay(retries_taken, parse_retry_after(response.headers))
            _log_retry(request, _status(response), retries_taken, retries, delay)
            time.sleep(delay)
        raise AssertionError("unreachable: the last attempt returns or raises")

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
        idempotency_key: bool = False,
    ) -> httpx.Response:
        """The async twin of ``SyncAPIClient.request``: same retries, timeouts and errors."""
        retries = self._retries_for(idempotent or idempotency_key, max_retries)
        request = self._build_request(
            request_kwargs, timeout, extra_headers, long_running, idempotent
        )
        return (await self._send(request, retries))[0]

    async def request_response(
        self,
        operation: Operation,
        request_kwargs: Mapping[str, Any],
        *,
        timeout: Timeout | NotGiven,
        max_retries: int | NotGiven,
        extra_headers: Headers | None,
        stream: bool = False,
    ) -> AsyncAPIResponse[Any]:
        """The async twin of ``SyncAPIClient.request_response``."""
        retries = self._retries_for(
            operation.IDEMPOTENT or operation.IDEMPOTENCY_KEY, max_retries
        )
        request = self._build_request(
            request_kwargs,
            timeout,
            extra_headers,
            operation.LONG_RUNNING,
            operation.IDEMPOTENT,
        )
        response, retries_taken = await self._send(request, retries, stream=stream)
        return AsyncAPIResponse(
            response, self._parser(operation), retries_taken=retries_taken
        )

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
        request = self._build_request(
            request_kwargs, timeout, headers, idempotent=False
        )
        response = (await self._send(request, 0, stream=True))[0]
        try:
            _require_media_type(response, media_type)
        except BaseException:
            await response.aclose()
            raise
        return response

    async def _send(
        self, request: httpx.Request, retries: int, *, stream: bool = False
    ) -> tuple[httpx.Response, int]:
        """The async twin of ``SyncAPIClient._send``."""
        for retries_taken in range(retries + 1):
            started = _log_request(request)
            try:
                response = await self._http_client.send(request, stream=stream)
            except httpx.TransportError as error:
                if not should_retry(
                    status_code=None, retries_taken=retries_taken, max_retries=retries
                ):
                    raise _transport_error(error, request) from error
                delay = retry_delay(retries_taken)
                _log_retry(request, _failure(error), retries_taken, retries, delay)
                await _async_sleep(delay)
                continue
            except httpx.RequestError as error:
                raise _transport_error(error, request) from error
            _log_response(response, started)
            if not stream:
                _detach_stream(response)
            if response.status_code < 400:
                return response, retries_taken
            if not should_retry(
                status_code=response.status_code,
                retries_taken=retries_taken,
                max_retries=retries,
            ):
                try:
                    await response.aread()
                finally:
                    await response.aclose()
                raise self._make_status_error(response)
            await response.aclose()
            delay = retry_delay(retries_taken, parse_retry_after(response.headers))
            _log_retry(request, _status(response), retries_taken, retries, delay)
            await _async_sleep(delay)
        raise AssertionError("unreachable: the last attempt returns or raises")

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
    is the server's fault, raised as ``APIResponseValidationError`` (not a ``KeyError`` from a model).
    It runs with the garbage collector paused (``collector_paused``)."""

    @functools.wraps(parser)
    def parse(*args: _P.args, **kwargs: _P.kwargs) -> _T:
        try:
            with collector_paused():
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


_collector_lock = threading.Lock()
_collector_pauses = 0
_collector_was_enabled = False
# CPython 3.12.0 and 3.12.1 start with some of the interpreter's own objects frozen (375 on 3.12.1):
# they are not an application's, and moving them to the oldest generation changes nothing. On any
# other version every frozen object is the application's, so the promotion is skipped while any is.
_INTERPRETER_FROZEN = (
    gc.get_freeze_count() if sys.version_info[:3] in ((3, 12, 0), (3, 12, 1)) else 0
)
_PROMOTED_AFTER = 10
"""A parse that leaves more than this many times the collector's first threshold (700) of new
objects has them promoted to the oldest generation unexamined (``collector_paused``)."""


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while an answer is decoded and its models are built.

    A page of 1,000 assets is some 16,000 new tracked objects, none of them garbage and none in a
    cycle, yet every 700 allocations start a collection that walks the young ones again, each
    tenth the older ones, and now and then every object of the process: with the assets kept in a
    list, that took more than half the time of reading them. Reference counting frees everything
    as usual meanwhile. The collector is enabled again when the last concurrent parse ends (also
    when it raises), and only if it was enabled when the first began, so an application that turned
    it off keeps it off.

    When that parse left many new objects (a page), they are moved to the oldest generation first
    (``gc.freeze()`` then ``gc.unfreeze()``), as survivors of two collections would be: otherwise
    the collection that enabling starts walks them all at once. Skipped while the application has
    frozen objects of its own (``gc.get_freeze_count()``, beyond the interpreter's own on 3.12.0
    and 3.12.1), which stay frozen.

    The collector is one per process: while a parse runs, the application's own cyclic garbage
    waits too, and the objects promoted are all the young ones of the process, not only the page's
    (cyclic garbage among them is freed by the next full collection). Threads that parse without
    pause keep it off for as long as they overlap.
    """
    global _collector_pauses, _collector_was_enabled
    with _collector_lock:
        if _collector_pauses == 0:
            _collector_was_enabled = gc.isenabled()
            gc.disable()
        _collector_pauses += 1
    try:
        yield
    finally:
        with _collector_lock:
            _collector_pauses -= 1
            if _collector_pauses == 0 and _collector_was_enabled:
                many = gc.get_count()[0] > _PROMOTED_AFTER * gc.get_threshold()[0]
                if many and gc.get_freeze_count() <= _INTERPRETER_FROZEN:
                    gc.freeze()
                    gc.unfreeze()
                gc.enable()


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


def _detach_stream(response: httpx.Response) -> None:
    """Give an answer read whole a plain byte stream in place of httpx's, which refers back to the
    response: that reference cycle kept every answer, body included, until the garbage collector
    ran (pages of a list piled up while it was paused for parsing). Now it goes when it is dropped."""
    response.stream = httpx.ByteStream(response.content)


def _checked_retries(max_retries: int) -> int:
    if max_retries < 0:
        raise ValueError(f"max_retries must be 0 or more, not {max_retries}")
    return max_retries


def _log_request(request: httpx.Request) -> float:
    """Log a request about to be sent; the moment it was sent, to time the answer."""
    if logger.isEnabledFor(logging.INFO):
        logger.info("%s %s", request.method, request.url)
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "%s %s request headers: %s",
                request.method,
                request.url,
                redacted_headers(request.headers.multi_items()),
            )
    return time.monotonic()


def _log_response(response: httpx.Response, started: float) -> None:
    if logger.isEnabledFor(logging.INFO):
        request = response.request
        logger.info(
            "%s %s -> %s (%.3f s)",
            request.method,
            request.url,
            _status(response),
            time.monotonic() - started,
        )
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "%s %s response headers: %s",
                request.method,
                request.url,
                redacted_headers(response.headers.multi_items()),
            )


def _log_retry(
    request: httpx.Request, why: str, retries_taken: int, retries: int, delay: float
) -> None:
    logger.info(
        "%s %s: %s; retry %d of %d in %.2f s",
        request.method,
        request.url,
        why,
        retries_taken + 1,
        retries,
        delay,
    )


def _status(response: httpx.Response) -> str:
    return f"{response.status_code} {response.reason_phrase}".rstrip()


def _failure(error: httpx.TransportError) -> str:
    return f"no answer ({type(error).__name__}: {str(error) or 'no detail'})"


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
