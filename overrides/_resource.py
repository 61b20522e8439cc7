# Hand-written in overrides/_resource.py; `codegen generate` ships it unchanged.
"""What every generated resource, response view and client shares, written once.

Hand-written (overrides/_resource.py). A generated tag module (``api/<tag>/__init__.py``) holds the
tag's ``<Tag>Resource`` and ``Async<Tag>Resource``, one method per operation that builds the
operation's request and calls ``_call``; and their views ``client.with_raw_response.<tag>`` and
``client.with_streaming_response.<tag>``, whose methods are the resource's own, wrapped once here
(``raw_response``, ``streamed_response``: openai-python's ``to_raw_response_wrapper`` pattern). The
generated client (``client.py``) names the tags; ``_clients.SyncClient`` / ``AsyncClient`` do the rest.

A view asks ``_call`` for the HTTP response instead of its parsed body by a marker in the call's
``extra_headers``, ``RESPONSE_MODE_HEADER``, which ``_call`` removes before anything is sent.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable, Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    ClassVar,
    Concatenate,
    Generic,
    ParamSpec,
    TypeVar,
    cast,
)

from ._base_client import (
    AsyncAPIClient,
    Operation,
    SyncAPIClient,
)
from ._response import AsyncResponseContextManager, ResponseContextManager
from ._types import Headers, NotGiven, Timeout

if TYPE_CHECKING:
    from ._response import APIResponse, AsyncAPIResponse

__all__ = [
    "RESPONSE_MODE_HEADER",
    "AsyncResource",
    "AsyncResourceView",
    "SyncResource",
    "SyncResourceView",
    "async_raw_response",
    "async_streamed_response",
    "raw_response",
    "streamed_response",
]

RESPONSE_MODE_HEADER = "X-Backup-Api-Client-Response"
"""Never sent: ``raw`` or ``stream`` in a call's ``extra_headers`` asks ``_call`` for the response."""

_P = ParamSpec("_P")
_T = TypeVar("_T")
_ResourceT = TypeVar("_ResourceT")


def _response_mode(extra_headers: Headers | None) -> tuple[str | None, Headers | None]:
    if not extra_headers or RESPONSE_MODE_HEADER not in extra_headers:
        return None, extra_headers
    headers = {
        name: value
        for name, value in extra_headers.items()
        if name != RESPONSE_MODE_HEADER
    }
    return extra_headers[RESPONSE_MODE_HEADER], headers


class SyncResource:
    """What the generated ``<Tag>Resource(SyncResource, SyncAPIResource)`` adds to the runtime's
    resource: ``_call``, which each generated method calls."""

    _client: SyncAPIClient

    def _call(
        self,
        operation: Operation,
        request: Mapping[str, Any],
        timeout: Timeout | NotGiven,
        max_retries: int | NotGiven,
        extra_headers: Headers | None,
    ) -> Any:
        """Send the operation's request through the runtime; its parsed answer (or, from a view,
        the ``APIResponse``)."""
        mode, extra_headers = _response_mode(extra_headers)
        if mode is not None:
            return self._client.request_response(
                operation,
                request,
                stream=mode == "stream",
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
            )
        response = self._client.request(
            request,
            idempotent=operation.IDEMPOTENT,
            idempotency_key=operation.IDEMPOTENCY_KEY,
            long_running=operation.LONG_RUNNING,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )
        return operation._parse_response(client=self._client, response=response)


class AsyncResource:
    """``SyncResource`` for the async client."""

    _client: AsyncAPIClient

    async def _call(
        self,
        operation: Operation,
        request: Mapping[str, Any],
        timeout: Timeout | NotGiven,
        max_retries: int | NotGiven,
        extra_headers: Headers | None,
    ) -> Any:
        """``SyncResource._call``, awaited."""
        mode, extra_headers = _response_mode(extra_headers)
        if mode is not None:
            return await self._client.request_response(
                operation,
                request,
                stream=mode == "stream",
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
            )
        response = await self._client.request(
            request,
            idempotent=operation.IDEMPOTENT,
            idempotency_key=operation.IDEMPOTENCY_KEY,
            long_running=operation.LONG_RUNNING,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )
        return operation._parse_response(client=self._client, response=response)


def _with_mode(mode: str, kwargs: dict[str, Any]) -> dict[str, Any]:
    return {
        **kwargs,
        "extra_headers": {
            **(kwargs.get("extra_headers") or {}),
            RESPONSE_MODE_HEADER: mode,
        },
    }


class _ViewMethod(Generic[_P, _T]):
    """A view's method: the resource's own, answering ``_T`` (bound to the view's resource)."""

    def __init__(
        self,
        wrap: Callable[[Callable[_P, Any]], Callable[_P, _T]],
        method: Callable[..., Any],
    ) -> None:
        self._wrap, self._method = wrap, method
        functools.update_wrapper(self, method)

    def __call__(self, view: Any) -> _ViewMethod[_P, _T]:
        return self  # decorating the view's placeholder `def`, which keeps its name for readers

    def __get__(self, view: Any, owner: type[Any] | None = None) -> Callable[_P, _T]:
        if view is None:
            return cast("Callable[_P, _T]", self)
        return self._wrap(functools.partial(self._method, view._resource))


def raw_response(
    method: Callable[Concatenate[Any, _P], _T],
) -> _ViewMethod[_P, APIResponse[_T]]:
    """``client.with_raw_response.<tag>.<method>``: the call answers its ``APIResponse``."""

    def wrap(bound: Callable[_P, Any]) -> Callable[_P, APIResponse[_T]]:
        def call(*args: _P.args, **kwargs: _P.kwargs) -> APIResponse[_T]:
            return cast("APIResponse[_T]", bound(*args, **_with_mode("raw", kwargs)))

        return call

    return _ViewMethod(wrap, method)


def streamed_response(
    method: Callable[Concatenate[Any, _P], _T],
) -> _ViewMethod[_P, ResponseContextManager[APIResponse[_T]]]:
    """``client.with_streaming_response.<tag>.<method>``: a context manager of the response,
    sent when the block opens, its body read as the block asks."""

    def wrap(
        bound: Callable[_P, Any],
    ) -> Callable[_P, ResponseContextManager[APIResponse[_T]]]:
        def call(
            *args: _P.args, **kwargs: _P.kwargs
        ) -> ResponseContextManager[APIResponse[_T]]:
            return ResponseContextManager(
                lambda: bound(*args, **_with_mode("stream", kwargs))
            )

        return call

    return _ViewMethod(wrap, method)


def async_raw_response(
    method: Callable[Concatenate[Any, _P], Awaitable[_T]],
) -> _ViewMethod[_P, Awaitable[AsyncAPIResponse[_T]]]:
    """``raw_response`` for the async client."""

    def wrap(bound: Callable[_P, Any]) -> Callable[_P, Awaitable[AsyncAPIResponse[_T]]]:
        async def call(*args: _P.args, **kwargs: _P.kwargs) -> AsyncAPIResponse[_T]:
            return cast(
                "AsyncAPIResponse[_T]", await bound(*args, **_with_mode("raw", kwargs))
            )

        return call

    return _ViewMethod(wrap, method)


def async_streamed_response(
    method: Callable[Concatenate[Any, _P], Awaitable[_T]],
) -> _ViewMethod[_P, AsyncResponseContextManager[AsyncAPIResponse[_T]]]:
    """``streamed_response`` for the async client (``async with``)."""

    def wrap(
        bound: Callable[_P, Any],
    ) -> Callable[_P, AsyncResponseContextManager[AsyncAPIResponse[_T]]]:
        def call(
            *args: _P.args, **kwargs: _P.kwargs
        ) -> AsyncResponseContextManager[AsyncAPIResponse[_T]]:
            return AsyncResponseContextManager(
                lambda: bound(*args, **_with_mode("stream", kwargs))
            )

        return call

    return _ViewMethod(wrap, method)


class SyncResourceView(Generic[_ResourceT]):
    """``client.with_raw_response.<tag>`` or ``client.with_streaming_response.<tag>``: the tag's
    operations (``_resource_class``), each answering its HTTP response."""

    _resource_class: ClassVar[type[Any]]

    def __init__(self, client: SyncAPIClient) -> None:
        """Bind the operations to `client`."""
        self._resource: _ResourceT = self._resource_class(client)


class AsyncResourceView(Generic[_ResourceT]):
    """``SyncResourceView`` for the async client."""

    _resource_class: ClassVar[type[Any]]

    def __init__(self, client: AsyncAPIClient) -> None:
        """Bind the operations to `client`."""
        self._resource: _ResourceT = self._resource_class(client)
