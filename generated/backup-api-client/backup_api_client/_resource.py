# Hand-written in overrides/_resource.py; `codegen generate` ships it unchanged.
"""What every generated resource, response view and client shares, written once.

Hand-written (overrides/_resource.py). A generated tag module (``api/<tag>/__init__.py``) holds the
tag's ``<Tag>Resource`` and ``Async<Tag>Resource``, one method per operation that builds the
operation's request and calls ``_call``; and their views ``client.with_raw_response.<tag>`` and
``client.with_streaming_response.<tag>``, whose methods are the resource's own, wrapped once here
(``raw_response``, ``streamed_response``: openai-python's ``to_raw_response_wrapper`` pattern). The
generated client (``client.py``) names the tags; ``SyncClient`` / ``AsyncClient`` do the rest.

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

import httpx

from ._base_client import (
    AsyncAPIClient,
    AsyncAPIResource,
    Operation,
    SyncAPIClient,
    SyncAPIResource,
)
from ._constants import DEFAULT_MAX_RETRIES
from ._response import AsyncResponseContextManager, ResponseContextManager
from ._types import NOT_GIVEN, Headers, NotGiven, Timeout

if TYPE_CHECKING:
    from ._response import APIResponse, AsyncAPIResponse

__all__ = [
    "RESPONSE_MODE_HEADER",
    "AsyncClient",
    "AsyncResource",
    "AsyncResourceView",
    "SyncClient",
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
_RawT = TypeVar("_RawT")
_StreamingT = TypeVar("_StreamingT")


def default_base_url(spec_server: str) -> str:
    """The server a client talks to when given no ``base_url``: the spec's first server. The one
    place that decides it, for the sync and the async client."""
    return spec_server


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
        options = {
            "timeout": timeout,
            "max_retries": max_retries,
            "extra_headers": extra_headers,
        }
        if mode is not None:
            return self._client.request_response(
                operation, request, stream=mode == "stream", **options
            )
        response = self._client.request(
            request,
            idempotent=operation.IDEMPOTENT,
            idempotency_key=operation.IDEMPOTENCY_KEY,
            long_running=operation.LONG_RUNNING,
            **options,
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
        options = {
            "timeout": timeout,
            "max_retries": max_retries,
            "extra_headers": extra_headers,
        }
        if mode is not None:
            return await self._client.request_response(
                operation, request, stream=mode == "stream", **options
            )
        response = await self._client.request(
            request,
            idempotent=operation.IDEMPOTENT,
            idempotency_key=operation.IDEMPOTENCY_KEY,
            long_running=operation.LONG_RUNNING,
            **options,
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


class _Views:
    """``client.with_raw_response`` / ``client.with_streaming_response``: one view per tag."""

    _views: ClassVar[Mapping[str, type[Any]]]

    def __init__(self, client: Any) -> None:
        """Bind every tag's operations to `client`."""
        for tag, view in self._views.items():
            setattr(self, tag, view(client))


class SyncViews(_Views):
    """The generated ``<Client>WithRawResponse`` and ``<Client>WithStreamingResponse`` derive from it."""


class AsyncViews(_Views):
    """``SyncViews`` for the async client."""


class SyncClient(SyncAPIClient, Generic[_RawT, _StreamingT]):
    """The Backup API: one attribute per tag of the spec, one method per operation.

    ```python
    with BackupApiClient(base_url="http://localhost:1000") as client:
        backup_id = client.backup.create()
    ```

    Every method raises a subclass of `BackupApiError` instead of returning an error, retries
    idempotent operations (`x-idempotent: true` in the spec) and those the server answers once
    per `Idempotency-Key` (`x-idempotency-key: true`) on connection failures and on 408, 429,
    502, 503, 504 (honouring `Retry-After`), and takes `timeout=`, `max_retries=` and
    `extra_headers=` for one call. `with_options()` makes a copy with other defaults,
    `with_raw_response` / `with_streaming_response` answer the HTTP response itself.
    """

    _resources: ClassVar[Mapping[str, type[SyncAPIResource]]]
    _raw_views: ClassVar[type[Any]]
    _streaming_views: ClassVar[type[Any]]
    _default_base_url: ClassVar[str]
    _user_agent: ClassVar[str]

    def __init__(
        self,
        base_url: str | httpx.URL | None = None,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        headers: Headers | None = None,
        http_client: httpx.Client | None = None,
        api_key: str | None = None,
    ) -> None:
        """Connect to a Backup API server (nothing is sent until the first call).

        Args:
            base_url: The server; default: `DEFAULT_BASE_URL` (the spec's first server), or the
                `http_client`'s base URL, if it has one.
            timeout: Seconds for every phase, an `httpx.Timeout`, or None for none; default:
                `DEFAULT_TIMEOUT` (or the `http_client`'s timeout).
            max_retries: Retries of an idempotent operation after its first attempt.
            headers: Headers sent with every request.
            http_client: An `httpx.Client` of your own (transport, proxies, event hooks);
                closed with this client.
            api_key: The bearer token of a server started with one; default: the environment
                variable `BACKUP_API_TOKEN`, if set. Sent as `Authorization: Bearer <api_key>`.
        """
        super().__init__(
            base_url=base_url,
            default_base_url=default_base_url(self._default_base_url),
            timeout=timeout,
            max_retries=max_retries,
            headers=headers,
            http_client=http_client,
            user_agent=self._user_agent,
            api_key=api_key,
        )
        for tag, resource in self._resources.items():
            setattr(self, tag, resource(self))

    @property
    def with_raw_response(self) -> _RawT:
        """The same operations, answering their HTTP response instead of its parsed body.

        ```python
        response = client.with_raw_response.backup.get(backup_id)
        print(response.status_code, response.headers["content-type"], response.retries_taken)
        backup = response.parse()  # what client.backup.get returns
        ```
        """
        return cast("_RawT", self._raw_views(self))

    @property
    def with_streaming_response(self) -> _StreamingT:
        """The same operations, answering a context manager of their HTTP response whose body is
        read only as the block asks for it; leaving the block closes the connection."""
        return cast("_StreamingT", self._streaming_views(self))


class AsyncClient(AsyncAPIClient, Generic[_RawT, _StreamingT]):
    """The Backup API, async: `SyncClient` with `async with` and `await`."""

    _resources: ClassVar[Mapping[str, type[AsyncAPIResource]]]
    _raw_views: ClassVar[type[Any]]
    _streaming_views: ClassVar[type[Any]]
    _default_base_url: ClassVar[str]
    _user_agent: ClassVar[str]

    def __init__(
        self,
        base_url: str | httpx.URL | None = None,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        headers: Headers | None = None,
        http_client: httpx.AsyncClient | None = None,
        api_key: str | None = None,
    ) -> None:
        """Connect to a Backup API server (nothing is sent until the first call): see `SyncClient`."""
        super().__init__(
            base_url=base_url,
            default_base_url=default_base_url(self._default_base_url),
            timeout=timeout,
            max_retries=max_retries,
            headers=headers,
            http_client=http_client,
            user_agent=self._user_agent,
            api_key=api_key,
        )
        for tag, resource in self._resources.items():
            setattr(self, tag, resource(self))

    @property
    def with_raw_response(self) -> _RawT:
        """The same operations, answering their HTTP response (`await response.parse()`)."""
        return cast("_RawT", self._raw_views(self))

    @property
    def with_streaming_response(self) -> _StreamingT:
        """The same operations, answering an async context manager of their HTTP response."""
        return cast("_StreamingT", self._streaming_views(self))
