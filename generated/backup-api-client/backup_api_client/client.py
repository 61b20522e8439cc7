# Generated from spec/backup-api.yaml by `codegen generate`. Do not edit: change the spec, templates/ or overrides/ and regenerate.
"""The entry point: `BackupApiClient` and `AsyncBackupApiClient`.

Generated from the spec: one resource per tag (`client.backup`, ...) and one method per operation,
each a thin call of the operation's module in `api/` through the runtime in `_base_client`
(retries, timeouts, errors).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import httpx

from ._base_client import (
    AsyncAPIClient,
    AsyncAPIResource,
    SyncAPIClient,
    SyncAPIResource,
)
from ._constants import DEFAULT_MAX_RETRIES, platform_base_url
from ._custom import (
    AssetsCustom,
    AsyncAssetsCustom,
    AsyncBackupCustom,
    AsyncBackupsCustom,
    BackupCustom,
    BackupsCustom,
)
from ._response import AsyncResponseContextManager, ResponseContextManager
from ._types import NOT_GIVEN, Headers, NotGiven, Timeout

# Query, header or cookie parameters default to UNSET (this imports attrs with the client).
from .types import UNSET, Unset

if TYPE_CHECKING:
    from ._response import APIResponse, AsyncAPIResponse
    from .models.asset import Asset
    from .models.assets import Assets
    from .models.backup import Backup
    from .models.backup_status import BackupStatus
    from .models.backup_streamed_progress import BackupStreamedProgress
    from .models.backups import Backups

__all__ = [
    "AsyncBackupApiClient",
    "AsyncBackupApiClientWithRawResponse",
    "AsyncBackupApiClientWithStreamingResponse",
    "AsyncAssetsResource",
    "AsyncAssetsResourceWithRawResponse",
    "AsyncAssetsResourceWithStreamingResponse",
    "AsyncBackupResource",
    "AsyncBackupResourceWithRawResponse",
    "AsyncBackupResourceWithStreamingResponse",
    "AsyncBackupsResource",
    "AsyncBackupsResourceWithRawResponse",
    "AsyncBackupsResourceWithStreamingResponse",
    "BackupApiClient",
    "BackupApiClientWithRawResponse",
    "BackupApiClientWithStreamingResponse",
    "AssetsResource",
    "AssetsResourceWithRawResponse",
    "AssetsResourceWithStreamingResponse",
    "BackupResource",
    "BackupResourceWithRawResponse",
    "BackupResourceWithStreamingResponse",
    "BackupsResource",
    "BackupsResourceWithRawResponse",
    "BackupsResourceWithStreamingResponse",
    "DEFAULT_BASE_URL",
]

DEFAULT_BASE_URL = platform_base_url()
"""The real service's address on this platform (the spec's `servers`): `http://localhost:5323` on
Linux, `http://localhost:1000` on macOS and Windows."""
USER_AGENT = "backup-api-client/1.1.0"


class AssetsResource(AssetsCustom, SyncAPIResource):
    """The `Assets` operations of the spec: `client.assets.<method>(...)`."""

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
            timeout (float | httpx.Timeout | None | NotGiven): This call's timeout; default: the client's.
            max_retries (int | NotGiven): This call's retries; default: the client's if the operation is
                idempotent or honours an `Idempotency-Key`, else 0.
            extra_headers (Mapping[str, str] | None): Headers to add to this request.

        Raises:
            AuthenticationError: (401) The server was started with a token (`--token-file` or `BACKUP_API_TOKEN`; it
                must be, to listen on anything but loopback) and the request has no
                `Authorization: Bearer <token>` header carrying it.
            PermissionDeniedError: (403) A browser sent the request on behalf of a web page from another origin (its
                `Origin`, or `Sec-Fetch-Site: cross-site` / `same-site`, names a site the server
                was not told to trust with `--allow-origin`). Refused before any work is done,
                so no web page can restore, delete or create backups. Requests without these
                headers (SDKs, curl, the CLI) are unaffected.
            APIStatusError: (421) The `Host` header names a host this server does not answer for. It answers only
                for IP addresses, `localhost` and `*.localhost` (names no public DNS can point
                at this machine, so DNS rebinding cannot reach it), and for names given with
                `--allowed-host`.
            UnprocessableEntityError: (422) A parameter or the request body does not match the schema, or the body is JSON
                that no interoperable reader takes as sent (RFC 7493: a number beyond the range
                of a double, a string with an unpaired surrogate), or an `Idempotency-Key` is
                malformed or was used for another request (type `urn:backup-
                api:problem:idempotency-key-reused`).
            InternalServerError: (500) The server failed in a way it did not expect (a bug, or the disk failing under
                it); what the operation had started was undone. `detail` says which step failed.
            APIStatusError: Any other error status (a subclass for 400, 401, 403, 404, 409, 410, 413, 415, 422, 429, 5xx).
            APIConnectionError: No answer (APITimeoutError: none in time), after any retries.
            APIResponseValidationError: An answer the spec does not describe.

        Returns:
            Assets: A page of the local database's assets.
        """
        from .api.assets import assets_snapshot as operation

        return operation.sync(
            client=self._client,
            limit=limit,
            cursor=cursor,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )


class AsyncAssetsResource(AsyncAssetsCustom, AsyncAPIResource):
    """The `Assets` operations of the spec, async: `await client.assets.<method>(...)`."""

    async def list_page(
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
            timeout (float | httpx.Timeout | None | NotGiven): This call's timeout; default: the client's.
            max_retries (int | NotGiven): This call's retries; default: the client's if the operation is
                idempotent or honours an `Idempotency-Key`, else 0.
            extra_headers (Mapping[str, str] | None): Headers to add to this request.

        Raises:
            AuthenticationError: (401) The server was started with a token (`--token-file` or `BACKUP_API_TOKEN`; it
                must be, to listen on anything but loopback) and the request has no
                `Authorization: Bearer <token>` header carrying it.
            PermissionDeniedError: (403) A browser sent the request on behalf of a web page from another origin (its
                `Origin`, or `Sec-Fetch-Site: cross-site` / `same-site`, names a site the server
                was not told to trust with `--allow-origin`). Refused before any work is done,
                so no web page can restore, delete or create backups. Requests without these
                headers (SDKs, curl, the CLI) are unaffected.
            APIStatusError: (421) The `Host` header names a host this server does not answer for. It answers only
                for IP addresses, `localhost` and `*.localhost` (names no public DNS can point
                at this machine, so DNS rebinding cannot reach it), and for names given with
                `--allowed-host`.
            UnprocessableEntityError: (422) A parameter or the request body does not match the schema, or the body is JSON
                that no interoperable reader takes as sent (RFC 7493: a number beyond the range
                of a double, a string with an unpaired surrogate), or an `Idempotency-Key` is
                malformed or was used for another request (type `urn:backup-
                api:problem:idempotency-key-reused`).
            InternalServerError: (500) The server failed in a way it did not expect (a bug, or the disk failing under
                it); what the operation had started was undone. `detail` says which step failed.
            APIStatusError: Any other error status (a subclass for 400, 401, 403, 404, 409, 410, 413, 415, 422, 429, 5xx).
            APIConnectionError: No answer (APITimeoutError: none in time), after any retries.
            APIResponseValidationError: An answer the spec does not describe.

        Returns:
            Assets: A page of the local database's assets.
        """
        from .api.assets import assets_snapshot as operation

        return await operation.asyncio(
            client=self._client,
            limit=limit,
            cursor=cursor,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )


class AssetsResourceWithRawResponse:
    """`client.with_raw_response.assets`: the methods of `client.assets`, answering the `APIResponse`."""

    def __init__(self, client: SyncAPIClient) -> None:
        """Bind the operations to `client`."""
        self._client = client

    def list_page(
        self,
        *,
        limit: int | Unset = 100,
        cursor: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> APIResponse[Assets]:
        """`client.assets.list_page`, answering its HTTP response; `parse()` gives its result (`Assets`).

        Same arguments, retries and exceptions as `client.assets.list_page`.
        """
        from .api.assets import assets_snapshot as operation

        return self._client.request_response(
            operation,
            operation._get_kwargs(
                limit=limit,
                cursor=cursor,
            ),
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )


class AsyncAssetsResourceWithRawResponse:
    """`client.with_raw_response.assets` (async): the methods of `client.assets`, answering the `AsyncAPIResponse`."""

    def __init__(self, client: AsyncAPIClient) -> None:
        """Bind the operations to `client`."""
        self._client = client

    async def list_page(
        self,
        *,
        limit: int | Unset = 100,
        cursor: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> AsyncAPIResponse[Assets]:
        """`client.assets.list_page`, answering its HTTP response; `await parse()` gives its result (`Assets`).

        Same arguments, retries and exceptions as `client.assets.list_page`.
        """
        from .api.assets import assets_snapshot as operation

        return await self._client.request_response(
            operation,
            operation._get_kwargs(
                limit=limit,
                cursor=cursor,
            ),
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )


class AssetsResourceWithStreamingResponse:
    """`client.with_streaming_response.assets`: the methods of `client.assets`, answering a context manager of the `APIResponse` whose body is read as it arrives."""

    def __init__(self, client: SyncAPIClient) -> None:
        """Bind the operations to `client`."""
        self._client = client

    def list_page(
        self,
        *,
        limit: int | Unset = 100,
        cursor: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> ResponseContextManager[APIResponse[Assets]]:
        """`client.assets.list_page`, its answer's body unread until the `with` block reads it; `parse()` gives its result (`Assets`).

        Same arguments, retries and exceptions as `client.assets.list_page`.
        """
        from .api.assets import assets_snapshot as operation

        client = self._client
        return ResponseContextManager(
            lambda: client.request_response(
                operation,
                operation._get_kwargs(
                    limit=limit,
                    cursor=cursor,
                ),
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                stream=True,
            )
        )


class AsyncAssetsResourceWithStreamingResponse:
    """`client.with_streaming_response.assets` (async): the methods of `client.assets`, answering a context manager of the `AsyncAPIResponse` whose body is read as it arrives."""

    def __init__(self, client: AsyncAPIClient) -> None:
        """Bind the operations to `client`."""
        self._client = client

    def list_page(
        self,
        *,
        limit: int | Unset = 100,
        cursor: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> AsyncResponseContextManager[AsyncAPIResponse[Assets]]:
        """`client.assets.list_page`, its answer's body unread until the `async with` block reads it; `await parse()` gives its result (`Assets`).

        Same arguments, retries and exceptions as `client.assets.list_page`.
        """
        from .api.assets import assets_snapshot as operation

        client = self._client
        return AsyncResponseContextManager(
            lambda: client.request_response(
                operation,
                operation._get_kwargs(
                    limit=limit,
                    cursor=cursor,
                ),
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                stream=True,
            )
        )


class BackupResource(BackupCustom, SyncAPIResource):
    """The `Backup` operations of the spec: `client.backup.<method>(...)`."""

    def create(
        self,
        body: Assets | None = None,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> str:
        """Start backing up assets

        Starts creating a backup asynchronously and answers at once. With a body, the backup holds
        exactly the assets sent (each document kept as sent, unknown fields included); without a
        body, it holds a consistent snapshot of the whole local database, taken while the database
        may still be written to. Follow the creation with `creation/status`; cancel it with
        `creation/cancel`. Every asset sent needs an `id` of its own: a body that holds one id twice
        is `422`, its `detail` naming the id, since a restore could keep only one of them.
        Honours `Idempotency-Key`: a retry with the same key starts nothing new and gets the first answer.

        `POST /backup`. Not idempotent, yet retried by default: every attempt carries the same `Idempotency-Key`, which the server answers once.

        Args:
            body (Assets | None): A list of assets.
                None sends no body.
            timeout (float | httpx.Timeout | None | NotGiven): This call's timeout; default: the client's.
            max_retries (int | NotGiven): This call's retries; default: the client's if the operation is
                idempotent or honours an `Idempotency-Key`, else 0.
            extra_headers (Mapping[str, str] | None): Headers to add to this request.

        Raises:
            BadRequestError: (400) The request body is not well-formed JSON.
            AuthenticationError: (401) The server was started with a token (`--token-file` or `BACKUP_API_TOKEN`; it
                must be, to listen on anything but loopback) and the request has no
                `Authorization: Bearer <token>` header carrying it.
            PermissionDeniedError: (403) A browser sent the request on behalf of a web page from another origin (its
                `Origin`, or `Sec-Fetch-Site: cross-site` / `same-site`, names a site the server
                was not told to trust with `--allow-origin`). Refused before any work is done,
                so no web page can restore, delete or create backups. Requests without these
                headers (SDKs, curl, the CLI) are unaffected.
            APIStatusError: (408) The request body did not arrive in time: no data for 10 seconds, or not all of
                it within 120 seconds. The connection is closed.
            ConflictError: (409) Another operation that would race with this one is running, or the backup is not
                in a state that allows it (nothing to cancel, a creation not complete yet, a
                corrupted archive or metadata: type `urn:backup-api:problem:backup-corrupted`;
                an encrypted backup that the server has no key for, or another key than the one
                it was made with: type `urn:backup-api:problem:backup-key-mismatch`), or the
                body describes another backup than the one at the path, or a request with the
                same `Idempotency-Key` is still being answered (type `urn:backup-
                api:problem:idempotency-key-in-use`). `detail` says which.
            PayloadTooLargeError: (413) The request body is larger than the server accepts.
            UnsupportedMediaTypeError: (415) The request body is not `application/json`.
            APIStatusError: (421) The `Host` header names a host this server does not answer for. It answers only
                for IP addresses, `localhost` and `*.localhost` (names no public DNS can point
                at this machine, so DNS rebinding cannot reach it), and for names given with
                `--allowed-host`.
            UnprocessableEntityError: (422) A parameter or the request body does not match the schema, or the body is JSON
                that no interoperable reader takes as sent (RFC 7493: a number beyond the range
                of a double, a string with an unpaired surrogate), or an `Idempotency-Key` is
                malformed or was used for another request (type `urn:backup-
                api:problem:idempotency-key-reused`).
            RateLimitError: (429) The server is at one of its bounds: as many creations are waiting as it queues,
                or as many large request bodies are being read as it reads at once. Nothing was
                started; retry after `Retry-After` seconds.
            InternalServerError: (500) The server failed in a way it did not expect (a bug, or the disk failing under
                it); what the operation had started was undone. `detail` says which step failed.
            InternalServerError: (507) The disk (or the storage the backups live in) is full. What the operation had
                started was undone: the local database and every stored backup are as they were.
            APIStatusError: Any other error status (a subclass for 400, 401, 403, 404, 409, 410, 413, 415, 422, 429, 5xx).
            APIConnectionError: No answer (APITimeoutError: none in time), after any retries.
            APIResponseValidationError: An answer the spec does not describe.

        Returns:
            str: the new identifier (the `Backup-Id` header, else the last segment of `Location`).
        """
        from .api.backup import backup as operation
        from .types import UNSET

        return operation.sync(
            client=self._client,
            body=UNSET if body is None else body,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def create_from_asset(
        self,
        body: Asset | None = None,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> str:
        """Start backing up one asset

        Starts creating a backup of the one asset sent, asynchronously, and answers at once.
        Without a body, backs up the whole local database, like `POST /backup`.
        Honours `Idempotency-Key`: a retry with the same key starts nothing new and gets the first answer.

        `POST /backup/asset`. Not idempotent, yet retried by default: every attempt carries the same `Idempotency-Key`, which the server answers once.

        Args:
            body (Asset | None): A snippet of the local database. Only `id` is required; every other field,
                declared here or not, is stored as received and returned as it was sent.
                None sends no body.
            timeout (float | httpx.Timeout | None | NotGiven): This call's timeout; default: the client's.
            max_retries (int | NotGiven): This call's retries; default: the client's if the operation is
                idempotent or honours an `Idempotency-Key`, else 0.
            extra_headers (Mapping[str, str] | None): Headers to add to this request.

        Raises:
            BadRequestError: (400) The request body is not well-formed JSON.
            AuthenticationError: (401) The server was started with a token (`--token-file` or `BACKUP_API_TOKEN`; it
                must be, to listen on anything but loopback) and the request has no
                `Authorization: Bearer <token>` header carrying it.
            PermissionDeniedError: (403) A browser sent the request on behalf of a web page from another origin (its
                `Origin`, or `Sec-Fetch-Site: cross-site` / `same-site`, names a site the server
                was not told to trust with `--allow-origin`). Refused before any work is done,
                so no web page can restore, delete or create backups. Requests without these
                headers (SDKs, curl, the CLI) are unaffected.
            APIStatusError: (408) The request body did not arrive in time: no data for 10 seconds, or not all of
                it within 120 seconds. The connection is closed.
            ConflictError: (409) Another operation that would race with this one is running, or the backup is not
                in a state that allows it (nothing to cancel, a creation not complete yet, a
                corrupted archive or metadata: type `urn:backup-api:problem:backup-corrupted`;
                an encrypted backup that the server has no key for, or another key than the one
                it was made with: type `urn:backup-api:problem:backup-key-mismatch`), or the
                body describes another backup than the one at the path, or a request with the
                same `Idempotency-Key` is still being answered (type `urn:backup-
                api:problem:idempotency-key-in-use`). `detail` says which.
            PayloadTooLargeError: (413) The request body is larger than the server accepts.
            UnsupportedMediaTypeError: (415) The request body is not `application/json`.
            APIStatusError: (421) The `Host` header names a host this server does not answer for. It answers only
                for IP addresses, `localhost` and `*.localhost` (names no public DNS can point
                at this machine, so DNS rebinding cannot reach it), and for names given with
                `--allowed-host`.
            UnprocessableEntityError: (422) A parameter or the request body does not match the schema, or the body is JSON
                that no interoperable reader takes as sent (RFC 7493: a number beyond the range
                of a double, a string with an unpaired surrogate), or an `Idempotency-Key` is
                malformed or was used for another request (type `urn:backup-
                api:problem:idempotency-key-reused`).
            RateLimitError: (429) The server is at one of its bounds: as many creations are waiting as it queues,
                or as many large request bodies are being read as it reads at once. Nothing was
                started; retry after `Retry-After` seconds.
            InternalServerError: (500) The server failed in a way it did not expect (a bug, or the disk failing under
                it); what the operation had started was undone. `detail` says which step failed.
            InternalServerError: (507) The disk (or the storage the backups live in) is full. What the operation had
                started was undone: the local database and every stored backup are as they were.
            APIStatusError: Any other error status (a subclass for 400, 401, 403, 404, 409, 410, 413, 415, 422, 429, 5xx).
            APIConnectionError: No answer (APITimeoutError: none in time), after any retries.
            APIResponseValidationError: An answer the spec does not describe.

        Returns:
            str: the new identifier (the `Backup-Id` header, else the last segment of `Location`).
        """
        from .api.backup import backup_asset as operation
        from .types import UNSET

        return operation.sync(
            client=self._client,
            body=UNSET if body is None else body,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def get(
        self,
        backup: str,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> Backup:
        """Get a backup's metadata

        Returns the metadata of a completed backup. While the backup is still being created the
        answer is `409` (follow the creation with `creation/status`); a creation that failed or was
        cancelled left no backup behind (`410`).

        `GET /backup/{backup}`. Idempotent: retried by default.

        Args:
            backup (str): A backup's identifier, `<version>_<timestamp>`: the API version that wrote
                it and the creation time in microseconds since the epoch. Never contains `/`, `\\`, `..`
                or control characters.
            timeout (float | httpx.Timeout | None | NotGiven): This call's timeout; default: the client's.
            max_retries (int | NotGiven): This call's retries; default: the client's if the operation is
                idempotent or honours an `Idempotency-Key`, else 0.
            extra_headers (Mapping[str, str] | None): Headers to add to this request.

        Raises:
            AuthenticationError: (401) The server was started with a token (`--token-file` or `BACKUP_API_TOKEN`; it
                must be, to listen on anything but loopback) and the request has no
                `Authorization: Bearer <token>` header carrying it.
            PermissionDeniedError: (403) A browser sent the request on behalf of a web page from another origin (its
                `Origin`, or `Sec-Fetch-Site: cross-site` / `same-site`, names a site the server
                was not told to trust with `--allow-origin`). Refused before any work is done,
                so no web page can restore, delete or create backups. Requests without these
                headers (SDKs, curl, the CLI) are unaffected.
            NotFoundError: (404) No backup has this identifier.
            ConflictError: (409) Another operation that would race with this one is running, or the backup is not
                in a state that allows it (nothing to cancel, a creation not complete yet, a
                corrupted archive or metadata: type `urn:backup-api:problem:backup-corrupted`;
                an encrypted backup that the server has no key for, or another key than the one
                it was made with: type `urn:backup-api:problem:backup-key-mismatch`), or the
                body describes another backup than the one at the path, or a request with the
                same `Idempotency-Key` is still being answered (type `urn:backup-
                api:problem:idempotency-key-in-use`). `detail` says which.
            GoneError: (410) The backup was here and is gone for good: it was deleted, or its creation was
                cancelled or failed and left nothing behind. (An identifier never handed out
                here is `404`.)
            APIStatusError: (421) The `Host` header names a host this server does not answer for. It answers only
                for IP addresses, `localhost` and `*.localhost` (names no public DNS can point
                at this machine, so DNS rebinding cannot reach it), and for names given with
                `--allowed-host`.
            UnprocessableEntityError: (422) A parameter or the request body does not match the schema, or the body is JSON
                that no interoperable reader takes as sent (RFC 7493: a number beyond the range
                of a double, a string with an unpaired surrogate), or an `Idempotency-Key` is
                malformed or was used for another request (type `urn:backup-
                api:problem:idempotency-key-reused`).
            InternalServerError: (500) The server failed in a way it did not expect (a bug, or the disk failing under
                it); what the operation had started was undone. `detail` says which step failed.
            InternalServerError: (503) The object store the backups are kept in (`serve --store s3://…`) failed the
                request after the server's retries: it is unreachable or answered with errors;
                retry after `Retry-After` seconds. Without `Retry-After` the store refused the
                request (credentials, permissions, a bucket that does not exist), which retrying
                will not change until the server's store configuration is mended; `detail` names
                the request and the store's answer. Either way nothing was changed: the local
                database and every stored backup are as they were.
            APIStatusError: Any other error status (a subclass for 400, 401, 403, 404, 409, 410, 413, 415, 422, 429, 5xx).
            APIConnectionError: No answer (APITimeoutError: none in time), after any retries.
            APIResponseValidationError: An answer the spec does not describe.

        Returns:
            Backup: The backup's metadata.
        """
        from .api.backup import backup_specific_backup_snapshot as operation

        return operation.sync(
            backup,
            client=self._client,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def creation_status(
        self,
        backup: str,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> BackupStatus:
        """Follow a backup's creation

        Returns how far the creation of a backup has come: `value` is `IN-PROGRESS` with a
        `percentage` from 0 to 100 while it runs, then `COMPLETED` (percentage 100), `FAILED` or
        `CANCELED`. A creation cut off by a server stop reads `FAILED` after the restart.

        `GET /backup/{backup}/creation/status`. Idempotent: retried by default.

        Args:
            backup (str): A backup's identifier, `<version>_<timestamp>`: the API version that wrote
                it and the creation time in microseconds since the epoch. Never contains `/`, `\\`, `..`
                or control characters.
            timeout (float | httpx.Timeout | None | NotGiven): This call's timeout; default: the client's.
            max_retries (int | NotGiven): This call's retries; default: the client's if the operation is
                idempotent or honours an `Idempotency-Key`, else 0.
            extra_headers (Mapping[str, str] | None): Headers to add to this request.

        Raises:
            AuthenticationError: (401) The server was started with a token (`--token-file` or `BACKUP_API_TOKEN`; it
                must be, to listen on anything but loopback) and the request has no
                `Authorization: Bearer <token>` header carrying it.
            PermissionDeniedError: (403) A browser sent the request on behalf of a web page from another origin (its
                `Origin`, or `Sec-Fetch-Site: cross-site` / `same-site`, names a site the server
                was not told to trust with `--allow-origin`). Refused before any work is done,
                so no web page can restore, delete or create backups. Requests without these
                headers (SDKs, curl, the CLI) are unaffected.
            NotFoundError: (404) No backup has this identifier.
            ConflictError: (409) Another operation that would race with this one is running, or the backup is not
                in a state that allows it (nothing to cancel, a creation not complete yet, a
                corrupted archive or metadata: type `urn:backup-api:problem:backup-corrupted`;
                an encrypted backup that the server has no key for, or another key than the one
                it was made with: type `urn:backup-api:problem:backup-key-mismatch`), or the
                body describes another backup than the one at the path, or a request with the
                same `Idempotency-Key` is still being answered (type `urn:backup-
                api:problem:idempotency-key-in-use`). `detail` says which.
            GoneError: (410) The backup was here and is gone for good: it was deleted, or its creation was
                cancelled or failed and left nothing behind. (An identifier never handed out
                here is `404`.)
            APIStatusError: (421) The `Host` header names a host this server does not answer for. It answers only
                for IP addresses, `localhost` and `*.localhost` (names no public DNS can point
                at this machine, so DNS rebinding cannot reach it), and for names given with
                `--allowed-host`.
            UnprocessableEntityError: (422) A parameter or the request body does not match the schema, or the body is JSON
                that no interoperable reader takes as sent (RFC 7493: a number beyond the range
                of a double, a string with an unpaired surrogate), or an `Idempotency-Key` is
                malformed or was used for another request (type `urn:backup-
                api:problem:idempotency-key-reused`).
            InternalServerError: (500) The server failed in a way it did not expect (a bug, or the disk failing under
                it); what the operation had started was undone. `detail` says which step failed.
            InternalServerError: (503) The object store the backups are kept in (`serve --store s3://…`) failed the
                request after the server's retries: it is unreachable or answered with errors;
                retry after `Retry-After` seconds. Without `Retry-After` the store refused the
                request (credentials, permissions, a bucket that does not exist), which retrying
                will not change until the server's store configuration is mended; `detail` names
                the request and the store's answer. Either way nothing was changed: the local
                database and every stored backup are as they were.
            APIStatusError: Any other error status (a subclass for 400, 401, 403, 404, 409, 410, 413, 415, 422, 429, 5xx).
            APIConnectionError: No answer (APITimeoutError: none in time), after any retries.
            APIResponseValidationError: An answer the spec does not describe.

        Returns:
            BackupStatus: The creation's status.
        """
        from .api.backup import backup_specific_creation_status as operation

        return operation.sync(
            backup,
            client=self._client,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def cancel_creation(
        self,
        backup: str,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> None:
        """Cancel a backup's creation

        Cancels the creation of a backup that is in progress. A cancelled creation leaves no backup
        behind; its creation status then reads `CANCELED`. Cancelling a creation that was already
        cancelled succeeds again (`204`), so a retried cancel is safe; `409` when the creation
        completed or failed.

        `POST /backup/{backup}/creation/cancel`. Idempotent: retried by default.

        Args:
            backup (str): A backup's identifier, `<version>_<timestamp>`: the API version that wrote
                it and the creation time in microseconds since the epoch. Never contains `/`, `\\`, `..`
                or control characters.
            timeout (float | httpx.Timeout | None | NotGiven): This call's timeout; default: the client's.
            max_retries (int | NotGiven): This call's retries; default: the client's if the operation is
                idempotent or honours an `Idempotency-Key`, else 0.
            extra_headers (Mapping[str, str] | None): Headers to add to this request.

        Raises:
            AuthenticationError: (401) The server was started with a token (`--token-file` or `BACKUP_API_TOKEN`; it
                must be, to listen on anything but loopback) and the request has no
                `Authorization: Bearer <token>` header carrying it.
            PermissionDeniedError: (403) A browser sent the request on behalf of a web page from another origin (its
                `Origin`, or `Sec-Fetch-Site: cross-site` / `same-site`, names a site the server
                was not told to trust with `--allow-origin`). Refused before any work is done,
                so no web page can restore, delete or create backups. Requests without these
                headers (SDKs, curl, the CLI) are unaffected.
            NotFoundError: (404) No backup has this identifier.
            ConflictError: (409) Another operation that would race with this one is running, or the backup is not
                in a state that allows it (nothing to cancel, a creation not complete yet, a
                corrupted archive or metadata: type `urn:backup-api:problem:backup-corrupted`;
                an encrypted backup that the server has no key for, or another key than the one
                it was made with: type `urn:backup-api:problem:backup-key-mismatch`), or the
                body describes another backup than the one at the path, or a request with the
                same `Idempotency-Key` is still being answered (type `urn:backup-
                api:problem:idempotency-key-in-use`). `detail` says which.
            GoneError: (410) The backup was here and is gone for good: it was deleted, or its creation was
                cancelled or failed and left nothing behind. (An identifier never handed out
                here is `404`.)
            APIStatusError: (421) The `Host` header names a host this server does not answer for. It answers only
                for IP addresses, `localhost` and `*.localhost` (names no public DNS can point
                at this machine, so DNS rebinding cannot reach it), and for names given with
                `--allowed-host`.
            UnprocessableEntityError: (422) A parameter or the request body does not match the schema, or the body is JSON
                that no interoperable reader takes as sent (RFC 7493: a number beyond the range
                of a double, a string with an unpaired surrogate), or an `Idempotency-Key` is
                malformed or was used for another request (type `urn:backup-
                api:problem:idempotency-key-reused`).
            InternalServerError: (500) The server failed in a way it did not expect (a bug, or the disk failing under
                it); what the operation had started was undone. `detail` says which step failed.
            InternalServerError: (503) The object store the backups are kept in (`serve --store s3://…`) failed the
                request after the server's retries: it is unreachable or answered with errors;
                retry after `Retry-After` seconds. Without `Retry-After` the store refused the
                request (credentials, permissions, a bucket that does not exist), which retrying
                will not change until the server's store configuration is mended; `detail` names
                the request and the store's answer. Either way nothing was changed: the local
                database and every stored backup are as they were.
            APIStatusError: Any other error status (a subclass for 400, 401, 403, 404, 409, 410, 413, 415, 422, 429, 5xx).
            APIConnectionError: No answer (APITimeoutError: none in time), after any retries.
            APIResponseValidationError: An answer the spec does not describe.

        Returns:
            None: nothing (204): The creation was cancelled and nothing of it is left.
        """
        from .api.backup import backup_specific_creation_cancel as operation

        return operation.sync(
            backup,
            client=self._client,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def restore(
        self,
        backup: str,
        body: Backup | None = None,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> Backup:
        """Restore a backup

        Replaces the whole local database with the backup's assets (this does **not** merge: every
        local asset not in the backup is gone afterwards) and answers once the restoration is
        complete. The replacement is atomic: the backup's checksum is verified first, the new
        database is built beside the current one and checked, then swapped in; on any failure or
        cancellation the current database stays exactly as it was. Only one restoration runs at a
        time. The optional body, if sent, must be this backup's metadata (same `id`); a body that
        names another backup conflicts with this one (`409`).

        `POST /backup/{backup}/restore`. Not idempotent: retried only when the call passes `max_retries`.

        Args:
            backup (str): A backup's identifier, `<version>_<timestamp>`: the API version that wrote
                it and the creation time in microseconds since the epoch. Never contains `/`, `\\`, `..`
                or control characters.
            body (Backup | None): A stored backup's metadata.
                None sends no body.
            timeout (float | httpx.Timeout | None | NotGiven): This call's timeout; default: the client's.
            max_retries (int | NotGiven): This call's retries; default: the client's if the operation is
                idempotent or honours an `Idempotency-Key`, else 0.
            extra_headers (Mapping[str, str] | None): Headers to add to this request.

        Raises:
            BadRequestError: (400) The request body is not well-formed JSON.
            AuthenticationError: (401) The server was started with a token (`--token-file` or `BACKUP_API_TOKEN`; it
                must be, to listen on anything but loopback) and the request has no
                `Authorization: Bearer <token>` header carrying it.
            PermissionDeniedError: (403) A browser sent the request on behalf of a web page from another origin (its
                `Origin`, or `Sec-Fetch-Site: cross-site` / `same-site`, names a site the server
                was not told to trust with `--allow-origin`). Refused before any work is done,
                so no web page can restore, delete or create backups. Requests without these
                headers (SDKs, curl, the CLI) are unaffected.
            NotFoundError: (404) No backup has this identifier.
            APIStatusError: (408) The request body did not arrive in time: no data for 10 seconds, or not all of
                it within 120 seconds. The connection is closed.
            ConflictError: (409) Another operation that would race with this one is running, or the backup is not
                in a state that allows it (nothing to cancel, a creation not complete yet, a
                corrupted archive or metadata: type `urn:backup-api:problem:backup-corrupted`;
                an encrypted backup that the server has no key for, or another key than the one
                it was made with: type `urn:backup-api:problem:backup-key-mismatch`), or the
                body describes another backup than the one at the path, or a request with the
                same `Idempotency-Key` is still being answered (type `urn:backup-
                api:problem:idempotency-key-in-use`). `detail` says which.
            GoneError: (410) The backup was here and is gone for good: it was deleted, or its creation was
                cancelled or failed and left nothing behind. (An identifier never handed out
                here is `404`.)
            PayloadTooLargeError: (413) The request body is larger than the server accepts.
            UnsupportedMediaTypeError: (415) The request body is not `application/json`.
            APIStatusError: (421) The `Host` header names a host this server does not answer for. It answers only
                for IP addresses, `localhost` and `*.localhost` (names no public DNS can point
                at this machine, so DNS rebinding cannot reach it), and for names given with
                `--allowed-host`.
            UnprocessableEntityError: (422) A parameter or the request body does not match the schema, or the body is JSON
                that no interoperable reader takes as sent (RFC 7493: a number beyond the range
                of a double, a string with an unpaired surrogate), or an `Idempotency-Key` is
                malformed or was used for another request (type `urn:backup-
                api:problem:idempotency-key-reused`).
            RateLimitError: (429) The server is at one of its bounds: as many creations are waiting as it queues,
                or as many large request bodies are being read as it reads at once. Nothing was
                started; retry after `Retry-After` seconds.
            InternalServerError: (500) The server failed in a way it did not expect (a bug, or the disk failing under
                it); what the operation had started was undone. `detail` says which step failed.
            InternalServerError: (503) The object store the backups are kept in (`serve --store s3://…`) failed the
                request after the server's retries: it is unreachable or answered with errors;
                retry after `Retry-After` seconds. Without `Retry-After` the store refused the
                request (credentials, permissions, a bucket that does not exist), which retrying
                will not change until the server's store configuration is mended; `detail` names
                the request and the store's answer. Either way nothing was changed: the local
                database and every stored backup are as they were.
            InternalServerError: (507) The disk (or the storage the backups live in) is full. What the operation had
                started was undone: the local database and every stored backup are as they were.
            APIStatusError: Any other error status (a subclass for 400, 401, 403, 404, 409, 410, 413, 415, 422, 429, 5xx).
            APIConnectionError: No answer (APITimeoutError: none in time), after any retries.
            APIResponseValidationError: An answer the spec does not describe.

        Returns:
            Backup: The restoration is complete; the backup that was restored.
        """
        from .api.backup import backup_restore_specific_backup as operation
        from .types import UNSET

        return operation.sync(
            backup,
            client=self._client,
            body=UNSET if body is None else body,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def restore_streamed_json(
        self,
        backup: str,
        body: Backup | None = None,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> BackupStreamedProgress:
        """Restore a backup, following its progress

        Restores a backup exactly like `POST /backup/{backup}/restore`, and reports progress while
        it runs.

        With `Accept: text/event-stream` the answer is a stream of Server-Sent Events: the `data`
        of each event is one `BackupStreamedProgress` JSON document; `percentage` never decreases;
        the last event is terminal: `COMPLETED` (with the backup), `FAILED` (with a `detail`) or
        `CANCELED` (after `restoration/cancel`). A client that disconnects neither cancels nor
        corrupts the restoration; `restoration/status` tells how it ended.

        With any other `Accept`, the server waits for the end of the restoration and answers the
        final `BackupStreamedProgress` as JSON.

        `POST /backup/{backup}/restore/streamed`. Not idempotent: retried only when the call passes `max_retries`.

        Args:
            backup (str): A backup's identifier, `<version>_<timestamp>`: the API version that wrote
                it and the creation time in microseconds since the epoch. Never contains `/`, `\\`, `..`
                or control characters.
            body (Backup | None): A stored backup's metadata.
                None sends no body.
            timeout (float | httpx.Timeout | None | NotGiven): This call's timeout; default: the client's.
            max_retries (int | NotGiven): This call's retries; default: the client's if the operation is
                idempotent or honours an `Idempotency-Key`, else 0.
            extra_headers (Mapping[str, str] | None): Headers to add to this request.

        Raises:
            BadRequestError: (400) The request body is not well-formed JSON.
            AuthenticationError: (401) The server was started with a token (`--token-file` or `BACKUP_API_TOKEN`; it
                must be, to listen on anything but loopback) and the request has no
                `Authorization: Bearer <token>` header carrying it.
            PermissionDeniedError: (403) A browser sent the request on behalf of a web page from another origin (its
                `Origin`, or `Sec-Fetch-Site: cross-site` / `same-site`, names a site the server
                was not told to trust with `--allow-origin`). Refused before any work is done,
                so no web page can restore, delete or create backups. Requests without these
                headers (SDKs, curl, the CLI) are unaffected.
            NotFoundError: (404) No backup has this identifier.
            APIStatusError: (408) The request body did not arrive in time: no data for 10 seconds, or not all of
                it within 120 seconds. The connection is closed.
            ConflictError: (409) Another operation that would race with this one is running, or the backup is not
                in a state that allows it (nothing to cancel, a creation not complete yet, a
                corrupted archive or metadata: type `urn:backup-api:problem:backup-corrupted`;
                an encrypted backup that the server has no key for, or another key than the one
                it was made with: type `urn:backup-api:problem:backup-key-mismatch`), or the
                body describes another backup than the one at the path, or a request with the
                same `Idempotency-Key` is still being answered (type `urn:backup-
                api:problem:idempotency-key-in-use`). `detail` says which.
            GoneError: (410) The backup was here and is gone for good: it was deleted, or its creation was
                cancelled or failed and left nothing behind. (An identifier never handed out
                here is `404`.)
            PayloadTooLargeError: (413) The request body is larger than the server accepts.
            UnsupportedMediaTypeError: (415) The request body is not `application/json`.
            APIStatusError: (421) The `Host` header names a host this server does not answer for. It answers only
                for IP addresses, `localhost` and `*.localhost` (names no public DNS can point
                at this machine, so DNS rebinding cannot reach it), and for names given with
                `--allowed-host`.
            UnprocessableEntityError: (422) A parameter or the request body does not match the schema, or the body is JSON
                that no interoperable reader takes as sent (RFC 7493: a number beyond the range
                of a double, a string with an unpaired surrogate), or an `Idempotency-Key` is
                malformed or was used for another request (type `urn:backup-
                api:problem:idempotency-key-reused`).
            RateLimitError: (429) The server is at one of its bounds: as many creations are waiting as it queues,
                or as many large request bodies are being read as it reads at once. Nothing was
                started; retry after `Retry-After` seconds.
            InternalServerError: (500) The server failed in a way it did not expect (a bug, or the disk failing under
                it); what the operation had started was undone. `detail` says which step failed.
            InternalServerError: (503) The object store the backups are kept in (`serve --store s3://…`) failed the
                request after the server's retries: it is unreachable or answered with errors;
                retry after `Retry-After` seconds. Without `Retry-After` the store refused the
                request (credentials, permissions, a bucket that does not exist), which retrying
                will not change until the server's store configuration is mended; `detail` names
                the request and the store's answer. Either way nothing was changed: the local
                database and every stored backup are as they were.
            InternalServerError: (507) The disk (or the storage the backups live in) is full. What the operation had
                started was undone: the local database and every stored backup are as they were.
            APIStatusError: Any other error status (a subclass for 400, 401, 403, 404, 409, 410, 413, 415, 422, 429, 5xx).
            APIConnectionError: No answer (APITimeoutError: none in time), after any retries.
            APIResponseValidationError: An answer the spec does not describe.

        Returns:
            BackupStreamedProgress: The final progress (JSON) or the progress as it happens (Server-Sent Events).
        """
        from .api.backup import backup_restore_specific_backup_streamed as operation
        from .types import UNSET

        return operation.sync(
            backup,
            client=self._client,
            body=UNSET if body is None else body,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def restoration_status(
        self,
        backup: str,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> BackupStatus:
        """Follow a backup's restoration

        Returns how far the latest restoration of this backup has come: `IN-PROGRESS` with a
        `percentage` while it runs, then `COMPLETED`, `FAILED` or `CANCELED`. A backup that has not
        been restored since the server started reads `UNKNOWN` with no percentage.

        `GET /backup/{backup}/restoration/status`. Idempotent: retried by default.

        Args:
            backup (str): A backup's identifier, `<version>_<timestamp>`: the API version that wrote
                it and the creation time in microseconds since the epoch. Never contains `/`, `\\`, `..`
                or control characters.
            timeout (float | httpx.Timeout | None | NotGiven): This call's timeout; default: the client's.
            max_retries (int | NotGiven): This call's retries; default: the client's if the operation is
                idempotent or honours an `Idempotency-Key`, else 0.
            extra_headers (Mapping[str, str] | None): Headers to add to this request.

        Raises:
            AuthenticationError: (401) The server was started with a token (`--token-file` or `BACKUP_API_TOKEN`; it
                must be, to listen on anything but loopback) and the request has no
                `Authorization: Bearer <token>` header carrying it.
            PermissionDeniedError: (403) A browser sent the request on behalf of a web page from another origin (its
                `Origin`, or `Sec-Fetch-Site: cross-site` / `same-site`, names a site the server
                was not told to trust with `--allow-origin`). Refused before any work is done,
                so no web page can restore, delete or create backups. Requests without these
                headers (SDKs, curl, the CLI) are unaffected.
            NotFoundError: (404) No backup has this identifier.
            ConflictError: (409) Another operation that would race with this one is running, or the backup is not
                in a state that allows it (nothing to cancel, a creation not complete yet, a
                corrupted archive or metadata: type `urn:backup-api:problem:backup-corrupted`;
                an encrypted backup that the server has no key for, or another key than the one
                it was made with: type `urn:backup-api:problem:backup-key-mismatch`), or the
                body describes another backup than the one at the path, or a request with the
                same `Idempotency-Key` is still being answered (type `urn:backup-
                api:problem:idempotency-key-in-use`). `detail` says which.
            GoneError: (410) The backup was here and is gone for good: it was deleted, or its creation was
                cancelled or failed and left nothing behind. (An identifier never handed out
                here is `404`.)
            APIStatusError: (421) The `Host` header names a host this server does not answer for. It answers only
                for IP addresses, `localhost` and `*.localhost` (names no public DNS can point
                at this machine, so DNS rebinding cannot reach it), and for names given with
                `--allowed-host`.
            UnprocessableEntityError: (422) A parameter or the request body does not match the schema, or the body is JSON
                that no interoperable reader takes as sent (RFC 7493: a number beyond the range
                of a double, a string with an unpaired surrogate), or an `Idempotency-Key` is
                malformed or was used for another request (type `urn:backup-
                api:problem:idempotency-key-reused`).
            InternalServerError: (500) The server failed in a way it did not expect (a bug, or the disk failing under
                it); what the operation had started was undone. `detail` says which step failed.
            InternalServerError: (503) The object store the backups are kept in (`serve --store s3://…`) failed the
                request after the server's retries: it is unreachable or answered with errors;
                retry after `Retry-After` seconds. Without `Retry-After` the store refused the
                request (credentials, permissions, a bucket that does not exist), which retrying
                will not change until the server's store configuration is mended; `detail` names
                the request and the store's answer. Either way nothing was changed: the local
                database and every stored backup are as they were.
            APIStatusError: Any other error status (a subclass for 400, 401, 403, 404, 409, 410, 413, 415, 422, 429, 5xx).
            APIConnectionError: No answer (APITimeoutError: none in time), after any retries.
            APIResponseValidationError: An answer the spec does not describe.

        Returns:
            BackupStatus: The restoration's status.
        """
        from .api.backup import backup_specific_restoration_status as operation

        return operation.sync(
            backup,
            client=self._client,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def cancel_restoration(
        self,
        backup: str,
        body: Backup | None = None,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> None:
        """Cancel a restoration

        Cancels the restoration of this backup that is in progress; the local database is then
        exactly as it was before the restoration started. Cancelling a restoration that was
        already cancelled since the server started succeeds again (`204`), so a retried cancel is
        safe; `409` when no restoration of this backup is in progress and the latest one since the
        server started was not cancelled. The optional body, if sent, must be this backup's metadata (same
        `id`); a body that names another backup conflicts with this one (`409`).

        `POST /backup/{backup}/restoration/cancel`. Idempotent: retried by default.

        Args:
            backup (str): A backup's identifier, `<version>_<timestamp>`: the API version that wrote
                it and the creation time in microseconds since the epoch. Never contains `/`, `\\`, `..`
                or control characters.
            body (Backup | None): A stored backup's metadata.
                None sends no body.
            timeout (float | httpx.Timeout | None | NotGiven): This call's timeout; default: the client's.
            max_retries (int | NotGiven): This call's retries; default: the client's if the operation is
                idempotent or honours an `Idempotency-Key`, else 0.
            extra_headers (Mapping[str, str] | None): Headers to add to this request.

        Raises:
            BadRequestError: (400) The request body is not well-formed JSON.
            AuthenticationError: (401) The server was started with a token (`--token-file` or `BACKUP_API_TOKEN`; it
                must be, to listen on anything but loopback) and the request has no
                `Authorization: Bearer <token>` header carrying it.
            PermissionDeniedError: (403) A browser sent the request on behalf of a web page from another origin (its
                `Origin`, or `Sec-Fetch-Site: cross-site` / `same-site`, names a site the server
                was not told to trust with `--allow-origin`). Refused before any work is done,
                so no web page can restore, delete or create backups. Requests without these
                headers (SDKs, curl, the CLI) are unaffected.
            NotFoundError: (404) No backup has this identifier.
            APIStatusError: (408) The request body did not arrive in time: no data for 10 seconds, or not all of
                it within 120 seconds. The connection is closed.
            ConflictError: (409) Another operation that would race with this one is running, or the backup is not
                in a state that allows it (nothing to cancel, a creation not complete yet, a
                corrupted archive or metadata: type `urn:backup-api:problem:backup-corrupted`;
                an encrypted backup that the server has no key for, or another key than the one
                it was made with: type `urn:backup-api:problem:backup-key-mismatch`), or the
                body describes another backup than the one at the path, or a request with the
                same `Idempotency-Key` is still being answered (type `urn:backup-
                api:problem:idempotency-key-in-use`). `detail` says which.
            GoneError: (410) The backup was here and is gone for good: it was deleted, or its creation was
                cancelled or failed and left nothing behind. (An identifier never handed out
                here is `404`.)
            PayloadTooLargeError: (413) The request body is larger than the server accepts.
            UnsupportedMediaTypeError: (415) The request body is not `application/json`.
            APIStatusError: (421) The `Host` header names a host this server does not answer for. It answers only
                for IP addresses, `localhost` and `*.localhost` (names no public DNS can point
                at this machine, so DNS rebinding cannot reach it), and for names given with
                `--allowed-host`.
            UnprocessableEntityError: (422) A parameter or the request body does not match the schema, or the body is JSON
                that no interoperable reader takes as sent (RFC 7493: a number beyond the range
                of a double, a string with an unpaired surrogate), or an `Idempotency-Key` is
                malformed or was used for another request (type `urn:backup-
                api:problem:idempotency-key-reused`).
            RateLimitError: (429) The server is at one of its bounds: as many creations are waiting as it queues,
                or as many large request bodies are being read as it reads at once. Nothing was
                started; retry after `Retry-After` seconds.
            InternalServerError: (500) The server failed in a way it did not expect (a bug, or the disk failing under
                it); what the operation had started was undone. `detail` says which step failed.
            InternalServerError: (503) The object store the backups are kept in (`serve --store s3://…`) failed the
                request after the server's retries: it is unreachable or answered with errors;
                retry after `Retry-After` seconds. Without `Retry-After` the store refused the
                request (credentials, permissions, a bucket that does not exist), which retrying
                will not change until the server's store configuration is mended; `detail` names
                the request and the store's answer. Either way nothing was changed: the local
                database and every stored backup are as they were.
            APIStatusError: Any other error status (a subclass for 400, 401, 403, 404, 409, 410, 413, 415, 422, 429, 5xx).
            APIConnectionError: No answer (APITimeoutError: none in time), after any retries.
            APIResponseValidationError: An answer the spec does not describe.

        Returns:
            None: nothing (204): The restoration was cancelled; the local database is as it was.
        """
        from .api.backup import backup_specific_restoration_cancel as operation
        from .types import UNSET

        return operation.sync(
            backup,
            client=self._client,
            body=UNSET if body is None else body,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )


class AsyncBackupResource(AsyncBackupCustom, AsyncAPIResource):
    """The `Backup` operations of the spec, async: `await client.backup.<method>(...)`."""

    async def create(
        self,
        body: Assets | None = None,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> str:
        """Start backing up assets

        Starts creating a backup asynchronously and answers at once. With a body, the backup holds
        exactly the assets sent (each document kept as sent, unknown fields included); without a
        body, it holds a consistent snapshot of the whole local database, taken while the database
        may still be written to. Follow the creation with `creation/status`; cancel it with
        `creation/cancel`. Every asset sent needs an `id` of its own: a body that holds one id twice
        is `422`, its `detail` naming the id, since a restore could keep only one of them.
        Honours `Idempotency-Key`: a retry with the same key starts nothing new and gets the first answer.

        `POST /backup`. Not idempotent, yet retried by default: every attempt carries the same `Idempotency-Key`, which the server answers once.

        Args:
            body (Assets | None): A list of assets.
                None sends no body.
            timeout (float | httpx.Timeout | None | NotGiven): This call's timeout; default: the client's.
            max_retries (int | NotGiven): This call's retries; default: the client's if the operation is
                idempotent or honours an `Idempotency-Key`, else 0.
            extra_headers (Mapping[str, str] | None): Headers to add to this request.

        Raises:
            BadRequestError: (400) The request body is not well-formed JSON.
            AuthenticationError: (401) The server was started with a token (`--token-file` or `BACKUP_API_TOKEN`; it
                must be, to listen on anything but loopback) and the request has no
                `Authorization: Bearer <token>` header carrying it.
            PermissionDeniedError: (403) A browser sent the request on behalf of a web page from another origin (its
                `Origin`, or `Sec-Fetch-Site: cross-site` / `same-site`, names a site the server
                was not told to trust with `--allow-origin`). Refused before any work is done,
                so no web page can restore, delete or create backups. Requests without these
                headers (SDKs, curl, the CLI) are unaffected.
            APIStatusError: (408) The request body did not arrive in time: no data for 10 seconds, or not all of
                it within 120 seconds. The connection is closed.
            ConflictError: (409) Another operation that would race with this one is running, or the backup is not
                in a state that allows it (nothing to cancel, a creation not complete yet, a
                corrupted archive or metadata: type `urn:backup-api:problem:backup-corrupted`;
                an encrypted backup that the server has no key for, or another key than the one
                it was made with: type `urn:backup-api:problem:backup-key-mismatch`), or the
                body describes another backup than the one at the path, or a request with the
                same `Idempotency-Key` is still being answered (type `urn:backup-
                api:problem:idempotency-key-in-use`). `detail` says which.
            PayloadTooLargeError: (413) The request body is larger than the server accepts.
            UnsupportedMediaTypeError: (415) The request body is not `application/json`.
            APIStatusError: (421) The `Host` header names a host this server does not answer for. It answers only
                for IP addresses, `localhost` and `*.localhost` (names no public DNS can point
                at this machine, so DNS rebinding cannot reach it), and for names given with
                `--allowed-host`.
            UnprocessableEntityError: (422) A parameter or the request body does not match the schema, or the body is JSON
                that no interoperable reader takes as sent (RFC 7493: a number beyond the range
                of a double, a string with an unpaired surrogate), or an `Idempotency-Key` is
                malformed or was used for another request (type `urn:backup-
                api:problem:idempotency-key-reused`).
            RateLimitError: (429) The server is at one of its bounds: as many creations are waiting as it queues,
                or as many large request bodies are being read as it reads at once. Nothing was
                started; retry after `Retry-After` seconds.
            InternalServerError: (500) The server failed in a way it did not expect (a bug, or the disk failing under
                it); what the operation had started was undone. `detail` says which step failed.
            InternalServerError: (507) The disk (or the storage the backups live in) is full. What the operation had
                started was undone: the local database and every stored backup are as they were.
            APIStatusError: Any other error status (a subclass for 400, 401, 403, 404, 409, 410, 413, 415, 422, 429, 5xx).
            APIConnectionError: No answer (APITimeoutError: none in time), after any retries.
            APIResponseValidationError: An answer the spec does not describe.

        Returns:
            str: the new identifier (the `Backup-Id` header, else the last segment of `Location`).
        """
        from .api.backup import backup as operation
        from .types import UNSET

        return await operation.asyncio(
            client=self._client,
            body=UNSET if body is None else body,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    async def create_from_asset(
        self,
        body: Asset | None = None,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> str:
        """Start backing up one asset

        Starts creating a backup of the one asset sent, asynchronously, and answers at once.
        Without a body, backs up the whole local database, like `POST /backup`.
        Honours `Idempotency-Key`: a retry with the same key starts nothing new and gets the first answer.

        `POST /backup/asset`. Not idempotent, yet retried by default: every attempt carries the same `Idempotency-Key`, which the server answers once.

        Args:
            body (Asset | None): A snippet of the local database. Only `id` is required; every other field,
                declared here or not, is stored as received and returned as it was sent.
                None sends no body.
            timeout (float | httpx.Timeout | None | NotGiven): This call's timeout; default: the client's.
            max_retries (int | NotGiven): This call's retries; default: the client's if the operation is
                idempotent or honours an `Idempotency-Key`, else 0.
            extra_headers (Mapping[str, str] | None): Headers to add to this request.

        Raises:
            BadRequestError: (400) The request body is not well-formed JSON.
            AuthenticationError: (401) The server was started with a token (`--token-file` or `BACKUP_API_TOKEN`; it
                must be, to listen on anything but loopback) and the request has no
                `Authorization: Bearer <token>` header carrying it.
            PermissionDeniedError: (403) A browser sent the request on behalf of a web page from another origin (its
                `Origin`, or `Sec-Fetch-Site: cross-site` / `same-site`, names a site the server
                was not told to trust with `--allow-origin`). Refused before any work is done,
                so no web page can restore, delete or create backups. Requests without these
                headers (SDKs, curl, the CLI) are unaffected.
            APIStatusError: (408) The request body did not arrive in time: no data for 10 seconds, or not all of
                it within 120 seconds. The connection is closed.
            ConflictError: (409) Another operation that would race with this one is running, or the backup is not
                in a state that allows it (nothing to cancel, a creation not complete yet, a
                corrupted archive or metadata: type `urn:backup-api:problem:backup-corrupted`;
                an encrypted backup that the server has no key for, or another key than the one
                it was made with: type `urn:backup-api:problem:backup-key-mismatch`), or the
                body describes another backup than the one at the path, or a request with the
                same `Idempotency-Key` is still being answered (type `urn:backup-
                api:problem:idempotency-key-in-use`). `detail` says which.
            PayloadTooLargeError: (413) The request body is larger than the server accepts.
            UnsupportedMediaTypeError: (415) The request body is not `application/json`.
            APIStatusError: (421) The `Host` header names a host this server does not answer for. It answers only
                for IP addresses, `localhost` and `*.localhost` (names no public DNS can point
                at this machine, so DNS rebinding cannot reach it), and for names given with
                `--allowed-host`.
            UnprocessableEntityError: (422) A parameter or the request body does not match the schema, or the body is JSON
                that no interoperable reader takes as sent (RFC 7493: a number beyond the range
                of a double, a string with an unpaired surrogate), or an `Idempotency-Key` is
                malformed or was used for another request (type `urn:backup-
                api:problem:idempotency-key-reused`).
            RateLimitError: (429) The server is at one of its bounds: as many creations are waiting as it queues,
                or as many large request bodies are being read as it reads at once. Nothing was
                started; retry after `Retry-After` seconds.
            InternalServerError: (500) The server failed in a way it did not expect (a bug, or the disk failing under
                it); what the operation had started was undone. `detail` says which step failed.
            InternalServerError: (507) The disk (or the storage the backups live in) is full. What the operation had
                started was undone: the local database and every stored backup are as they were.
            APIStatusError: Any other error status (a subclass for 400, 401, 403, 404, 409, 410, 413, 415, 422, 429, 5xx).
            APIConnectionError: No answer (APITimeoutError: none in time), after any retries.
            APIResponseValidationError: An answer the spec does not describe.

        Returns:
            str: the new identifier (the `Backup-Id` header, else the last segment of `Location`).
        """
        from .api.backup import backup_asset as operation
        from .types import UNSET

        return await operation.asyncio(
            client=self._client,
            body=UNSET if body is None else body,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    async def get(
        self,
        backup: str,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> Backup:
        """Get a backup's metadata

        Returns the metadata of a completed backup. While the backup is still being created the
        answer is `409` (follow the creation with `creation/status`); a creation that failed or was
        cancelled left no backup behind (`410`).

        `GET /backup/{backup}`. Idempotent: retried by default.

        Args:
            backup (str): A backup's identifier, `<version>_<timestamp>`: the API version that wrote
                it and the creation time in microseconds since the epoch. Never contains `/`, `\\`, `..`
                or control characters.
            timeout (float | httpx.Timeout | None | NotGiven): This call's timeout; default: the client's.
            max_retries (int | NotGiven): This call's retries; default: the client's if the operation is
                idempotent or honours an `Idempotency-Key`, else 0.
            extra_headers (Mapping[str, str] | None): Headers to add to this request.

        Raises:
            AuthenticationError: (401) The server was started with a token (`--token-file` or `BACKUP_API_TOKEN`; it
                must be, to listen on anything but loopback) and the request has no
                `Authorization: Bearer <token>` header carrying it.
            PermissionDeniedError: (403) A browser sent the request on behalf of a web page from another origin (its
                `Origin`, or `Sec-Fetch-Site: cross-site` / `same-site`, names a site the server
                was not told to trust with `--allow-origin`). Refused before any work is done,
                so no web page can restore, delete or create backups. Requests without these
                headers (SDKs, curl, the CLI) are unaffected.
            NotFoundError: (404) No backup has this identifier.
            ConflictError: (409) Another operation that would race with this one is running, or the backup is not
                in a state that allows it (nothing to cancel, a creation not complete yet, a
                corrupted archive or metadata: type `urn:backup-api:problem:backup-corrupted`;
                an encrypted backup that the server has no key for, or another key than the one
                it was made with: type `urn:backup-api:problem:backup-key-mismatch`), or the
                body describes another backup than the one at the path, or a request with the
                same `Idempotency-Key` is still being answered (type `urn:backup-
                api:problem:idempotency-key-in-use`). `detail` says which.
            GoneError: (410) The backup was here and is gone for good: it was deleted, or its creation was
                cancelled or failed and left nothing behind. (An identifier never handed out
                here is `404`.)
            APIStatusError: (421) The `Host` header names a host this server does not answer for. It answers only
                for IP addresses, `localhost` and `*.localhost` (names no public DNS can point
                at this machine, so DNS rebinding cannot reach it), and for names given with
                `--allowed-host`.
            UnprocessableEntityError: (422) A parameter or the request body does not match the schema, or the body is JSON
                that no interoperable reader takes as sent (RFC 7493: a number beyond the range
                of a double, a string with an unpaired surrogate), or an `Idempotency-Key` is
                malformed or was used for another request (type `urn:backup-
                api:problem:idempotency-key-reused`).
            InternalServerError: (500) The server failed in a way it did not expect (a bug, or the disk failing under
                it); what the operation had started was undone. `detail` says which step failed.
            InternalServerError: (503) The object store the backups are kept in (`serve --store s3://…`) failed the
                request after the server's retries: it is unreachable or answered with errors;
                retry after `Retry-After` seconds. Without `Retry-After` the store refused the
                request (credentials, permissions, a bucket that does not exist), which retrying
                will not change until the server's store configuration is mended; `detail` names
                the request and the store's answer. Either way nothing was changed: the local
                database and every stored backup are as they were.
            APIStatusError: Any other error status (a subclass for 400, 401, 403, 404, 409, 410, 413, 415, 422, 429, 5xx).
            APIConnectionError: No answer (APITimeoutError: none in time), after any retries.
            APIResponseValidationError: An answer the spec does not describe.

        Returns:
            Backup: The backup's metadata.
        """
        from .api.backup import backup_specific_backup_snapshot as operation

        return await operation.asyncio(
            backup,
            client=self._client,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    async def creation_status(
        self,
        backup: str,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> BackupStatus:
        """Follow a backup's creation

        Returns how far the creation of a backup has come: `value` is `IN-PROGRESS` with a
        `percentage` from 0 to 100 while it runs, then `COMPLETED` (percentage 100), `FAILED` or
        `CANCELED`. A creation cut off by a server stop reads `FAILED` after the restart.

        `GET /backup/{backup}/creation/status`. Idempotent: retried by default.

        Args:
            backup (str): A backup's identifier, `<version>_<timestamp>`: the API version that wrote
                it and the creation time in microseconds since the epoch. Never contains `/`, `\\`, `..`
                or control characters.
            timeout (float | httpx.Timeout | None | NotGiven): This call's timeout; default: the client's.
            max_retries (int | NotGiven): This call's retries; default: the client's if the operation is
                idempotent or honours an `Idempotency-Key`, else 0.
            extra_headers (Mapping[str, str] | None): Headers to add to this request.

        Raises:
            AuthenticationError: (401) The server was started with a token (`--token-file` or `BACKUP_API_TOKEN`; it
                must be, to listen on anything but loopback) and the request has no
                `Authorization: Bearer <token>` header carrying it.
            PermissionDeniedError: (403) A browser sent the request on behalf of a web page from another origin (its
                `Origin`, or `Sec-Fetch-Site: cross-site` / `same-site`, names a site the server
                was not told to trust with `--allow-origin`). Refused before any work is done,
                so no web page can restore, delete or create backups. Requests without these
                headers (SDKs, curl, the CLI) are unaffected.
            NotFoundError: (404) No backup has this identifier.
            ConflictError: (409) Another operation that would race with this one is running, or the backup is not
                in a state that allows it (nothing to cancel, a creation not complete yet, a
                corrupted archive or metadata: type `urn:backup-api:problem:backup-corrupted`;
                an encrypted backup that the server has no key for, or another key than the one
                it was made with: type `urn:backup-api:problem:backup-key-mismatch`), or the
                body describes another backup than the one at the path, or a request with the
                same `Idempotency-Key` is still being answered (type `urn:backup-
                api:problem:idempotency-key-in-use`). `detail` says which.
            GoneError: (410) The backup was here and is gone for good: it was deleted, or its creation was
                cancelled or failed and left nothing behind. (An identifier never handed out
                here is `404`.)
            APIStatusError: (421) The `Host` header names a host this server does not answer for. It answers only
                for IP addresses, `localhost` and `*.localhost` (names no public DNS can point
                at this machine, so DNS rebinding cannot reach it), and for names given with
                `--allowed-host`.
            UnprocessableEntityError: (422) A parameter or the request body does not match the schema, or the body is JSON
                that no interoperable reader takes as sent (RFC 7493: a number beyond the range
                of a double, a string with an unpaired surrogate), or an `Idempotency-Key` is
                malformed or was used for another request (type `urn:backup-
                api:problem:idempotency-key-reused`).
            InternalServerError: (500) The server failed in a way it did not expect (a bug, or the disk failing under
                it); what the operation had started was undone. `detail` says which step failed.
            InternalServerError: (503) The object store the backups are kept in (`serve --store s3://…`) failed the
                request after the server's retries: it is unreachable or answered with errors;
                retry after `Retry-After` seconds. Without `Retry-After` the store refused the
                request (credentials, permissions, a bucket that does not exist), which retrying
                will not change until the server's store configuration is mended; `detail` names
                the request and the store's answer. Either way nothing was changed: the local
                database and every stored backup are as they were.
            APIStatusError: Any other error status (a subclass for 400, 401, 403, 404, 409, 410, 413, 415, 422, 429, 5xx).
            APIConnectionError: No answer (APITimeoutError: none in time), after any retries.
            APIResponseValidationError: An answer the spec does not describe.

        Returns:
            BackupStatus: The creation's status.
        """
        from .api.backup import backup_specific_creation_status as operation

        return await operation.asyncio(
            backup,
            client=self._client,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    async def cancel_creation(
        self,
        backup: str,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> None:
        """Cancel a backup's creation

        Cancels the creation of a backup that is in progress. A cancelled creation leaves no backup
        behind; its creation status then reads `CANCELED`. Cancelling a creation that was already
        cancelled succeeds again (`204`), so a retried cancel is safe; `409` when the creation
        completed or failed.

        `POST /backup/{backup}/creation/cancel`. Idempotent: retried by default.

        Args:
            backup (str): A backup's identifier, `<version>_<timestamp>`: the API version that wrote
                it and the creation time in microseconds since the epoch. Never contains `/`, `\\`, `..`
                or control characters.
            timeout (float | httpx.Timeout | None | NotGiven): This call's timeout; default: the client's.
            max_retries (int | NotGiven): This call's retries; default: the client's if the operation is
                idempotent or honours an `Idempotency-Key`, else 0.
            extra_headers (Mapping[str, str] | None): Headers to add to this request.

        Raises:
            AuthenticationError: (401) The server was started with a token (`--token-file` or `BACKUP_API_TOKEN`; it
                must be, to listen on anything but loopback) and the request has no
                `Authorization: Bearer <token>` header carrying it.
            PermissionDeniedError: (403) A browser sent the request on behalf of a web page from another origin (its
                `Origin`, or `Sec-Fetch-Site: cross-site` / `same-site`, names a site the server
                was not told to trust with `--allow-origin`). Refused before any work is done,
                so no web page can restore, delete or create backups. Requests without these
                headers (SDKs, curl, the CLI) are unaffected.
            NotFoundError: (404) No backup has this identifier.
            ConflictError: (409) Another operation that would race with this one is running, or the backup is not
                in a state that allows it (nothing to cancel, a creation not complete yet, a
                corrupted archive or metadata: type `urn:backup-api:problem:backup-corrupted`;
                an encrypted backup that the server has no key for, or another key than the one
                it was made with: type `urn:backup-api:problem:backup-key-mismatch`), or the
                body describes another backup than the one at the path, or a request with the
                same `Idempotency-Key` is still being answered (type `urn:backup-
                api:problem:idempotency-key-in-use`). `detail` says which.
            GoneError: (410) The backup was here and is gone for good: it was deleted, or its creation was
                cancelled or failed and left nothing behind. (An identifier never handed out
                here is `404`.)
            APIStatusError: (421) The `Host` header names a host this server does not answer for. It answers only
                for IP addresses, `localhost` and `*.localhost` (names no public DNS can point
                at this machine, so DNS rebinding cannot reach it), and for names given with
                `--allowed-host`.
            UnprocessableEntityError: (422) A parameter or the request body does not match the schema, or the body is JSON
                that no interoperable reader takes as sent (RFC 7493: a number beyond the range
                of a double, a string with an unpaired surrogate), or an `Idempotency-Key` is
                malformed or was used for another request (type `urn:backup-
                api:problem:idempotency-key-reused`).
            InternalServerError: (500) The server failed in a way it did not expect (a bug, or the disk failing under
                it); what the operation had started was undone. `detail` says which step failed.
            InternalServerError: (503) The object store the backups are kept in (`serve --store s3://…`) failed the
                request after the server's retries: it is unreachable or answered with errors;
                retry after `Retry-After` seconds. Without `Retry-After` the store refused the
                request (credentials, permissions, a bucket that does not exist), which retrying
                will not change until the server's store configuration is mended; `detail` names
                the request and the store's answer. Either way nothing was changed: the local
                database and every stored backup are as they were.
            APIStatusError: Any other error status (a subclass for 400, 401, 403, 404, 409, 410, 413, 415, 422, 429, 5xx).
            APIConnectionError: No answer (APITimeoutError: none in time), after any retries.
            APIResponseValidationError: An answer the spec does not describe.

        Returns:
            None: nothing (204): The creation was cancelled and nothing of it is left.
        """
        from .api.backup import backup_specific_creation_cancel as operation

        return await operation.asyncio(
            backup,
            client=self._client,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    async def restore(
        self,
        backup: str,
        body: Backup | None = None,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> Backup:
        """Restore a backup

        Replaces the whole local database with the backup's assets (this does **not** merge: every
        local asset not in the backup is gone afterwards) and answers once the restoration is
        complete. The replacement is atomic: the backup's checksum is verified first, the new
        database is built beside the current one and checked, then swapped in; on any failure or
        cancellation the current database stays exactly as it was. Only one restoration runs at a
        time. The optional body, if sent, must be this backup's metadata (same `id`); a body that
        names another backup conflicts with this one (`409`).

        `POST /backup/{backup}/restore`. Not idempotent: retried only when the call passes `max_retries`.

        Args:
            backup (str): A backup's identifier, `<version>_<timestamp>`: the API version that wrote
                it and the creation time in microseconds since the epoch. Never contains `/`, `\\`, `..`
                or control characters.
            body (Backup | None): A stored backup's metadata.
                None sends no body.
            timeout (float | httpx.Timeout | None | NotGiven): This call's timeout; default: the client's.
            max_retries (int | NotGiven): This call's retries; default: the client's if the operation is
                idempotent or honours an `Idempotency-Key`, else 0.
            extra_headers (Mapping[str, str] | None): Headers to add to this request.

        Raises:
            BadRequestError: (400) The request body is not well-formed JSON.
            AuthenticationError: (401) The server was started with a token (`--token-file` or `BACKUP_API_TOKEN`; it
                must be, to listen on anything but loopback) and the request has no
                `Authorization: Bearer <token>` header carrying it.
            PermissionDeniedError: (403) A browser sent the request on behalf of a web page from another origin (its
                `Origin`, or `Sec-Fetch-Site: cross-site` / `same-site`, names a site the server
                was not told to trust with `--allow-origin`). Refused before any work is done,
                so no web page can restore, delete or create backups. Requests without these
                headers (SDKs, curl, the CLI) are unaffected.
            NotFoundError: (404) No backup has this identifier.
            APIStatusError: (408) The request body did not arrive in time: no data for 10 seconds, or not all of
                it within 120 seconds. The connection is closed.
            ConflictError: (409) Another operation that would race with this one is running, or the backup is not
                in a state that allows it (nothing to cancel, a creation not complete yet, a
                corrupted archive or metadata: type `urn:backup-api:problem:backup-corrupted`;
                an encrypted backup that the server has no key for, or another key than the one
                it was made with: type `urn:backup-api:problem:backup-key-mismatch`), or the
                body describes another backup than the one at the path, or a request with the
                same `Idempotency-Key` is still being answered (type `urn:backup-
                api:problem:idempotency-key-in-use`). `detail` says which.
            GoneError: (410) The backup was here and is gone for good: it was deleted, or its creation was
                cancelled or failed and left nothing behind. (An identifier never handed out
                here is `404`.)
            PayloadTooLargeError: (413) The request body is larger than the server accepts.
            UnsupportedMediaTypeError: (415) The request body is not `application/json`.
            APIStatusError: (421) The `Host` header names a host this server does not answer for. It answers only
                for IP addresses, `localhost` and `*.localhost` (names no public DNS can point
                at this machine, so DNS rebinding cannot reach it), and for names given with
                `--allowed-host`.
            UnprocessableEntityError: (422) A parameter or the request body does not match the schema, or the body is JSON
                that no interoperable reader takes as sent (RFC 7493: a number beyond the range
                of a double, a string with an unpaired surrogate), or an `Idempotency-Key` is
                malformed or was used for another request (type `urn:backup-
                api:problem:idempotency-key-reused`).
            RateLimitError: (429) The server is at one of its bounds: as many creations are waiting as it queues,
                or as many large request bodies are being read as it reads at once. Nothing was
                started; retry after `Retry-After` seconds.
            InternalServerError: (500) The server failed in a way it did not expect (a bug, or the disk failing under
                it); what the operation had started was undone. `detail` says which step failed.
            InternalServerError: (503) The object store the backups are kept in (`serve --store s3://…`) failed the
                request after the server's retries: it is unreachable or answered with errors;
                retry after `Retry-After` seconds. Without `Retry-After` the store refused the
                request (credentials, permissions, a bucket that does not exist), which retrying
                will not change until the server's store configuration is mended; `detail` names
                the request and the store's answer. Either way nothing was changed: the local
                database and every stored backup are as they were.
            InternalServerError: (507) The disk (or the storage the backups live in) is full. What the operation had
                started was undone: the local database and every stored backup are as they were.
            APIStatusError: Any other error status (a subclass for 400, 401, 403, 404, 409, 410, 413, 415, 422, 429, 5xx).
            APIConnectionError: No answer (APITimeoutError: none in time), after any retries.
            APIResponseValidationError: An answer the spec does not describe.

        Returns:
            Backup: The restoration is complete; the backup that was restored.
        """
        from .api.backup import backup_restore_specific_backup as operation
        from .types import UNSET

        return await operation.asyncio(
            backup,
            client=self._client,
            body=UNSET if body is None else body,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    async def restore_streamed_json(
        self,
        backup: str,
        body: Backup | None = None,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> BackupStreamedProgress:
        """Restore a backup, following its progress

        Restores a backup exactly like `POST /backup/{backup}/restore`, and reports progress while
        it runs.

        With `Accept: text/event-stream` the answer is a stream of Server-Sent Events: the `data`
        of each event is one `BackupStreamedProgress` JSON document; `percentage` never decreases;
        the last event is terminal: `COMPLETED` (with the backup), `FAILED` (with a `detail`) or
        `CANCELED` (after `restoration/cancel`). A client that disconnects neither cancels nor
        corrupts the restoration; `restoration/status` tells how it ended.

        With any other `Accept`, the server waits for the end of the restoration and answers the
        final `BackupStreamedProgress` as JSON.

        `POST /backup/{backup}/restore/streamed`. Not idempotent: retried only when the call passes `max_retries`.

        Args:
            backup (str): A backup's identifier, `<version>_<timestamp>`: the API version that wrote
                it and the creation time in microseconds since the epoch. Never contains `/`, `\\`, `..`
                or control characters.
            body (Backup | None): A stored backup's metadata.
                None sends no body.
            timeout (float | httpx.Timeout | None | NotGiven): This call's timeout; default: the client's.
            max_retries (int | NotGiven): This call's retries; default: the client's if the operation is
                idempotent or honours an `Idempotency-Key`, else 0.
            extra_headers (Mapping[str, str] | None): Headers to add to this request.

        Raises:
            BadRequestError: (400) The request body is not well-formed JSON.
            AuthenticationError: (401) The server was started with a token (`--token-file` or `BACKUP_API_TOKEN`; it
                must be, to listen on anything but loopback) and the request has no
                `Authorization: Bearer <token>` header carrying it.
            PermissionDeniedError: (403) A browser sent the request on behalf of a web page from another origin (its
                `Origin`, or `Sec-Fetch-Site: cross-site` / `same-site`, names a site the server
                was not told to trust with `--allow-origin`). Refused before any work is done,
                so no web page can restore, delete or create backups. Requests without these
                headers (SDKs, curl, the CLI) are unaffected.
            NotFoundError: (404) No backup has this identifier.
            APIStatusError: (408) The request body did not arrive in time: no data for 10 seconds, or not all of
                it within 120 seconds. The connection is closed.
            ConflictError: (409) Another operation that would race with this one is running, or the backup is not
                in a state that allows it (nothing to cancel, a creation not complete yet, a
                corrupted archive or metadata: type `urn:backup-api:problem:backup-corrupted`;
                an encrypted backup that the server has no key for, or another key than the one
                it was made with: type `urn:backup-api:problem:backup-key-mismatch`), or the
                body describes another backup than the one at the path, or a request with the
                same `Idempotency-Key` is still being answered (type `urn:backup-
                api:problem:idempotency-key-in-use`). `detail` says which.
            GoneError: (410) The backup was here and is gone for good: it was deleted, or its creation was
                cancelled or failed and left nothing behind. (An identifier never handed out
                here is `404`.)
            PayloadTooLargeError: (413) The request body is larger than the server accepts.
            UnsupportedMediaTypeError: (415) The request body is not `application/json`.
            APIStatusError: (421) The `Host` header names a host this server does not answer for. It answers only
                for IP addresses, `localhost` and `*.localhost` (names no public DNS can point
                at this machine, so DNS rebinding cannot reach it), and for names given with
                `--allowed-host`.
            UnprocessableEntityError: (422) A parameter or the request body does not match the schema, or the body is JSON
                that no interoperable reader takes as sent (RFC 7493: a number beyond the range
                of a double, a string with an unpaired surrogate), or an `Idempotency-Key` is
                malformed or was used for another request (type `urn:backup-
                api:problem:idempotency-key-reused`).
            RateLimitError: (429) The server is at one of its bounds: as many creations are waiting as it queues,
                or as many large request bodies are being read as it reads at once. Nothing was
                started; retry after `Retry-After` seconds.
            InternalServerError: (500) The server failed in a way it did not expect (a bug, or the disk failing under
                it); what the operation had started was undone. `detail` says which step failed.
            InternalServerError: (503) The object store the backups are kept in (`serve --store s3://…`) failed the
                request after the server's retries: it is unreachable or answered with errors;
                retry after `Retry-After` seconds. Without `Retry-After` the store refused the
                request (credentials, permissions, a bucket that does not exist), which retrying
                will not change until the server's store configuration is mended; `detail` names
                the request and the store's answer. Either way nothing was changed: the local
                database and every stored backup are as they were.
            InternalServerError: (507) The disk (or the storage the backups live in) is full. What the operation had
                started was undone: the local database and every stored backup are as they were.
            APIStatusError: Any other error status (a subclass for 400, 401, 403, 404, 409, 410, 413, 415, 422, 429, 5xx).
            APIConnectionError: No answer (APITimeoutError: none in time), after any retries.
            APIResponseValidationError: An answer the spec does not describe.

        Returns:
            BackupStreamedProgress: The final progress (JSON) or the progress as it happens (Server-Sent Events).
        """
        from .api.backup import backup_restore_specific_backup_streamed as operation
        from .types import UNSET

        return await operation.asyncio(
            backup,
            client=self._client,
            body=UNSET if body is None else body,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    async def restoration_status(
        self,
        backup: str,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> BackupStatus:
        """Follow a backup's restoration

        Returns how far the latest restoration of this backup has come: `IN-PROGRESS` with a
        `percentage` while it runs, then `COMPLETED`, `FAILED` or `CANCELED`. A backup that has not
        been restored since the server started reads `UNKNOWN` with no percentage.

        `GET /backup/{backup}/restoration/status`. Idempotent: retried by default.

        Args:
            backup (str): A backup's identifier, `<version>_<timestamp>`: the API version that wrote
                it and the creation time in microseconds since the epoch. Never contains `/`, `\\`, `..`
                or control characters.
            timeout (float | httpx.Timeout | None | NotGiven): This call's timeout; default: the client's.
            max_retries (int | NotGiven): This call's retries; default: the client's if the operation is
                idempotent or honours an `Idempotency-Key`, else 0.
            extra_headers (Mapping[str, str] | None): Headers to add to this request.

        Raises:
            AuthenticationError: (401) The server was started with a token (`--token-file` or `BACKUP_API_TOKEN`; it
                must be, to listen on anything but loopback) and the request has no
                `Authorization: Bearer <token>` header carrying it.
            PermissionDeniedError: (403) A browser sent the request on behalf of a web page from another origin (its
                `Origin`, or `Sec-Fetch-Site: cross-site` / `same-site`, names a site the server
                was not told to trust with `--allow-origin`). Refused before any work is done,
                so no web page can restore, delete or create backups. Requests without these
                headers (SDKs, curl, the CLI) are unaffected.
            NotFoundError: (404) No backup has this identifier.
            ConflictError: (409) Another operation that would race with this one is running, or the backup is not
                in a state that allows it (nothing to cancel, a creation not complete yet, a
                corrupted archive or metadata: type `urn:backup-api:problem:backup-corrupted`;
                an encrypted backup that the server has no key for, or another key than the one
                it was made with: type `urn:backup-api:problem:backup-key-mismatch`), or the
                body describes another backup than the one at the path, or a request with the
                same `Idempotency-Key` is still being answered (type `urn:backup-
                api:problem:idempotency-key-in-use`). `detail` says which.
            GoneError: (410) The backup was here and is gone for good: it was deleted, or its creation was
                cancelled or failed and left nothing behind. (An identifier never handed out
                here is `404`.)
            APIStatusError: (421) The `Host` header names a host this server does not answer for. It answers only
                for IP addresses, `localhost` and `*.localhost` (names no public DNS can point
                at this machine, so DNS rebinding cannot reach it), and for names given with
                `--allowed-host`.
            UnprocessableEntityError: (422) A parameter or the request body does not match the schema, or the body is JSON
                that no interoperable reader takes as sent (RFC 7493: a number beyond the range
                of a double, a string with an unpaired surrogate), or an `Idempotency-Key` is
                malformed or was used for another request (type `urn:backup-
                api:problem:idempotency-key-reused`).
            InternalServerError: (500) The server failed in a way it did not expect (a bug, or the disk failing under
                it); what the operation had started was undone. `detail` says which step failed.
            InternalServerError: (503) The object store the backups are kept in (`serve --store s3://…`) failed the
                request after the server's retries: it is unreachable or answered with errors;
                retry after `Retry-After` seconds. Without `Retry-After` the store refused the
                request (credentials, permissions, a bucket that does not exist), which retrying
                will not change until the server's store configuration is mended; `detail` names
                the request and the store's answer. Either way nothing was changed: the local
                database and every stored backup are as they were.
            APIStatusError: Any other error status (a subclass for 400, 401, 403, 404, 409, 410, 413, 415, 422, 429, 5xx).
            APIConnectionError: No answer (APITimeoutError: none in time), after any retries.
            APIResponseValidationError: An answer the spec does not describe.

        Returns:
            BackupStatus: The restoration's status.
        """
        from .api.backup import backup_specific_restoration_status as operation

        return await operation.asyncio(
            backup,
            client=self._client,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    async def cancel_restoration(
        self,
        backup: str,
        body: Backup | None = None,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> None:
        """Cancel a restoration

        Cancels the restoration of this backup that is in progress; the local database is then
        exactly as it was before the restoration started. Cancelling a restoration that was
        already cancelled since the server started succeeds again (`204`), so a retried cancel is
        safe; `409` when no restoration of this backup is in progress and the latest one since the
        server started was not cancelled. The optional body, if sent, must be this backup's metadata (same
        `id`); a body that names another backup conflicts with this one (`409`).

        `POST /backup/{backup}/restoration/cancel`. Idempotent: retried by default.

        Args:
            backup (str): A backup's identifier, `<version>_<timestamp>`: the API version that wrote
                it and the creation time in microseconds since the epoch. Never contains `/`, `\\`, `..`
                or control characters.
            body (Backup | None): A stored backup's metadata.
                None sends no body.
            timeout (float | httpx.Timeout | None | NotGiven): This call's timeout; default: the client's.
            max_retries (int | NotGiven): This call's retries; default: the client's if the operation is
                idempotent or honours an `Idempotency-Key`, else 0.
            extra_headers (Mapping[str, str] | None): Headers to add to this request.

        Raises:
            BadRequestError: (400) The request body is not well-formed JSON.
            AuthenticationError: (401) The server was started with a token (`--token-file` or `BACKUP_API_TOKEN`; it
                must be, to listen on anything but loopback) and the request has no
                `Authorization: Bearer <token>` header carrying it.
            PermissionDeniedError: (403) A browser sent the request on behalf of a web page from another origin (its
                `Origin`, or `Sec-Fetch-Site: cross-site` / `same-site`, names a site the server
                was not told to trust with `--allow-origin`). Refused before any work is done,
                so no web page can restore, delete or create backups. Requests without these
                headers (SDKs, curl, the CLI) are unaffected.
            NotFoundError: (404) No backup has this identifier.
            APIStatusError: (408) The request body did not arrive in time: no data for 10 seconds, or not all of
                it within 120 seconds. The connection is closed.
            ConflictError: (409) Another operation that would race with this one is running, or the backup is not
                in a state that allows it (nothing to cancel, a creation not complete yet, a
                corrupted archive or metadata: type `urn:backup-api:problem:backup-corrupted`;
                an encrypted backup that the server has no key for, or another key than the one
                it was made with: type `urn:backup-api:problem:backup-key-mismatch`), or the
                body describes another backup than the one at the path, or a request with the
                same `Idempotency-Key` is still being answered (type `urn:backup-
                api:problem:idempotency-key-in-use`). `detail` says which.
            GoneError: (410) The backup was here and is gone for good: it was deleted, or its creation was
                cancelled or failed and left nothing behind. (An identifier never handed out
                here is `404`.)
            PayloadTooLargeError: (413) The request body is larger than the server accepts.
            UnsupportedMediaTypeError: (415) The request body is not `application/json`.
            APIStatusError: (421) The `Host` header names a host this server does not answer for. It answers only
                for IP addresses, `localhost` and `*.localhost` (names no public DNS can point
                at this machine, so DNS rebinding cannot reach it), and for names given with
                `--allowed-host`.
            UnprocessableEntityError: (422) A parameter or the request body does not match the schema, or the body is JSON
                that no interoperable reader takes as sent (RFC 7493: a number beyond the range
                of a double, a string with an unpaired surrogate), or an `Idempotency-Key` is
                malformed or was used for another request (type `urn:backup-
                api:problem:idempotency-key-reused`).
            RateLimitError: (429) The server is at one of its bounds: as many creations are waiting as it queues,
                or as many large request bodies are being read as it reads at once. Nothing was
                started; retry after `Retry-After` seconds.
            InternalServerError: (500) The server failed in a way it did not expect (a bug, or the disk failing under
                it); what the operation had started was undone. `detail` says which step failed.
            InternalServerError: (503) The object store the backups are kept in (`serve --store s3://…`) failed the
                request after the server's retries: it is unreachable or answered with errors;
                retry after `Retry-After` seconds. Without `Retry-After` the store refused the
                request (credentials, permissions, a bucket that does not exist), which retrying
                will not change until the server's store configuration is mended; `detail` names
                the request and the store's answer. Either way nothing was changed: the local
                database and every stored backup are as they were.
            APIStatusError: Any other error status (a subclass for 400, 401, 403, 404, 409, 410, 413, 415, 422, 429, 5xx).
            APIConnectionError: No answer (APITimeoutError: none in time), after any retries.
            APIResponseValidationError: An answer the spec does not describe.

        Returns:
            None: nothing (204): The restoration was cancelled; the local database is as it was.
        """
        from .api.backup import backup_specific_restoration_cancel as operation
        from .types import UNSET

        return await operation.asyncio(
            backup,
            client=self._client,
            body=UNSET if body is None else body,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )


class BackupResourceWithRawResponse:
    """`client.with_raw_response.backup`: the methods of `client.backup`, answering the `APIResponse`."""

    def __init__(self, client: SyncAPIClient) -> None:
        """Bind the operations to `client`."""
        self._client = client

    def create(
        self,
        body: Assets | None = None,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> APIResponse[str]:
        """`client.backup.create`, answering its HTTP response; `parse()` gives its result (`str`).

        Same arguments, retries and exceptions as `client.backup.create`.
        """
        from .api.backup import backup as operation
        from .types import UNSET

        return self._client.request_response(
            operation,
            operation._get_kwargs(
                body=UNSET if body is None else body,
            ),
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def create_from_asset(
        self,
        body: Asset | None = None,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> APIResponse[str]:
        """`client.backup.create_from_asset`, answering its HTTP response; `parse()` gives its result (`str`).

        Same arguments, retries and exceptions as `client.backup.create_from_asset`.
        """
        from .api.backup import backup_asset as operation
        from .types import UNSET

        return self._client.request_response(
            operation,
            operation._get_kwargs(
                body=UNSET if body is None else body,
            ),
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def get(
        self,
        backup: str,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> APIResponse[Backup]:
        """`client.backup.get`, answering its HTTP response; `parse()` gives its result (`Backup`).

        Same arguments, retries and exceptions as `client.backup.get`.
        """
        from .api.backup import backup_specific_backup_snapshot as operation

        return self._client.request_response(
            operation,
            operation._get_kwargs(
                backup,
            ),
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def creation_status(
        self,
        backup: str,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> APIResponse[BackupStatus]:
        """`client.backup.creation_status`, answering its HTTP response; `parse()` gives its result (`BackupStatus`).

        Same arguments, retries and exceptions as `client.backup.creation_status`.
        """
        from .api.backup import backup_specific_creation_status as operation

        return self._client.request_response(
            operation,
            operation._get_kwargs(
                backup,
            ),
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def cancel_creation(
        self,
        backup: str,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> APIResponse[None]:
        """`client.backup.cancel_creation`, answering its HTTP response; `parse()` gives its result (`None`).

        Same arguments, retries and exceptions as `client.backup.cancel_creation`.
        """
        from .api.backup import backup_specific_creation_cancel as operation

        return self._client.request_response(
            operation,
            operation._get_kwargs(
                backup,
            ),
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def restore(
        self,
        backup: str,
        body: Backup | None = None,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> APIResponse[Backup]:
        """`client.backup.restore`, answering its HTTP response; `parse()` gives its result (`Backup`).

        Same arguments, retries and exceptions as `client.backup.restore`.
        """
        from .api.backup import backup_restore_specific_backup as operation
        from .types import UNSET

        return self._client.request_response(
            operation,
            operation._get_kwargs(
                backup,
                body=UNSET if body is None else body,
            ),
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def restore_streamed_json(
        self,
        backup: str,
        body: Backup | None = None,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> APIResponse[BackupStreamedProgress]:
        """`client.backup.restore_streamed_json`, answering its HTTP response; `parse()` gives its result (`BackupStreamedProgress`).

        Same arguments, retries and exceptions as `client.backup.restore_streamed_json`.
        """
        from .api.backup import backup_restore_specific_backup_streamed as operation
        from .types import UNSET

        return self._client.request_response(
            operation,
            operation._get_kwargs(
                backup,
                body=UNSET if body is None else body,
            ),
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def restoration_status(
        self,
        backup: str,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> APIResponse[BackupStatus]:
        """`client.backup.restoration_status`, answering its HTTP response; `parse()` gives its result (`BackupStatus`).

        Same arguments, retries and exceptions as `client.backup.restoration_status`.
        """
        from .api.backup import backup_specific_restoration_status as operation

        return self._client.request_response(
            operation,
            operation._get_kwargs(
                backup,
            ),
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    def cancel_restoration(
        self,
        backup: str,
        body: Backup | None = None,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> APIResponse[None]:
        """`client.backup.cancel_restoration`, answering its HTTP response; `parse()` gives its result (`None`).

        Same arguments, retries and exceptions as `client.backup.cancel_restoration`.
        """
        from .api.backup import backup_specific_restoration_cancel as operation
        from .types import UNSET

        return self._client.request_response(
            operation,
            operation._get_kwargs(
                backup,
                body=UNSET if body is None else body,
            ),
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )


class AsyncBackupResourceWithRawResponse:
    """`client.with_raw_response.backup` (async): the methods of `client.backup`, answering the `AsyncAPIResponse`."""

    def __init__(self, client: AsyncAPIClient) -> None:
        """Bind the operations to `client`."""
        self._client = client

    async def create(
        self,
        body: Assets | None = None,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> AsyncAPIResponse[str]:
        """`client.backup.create`, answering its HTTP response; `await parse()` gives its result (`str`).

        Same arguments, retries and exceptions as `client.backup.create`.
        """
        from .api.backup import backup as operation
        from .types import UNSET

        return await self._client.request_response(
            operation,
            operation._get_kwargs(
                body=UNSET if body is None else body,
            ),
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    async def create_from_asset(
        self,
        body: Asset | None = None,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> AsyncAPIResponse[str]:
        """`client.backup.create_from_asset`, answering its HTTP response; `await parse()` gives its result (`str`).

        Same arguments, retries and exceptions as `client.backup.create_from_asset`.
        """
        from .api.backup import backup_asset as operation
        from .types import UNSET

        return await self._client.request_response(
            operation,
            operation._get_kwargs(
                body=UNSET if body is None else body,
            ),
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    async def get(
        self,
        backup: str,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> AsyncAPIResponse[Backup]:
        """`client.backup.get`, answering its HTTP response; `await parse()` gives its result (`Backup`).

        Same arguments, retries and exceptions as `client.backup.get`.
        """
        from .api.backup import backup_specific_backup_snapshot as operation

        return await self._client.request_response(
            operation,
            operation._get_kwargs(
                backup,
            ),
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    async def creation_status(
        self,
        backup: str,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> AsyncAPIResponse[BackupStatus]:
        """`client.backup.creation_status`, answering its HTTP response; `await parse()` gives its result (`BackupStatus`).

        Same arguments, retries and exceptions as `client.backup.creation_status`.
        """
        from .api.backup import backup_specific_creation_status as operation

        return await self._client.request_response(
            operation,
            operation._get_kwargs(
                backup,
            ),
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    async def cancel_creation(
        self,
        backup: str,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> AsyncAPIResponse[None]:
        """`client.backup.cancel_creation`, answering its HTTP response; `await parse()` gives its result (`None`).

        Same arguments, retries and exceptions as `client.backup.cancel_creation`.
        """
        from .api.backup import backup_specific_creation_cancel as operation

        return await self._client.request_response(
            operation,
            operation._get_kwargs(
                backup,
            ),
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    async def restore(
        self,
        backup: str,
        body: Backup | None = None,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> AsyncAPIResponse[Backup]:
        """`client.backup.restore`, answering its HTTP response; `await parse()` gives its result (`Backup`).

        Same arguments, retries and exceptions as `client.backup.restore`.
        """
        from .api.backup import backup_restore_specific_backup as operation
        from .types import UNSET

        return await self._client.request_response(
            operation,
            operation._get_kwargs(
                backup,
                body=UNSET if body is None else body,
            ),
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    async def restore_streamed_json(
        self,
        backup: str,
        body: Backup | None = None,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> AsyncAPIResponse[BackupStreamedProgress]:
        """`client.backup.restore_streamed_json`, answering its HTTP response; `await parse()` gives its result (`BackupStreamedProgress`).

        Same arguments, retries and exceptions as `client.backup.restore_streamed_json`.
        """
        from .api.backup import backup_restore_specific_backup_streamed as operation
        from .types import UNSET

        return await self._client.request_response(
            operation,
            operation._get_kwargs(
                backup,
                body=UNSET if body is None else body,
            ),
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    async def restoration_status(
        self,
        backup: str,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> AsyncAPIResponse[BackupStatus]:
        """`client.backup.restoration_status`, answering its HTTP response; `await parse()` gives its result (`BackupStatus`).

        Same arguments, retries and exceptions as `client.backup.restoration_status`.
        """
        from .api.backup import backup_specific_restoration_status as operation

        return await self._client.request_response(
            operation,
            operation._get_kwargs(
                backup,
            ),
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )

    async def cancel_restoration(
        self,
        backup: str,
        body: Backup | None = None,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> AsyncAPIResponse[None]:
        """`client.backup.cancel_restoration`, answering its HTTP response; `await parse()` gives its result (`None`).

        Same arguments, retries and exceptions as `client.backup.cancel_restoration`.
        """
        from .api.backup import backup_specific_restoration_cancel as operation
        from .types import UNSET

        return await self._client.request_response(
            operation,
            operation._get_kwargs(
                backup,
                body=UNSET if body is None else body,
            ),
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )


class BackupResourceWithStreamingResponse:
    """`client.with_streaming_response.backup`: the methods of `client.backup`, answering a context manager of the `APIResponse` whose body is read as it arrives."""

    def __init__(self, client: SyncAPIClient) -> None:
        """Bind the operations to `client`."""
        self._client = client

    def create(
        self,
        body: Assets | None = None,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> ResponseContextManager[APIResponse[str]]:
        """`client.backup.create`, its answer's body unread until the `with` block reads it; `parse()` gives its result (`str`).

        Same arguments, retries and exceptions as `client.backup.create`.
        """
        from .api.backup import backup as operation
        from .types import UNSET

        client = self._client
        return ResponseContextManager(
            lambda: client.request_response(
                operation,
                operation._get_kwargs(
                    body=UNSET if body is None else body,
                ),
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                stream=True,
            )
        )

    def create_from_asset(
        self,
        body: Asset | None = None,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> ResponseContextManager[APIResponse[str]]:
        """`client.backup.create_from_asset`, its answer's body unread until the `with` block reads it; `parse()` gives its result (`str`).

        Same arguments, retries and exceptions as `client.backup.create_from_asset`.
        """
        from .api.backup import backup_asset as operation
        from .types import UNSET

        client = self._client
        return ResponseContextManager(
            lambda: client.request_response(
                operation,
                operation._get_kwargs(
                    body=UNSET if body is None else body,
                ),
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                stream=True,
            )
        )

    def get(
        self,
        backup: str,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> ResponseContextManager[APIResponse[Backup]]:
        """`client.backup.get`, its answer's body unread until the `with` block reads it; `parse()` gives its result (`Backup`).

        Same arguments, retries and exceptions as `client.backup.get`.
        """
        from .api.backup import backup_specific_backup_snapshot as operation

        client = self._client
        return ResponseContextManager(
            lambda: client.request_response(
                operation,
                operation._get_kwargs(
                    backup,
                ),
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                stream=True,
            )
        )

    def creation_status(
        self,
        backup: str,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> ResponseContextManager[APIResponse[BackupStatus]]:
        """`client.backup.creation_status`, its answer's body unread until the `with` block reads it; `parse()` gives its result (`BackupStatus`).

        Same arguments, retries and exceptions as `client.backup.creation_status`.
        """
        from .api.backup import backup_specific_creation_status as operation

        client = self._client
        return ResponseContextManager(
            lambda: client.request_response(
                operation,
                operation._get_kwargs(
                    backup,
                ),
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                stream=True,
            )
        )

    def cancel_creation(
        self,
        backup: str,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> ResponseContextManager[APIResponse[None]]:
        """`client.backup.cancel_creation`, its answer's body unread until the `with` block reads it; `parse()` gives its result (`None`).

        Same arguments, retries and exceptions as `client.backup.cancel_creation`.
        """
        from .api.backup import backup_specific_creation_cancel as operation

        client = self._client
        return ResponseContextManager(
            lambda: client.request_response(
                operation,
                operation._get_kwargs(
                    backup,
                ),
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                stream=True,
            )
        )

    def restore(
        self,
        backup: str,
        body: Backup | None = None,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> ResponseContextManager[APIResponse[Backup]]:
        """`client.backup.restore`, its answer's body unread until the `with` block reads it; `parse()` gives its result (`Backup`).

        Same arguments, retries and exceptions as `client.backup.restore`.
        """
        from .api.backup import backup_restore_specific_backup as operation
        from .types import UNSET

        client = self._client
        return ResponseContextManager(
            lambda: client.request_response(
                operation,
                operation._get_kwargs(
                    backup,
                    body=UNSET if body is None else body,
                ),
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                stream=True,
            )
        )

    def restore_streamed_json(
        self,
        backup: str,
        body: Backup | None = None,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> ResponseContextManager[APIResponse[BackupStreamedProgress]]:
        """`client.backup.restore_streamed_json`, its answer's body unread until the `with` block reads it; `parse()` gives its result (`BackupStreamedProgress`).

        Same arguments, retries and exceptions as `client.backup.restore_streamed_json`.
        """
        from .api.backup import backup_restore_specific_backup_streamed as operation
        from .types import UNSET

        client = self._client
        return ResponseContextManager(
            lambda: client.request_response(
                operation,
                operation._get_kwargs(
                    backup,
                    body=UNSET if body is None else body,
                ),
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                stream=True,
            )
        )

    def restoration_status(
        self,
        backup: str,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> ResponseContextManager[APIResponse[BackupStatus]]:
        """`client.backup.restoration_status`, its answer's body unread until the `with` block reads it; `parse()` gives its result (`BackupStatus`).

        Same arguments, retries and exceptions as `client.backup.restoration_status`.
        """
        from .api.backup import backup_specific_restoration_status as operation

        client = self._client
        return ResponseContextManager(
            lambda: client.request_response(
                operation,
                operation._get_kwargs(
                    backup,
                ),
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                stream=True,
            )
        )

    def cancel_restoration(
        self,
        backup: str,
        body: Backup | None = None,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> ResponseContextManager[APIResponse[None]]:
        """`client.backup.cancel_restoration`, its answer's body unread until the `with` block reads it; `parse()` gives its result (`None`).

        Same arguments, retries and exceptions as `client.backup.cancel_restoration`.
        """
        from .api.backup import backup_specific_restoration_cancel as operation
        from .types import UNSET

        client = self._client
        return ResponseContextManager(
            lambda: client.request_response(
                operation,
                operation._get_kwargs(
                    backup,
                    body=UNSET if body is None else body,
                ),
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                stream=True,
            )
        )


class AsyncBackupResourceWithStreamingResponse:
    """`client.with_streaming_response.backup` (async): the methods of `client.backup`, answering a context manager of the `AsyncAPIResponse` whose body is read as it arrives."""

    def __init__(self, client: AsyncAPIClient) -> None:
        """Bind the operations to `client`."""
        self._client = client

    def create(
        self,
        body: Assets | None = None,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> AsyncResponseContextManager[AsyncAPIResponse[str]]:
        """`client.backup.create`, its answer's body unread until the `async with` block reads it; `await parse()` gives its result (`str`).

        Same arguments, retries and exceptions as `client.backup.create`.
        """
        from .api.backup import backup as operation
        from .types import UNSET

        client = self._client
        return AsyncResponseContextManager(
            lambda: client.request_response(
                operation,
                operation._get_kwargs(
                    body=UNSET if body is None else body,
                ),
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                stream=True,
            )
        )

    def create_from_asset(
        self,
        body: Asset | None = None,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> AsyncResponseContextManager[AsyncAPIResponse[str]]:
        """`client.backup.create_from_asset`, its answer's body unread until the `async with` block reads it; `await parse()` gives its result (`str`).

        Same arguments, retries and exceptions as `client.backup.create_from_asset`.
        """
        from .api.backup import backup_asset as operation
        from .types import UNSET

        client = self._client
        return AsyncResponseContextManager(
            lambda: client.request_response(
                operation,
                operation._get_kwargs(
                    body=UNSET if body is None else body,
                ),
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                stream=True,
            )
        )

    def get(
        self,
        backup: str,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> AsyncResponseContextManager[AsyncAPIResponse[Backup]]:
        """`client.backup.get`, its answer's body unread until the `async with` block reads it; `await parse()` gives its result (`Backup`).

        Same arguments, retries and exceptions as `client.backup.get`.
        """
        from .api.backup import backup_specific_backup_snapshot as operation

        client = self._client
        return AsyncResponseContextManager(
            lambda: client.request_response(
                operation,
                operation._get_kwargs(
                    backup,
                ),
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                stream=True,
            )
        )

    def creation_status(
        self,
        backup: str,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> AsyncResponseContextManager[AsyncAPIResponse[BackupStatus]]:
        """`client.backup.creation_status`, its answer's body unread until the `async with` block reads it; `await parse()` gives its result (`BackupStatus`).

        Same arguments, retries and exceptions as `client.backup.creation_status`.
        """
        from .api.backup import backup_specific_creation_status as operation

        client = self._client
        return AsyncResponseContextManager(
            lambda: client.request_response(
                operation,
                operation._get_kwargs(
                    backup,
                ),
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                stream=True,
            )
        )

    def cancel_creation(
        self,
        backup: str,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> AsyncResponseContextManager[AsyncAPIResponse[None]]:
        """`client.backup.cancel_creation`, its answer's body unread until the `async with` block reads it; `await parse()` gives its result (`None`).

        Same arguments, retries and exceptions as `client.backup.cancel_creation`.
        """
        from .api.backup import backup_specific_creation_cancel as operation

        client = self._client
        return AsyncResponseContextManager(
            lambda: client.request_response(
                operation,
                operation._get_kwargs(
                    backup,
                ),
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                stream=True,
            )
        )

    def restore(
        self,
        backup: str,
        body: Backup | None = None,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> AsyncResponseContextManager[AsyncAPIResponse[Backup]]:
        """`client.backup.restore`, its answer's body unread until the `async with` block reads it; `await parse()` gives its result (`Backup`).

        Same arguments, retries and exceptions as `client.backup.restore`.
        """
        from .api.backup import backup_restore_specific_backup as operation
        from .types import UNSET

        client = self._client
        return AsyncResponseContextManager(
            lambda: client.request_response(
                operation,
                operation._get_kwargs(
                    backup,
                    body=UNSET if body is None else body,
                ),
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                stream=True,
            )
        )

    def restore_streamed_json(
        self,
        backup: str,
        body: Backup | None = None,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> AsyncResponseContextManager[AsyncAPIResponse[BackupStreamedProgress]]:
        """`client.backup.restore_streamed_json`, its answer's body unread until the `async with` block reads it; `await parse()` gives its result (`BackupStreamedProgress`).

        Same arguments, retries and exceptions as `client.backup.restore_streamed_json`.
        """
        from .api.backup import backup_restore_specific_backup_streamed as operation
        from .types import UNSET

        client = self._client
        return AsyncResponseContextManager(
            lambda: client.request_response(
                operation,
                operation._get_kwargs(
                    backup,
                    body=UNSET if body is None else body,
                ),
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                stream=True,
            )
        )

    def restoration_status(
        self,
        backup: str,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> AsyncResponseContextManager[AsyncAPIResponse[BackupStatus]]:
        """`client.backup.restoration_status`, its answer's body unread until the `async with` block reads it; `await parse()` gives its result (`BackupStatus`).

        Same arguments, retries and exceptions as `client.backup.restoration_status`.
        """
        from .api.backup import backup_specific_restoration_status as operation

        client = self._client
        return AsyncResponseContextManager(
            lambda: client.request_response(
                operation,
                operation._get_kwargs(
                    backup,
                ),
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                stream=True,
            )
        )

    def cancel_restoration(
        self,
        backup: str,
        body: Backup | None = None,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> AsyncResponseContextManager[AsyncAPIResponse[None]]:
        """`client.backup.cancel_restoration`, its answer's body unread until the `async with` block reads it; `await parse()` gives its result (`None`).

        Same arguments, retries and exceptions as `client.backup.cancel_restoration`.
        """
        from .api.backup import backup_specific_restoration_cancel as operation
        from .types import UNSET

        client = self._client
        return AsyncResponseContextManager(
            lambda: client.request_response(
                operation,
                operation._get_kwargs(
                    backup,
                    body=UNSET if body is None else body,
                ),
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                stream=True,
            )
        )


class BackupsResource(BackupsCustom, SyncAPIResource):
    """The `Backups` operations of the spec: `client.backups.<method>(...)`."""

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
            timeout (float | httpx.Timeout | None | NotGiven): This call's timeout; default: the client's.
            max_retries (int | NotGiven): This call's retries; default: the client's if the operation is
                idempotent or honours an `Idempotency-Key`, else 0.
            extra_headers (Mapping[str, str] | None): Headers to add to this request.

        Raises:
            AuthenticationError: (401) The server was started with a token (`--token-file` or `BACKUP_API_TOKEN`; it
                must be, to listen on anything but loopback) and the request has no
                `Authorization: Bearer <token>` header carrying it.
            PermissionDeniedError: (403) A browser sent the request on behalf of a web page from another origin (its
                `Origin`, or `Sec-Fetch-Site: cross-site` / `same-site`, names a site the server
                was not told to trust with `--allow-origin`). Refused before any work is done,
                so no web page can restore, delete or create backups. Requests without these
                headers (SDKs, curl, the CLI) are unaffected.
            APIStatusError: (421) The `Host` header names a host this server does not answer for. It answers only
                for IP addresses, `localhost` and `*.localhost` (names no public DNS can point
                at this machine, so DNS rebinding cannot reach it), and for names given with
                `--allowed-host`.
            UnprocessableEntityError: (422) A parameter or the request body does not match the schema, or the body is JSON
                that no interoperable reader takes as sent (RFC 7493: a number beyond the range
                of a double, a string with an unpaired surrogate), or an `Idempotency-Key` is
                malformed or was used for another request (type `urn:backup-
                api:problem:idempotency-key-reused`).
            InternalServerError: (500) The server failed in a way it did not expect (a bug, or the disk failing under
                it); what the operation had started was undone. `detail` says which step failed.
            InternalServerError: (503) The object store the backups are kept in (`serve --store s3://…`) failed the
                request after the server's retries: it is unreachable or answered with errors;
                retry after `Retry-After` seconds. Without `Retry-After` the store refused the
                request (credentials, permissions, a bucket that does not exist), which retrying
                will not change until the server's store configuration is mended; `detail` names
                the request and the store's answer. Either way nothing was changed: the local
                database and every stored backup are as they were.
            APIStatusError: Any other error status (a subclass for 400, 401, 403, 404, 409, 410, 413, 415, 422, 429, 5xx).
            APIConnectionError: No answer (APITimeoutError: none in time), after any retries.
            APIResponseValidationError: An answer the spec does not describe.

        Returns:
            Backups: A page of the completed backups, newest first.
        """
        from .api.backups import backups_list as operation

        return operation.sync(
            client=self._client,
            limit=limit,
            cursor=cursor,
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
            timeout (float | httpx.Timeout | None | NotGiven): This call's timeout; default: the client's.
            max_retries (int | NotGiven): This call's retries; default: the client's if the operation is
                idempotent or honours an `Idempotency-Key`, else 0.
            extra_headers (Mapping[str, str] | None): Headers to add to this request.

        Raises:
            AuthenticationError: (401) The server was started with a token (`--token-file` or `BACKUP_API_TOKEN`; it
                must be, to listen on anything but loopback) and the request has no
                `Authorization: Bearer <token>` header carrying it.
            PermissionDeniedError: (403) A browser sent the request on behalf of a web page from another origin (its
                `Origin`, or `Sec-Fetch-Site: cross-site` / `same-site`, names a site the server
                was not told to trust with `--allow-origin`). Refused before any work is done,
                so no web page can restore, delete or create backups. Requests without these
                headers (SDKs, curl, the CLI) are unaffected.
            NotFoundError: (404) No backup has this identifier.
            ConflictError: (409) Another operation that would race with this one is running, or the backup is not
                in a state that allows it (nothing to cancel, a creation not complete yet, a
                corrupted archive or metadata: type `urn:backup-api:problem:backup-corrupted`;
                an encrypted backup that the server has no key for, or another key than the one
                it was made with: type `urn:backup-api:problem:backup-key-mismatch`), or the
                body describes another backup than the one at the path, or a request with the
                same `Idempotency-Key` is still being answered (type `urn:backup-
                api:problem:idempotency-key-in-use`). `detail` says which.
            GoneError: (410) The backup was here and is gone for good: it was deleted, or its creation was
                cancelled or failed and left nothing behind. (An identifier never handed out
                here is `404`.)
            APIStatusError: (421) The `Host` header names a host this server does not answer for. It answers only
                for IP addresses, `localhost` and `*.localhost` (names no public DNS can point
                at this machine, so DNS rebinding cannot reach it), and for names given with
                `--allowed-host`.
            UnprocessableEntityError: (422) A parameter or the request body does not match the schema, or the body is JSON
                that no interoperable reader takes as sent (RFC 7493: a number beyond the range
                of a double, a string with an unpaired surrogate), or an `Idempotency-Key` is
                malformed or was used for another request (type `urn:backup-
                api:problem:idempotency-key-reused`).
            InternalServerError: (500) The server failed in a way it did not expect (a bug, or the disk failing under
                it); what the operation had started was undone. `detail` says which step failed.
            InternalServerError: (503) The object store the backups are kept in (`serve --store s3://…`) failed the
                request after the server's retries: it is unreachable or answered with errors;
                retry after `Retry-After` seconds. Without `Retry-After` the store refused the
                request (credentials, permissions, a bucket that does not exist), which retrying
                will not change until the server's store configuration is mended; `detail` names
                the request and the store's answer. Either way nothing was changed: the local
                database and every stored backup are as they were.
            APIStatusError: Any other error status (a subclass for 400, 401, 403, 404, 409, 410, 413, 415, 422, 429, 5xx).
            APIConnectionError: No answer (APITimeoutError: none in time), after any retries.
            APIResponseValidationError: An answer the spec does not describe.

        Returns:
            None: nothing (204): The backup is deleted.
        """
        from .api.backups import backups_delete_specific_backup as operation

        return operation.sync(
            backup,
            client=self._client,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )


class AsyncBackupsResource(AsyncBackupsCustom, AsyncAPIResource):
    """The `Backups` operations of the spec, async: `await client.backups.<method>(...)`."""

    async def list_page(
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
            timeout (float | httpx.Timeout | None | NotGiven): This call's timeout; default: the client's.
            max_retries (int | NotGiven): This call's retries; default: the client's if the operation is
                idempotent or honours an `Idempotency-Key`, else 0.
            extra_headers (Mapping[str, str] | None): Headers to add to this request.

        Raises:
            AuthenticationError: (401) The server was started with a token (`--token-file` or `BACKUP_API_TOKEN`; it
                must be, to listen on anything but loopback) and the request has no
                `Authorization: Bearer <token>` header carrying it.
            PermissionDeniedError: (403) A browser sent the request on behalf of a web page from another origin (its
                `Origin`, or `Sec-Fetch-Site: cross-site` / `same-site`, names a site the server
                was not told to trust with `--allow-origin`). Refused before any work is done,
                so no web page can restore, delete or create backups. Requests without these
                headers (SDKs, curl, the CLI) are unaffected.
            APIStatusError: (421) The `Host` header names a host this server does not answer for. It answers only
                for IP addresses, `localhost` and `*.localhost` (names no public DNS can point
                at this machine, so DNS rebinding cannot reach it), and for names given with
                `--allowed-host`.
            UnprocessableEntityError: (422) A parameter or the request body does not match the schema, or the body is JSON
                that no interoperable reader takes as sent (RFC 7493: a number beyond the range
                of a double, a string with an unpaired surrogate), or an `Idempotency-Key` is
                malformed or was used for another request (type `urn:backup-
                api:problem:idempotency-key-reused`).
            InternalServerError: (500) The server failed in a way it did not expect (a bug, or the disk failing under
                it); what the operation had started was undone. `detail` says which step failed.
            InternalServerError: (503) The object store the backups are kept in (`serve --store s3://…`) failed the
                request after the server's retries: it is unreachable or answered with errors;
                retry after `Retry-After` seconds. Without `Retry-After` the store refused the
                request (credentials, permissions, a bucket that does not exist), which retrying
                will not change until the server's store configuration is mended; `detail` names
                the request and the store's answer. Either way nothing was changed: the local
                database and every stored backup are as they were.
            APIStatusError: Any other error status (a subclass for 400, 401, 403, 404, 409, 410, 413, 415, 422, 429, 5xx).
            APIConnectionError: No answer (APITimeoutError: none in time), after any retries.
            APIResponseValidationError: An answer the spec does not describe.

        Returns:
            Backups: A page of the completed backups, newest first.
        """
        from .api.backups import backups_list as operation

        return await operation.asyncio(
            client=self._client,
            limit=limit,
            cursor=cursor,
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
        """Delete a stored backup

        Deletes a completed backup. Answers `409` while the backup is being restored. Honours
        `Idempotency-Key`: a retry with the same key gets the first answer (`204`), not `410`.

        `POST /backups/{backup}/delete`. Not idempotent, yet retried by default: every attempt carries the same `Idempotency-Key`, which the server answers once.

        Args:
            backup (str): A backup's identifier, `<version>_<timestamp>`: the API version that wrote
                it and the creation time in microseconds since the epoch. Never contains `/`, `\\`, `..`
                or control characters.
            timeout (float | httpx.Timeout | None | NotGiven): This call's timeout; default: the client's.
            max_retries (int | NotGiven): This call's retries; default: the client's if the operation is
                idempotent or honours an `Idempotency-Key`, else 0.
            extra_headers (Mapping[str, str] | None): Headers to add to this request.

        Raises:
            AuthenticationError: (401) The server was started with a token (`--token-file` or `BACKUP_API_TOKEN`; it
                must be, to listen on anything but loopback) and the request has no
                `Authorization: Bearer <token>` header carrying it.
            PermissionDeniedError: (403) A browser sent the request on behalf of a web page from another origin (its
                `Origin`, or `Sec-Fetch-Site: cross-site` / `same-site`, names a site the server
                was not told to trust with `--allow-origin`). Refused before any work is done,
                so no web page can restore, delete or create backups. Requests without these
                headers (SDKs, curl, the CLI) are unaffected.
            NotFoundError: (404) No backup has this identifier.
            ConflictError: (409) Another operation that would race with this one is running, or the backup is not
                in a state that allows it (nothing to cancel, a creation not complete yet, a
                corrupted archive or metadata: type `urn:backup-api:problem:backup-corrupted`;
                an encrypted backup that the server has no key for, or another key than the one
                it was made with: type `urn:backup-api:problem:backup-key-mismatch`), or the
                body describes another backup than the one at the path, or a request with the
                same `Idempotency-Key` is still being answered (type `urn:backup-
                api:problem:idempotency-key-in-use`). `detail` says which.
            GoneError: (410) The backup was here and is gone for good: it was deleted, or its creation was
                cancelled or failed and left nothing behind. (An identifier never handed out
                here is `404`.)
            APIStatusError: (421) The `Host` header names a host this server does not answer for. It answers only
                for IP addresses, `localhost` and `*.localhost` (names no public DNS can point
                at this machine, so DNS rebinding cannot reach it), and for names given with
                `--allowed-host`.
            UnprocessableEntityError: (422) A parameter or the request body does not match the schema, or the body is JSON
                that no interoperable reader takes as sent (RFC 7493: a number beyond the range
                of a double, a string with an unpaired surrogate), or an `Idempotency-Key` is
                malformed or was used for another request (type `urn:backup-
                api:problem:idempotency-key-reused`).
            InternalServerError: (500) The server failed in a way it did not expect (a bug, or the disk failing under
                it); what the operation had started was undone. `detail` says which step failed.
            InternalServerError: (503) The object store the backups are kept in (`serve --store s3://…`) failed the
                request after the server's retries: it is unreachable or answered with errors;
                retry after `Retry-After` seconds. Without `Retry-After` the store refused the
                request (credentials, permissions, a bucket that does not exist), which retrying
                will not change until the server's store configuration is mended; `detail` names
                the request and the store's answer. Either way nothing was changed: the local
                database and every stored backup are as they were.
            APIStatusError: Any other error status (a subclass for 400, 401, 403, 404, 409, 410, 413, 415, 422, 429, 5xx).
            APIConnectionError: No answer (APITimeoutError: none in time), after any retries.
            APIResponseValidationError: An answer the spec does not describe.

        Returns:
            None: nothing (204): The backup is deleted.
        """
        from .api.backups import backups_delete_specific_backup as operation

        return await operation.asyncio(
            backup,
            client=self._client,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )


class BackupsResourceWithRawResponse:
    """`client.with_raw_response.backups`: the methods of `client.backups`, answering the `APIResponse`."""

    def __init__(self, client: SyncAPIClient) -> None:
        """Bind the operations to `client`."""
        self._client = client

    def list_page(
        self,
        *,
        limit: int | Unset = 100,
        cursor: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> APIResponse[Backups]:
        """`client.backups.list_page`, answering its HTTP response; `parse()` gives its result (`Backups`).

        Same arguments, retries and exceptions as `client.backups.list_page`.
        """
        from .api.backups import backups_list as operation

        return self._client.request_response(
            operation,
            operation._get_kwargs(
                limit=limit,
                cursor=cursor,
            ),
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
    ) -> APIResponse[None]:
        """`client.backups.delete`, answering its HTTP response; `parse()` gives its result (`None`).

        Same arguments, retries and exceptions as `client.backups.delete`.
        """
        from .api.backups import backups_delete_specific_backup as operation

        return self._client.request_response(
            operation,
            operation._get_kwargs(
                backup,
            ),
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )


class AsyncBackupsResourceWithRawResponse:
    """`client.with_raw_response.backups` (async): the methods of `client.backups`, answering the `AsyncAPIResponse`."""

    def __init__(self, client: AsyncAPIClient) -> None:
        """Bind the operations to `client`."""
        self._client = client

    async def list_page(
        self,
        *,
        limit: int | Unset = 100,
        cursor: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> AsyncAPIResponse[Backups]:
        """`client.backups.list_page`, answering its HTTP response; `await parse()` gives its result (`Backups`).

        Same arguments, retries and exceptions as `client.backups.list_page`.
        """
        from .api.backups import backups_list as operation

        return await self._client.request_response(
            operation,
            operation._get_kwargs(
                limit=limit,
                cursor=cursor,
            ),
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
    ) -> AsyncAPIResponse[None]:
        """`client.backups.delete`, answering its HTTP response; `await parse()` gives its result (`None`).

        Same arguments, retries and exceptions as `client.backups.delete`.
        """
        from .api.backups import backups_delete_specific_backup as operation

        return await self._client.request_response(
            operation,
            operation._get_kwargs(
                backup,
            ),
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )


class BackupsResourceWithStreamingResponse:
    """`client.with_streaming_response.backups`: the methods of `client.backups`, answering a context manager of the `APIResponse` whose body is read as it arrives."""

    def __init__(self, client: SyncAPIClient) -> None:
        """Bind the operations to `client`."""
        self._client = client

    def list_page(
        self,
        *,
        limit: int | Unset = 100,
        cursor: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> ResponseContextManager[APIResponse[Backups]]:
        """`client.backups.list_page`, its answer's body unread until the `with` block reads it; `parse()` gives its result (`Backups`).

        Same arguments, retries and exceptions as `client.backups.list_page`.
        """
        from .api.backups import backups_list as operation

        client = self._client
        return ResponseContextManager(
            lambda: client.request_response(
                operation,
                operation._get_kwargs(
                    limit=limit,
                    cursor=cursor,
                ),
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                stream=True,
            )
        )

    def delete(
        self,
        backup: str,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> ResponseContextManager[APIResponse[None]]:
        """`client.backups.delete`, its answer's body unread until the `with` block reads it; `parse()` gives its result (`None`).

        Same arguments, retries and exceptions as `client.backups.delete`.
        """
        from .api.backups import backups_delete_specific_backup as operation

        client = self._client
        return ResponseContextManager(
            lambda: client.request_response(
                operation,
                operation._get_kwargs(
                    backup,
                ),
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                stream=True,
            )
        )


class AsyncBackupsResourceWithStreamingResponse:
    """`client.with_streaming_response.backups` (async): the methods of `client.backups`, answering a context manager of the `AsyncAPIResponse` whose body is read as it arrives."""

    def __init__(self, client: AsyncAPIClient) -> None:
        """Bind the operations to `client`."""
        self._client = client

    def list_page(
        self,
        *,
        limit: int | Unset = 100,
        cursor: str | Unset = UNSET,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> AsyncResponseContextManager[AsyncAPIResponse[Backups]]:
        """`client.backups.list_page`, its answer's body unread until the `async with` block reads it; `await parse()` gives its result (`Backups`).

        Same arguments, retries and exceptions as `client.backups.list_page`.
        """
        from .api.backups import backups_list as operation

        client = self._client
        return AsyncResponseContextManager(
            lambda: client.request_response(
                operation,
                operation._get_kwargs(
                    limit=limit,
                    cursor=cursor,
                ),
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                stream=True,
            )
        )

    def delete(
        self,
        backup: str,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> AsyncResponseContextManager[AsyncAPIResponse[None]]:
        """`client.backups.delete`, its answer's body unread until the `async with` block reads it; `await parse()` gives its result (`None`).

        Same arguments, retries and exceptions as `client.backups.delete`.
        """
        from .api.backups import backups_delete_specific_backup as operation

        client = self._client
        return AsyncResponseContextManager(
            lambda: client.request_response(
                operation,
                operation._get_kwargs(
                    backup,
                ),
                timeout=timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                stream=True,
            )
        )


class BackupApiClientWithRawResponse:
    """`client.with_raw_response`: one attribute per tag, as on the client, whose methods answer the HTTP response.

    The hand-written methods (`restore_stream`, which streams already) are not here.
    """

    assets: AssetsResourceWithRawResponse
    backup: BackupResourceWithRawResponse
    backups: BackupsResourceWithRawResponse

    def __init__(self, client: SyncAPIClient) -> None:
        """Bind every tag's operations to `client`."""
        self.assets = AssetsResourceWithRawResponse(client)
        self.backup = BackupResourceWithRawResponse(client)
        self.backups = BackupsResourceWithRawResponse(client)


class AsyncBackupApiClientWithRawResponse:
    """`client.with_raw_response` (async): one attribute per tag, as on the client, whose methods answer the HTTP response.

    The hand-written methods (`restore_stream`, which streams already) are not here.
    """

    assets: AsyncAssetsResourceWithRawResponse
    backup: AsyncBackupResourceWithRawResponse
    backups: AsyncBackupsResourceWithRawResponse

    def __init__(self, client: AsyncAPIClient) -> None:
        """Bind every tag's operations to `client`."""
        self.assets = AsyncAssetsResourceWithRawResponse(client)
        self.backup = AsyncBackupResourceWithRawResponse(client)
        self.backups = AsyncBackupsResourceWithRawResponse(client)


class BackupApiClientWithStreamingResponse:
    """`client.with_streaming_response`: one attribute per tag, as on the client, whose methods answer a context manager of the HTTP response, its body read as it arrives.

    The hand-written methods (`restore_stream`, which streams already) are not here.
    """

    assets: AssetsResourceWithStreamingResponse
    backup: BackupResourceWithStreamingResponse
    backups: BackupsResourceWithStreamingResponse

    def __init__(self, client: SyncAPIClient) -> None:
        """Bind every tag's operations to `client`."""
        self.assets = AssetsResourceWithStreamingResponse(client)
        self.backup = BackupResourceWithStreamingResponse(client)
        self.backups = BackupsResourceWithStreamingResponse(client)


class AsyncBackupApiClientWithStreamingResponse:
    """`client.with_streaming_response` (async): one attribute per tag, as on the client, whose methods answer a context manager of the HTTP response, its body read as it arrives.

    The hand-written methods (`restore_stream`, which streams already) are not here.
    """

    assets: AsyncAssetsResourceWithStreamingResponse
    backup: AsyncBackupResourceWithStreamingResponse
    backups: AsyncBackupsResourceWithStreamingResponse

    def __init__(self, client: AsyncAPIClient) -> None:
        """Bind every tag's operations to `client`."""
        self.assets = AsyncAssetsResourceWithStreamingResponse(client)
        self.backup = AsyncBackupResourceWithStreamingResponse(client)
        self.backups = AsyncBackupsResourceWithStreamingResponse(client)


class BackupApiClient(SyncAPIClient):
    """The Backup API: one attribute per tag of the spec, one method per operation.

    ```python
    with BackupApiClient(base_url="http://localhost:1000") as client:
        backup_id = client.backup.create()
    ```

    Every method raises a subclass of `BackupApiError` instead of returning an error, retries
    idempotent operations (`x-idempotent: true` in the spec) and those the server answers once
    per `Idempotency-Key` (`x-idempotency-key: true`) on connection failures and on
    408, 429, 502, 503, 504 (honouring `Retry-After`), and takes `timeout=`, `max_retries=` and
    `extra_headers=` for one call. `with_options()` makes a copy with other defaults,
    `with_raw_response` / `with_streaming_response` answer the HTTP response itself.
    """

    assets: AssetsResource
    backup: BackupResource
    backups: BackupsResource

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
            base_url: The server; default: the `http_client`'s base URL, if it has one, else the
                environment variable `BACKUP_API_BASE_URL`, else `DEFAULT_BASE_URL`.
            timeout: Seconds for every phase, an `httpx.Timeout`, or None for none; default:
                connect 5 s, read, write and pool 60 s (`DEFAULT_TIMEOUT`, or the
                `http_client`'s timeout).
            max_retries: Retries of an idempotent operation after its first attempt (default 2).
            headers: Headers sent with every request.
            http_client: An `httpx.Client` of your own (transport, proxies, event hooks);
                closed with this client.
            api_key: The bearer token of a server started with one; default: the environment
                variable `BACKUP_API_TOKEN`, if set. Sent as `Authorization: Bearer <api_key>`.
        """
        super().__init__(
            base_url=base_url,
            default_base_url=DEFAULT_BASE_URL,
            timeout=timeout,
            max_retries=max_retries,
            headers=headers,
            http_client=http_client,
            user_agent=USER_AGENT,
            api_key=api_key,
        )
        self.assets = AssetsResource(self)
        self.backup = BackupResource(self)
        self.backups = BackupsResource(self)

    @property
    def with_raw_response(self) -> BackupApiClientWithRawResponse:
        """The same operations, answering their HTTP response instead of its parsed body.

        ```python
        response = client.with_raw_response.backup.get(backup_id)
        print(response.status_code, response.headers["content-type"], response.retries_taken)
        backup = response.parse()  # what client.backup.get returns
        ```
        """
        return BackupApiClientWithRawResponse(self)

    @property
    def with_streaming_response(self) -> BackupApiClientWithStreamingResponse:
        """The same operations, answering a context manager of their HTTP response whose body is
        read only as the block asks for it; leaving the block closes the connection.

        ```python
        with client.with_streaming_response.backups.list_page() as response:
            for line in response.iter_lines():
                print(line)
        ```
        """
        return BackupApiClientWithStreamingResponse(self)


class AsyncBackupApiClient(AsyncAPIClient):
    """The Backup API, async: one attribute per tag of the spec, one method per operation.

    ```python
    async with AsyncBackupApiClient(base_url="http://localhost:1000") as client:
        backup_id = await client.backup.create()
    ```

    Every method raises a subclass of `BackupApiError` instead of returning an error, retries
    idempotent operations (`x-idempotent: true` in the spec) and those the server answers once
    per `Idempotency-Key` (`x-idempotency-key: true`) on connection failures and on
    408, 429, 502, 503, 504 (honouring `Retry-After`), and takes `timeout=`, `max_retries=` and
    `extra_headers=` for one call. `with_options()` makes a copy with other defaults,
    `with_raw_response` / `with_streaming_response` answer the HTTP response itself.
    """

    assets: AsyncAssetsResource
    backup: AsyncBackupResource
    backups: AsyncBackupsResource

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
        """Connect to a Backup API server (nothing is sent until the first call).

        Args:
            base_url: The server; default: the `http_client`'s base URL, if it has one, else the
                environment variable `BACKUP_API_BASE_URL`, else `DEFAULT_BASE_URL`.
            timeout: Seconds for every phase, an `httpx.Timeout`, or None for none; default:
                connect 5 s, read, write and pool 60 s (`DEFAULT_TIMEOUT`, or the
                `http_client`'s timeout).
            max_retries: Retries of an idempotent operation after its first attempt (default 2).
            headers: Headers sent with every request.
            http_client: An `httpx.AsyncClient` of your own (transport, proxies, event hooks);
                closed with this client.
            api_key: The bearer token of a server started with one; default: the environment
                variable `BACKUP_API_TOKEN`, if set. Sent as `Authorization: Bearer <api_key>`.
        """
        super().__init__(
            base_url=base_url,
            default_base_url=DEFAULT_BASE_URL,
            timeout=timeout,
            max_retries=max_retries,
            headers=headers,
            http_client=http_client,
            user_agent=USER_AGENT,
            api_key=api_key,
        )
        self.assets = AsyncAssetsResource(self)
        self.backup = AsyncBackupResource(self)
        self.backups = AsyncBackupsResource(self)

    @property
    def with_raw_response(self) -> AsyncBackupApiClientWithRawResponse:
        """The same operations, answering their HTTP response instead of its parsed body.

        ```python
        response = await client.with_raw_response.backup.get(backup_id)
        print(response.status_code, response.headers["content-type"], response.retries_taken)
        backup = await response.parse()  # what client.backup.get returns
        ```
        """
        return AsyncBackupApiClientWithRawResponse(self)

    @property
    def with_streaming_response(self) -> AsyncBackupApiClientWithStreamingResponse:
        """The same operations, answering a context manager of their HTTP response whose body is
        read only as the block asks for it; leaving the block closes the connection.

        ```python
        async with client.with_streaming_response.backups.list_page() as response:
            async for line in response.iter_lines():
                print(line)
        ```
        """
        return AsyncBackupApiClientWithStreamingResponse(self)
