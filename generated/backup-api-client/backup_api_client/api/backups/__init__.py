# Generated from spec/backup-api.yaml by `codegen generate`. Do not edit: change the spec, templates/ or overrides/ and regenerate.
"""`client.backups`: the `Backups` operations of the spec (sync and async) and their response views."""

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
    from ...models.backup import Backup
    from ...models.backups import Backups
    from ...models.problem import Problem
    from .backups_list import AsyncBackupsPage, BackupsPage


class BackupsResource(SyncResource, SyncAPIResource):
    """`client.backups`: the `Backups` operations of the spec."""

    def list_page(
        self,
        *,
        limit: int | Unset = 100,
        cursor: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> Backups:
        """List the stored backups

        Returns the completed backups, newest first, one page at a time: at most `limit` of them.
        When more follow, the `Next-Cursor` header holds the cursor that asks for the next page;
        the last page has no such header.

        `GET /backups`. Idempotent: retried by default.

        Args:
            limit (int | Unset):  Default: 100.
            cursor (str | Unset): An opaque position in the list of backups (`GET /backups`). Example:
                b1.0.0_1764253683123456.
            timeout (Timeout | NotGiven): This call's own timeout (see the package's README).
            max_retries (int | NotGiven): This call's own number of retries.
            extra_headers (Headers | None): Headers this call adds.

        Raises:
            AuthenticationError: (401) The server was started with a token (`--token-file` or `BACKUP_API_TOKEN`; it …
            PermissionDeniedError: (403) A browser sent the request on behalf of a web page from another origin (its …
            APIStatusError: (421) The `Host` header names a host this server does not answer for.
            UnprocessableEntityError: (422) A parameter or the request body does not match the schema, or the body is JSON …
            InternalServerError: (500) The server failed in a way it did not expect (a bug, or the disk failing under …
            InternalServerError: (503) The object store the backups are kept in (`serve --store s3://…`) failed the …
            APIError: any other failure (what each status means: `backup_api_client.errors`).

        Returns:
            Backups: A page of the completed backups, newest first.

        """
        from . import backups_list as operation

        result: Backups = self._call(
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
    ) -> BackupsPage:
        """List the stored backups: the first page, which walks the rest (`list_page` pages, asked for one ahead, each with these options)."""
        from . import backups_list as operation

        return sync_list(
            self._client,
            operation,
            operation.BackupsPage,
            {
                "limit": limit,
            },
            "Next-Cursor",
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def delete(
        self,
        backup: str,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> None:
        """Delete a stored backup

        Deletes a completed backup. Answers `409` while the backup is being restored. Honours
        `Idempotency-Key`: a retry with the same key gets the first answer (`204`), not `410`.

        `POST /backups/{backup}/delete`. Not idempotent, yet retried by default: every attempt carries the same `Idempotency-Key`, which the server answers once.

        Args:
            backup (str): A backup's identifier, `<version>_<timestamp>`: the API version that wrote
                it and the creation time in microseconds since the epoch. Never contains `/`, `\\`, `..`
                or control characters.
            timeout (Timeout | NotGiven): This call's own timeout (see the package's README).
            max_retries (int | NotGiven): This call's own number of retries.
            extra_headers (Headers | None): Headers this call adds.

        Raises:
            AuthenticationError: (401) The server was started with a token (`--token-file` or `BACKUP_API_TOKEN`; it …
            PermissionDeniedError: (403) A browser sent the request on behalf of a web page from another origin (its …
            NotFoundError: (404) No backup has this identifier.
            ConflictError: (409) Another operation that would race with this one is running, or the backup is …
            GoneError: (410) The backup was here and is gone for good: it was deleted, or its creation was …
            APIStatusError: (421) The `Host` header names a host this server does not answer for.
            UnprocessableEntityError: (422) A parameter or the request body does not match the schema, or the body is JSON …
            InternalServerError: (500) The server failed in a way it did not expect (a bug, or the disk failing under …
            InternalServerError: (503) The object store the backups are kept in (`serve --store s3://…`) failed the …
            APIError: any other failure (what each status means: `backup_api_client.errors`).

        Returns:
            None: The backup is deleted.

        """
        from . import backups_delete_specific_backup as operation

        result: None = self._call(
            operation,
            operation._get_kwargs(
                backup,
            ),
            timeout,
            max_retries,
            extra_headers,
        )
        return result


class BackupsResourceWithRawResponse(SyncResourceView["BackupsResource"]):
    """`client.with_raw_response.backups`: the methods of `client.backups`, answering their HTTP response."""

    _resource_class = BackupsResource

    @raw_response(BackupsResource.list_page)
    def list_page(self, *args: Any, **kwargs: Any) -> Any: ...

    @raw_response(BackupsResource.delete)
    def delete(self, *args: Any, **kwargs: Any) -> Any: ...


class BackupsResourceWithStreamingResponse(SyncResourceView["BackupsResource"]):
    """`client.with_streaming_response.backups`: the methods of `client.backups`, answering their HTTP response."""

    _resource_class = BackupsResource

    @streamed_response(BackupsResource.list_page)
    def list_page(self, *args: Any, **kwargs: Any) -> Any: ...

    @streamed_response(BackupsResource.delete)
    def delete(self, *args: Any, **kwargs: Any) -> Any: ...


class AsyncBackupsResource(AsyncResource, AsyncAPIResource):
    """`client.backups` (async): the `Backups` operations of the spec."""

    async def list_page(
        self,
        *,
        limit: int | Unset = 100,
        cursor: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> Backups:
        """List the stored backups: `backups.list_page` of the sync client, awaited.

        `GET /backups`. Idempotent: retried by default.
        """
        from . import backups_list as operation

        result: Backups = await self._call(
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
    ) -> AsyncPager[AsyncBackupsPage, Backup]:
        """List the stored backups: `await` it for the first page, or `async for` over every item (`list_page` pages, asked for one ahead, each with these options)."""
        from . import backups_list as operation

        return async_list(
            self._client,
            operation,
            operation.AsyncBackupsPage,
            {
                "limit": limit,
            },
            "Next-Cursor",
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    async def delete(
        self,
        backup: str,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> None:
        """Delete a stored backup: `backups.delete` of the sync client, awaited.

        `POST /backups/{backup}/delete`. Not idempotent, yet retried by default: every attempt carries the same `Idempotency-Key`, which the server answers once.
        """
        from . import backups_delete_specific_backup as operation

        result: None = await self._call(
            operation,
            operation._get_kwargs(
                backup,
            ),
            timeout,
            max_retries,
            extra_headers,
        )
        return result


class AsyncBackupsResourceWithRawResponse(AsyncResourceView["AsyncBackupsResource"]):
    """`client.with_raw_response.backups` (async): the methods of `client.backups`, answering their HTTP response."""

    _resource_class = AsyncBackupsResource

    @async_raw_response(AsyncBackupsResource.list_page)
    def list_page(self, *args: Any, **kwargs: Any) -> Any: ...

    @async_raw_response(AsyncBackupsResource.delete)
    def delete(self, *args: Any, **kwargs: Any) -> Any: ...


class AsyncBackupsResourceWithStreamingResponse(
    AsyncResourceView["AsyncBackupsResource"]
):
    """`client.with_streaming_response.backups` (async): the methods of `client.backups`, answering their HTTP response."""

    _resource_class = AsyncBackupsResource

    @async_streamed_response(AsyncBackupsResource.list_page)
    def list_page(self, *args: Any, **kwargs: Any) -> Any: ...

    @async_streamed_response(AsyncBackupsResource.delete)
    def delete(self, *args: Any, **kwargs: Any) -> Any: ...
