# Hand-written in overrides/_clients.py; `codegen generate` ships it unchanged.
"""The base of the generated ``BackupApiClient`` / ``AsyncBackupApiClient`` and their response views.

Hand-written (overrides/_clients.py). The generated ``client.py`` names the spec's tags (``_resources``,
``_views``) and the spec's first server; everything else a client does is written here once.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Generic, TypeVar, cast

import httpx

from ._base_client import (
    AsyncAPIClient,
    AsyncAPIResource,
    SyncAPIClient,
    SyncAPIResource,
)
from ._constants import DEFAULT_MAX_RETRIES, platform_base_url
from ._types import NOT_GIVEN, Headers, NotGiven, Timeout

__all__ = ["AsyncClient", "AsyncViews", "SyncClient", "SyncViews", "default_base_url"]

_RawT = TypeVar("_RawT")
_StreamingT = TypeVar("_StreamingT")


def default_base_url() -> str:
    """The server a client talks to when given no ``base_url`` (nor ``BACKUP_API_BASE_URL``): the
    real service's address on this platform, as the spec's ``servers`` list them. The one place
    that decides it, for the sync and the async client."""
    return platform_base_url()


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
            default_base_url=self._default_base_url,
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
            default_base_url=self._default_base_url,
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
