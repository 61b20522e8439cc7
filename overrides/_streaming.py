# Hand-written in overrides/_streaming.py; `codegen generate` ships it unchanged.
"""Server-Sent Event streams as typed, context-managed iterators (sync and async).

Hand-written (overrides/_streaming.py): openapi-python-client cannot generate a streaming operation.
Events are parsed by httpx-sse; each event's ``data`` is decoded into the operation's model. The
request is sent when the ``with`` block opens (or on first iteration), so an error answer raises
there, as the matching ``APIStatusError``. Leaving the ``with`` / ``async with`` block closes the
connection, and so does breaking out of a sync loop. Breaking out of an ``async for`` closes it only
when the event loop finalises the loop's iterator (soon, not at once: async generators have no
synchronous close), so use ``async with`` or ``await stream.close()`` to close at a known point. The
read timeout applies to the wait for each next piece of the stream, not to the whole.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import Any, Generic, Self, TypeVar

import httpx
from httpx_sse import EventSource, SSEError

from ._exceptions import APIConnectionError, APIResponseValidationError, APITimeoutError

__all__ = ["AsyncStream", "Stream"]

_EventT = TypeVar("_EventT")

Decoder = Callable[[dict[str, Any], httpx.Response], _EventT]
"""Turns one event's decoded ``data`` into the model; may raise to end the stream with an error."""
IsTerminal = Callable[[_EventT], bool]


class _StreamBase(Generic[_EventT]):
    """What the sync and async streams share: decoding events, the response, the end."""

    def __init__(
        self, decode: Decoder[_EventT], is_terminal: IsTerminal[_EventT]
    ) -> None:
        self._decode = decode
        self._is_terminal = is_terminal
        self._response: httpx.Response | None = None
        self.ended = False
        """True once the terminal event was received."""

    @property
    def response(self) -> httpx.Response:
        """The HTTP answer carrying the stream (available once the stream is open)."""
        if self._response is None:
            raise RuntimeError(
                "the stream is not open yet: use it in a `with` block or iterate it"
            )
        return self._response

    def _event(self, data: str, response: httpx.Response) -> _EventT:
        try:
            document = json.loads(data)
            if not isinstance(document, dict):
                raise TypeError(
                    f"event data is {type(document).__name__}, not an object"
                )
            return self._decode(document, response)
        except (KeyError, TypeError, ValueError) as error:
            raise APIResponseValidationError(
                f"an event of the stream does not match the spec ({type(error).__name__}: {error})",
                response=response,
            ) from error

    def _ended_early(self, response: httpx.Response) -> APIConnectionError:
        return APIConnectionError(
            request=response.request,
            message="The stream ended before its final event; the operation may still be running.",
        )


class Stream(_StreamBase[_EventT]):
    """A stream of ``_EventT``: iterate it inside ``with``; it ends after the terminal event."""

    def __init__(
        self,
        open_response: Callable[[], httpx.Response],
        decode: Decoder[_EventT],
        is_terminal: IsTerminal[_EventT],
    ) -> None:
        super().__init__(decode, is_terminal)
        self._open_response = open_response

    def __enter__(self) -> Self:
        if self._response is None:
            self._response = self._open_response()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def __iter__(self) -> Iterator[_EventT]:
        response = self.__enter__().response
        try:
            for sse in _sync_events(response):
                event = self._event(sse.data, response)
                if self._is_terminal(event):
                    self.ended = True
                yield event
                if self.ended:
                    return
            raise self._ended_early(response)
        finally:
            self.close()

    def close(self) -> None:
        """Close the connection; the operation on the server is not cancelled by this."""
        if self._response is not None:
            self._response.close()


class AsyncStream(_StreamBase[_EventT]):
    """The async twin of :class:`Stream`: ``async with`` and ``async for``."""

    def __init__(
        self,
        open_response: Callable[[], Awaitable[httpx.Response]],
        decode: Decoder[_EventT],
        is_terminal: IsTerminal[_EventT],
    ) -> None:
        super().__init__(decode, is_terminal)
        self._open_response = open_response

    async def __aenter__(self) -> Self:
        if self._response is None:
            self._response = await self._open_response()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()

    async def __aiter__(self) -> AsyncIterator[_EventT]:
        response = (await self.__aenter__()).response
        try:
            async for sse in _async_events(response):
                event = self._event(sse.data, response)
                if self._is_terminal(event):
                    self.ended = True
                yield event
                if self.ended:
                    return
            raise self._ended_early(response)
        finally:
            await self.close()

    async def close(self) -> None:
        """Close the connection; the operation on the server is not cancelled by this."""
        if self._response is not None:
            await self._response.aclose()


@contextmanager
def _stream_errors(response: httpx.Response) -> Iterator[None]:
    """What can go wrong while a stream is read, as the client's exceptions."""
    try:
        yield
    except SSEError as error:
        raise APIResponseValidationError(
            f"not an event stream: {error}", response=response
        ) from error
    except httpx.TimeoutException as error:
        raise APITimeoutError(
            request=response.request, message=f"The stream stalled ({error})."
        ) from error
    except httpx.TransportError as error:
        raise APIConnectionError(
            request=response.request, message=f"The stream broke ({error})."
        ) from error


def _sync_events(response: httpx.Response) -> Iterator[Any]:
    with _stream_errors(response):
        yield from EventSource(response).iter_sse()


async def _async_events(response: httpx.Response) -> AsyncIterator[Any]:
    with _stream_errors(response):
        async for sse in EventSource(response).aiter_sse():
            yield sse
