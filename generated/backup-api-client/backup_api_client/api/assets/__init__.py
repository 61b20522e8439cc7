# Generated from spec/backup-api.yaml by `codegen generate`. Do not edit: change the spec, templates/ or overrides/ and regenerate.
"""`client.assets`: the `Assets` operations of the spec (sync and async) and their response views."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..._base_client import AsyncAPIResource, SyncAPIResource
from ..._lists import async_list, sync_list
from ..._resource import (
    AsyncResource,
    AsyncResourceView,
    SyncResource,
    SyncResourceView,
    async_raw_response,
    async_streamed_response,
    raw_response,
    streamed_response,
)
from ..._types import NOT_GIVEN, UNSET, Headers, NotGiven, Timeout, Unset

if TYPE_CHECKING:
    from ..._pagination import AsyncPager
    from ...models.asset import Asset
    from ...models.assets import Assets
    from ...models.problem import Problem
    from .assets_snapshot import AssetsPage, AsyncAssetsPage


class AssetsResource(SyncResource, SyncAPIResource):
    """`client.assets`: the `Assets` operations of the spec."""

    def list_page(
        self,
        *,
        limit: int | Unset = 100,
        cursor: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> Assets:
        """List the local assets

        Returns the assets of the local database in the order they were stored, each document as it
        was received, one page at a time: at most `limit` of them. When more follow, the
        `Next-Cursor` header holds the cursor that asks for the next page; the last page has no
        such header.

        `GET /assets`. Idempotent: retried by default.

        Args:
            limit (int | Unset):  Default: 100.
            cursor (str | Unset): An opaque position in the list of assets (`GET /assets`). Example:
                a100.
            timeout (Timeout | NotGiven): This call's own timeout (see the package's README).
            max_retries (int | NotGiven): This call's own number of retries.
            extra_headers (Headers | None): Headers this call adds.

        Raises:
            AuthenticationError: (401) The server was started with a token (`--token-file` or `BACKUP_API_TOKEN`; it …
            PermissionDeniedError: (403) A browser sent the request on behalf of a web page from another origin (its …
            APIStatusError: (421) The `Host` header names a host this server does not answer for.
            UnprocessableEntityError: (422) A parameter or the request body does not match the schema, or the body is JSON …
            InternalServerError: (500) The server failed in a way it did not expect (a bug, or the disk failing under …
            APIError: any other failure (what each status means: `backup_api_client.errors`).

        Returns:
            Assets: A page of the local database's assets.

        """
        from . import assets_snapshot as operation

        result: Assets = self._call(
            operation,
            operation._get_kwargs(
                limit=limit,
                cursor=cursor,
            ),
            timeout,
            max_retries,
            extra_headers,
        )
        return result

    def list(
        self,
        *,
        limit: int | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> AssetsPage:
        """List the local assets: the first page, which walks the rest (`list_page` pages, asked for one ahead, each with these options)."""
        from . import assets_snapshot as operation

        return sync_list(
            self._client,
            operation,
            operation.AssetsPage,
            {
                "limit": limit,
            },
            "Next-Cursor",
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )


class AssetsResourceWithRawResponse(SyncResourceView["AssetsResource"]):
    """`client.with_raw_response.assets`: the methods of `client.assets`, answering their HTTP response."""

    _resource_class = AssetsResource

    @raw_response(AssetsResource.list_page)
    def list_page(self, *args: Any, **kwargs: Any) -> Any: ...


class AssetsResourceWithStreamingResponse(SyncResourceView["AssetsResource"]):
    """`client.with_streaming_response.assets`: the methods of `client.assets`, answering their HTTP response."""

    _resource_class = AssetsResource

    @streamed_response(AssetsResource.list_page)
    def list_page(self, *args: Any, **kwargs: Any) -> Any: ...


class AsyncAssetsResource(AsyncResource, AsyncAPIResource):
    """`client.assets` (async): the `Assets` operations of the spec."""

    async def list_page(
        self,
        *,
        limit: int | Unset = 100,
        cursor: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> Assets:
        """List the local assets: `assets.list_page` of the sync client, awaited.

        `GET /assets`. Idempotent: retried by default.
        """
        from . import assets_snapshot as operation

        result: Assets = await self._call(
            operation,
            operation._get_kwargs(
                limit=limit,
                cursor=cursor,
            ),
            timeout,
            max_retries,
            extra_headers,
        )
        return result

    def list(
        self,
        *,
        limit: int | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> AsyncPager[AsyncAssetsPage, Asset]:
        """List the local assets: `await` it for the first page, or `async for` over every item (`list_page` pages, asked for one ahead, each with these options)."""
        from . import assets_snapshot as operation

        return async_list(
            self._client,
            operation,
            operation.AsyncAssetsPage,
            {
                "limit": limit,
            },
            "Next-Cursor",
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )


class AsyncAssetsResourceWithRawResponse(AsyncResourceView["AsyncAssetsResource"]):
    """`client.with_raw_response.assets` (async): the methods of `client.assets`, answering their HTTP response."""

    _resource_class = AsyncAssetsResource

    @async_raw_response(AsyncAssetsResource.list_page)
    def list_page(self, *args: Any, **kwargs: Any) -> Any: ...


class AsyncAssetsResourceWithStreamingResponse(
    AsyncResourceView["AsyncAssetsResource"]
):
    """`client.with_streaming_response.assets` (async): the methods of `client.assets`, answering their HTTP response."""

    _resource_class = AsyncAssetsResource

    @async_streamed_response(AsyncAssetsResource.list_page)
    def list_page(self, *args: Any, **kwargs: Any) -> Any: ...
