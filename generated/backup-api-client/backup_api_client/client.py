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
from ._constants import DEFAULT_MAX_RETRIES
from ._custom import (
    AssetsCustom,
    AsyncAssetsCustom,
    AsyncBackupCustom,
    AsyncBackupsCustom,
    BackupCustom,
    BackupsCustom,
)
from ._types import NOT_GIVEN, Headers, NotGiven, Timeout

# Query, header or cookie parameters default to UNSET (this imports attrs with the client).
from .types import UNSET, Unset

if TYPE_CHECKING:
    from .models.asset import Asset
    from .models.assets import Assets
    from .models.backup import Backup
    from .models.backup_status import BackupStatus
    from .models.backup_streamed_progress import BackupStreamedProgress
    from .models.backups import Backups

__all__ = [
    "AsyncBackupApiClient",
    "AsyncAssetsResource",
    "AsyncBackupResource",
    "AsyncBackupsResource",
    "DEFAULT_BASE_URL",
    "BackupApiClient",
    "AssetsResource",
    "BackupResource",
    "BackupsResource",
]

DEFAULT_BASE_URL = "http://localhost:1000"
"""The spec's first server."""
USER_AGENT = "backup-api-client/1.0.0"


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
                idempotent, else 0.
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
                of a double, a string with an unpaired surrogate).
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
                idempotent, else 0.
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
                of a double, a string with an unpaired surrogate).
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
        `creation/cancel`.

        `POST /backup`. Not idempotent: retried only when the call passes `max_retries`.

        Args:
            body (Assets | None): A list of assets.
                None sends no body.
            timeout (float | httpx.Timeout | None | NotGiven): This call's timeout; default: the client's.
            max_retries (int | NotGiven): This call's retries; default: the client's if the operation is
                idempotent, else 0.
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
                corrupted archive or metadata: type `urn:backup-api:problem:backup-corrupted`),
                or the body describes another backup than the one at the path. `detail` says
                which.
            PayloadTooLargeError: (413) The request body is larger than the server accepts.
            UnsupportedMediaTypeError: (415) The request body is not `application/json`.
            APIStatusError: (421) The `Host` header names a host this server does not answer for. It answers only
                for IP addresses, `localhost` and `*.localhost` (names no public DNS can point
                at this machine, so DNS rebinding cannot reach it), and for names given with
                `--allowed-host`.
            UnprocessableEntityError: (422) A parameter or the request body does not match the schema, or the body is JSON
                that no interoperable reader takes as sent (RFC 7493: a number beyond the range
                of a double, a string with an unpaired surrogate).
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

        `POST /backup/asset`. Not idempotent: retried only when the call passes `max_retries`.

        Args:
            body (Asset | None): A snippet of the local database. Only `id` is required; every other field,
                declared here or not, is stored as received and returned as it was sent.
                None sends no body.
            timeout (float | httpx.Timeout | None | NotGiven): This call's timeout; default: the client's.
            max_retries (int | NotGiven): This call's retries; default: the client's if the operation is
                idempotent, else 0.
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
                corrupted archive or metadata: type `urn:backup-api:problem:backup-corrupted`),
                or the body describes another backup than the one at the path. `detail` says
                which.
            PayloadTooLargeError: (413) The request body is larger than the server accepts.
            UnsupportedMediaTypeError: (415) The request body is not `application/json`.
            APIStatusError: (421) The `Host` header names a host this server does not answer for. It answers only
                for IP addresses, `localhost` and `*.localhost` (names no public DNS can point
                at this machine, so DNS rebinding cannot reach it), and for names given with
                `--allowed-host`.
            UnprocessableEntityError: (422) A parameter or the request body does not match the schema, or the body is JSON
                that no interoperable reader takes as sent (RFC 7493: a number beyond the range
                of a double, a string with an unpaired surrogate).
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
                idempotent, else 0.
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
                corrupted archive or metadata: type `urn:backup-api:problem:backup-corrupted`),
                or the body describes another backup than the one at the path. `detail` says
                which.
            GoneError: (410) The backup was here and is gone for good: it was deleted, or its creation was
                cancelled or failed and left nothing behind. (An identifier never handed out
                here is `404`.)
            APIStatusError: (421) The `Host` header names a host this server does not answer for. It answers only
                for IP addresses, `localhost` and `*.localhost` (names no public DNS can point
                at this machine, so DNS rebinding cannot reach it), and for names given with
                `--allowed-host`.
            UnprocessableEntityError: (422) A parameter or the request body does not match the schema, or the body is JSON
                that no interoperable reader takes as sent (RFC 7493: a number beyond the range
                of a double, a string with an unpaired surrogate).
            InternalServerError: (500) The server failed in a way it did not expect (a bug, or the disk failing under
                it); what the operation had started was undone. `detail` says which step failed.
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
                idempotent, else 0.
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
                corrupted archive or metadata: type `urn:backup-api:problem:backup-corrupted`),
                or the body describes another backup than the one at the path. `detail` says
                which.
            GoneError: (410) The backup was here and is gone for good: it was deleted, or its creation was
                cancelled or failed and left nothing behind. (An identifier never handed out
                here is `404`.)
            APIStatusError: (421) The `Host` header names a host this server does not answer for. It answers only
                for IP addresses, `localhost` and `*.localhost` (names no public DNS can point
                at this machine, so DNS rebinding cannot reach it), and for names given with
                `--allowed-host`.
            UnprocessableEntityError: (422) A parameter or the request body does not match the schema, or the body is JSON
                that no interoperable reader takes as sent (RFC 7493: a number beyond the range
                of a double, a string with an unpaired surrogate).
            InternalServerError: (500) The server failed in a way it did not expect (a bug, or the disk failing under
                it); what the operation had started was undone. `detail` says which step failed.
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
                idempotent, else 0.
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
                corrupted archive or metadata: type `urn:backup-api:problem:backup-corrupted`),
                or the body describes another backup than the one at the path. `detail` says
                which.
            GoneError: (410) The backup was here and is gone for good: it was deleted, or its creation was
                cancelled or failed and left nothing behind. (An identifier never handed out
                here is `404`.)
            APIStatusError: (421) The `Host` header names a host this server does not answer for. It answers only
                for IP addresses, `localhost` and `*.localhost` (names no public DNS can point
                at this machine, so DNS rebinding cannot reach it), and for names given with
                `--allowed-host`.
            UnprocessableEntityError: (422) A parameter or the request body does not match the schema, or the body is JSON
                that no interoperable reader takes as sent (RFC 7493: a number beyond the range
                of a double, a string with an unpaired surrogate).
            InternalServerError: (500) The server failed in a way it did not expect (a bug, or the disk failing under
                it); what the operation had started was undone. `detail` says which step failed.
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
                idempotent, else 0.
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
                corrupted archive or metadata: type `urn:backup-api:problem:backup-corrupted`),
                or the body describes another backup than the one at the path. `detail` says
                which.
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
                of a double, a string with an unpaired surrogate).
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
                idempotent, else 0.
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
                corrupted archive or metadata: type `urn:backup-api:problem:backup-corrupted`),
                or the body describes another backup than the one at the path. `detail` says
                which.
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
                of a double, a string with an unpaired surrogate).
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
                idempotent, else 0.
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
                corrupted archive or metadata: type `urn:backup-api:problem:backup-corrupted`),
                or the body describes another backup than the one at the path. `detail` says
                which.
            GoneError: (410) The backup was here and is gone for good: it was deleted, or its creation was
                cancelled or failed and left nothing behind. (An identifier never handed out
                here is `404`.)
            APIStatusError: (421) The `Host` header names a host this server does not answer for. It answers only
                for IP addresses, `localhost` and `*.localhost` (names no public DNS can point
                at this machine, so DNS rebinding cannot reach it), and for names given with
                `--allowed-host`.
            UnprocessableEntityError: (422) A parameter or the request body does not match the schema, or the body is JSON
                that no interoperable reader takes as sent (RFC 7493: a number beyond the range
                of a double, a string with an unpaired surrogate).
            InternalServerError: (500) The server failed in a way it did not expect (a bug, or the disk failing under
                it); what the operation had started was undone. `detail` says which step failed.
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
                idempotent, else 0.
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
                corrupted archive or metadata: type `urn:backup-api:problem:backup-corrupted`),
                or the body describes another backup than the one at the path. `detail` says
                which.
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
                of a double, a string with an unpaired surrogate).
            RateLimitError: (429) The server is at one of its bounds: as many creations are waiting as it queues,
                or as many large request bodies are being read as it reads at once. Nothing was
                started; retry after `Retry-After` seconds.
            InternalServerError: (500) The server failed in a way it did not expect (a bug, or the disk failing under
                it); what the operation had started was undone. `detail` says which step failed.
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
        `creation/cancel`.

        `POST /backup`. Not idempotent: retried only when the call passes `max_retries`.

        Args:
            body (Assets | None): A list of assets.
                None sends no body.
            timeout (float | httpx.Timeout | None | NotGiven): This call's timeout; default: the client's.
            max_retries (int | NotGiven): This call's retries; default: the client's if the operation is
                idempotent, else 0.
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
                corrupted archive or metadata: type `urn:backup-api:problem:backup-corrupted`),
                or the body describes another backup than the one at the path. `detail` says
                which.
            PayloadTooLargeError: (413) The request body is larger than the server accepts.
            UnsupportedMediaTypeError: (415) The request body is not `application/json`.
            APIStatusError: (421) The `Host` header names a host this server does not answer for. It answers only
                for IP addresses, `localhost` and `*.localhost` (names no public DNS can point
                at this machine, so DNS rebinding cannot reach it), and for names given with
                `--allowed-host`.
            UnprocessableEntityError: (422) A parameter or the request body does not match the schema, or the body is JSON
                that no interoperable reader takes as sent (RFC 7493: a number beyond the range
                of a double, a string with an unpaired surrogate).
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

        `POST /backup/asset`. Not idempotent: retried only when the call passes `max_retries`.

        Args:
            body (Asset | None): A snippet of the local database. Only `id` is required; every other field,
                declared here or not, is stored as received and returned as it was sent.
                None sends no body.
            timeout (float | httpx.Timeout | None | NotGiven): This call's timeout; default: the client's.
            max_retries (int | NotGiven): This call's retries; default: the client's if the operation is
                idempotent, else 0.
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
                corrupted archive or metadata: type `urn:backup-api:problem:backup-corrupted`),
                or the body describes another backup than the one at the path. `detail` says
                which.
            PayloadTooLargeError: (413) The request body is larger than the server accepts.
            UnsupportedMediaTypeError: (415) The request body is not `application/json`.
            APIStatusError: (421) The `Host` header names a host this server does not answer for. It answers only
                for IP addresses, `localhost` and `*.localhost` (names no public DNS can point
                at this machine, so DNS rebinding cannot reach it), and for names given with
                `--allowed-host`.
            UnprocessableEntityError: (422) A parameter or the request body does not match the schema, or the body is JSON
                that no interoperable reader takes as sent (RFC 7493: a number beyond the range
                of a double, a string with an unpaired surrogate).
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
                idempotent, else 0.
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
                corrupted archive or metadata: type `urn:backup-api:problem:backup-corrupted`),
                or the body describes another backup than the one at the path. `detail` says
                which.
            GoneError: (410) The backup was here and is gone for good: it was deleted, or its creation was
                cancelled or failed and left nothing behind. (An identifier never handed out
                here is `404`.)
            APIStatusError: (421) The `Host` header names a host this server does not answer for. It answers only
                for IP addresses, `localhost` and `*.localhost` (names no public DNS can point
                at this machine, so DNS rebinding cannot reach it), and for names given with
                `--allowed-host`.
            UnprocessableEntityError: (422) A parameter or the request body does not match the schema, or the body is JSON
                that no interoperable reader takes as sent (RFC 7493: a number beyond the range
                of a double, a string with an unpaired surrogate).
            InternalServerError: (500) The server failed in a way it did not expect (a bug, or the disk failing under
                it); what the operation had started was undone. `detail` says which step failed.
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
                idempotent, else 0.
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
                corrupted archive or metadata: type `urn:backup-api:problem:backup-corrupted`),
                or the body describes another backup than the one at the path. `detail` says
                which.
            GoneError: (410) The backup was here and is gone for good: it was deleted, or its creation was
                cancelled or failed and left nothing behind. (An identifier never handed out
                here is `404`.)
            APIStatusError: (421) The `Host` header names a host this server does not answer for. It answers only
                for IP addresses, `localhost` and `*.localhost` (names no public DNS can point
                at this machine, so DNS rebinding cannot reach it), and for names given with
                `--allowed-host`.
            UnprocessableEntityError: (422) A parameter or the request body does not match the schema, or the body is JSON
                that no interoperable reader takes as sent (RFC 7493: a number beyond the range
                of a double, a string with an unpaired surrogate).
            InternalServerError: (500) The server failed in a way it did not expect (a bug, or the disk failing under
                it); what the operation had started was undone. `detail` says which step failed.
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
                idempotent, else 0.
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
                corrupted archive or metadata: type `urn:backup-api:problem:backup-corrupted`),
                or the body describes another backup than the one at the path. `detail` says
                which.
            GoneError: (410) The backup was here and is gone for good: it was deleted, or its creation was
                cancelled or failed and left nothing behind. (An identifier never handed out
                here is `404`.)
            APIStatusError: (421) The `Host` header names a host this server does not answer for. It answers only
                for IP addresses, `localhost` and `*.localhost` (names no public DNS can point
                at this machine, so DNS rebinding cannot reach it), and for names given with
                `--allowed-host`.
            UnprocessableEntityError: (422) A parameter or the request body does not match the schema, or the body is JSON
                that no interoperable reader takes as sent (RFC 7493: a number beyond the range
                of a double, a string with an unpaired surrogate).
            InternalServerError: (500) The server failed in a way it did not expect (a bug, or the disk failing under
                it); what the operation had started was undone. `detail` says which step failed.
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
                idempotent, else 0.
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
                corrupted archive or metadata: type `urn:backup-api:problem:backup-corrupted`),
                or the body describes another backup than the one at the path. `detail` says
                which.
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
                of a double, a string with an unpaired surrogate).
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
                idempotent, else 0.
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
                corrupted archive or metadata: type `urn:backup-api:problem:backup-corrupted`),
                or the body describes another backup than the one at the path. `detail` says
                which.
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
                of a double, a string with an unpaired surrogate).
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
                idempotent, else 0.
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
                corrupted archive or metadata: type `urn:backup-api:problem:backup-corrupted`),
                or the body describes another backup than the one at the path. `detail` says
                which.
            GoneError: (410) The backup was here and is gone for good: it was deleted, or its creation was
                cancelled or failed and left nothing behind. (An identifier never handed out
                here is `404`.)
            APIStatusError: (421) The `Host` header names a host this server does not answer for. It answers only
                for IP addresses, `localhost` and `*.localhost` (names no public DNS can point
                at this machine, so DNS rebinding cannot reach it), and for names given with
                `--allowed-host`.
            UnprocessableEntityError: (422) A parameter or the request body does not match the schema, or the body is JSON
                that no interoperable reader takes as sent (RFC 7493: a number beyond the range
                of a double, a string with an unpaired surrogate).
            InternalServerError: (500) The server failed in a way it did not expect (a bug, or the disk failing under
                it); what the operation had started was undone. `detail` says which step failed.
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
                idempotent, else 0.
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
                corrupted archive or metadata: type `urn:backup-api:problem:backup-corrupted`),
                or the body describes another backup than the one at the path. `detail` says
                which.
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
                of a double, a string with an unpaired surrogate).
            RateLimitError: (429) The server is at one of its bounds: as many creations are waiting as it queues,
                or as many large request bodies are being read as it reads at once. Nothing was
                started; retry after `Retry-After` seconds.
            InternalServerError: (500) The server failed in a way it did not expect (a bug, or the disk failing under
                it); what the operation had started was undone. `detail` says which step failed.
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
                idempotent, else 0.
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
                of a double, a string with an unpaired surrogate).
            InternalServerError: (500) The server failed in a way it did not expect (a bug, or the disk failing under
                it); what the operation had started was undone. `detail` says which step failed.
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

        Deletes a completed backup. Answers `409` while the backup is being restored.

        `POST /backups/{backup}/delete`. Not idempotent: retried only when the call passes `max_retries`.

        Args:
            backup (str): A backup's identifier, `<version>_<timestamp>`: the API version that wrote
                it and the creation time in microseconds since the epoch. Never contains `/`, `\\`, `..`
                or control characters.
            timeout (float | httpx.Timeout | None | NotGiven): This call's timeout; default: the client's.
            max_retries (int | NotGiven): This call's retries; default: the client's if the operation is
                idempotent, else 0.
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
                corrupted archive or metadata: type `urn:backup-api:problem:backup-corrupted`),
                or the body describes another backup than the one at the path. `detail` says
                which.
            GoneError: (410) The backup was here and is gone for good: it was deleted, or its creation was
                cancelled or failed and left nothing behind. (An identifier never handed out
                here is `404`.)
            APIStatusError: (421) The `Host` header names a host this server does not answer for. It answers only
                for IP addresses, `localhost` and `*.localhost` (names no public DNS can point
                at this machine, so DNS rebinding cannot reach it), and for names given with
                `--allowed-host`.
            UnprocessableEntityError: (422) A parameter or the request body does not match the schema, or the body is JSON
                that no interoperable reader takes as sent (RFC 7493: a number beyond the range
                of a double, a string with an unpaired surrogate).
            InternalServerError: (500) The server failed in a way it did not expect (a bug, or the disk failing under
                it); what the operation had started was undone. `detail` says which step failed.
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
                idempotent, else 0.
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
                of a double, a string with an unpaired surrogate).
            InternalServerError: (500) The server failed in a way it did not expect (a bug, or the disk failing under
                it); what the operation had started was undone. `detail` says which step failed.
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

        Deletes a completed backup. Answers `409` while the backup is being restored.

        `POST /backups/{backup}/delete`. Not idempotent: retried only when the call passes `max_retries`.

        Args:
            backup (str): A backup's identifier, `<version>_<timestamp>`: the API version that wrote
                it and the creation time in microseconds since the epoch. Never contains `/`, `\\`, `..`
                or control characters.
            timeout (float | httpx.Timeout | None | NotGiven): This call's timeout; default: the client's.
            max_retries (int | NotGiven): This call's retries; default: the client's if the operation is
                idempotent, else 0.
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
                corrupted archive or metadata: type `urn:backup-api:problem:backup-corrupted`),
                or the body describes another backup than the one at the path. `detail` says
                which.
            GoneError: (410) The backup was here and is gone for good: it was deleted, or its creation was
                cancelled or failed and left nothing behind. (An identifier never handed out
                here is `404`.)
            APIStatusError: (421) The `Host` header names a host this server does not answer for. It answers only
                for IP addresses, `localhost` and `*.localhost` (names no public DNS can point
                at this machine, so DNS rebinding cannot reach it), and for names given with
                `--allowed-host`.
            UnprocessableEntityError: (422) A parameter or the request body does not match the schema, or the body is JSON
                that no interoperable reader takes as sent (RFC 7493: a number beyond the range
                of a double, a string with an unpaired surrogate).
            InternalServerError: (500) The server failed in a way it did not expect (a bug, or the disk failing under
                it); what the operation had started was undone. `detail` says which step failed.
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


class BackupApiClient(SyncAPIClient):
    """The Backup API: one attribute per tag of the spec, one method per operation.

    ```python
    with BackupApiClient(base_url="http://localhost:1000") as client:
        backup_id = client.backup.create()
    ```

    Every method raises a subclass of `BackupApiError` instead of returning an error, retries
    idempotent operations (`x-idempotent: true` in the spec) on connection failures and on
    408, 429, 502, 503, 504 (honouring `Retry-After`), and takes `timeout=`, `max_retries=` and
    `extra_headers=` for one call.
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
            base_url: The server; default: the spec's first server, `DEFAULT_BASE_URL` (or the
                `http_client`'s base URL, if it has one).
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


class AsyncBackupApiClient(AsyncAPIClient):
    """The Backup API, async: one attribute per tag of the spec, one method per operation.

    ```python
    async with AsyncBackupApiClient(base_url="http://localhost:1000") as client:
        backup_id = await client.backup.create()
    ```

    Every method raises a subclass of `BackupApiError` instead of returning an error, retries
    idempotent operations (`x-idempotent: true` in the spec) on connection failures and on
    408, 429, 502, 503, 504 (honouring `Retry-After`), and takes `timeout=`, `max_retries=` and
    `extra_headers=` for one call.
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
            base_url: The server; default: the spec's first server, `DEFAULT_BASE_URL` (or the
                `http_client`'s base URL, if it has one).
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
