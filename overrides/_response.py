# Hand-written in overrides/_response.py; `codegen generate` ships it unchanged.
"""An operation's HTTP answer as an object: ``client.with_raw_response`` and
``client.with_streaming_response``.

Hand-written (overrides/_response.py), after openai-python's ``_response.py``.

- ``client.with_raw_response.<tag>.<method>(...)`` sends the request as the method does (same
  retries, same exceptions for an error status) and answers an ``APIResponse`` whose body has been
  read: its ``status_code``, ``headers``, ``retries_taken``, and ``parse()`` for what the method
  would have returned.
- ``client.with_streaming_response.<tag>.<method>(...)`` answers a context manager; entering it
  sends the request and gives the ``APIResponse`` once the headers arrive, its body still unread:
  read it with ``iter_bytes()``, ``iter_text()``, ``iter_lines()`` (or ``read()``, ``parse()``).
  Leaving the block closes the connection.

The async client's are ``AsyncAPIResponse`` (``await response.parse()``, ``async for chunk in
response.iter_bytes()``) and ``async with``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from types import TracebackType
from typing import Any, Generic, TypeVar

import httpx

from ._exceptions import APIConnectionError, APITimeoutError

__all__ = [
    "APIResponse",
    "AsyncAPIResponse",
    "AsyncResponseContextManager",
    "ResponseContextManager",
]

_T = TypeVar("_T")
_ResponseT = TypeVar("_ResponseT", bound="APIResponse[Any]")
_AsyncResponseT = TypeVar("_AsyncResponseT", bound="AsyncAPIResponse[Any]")

Parser = Callable[[httpx.Response], _T]
"""Reads what the operation returns (the model, an identifier, None) from its whole answer."""


class _BaseAPIResponse(Generic[_T]):
    """What the sync and async responses share: the answer's status, headers and request."""

    def __init__(
        self, http_response: httpx.Response, parse: Parser[_T], *, retries_taken: int
    ) -> None:
        self._parse = parse
        self._parsed: list[_T] = []  # empty until parsed once
        self.http_response = http_response
        """The answer as httpx received it."""
        self.retries_taken = retries_taken
        """How many retries it took to get this answer (0: the first attempt)."""

    @property
    def status_code(self) -> int:
        """The answer's HTTP status (always below 400: an error status raises instead)."""
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        """The answer's headers (``Location``, ``Backup-Id``, ``Idempotent-Replayed``, ...)."""
        return self.http_response.headers

    @property
    def http_request(self) -> httpx.Request:
        """The request that was sent (its last attempt)."""
        return self.http_response.request

    @property
    def url(self) -> httpx.URL:
        """The URL the request was sent to."""
        return self.http_response.url

    @property
    def is_closed(self) -> bool:
        """Whether the connection carrying the answer is closed (always, once its body was read)."""
        return self.http_response.is_closed

    def _parsed_once(self) -> _T:
        if not self._parsed:
            self._parsed.append(self._parse(self.http_response))
        return self._parsed[0]

    def __repr__(self) -> str:
        return (
            f"<{type(self).__name__} [{self.status_code} {self.http_response.reason_phrase}] "
            f"{self.http_request.method} {self.url}>"
        )


class APIResponse(_BaseAPIResponse[_T]):
    """The HTTP answer of one call; ``parse()`` gives what the method returns (``_T``)."""

    def parse(self) -> _T:
        """What the method would have returned, read from the body (read first if need be).

        Raises ``APIResponseValidationError`` for a body the spec does not describe.
        """
        self.read()
        return self._parsed_once()

    def read(self) -> bytes:
        """The whole body (read now if it was streamed; kept for later calls)."""
        with _stream_errors(self.http_response):
            return self.http_response.read()

    def text(self) -> str:
        """The whole body, decoded."""
        self.read()
        return self.http_response.text

    def json(self) -> Any:
        """The whole body, parsed as JSON."""
        self.read()
        return self.http_response.json()

    def iter_bytes(self, chunk_size: int | None = None) -> Iterator[bytes]:
        """The body as it arrives, in chunks of ``chunk_size`` bytes (as they come, by default)."""
        with _stream_errors(self.http_response):
            yield from self.http_response.iter_bytes(chunk_size)

    def iter_text(self, chunk_size: int | None = None) -> Iterator[str]:
        """The body as it arrives, decoded."""
        with _stream_errors(self.http_response):
            yield from self.http_response.iter_text(chunk_size)

    def iter_lines(self) -> Iterator[str]:
        """The body as it arrives, line by line (without line endings)."""
        with _stream_errors(self.http_response):
            yield from self.http_response.iter_lines()

    def close(self) -> None:
        """Close the connection (a streamed body not read by then is discarded)."""
        self.http_response.close()


class AsyncAPIResponse(_BaseAPIResponse[_T]):
    """The async twin of :class:`APIResponse`: ``await response.parse()``, ``async for``."""

    async def parse(self) -> _T:
        """What the method would have returned, read from the body (read first if need be)."""
        await self.read()
        return self._parsed_once()

    async def read(self) -> bytes:
        """The whole body (read now if it was streamed; kept for later calls)."""
        async with _async_stream_errors(self.http_response):
            return await self.http_response.aread()

    async def text(self) -> str:
        """The whole body, decoded."""
        await self.read()
        return self.http_response.text

    async def json(self) -> Any:
        """The whole body, parsed as JSON."""
        await self.read()
        return self.http_response.json()

    async def iter_bytes(self, chunk_size: int | None = None) -> AsyncIterator[bytes]:
        """The body as it arrives, in chunks of ``chunk_size`` bytes (as they come, by default)."""
        async with _async_stream_errors(self.http_response):
            async for chunk in self.http_response.aiter_bytes(chunk_size):
                yield chunk

    async def iter_text(self, chunk_size: int | None = None) -> AsyncIterator[str]:
        """The body as it arrives, decoded."""
        async with _async_stream_errors(self.http_response):
            async for chunk in self.http_response.aiter_text(chunk_size):
                yield chunk

    async def iter_lines(self) -> AsyncIterator[str]:
        """The body as it arrives, line by line (without line endings)."""
        async with _async_stream_errors(self.http_response):
            async for line in self.http_response.aiter_lines():
                yield line

    async def close(self) -> None:
        """Close the connection (a streamed body not read by then is discarded)."""
        await self.http_response.aclose()


class ResponseContextManager(Generic[_ResponseT]):
    """Sends the request when the ``with`` block opens; closes the answer when it ends."""

    def __init__(self, send: Callable[[], _ResponseT]) -> None:
        self._send = send
        self._response: _ResponseT | None = None

    def __enter__(self) -> _ResponseT:
        self._response = self._send()
        return self._response

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._response is not None:
            self._response.close()


class AsyncResponseContextManager(Generic[_AsyncResponseT]):
    """Sends the request when the ``async with`` block opens; closes the answer when it ends."""

    def __init__(self, send: Callable[[], Awaitable[_AsyncResponseT]]) -> None:
        self._send = send
        self._response: _AsyncResponseT | None = None

    async def __aenter__(self) -> _AsyncResponseT:
        self._response = await self._send()
        return self._response

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._response is not None:
            await self._response.close()


def _body_error(
    error: httpx.TransportError, response: httpx.Response
) -> APIConnectionError:
    if isinstance(error, httpx.TimeoutException):
        return APITimeoutError(
            request=response.request, message=f"The body stalled ({error})."
        )
    return APIConnectionError(
        request=response.request, message=f"The body broke off ({error})."
    )


@contextmanager
def _stream_errors(response: httpx.Response) -> Iterator[None]:
    try:
        yield
    except httpx.TransportError as error:
        raise _body_error(error, response) from error


@asynccontextmanager
async def _async_stream_errors(response: httpx.Response) -> AsyncIterator[None]:
    try:
        yield
    except httpx.TransportError as error:
        raise _body_error(error, response) from error
