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
from typing import TYPE_CHECKING, Any, Generic, Protocol, Self, TypeVar, cast

import httpx
from httpx_sse import EventSource, SSEError

from ._exceptions import (
    APIConnectionError,
    APIResponseValidationError,
    APITimeoutError,
    RestorationFailedError,
)
from ._types import NOT_GIVEN, Headers, NotGiven, Timeout

if TYPE_CHECKING:
    from ._base_client import AsyncAPIClient, SyncAPIClient

__all__ = ["AsyncStream", "Stream", "async_stream", "sync_stream"]

EVENT_STREAM = "text/event-stream"
FAILED = "FAILED"
"""An event whose ``status`` is this (a terminal status) raises ``RestorationFailedError``."""

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
            if self._is_terminal is not _never:
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
            if self._is_terminal is not _never:
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


class _Event(Protocol):
    @classmethod
    def from_dict(cls, src: dict[str, Any]) -> Any: ...


def _never(event: object) -> bool:
    """No event is terminal: the stream ends when the server ends it."""
    return False


def _event_reader(
    event_class: type[_EventT], terminal: frozenset[str]
) -> tuple[Decoder[_EventT], IsTerminal[_EventT]]:
    """How a generated stream reads its events: ``event_class.from_dict`` of each event's data.
    With ``terminal`` (the spec's ``x-terminal`` values of the event's ``status``) the stream ends
    after an event whose status is one of them, raises on a ``FAILED`` one (carrying the server's
    ``detail``), and a stream that stops before a terminal event is an error."""
    reader = cast("type[_Event]", event_class)

    def status(event: object) -> str:
        value = getattr(event, "status", None)
        return str(getattr(value, "value", value))

    def decode(document: dict[str, Any], response: httpx.Response) -> _EventT:
        event: _EventT = reader.from_dict(document)
        if terminal and status(event) == FAILED:
            detail = getattr(event, "detail", None)
            raise RestorationFailedError(
                response=response,
                progress=event,
                detail=detail if isinstance(detail, str) else None,
            )
        return event

    if not terminal:
        return decode, _never
    return decode, lambda event: status(event) in terminal


def sync_stream(
    client: SyncAPIClient,
    request: dict[str, Any],
    event_class: type[_EventT],
    terminal: frozenset[str],
    *,
    timeout: Timeout | NotGiven = NOT_GIVEN,
    extra_headers: Headers | None = None,
) -> Stream[_EventT]:
    """What a generated stream method answers: the operation's request, asking for
    ``text/event-stream``, sent when the stream is entered or iterated; never retried."""
    decode, is_terminal = _event_reader(event_class, terminal)
    return Stream(
        lambda: client.stream(
            request,
            media_type=EVENT_STREAM,
            timeout=timeout,
            extra_headers=extra_headers,
        ),
        decode,
        is_terminal,
    )


def async_stream(
    client: AsyncAPIClient,
    request: dict[str, Any],
    event_class: type[_EventT],
    terminal: frozenset[str],
    *,
    timeout: Timeout | NotGiven = NOT_GIVEN,
    extra_headers: Headers | None = None,
) -> AsyncStream[_EventT]:
    """``sync_stream`` for the async client (``async with`` / ``async for``)."""
    decode, is_terminal = _event_reader(event_class, terminal)
    return AsyncStream(
        lambda: client.stream(
            request,
            media_type=EVENT_STREAM,
            timeout=timeout,
            extra_headers=extra_headers,
        ),
        decode,
        is_terminal,
    )
