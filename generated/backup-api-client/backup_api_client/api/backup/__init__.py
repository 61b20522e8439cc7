# Generated from spec/backup-api.yaml by `codegen generate`. Do not edit: change the spec, templates/ or overrides/ and regenerate.
"""`client.backup`: the `Backup` operations of the spec (sync and async) and their response views."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..._base_client import AsyncAPIResource, SyncAPIResource
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
from ..._streaming import async_stream, sync_stream
from ..._types import NOT_GIVEN, UNSET, Headers, NotGiven, Timeout, Unset

if TYPE_CHECKING:
    from ..._streaming import AsyncStream, Stream
    from ...models.asset import Asset
    from ...models.assets import Assets
    from ...models.backup import Backup
    from ...models.backup_status import BackupStatus
    from ...models.backup_streamed_progress import BackupStreamedProgress
    from ...models.problem import Problem


class BackupResource(SyncResource, SyncAPIResource):
    """`client.backup`: the `Backup` operations of the spec."""

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
            timeout (Timeout | NotGiven): This call's own timeout (see the package's README).
            max_retries (int | NotGiven): This call's own number of retries.
            extra_headers (Headers | None): Headers this call adds.

        Raises:
            BadRequestError: (400) The request body is not well-formed JSON.
            AuthenticationError: (401) The server was started with a token (`--token-file` or `BACKUP_API_TOKEN`; it …
            PermissionDeniedError: (403) A browser sent the request on behalf of a web page from another origin (its …
            APIStatusError: (408) The request body did not arrive in time: no data for 10 seconds, or not all of …
            ConflictError: (409) Another operation that would race with this one is running, or the backup is …
            PayloadTooLargeError: (413) The request body is larger than the server accepts.
            UnsupportedMediaTypeError: (415) The request body is not `application/json`.
            APIStatusError: (421) The `Host` header names a host this server does not answer for.
            UnprocessableEntityError: (422) A parameter or the request body does not match the schema, or the body is JSON …
            RateLimitError: (429) The server is at one of its bounds: as many creations are waiting as it …
            InternalServerError: (500) The server failed in a way it did not expect (a bug, or the disk failing under …
            InternalServerError: (507) The disk (or the storage the backups live in) is full.
            APIError: any other failure (what each status means: `backup_api_client.errors`).

        Returns:
            str: the new identifier (the `Backup-Id` header, else the last segment of `Location`).

        """
        from . import backup as operation

        result: str = self._call(
            operation,
            operation._get_kwargs(
                body=UNSET if body is None else body,
            ),
            timeout,
            max_retries,
            extra_headers,
        )
        return result

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
            timeout (Timeout | NotGiven): This call's own timeout (see the package's README).
            max_retries (int | NotGiven): This call's own number of retries.
            extra_headers (Headers | None): Headers this call adds.

        Raises:
            BadRequestError: (400) The request body is not well-formed JSON.
            AuthenticationError: (401) The server was started with a token (`--token-file` or `BACKUP_API_TOKEN`; it …
            PermissionDeniedError: (403) A browser sent the request on behalf of a web page from another origin (its …
            APIStatusError: (408) The request body did not arrive in time: no data for 10 seconds, or not all of …
            ConflictError: (409) Another operation that would race with this one is running, or the backup is …
            PayloadTooLargeError: (413) The request body is larger than the server accepts.
            UnsupportedMediaTypeError: (415) The request body is not `application/json`.
            APIStatusError: (421) The `Host` header names a host this server does not answer for.
            UnprocessableEntityError: (422) A parameter or the request body does not match the schema, or the body is JSON …
            RateLimitError: (429) The server is at one of its bounds: as many creations are waiting as it …
            InternalServerError: (500) The server failed in a way it did not expect (a bug, or the disk failing under …
            InternalServerError: (507) The disk (or the storage the backups live in) is full.
            APIError: any other failure (what each status means: `backup_api_client.errors`).

        Returns:
            str: the new identifier (the `Backup-Id` header, else the last segment of `Location`).

        """
        from . import backup_asset as operation

        result: str = self._call(
            operation,
            operation._get_kwargs(
                body=UNSET if body is None else body,
            ),
            timeout,
            max_retries,
            extra_headers,
        )
        return result

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
            Backup: The backup's metadata.

        """
        from . import backup_specific_backup_snapshot as operation

        result: Backup = self._call(
            operation,
            operation._get_kwargs(
                backup,
            ),
            timeout,
            max_retries,
            extra_headers,
        )
        return result

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
            BackupStatus: The creation's status.

        """
        from . import backup_specific_creation_status as operation

        result: BackupStatus = self._call(
            operation,
            operation._get_kwargs(
                backup,
            ),
            timeout,
            max_retries,
            extra_headers,
        )
        return result

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
            None: The creation was cancelled and nothing of it is left.

        """
        from . import backup_specific_creation_cancel as operation

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

        `POST /backup/{backup}/restore`. Not idempotent: retried only when the call passes `max_retries`. Long-running: its answer is awaited with the long read timeout.

        Args:
            backup (str): A backup's identifier, `<version>_<timestamp>`: the API version that wrote
                it and the creation time in microseconds since the epoch. Never contains `/`, `\\`, `..`
                or control characters.
            body (Backup | None): A stored backup's metadata.
            timeout (Timeout | NotGiven): This call's own timeout (see the package's README).
            max_retries (int | NotGiven): This call's own number of retries.
            extra_headers (Headers | None): Headers this call adds.

        Raises:
            BadRequestError: (400) The request body is not well-formed JSON.
            AuthenticationError: (401) The server was started with a token (`--token-file` or `BACKUP_API_TOKEN`; it …
            PermissionDeniedError: (403) A browser sent the request on behalf of a web page from another origin (its …
            NotFoundError: (404) No backup has this identifier.
            APIStatusError: (408) The request body did not arrive in time: no data for 10 seconds, or not all of …
            ConflictError: (409) Another operation that would race with this one is running, or the backup is …
            GoneError: (410) The backup was here and is gone for good: it was deleted, or its creation was …
            PayloadTooLargeError: (413) The request body is larger than the server accepts.
            UnsupportedMediaTypeError: (415) The request body is not `application/json`.
            APIStatusError: (421) The `Host` header names a host this server does not answer for.
            UnprocessableEntityError: (422) A parameter or the request body does not match the schema, or the body is JSON …
            RateLimitError: (429) The server is at one of its bounds: as many creations are waiting as it …
            InternalServerError: (500) The server failed in a way it did not expect (a bug, or the disk failing under …
            InternalServerError: (503) The object store the backups are kept in (`serve --store s3://…`) failed the …
            InternalServerError: (507) The disk (or the storage the backups live in) is full.
            APIError: any other failure (what each status means: `backup_api_client.errors`).

        Returns:
            Backup: The restoration is complete; the backup that was restored.

        """
        from . import backup_restore_specific_backup as operation

        result: Backup = self._call(
            operation,
            operation._get_kwargs(
                backup,
                body=UNSET if body is None else body,
            ),
            timeout,
            max_retries,
            extra_headers,
        )
        return result

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

        `POST /backup/{backup}/restore/streamed`. Not idempotent: retried only when the call passes `max_retries`. Long-running: its answer is awaited with the long read timeout.

        Args:
            backup (str): A backup's identifier, `<version>_<timestamp>`: the API version that wrote
                it and the creation time in microseconds since the epoch. Never contains `/`, `\\`, `..`
                or control characters.
            body (Backup | None): A stored backup's metadata.
            timeout (Timeout | NotGiven): This call's own timeout (see the package's README).
            max_retries (int | NotGiven): This call's own number of retries.
            extra_headers (Headers | None): Headers this call adds.

        Raises:
            BadRequestError: (400) The request body is not well-formed JSON.
            AuthenticationError: (401) The server was started with a token (`--token-file` or `BACKUP_API_TOKEN`; it …
            PermissionDeniedError: (403) A browser sent the request on behalf of a web page from another origin (its …
            NotFoundError: (404) No backup has this identifier.
            APIStatusError: (408) The request body did not arrive in time: no data for 10 seconds, or not all of …
            ConflictError: (409) Another operation that would race with this one is running, or the backup is …
            GoneError: (410) The backup was here and is gone for good: it was deleted, or its creation was …
            PayloadTooLargeError: (413) The request body is larger than the server accepts.
            UnsupportedMediaTypeError: (415) The request body is not `application/json`.
            APIStatusError: (421) The `Host` header names a host this server does not answer for.
            UnprocessableEntityError: (422) A parameter or the request body does not match the schema, or the body is JSON …
            RateLimitError: (429) The server is at one of its bounds: as many creations are waiting as it …
            InternalServerError: (500) The server failed in a way it did not expect (a bug, or the disk failing under …
            InternalServerError: (503) The object store the backups are kept in (`serve --store s3://…`) failed the …
            InternalServerError: (507) The disk (or the storage the backups live in) is full.
            APIError: any other failure (what each status means: `backup_api_client.errors`).

        Returns:
            BackupStreamedProgress: The final progress (JSON) or the progress as it happens (Server-Sent Events).

        """
        from . import backup_restore_specific_backup_streamed as operation

        result: BackupStreamedProgress = self._call(
            operation,
            operation._get_kwargs(
                backup,
                body=UNSET if body is None else body,
            ),
            timeout,
            max_retries,
            extra_headers,
        )
        return result

    def restore_stream(
        self,
        backup: str,
        body: Backup | None = None,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> Stream[BackupStreamedProgress]:
        """Restore a backup, following its progress, as it happens: one `BackupStreamedProgress` per Server-Sent Event, sent when the `with` block opens (errors raise there); leaving it closes the connection. Never retried. Ends after a COMPLETED, FAILED, CANCELED event; a FAILED one raises `RestorationFailedError`."""
        from ...models.backup_streamed_progress import BackupStreamedProgress
        from . import backup_restore_specific_backup_streamed as operation

        return sync_stream(
            self._client,
            operation._get_kwargs(
                backup,
                body=UNSET if body is None else body,
            ),
            BackupStreamedProgress,
            frozenset(["COMPLETED", "FAILED", "CANCELED"]),
            timeout=timeout,
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
            BackupStatus: The restoration's status.

        """
        from . import backup_specific_restoration_status as operation

        result: BackupStatus = self._call(
            operation,
            operation._get_kwargs(
                backup,
            ),
            timeout,
            max_retries,
            extra_headers,
        )
        return result

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
            timeout (Timeout | NotGiven): This call's own timeout (see the package's README).
            max_retries (int | NotGiven): This call's own number of retries.
            extra_headers (Headers | None): Headers this call adds.

        Raises:
            BadRequestError: (400) The request body is not well-formed JSON.
            AuthenticationError: (401) The server was started with a token (`--token-file` or `BACKUP_API_TOKEN`; it …
            PermissionDeniedError: (403) A browser sent the request on behalf of a web page from another origin (its …
            NotFoundError: (404) No backup has this identifier.
            APIStatusError: (408) The request body did not arrive in time: no data for 10 seconds, or not all of …
            ConflictError: (409) Another operation that would race with this one is running, or the backup is …
            GoneError: (410) The backup was here and is gone for good: it was deleted, or its creation was …
            PayloadTooLargeError: (413) The request body is larger than the server accepts.
            UnsupportedMediaTypeError: (415) The request body is not `application/json`.
            APIStatusError: (421) The `Host` header names a host this server does not answer for.
            UnprocessableEntityError: (422) A parameter or the request body does not match the schema, or the body is JSON …
            RateLimitError: (429) The server is at one of its bounds: as many creations are waiting as it …
            InternalServerError: (500) The server failed in a way it did not expect (a bug, or the disk failing under …
            InternalServerError: (503) The object store the backups are kept in (`serve --store s3://…`) failed the …
            APIError: any other failure (what each status means: `backup_api_client.errors`).

        Returns:
            None: The restoration was cancelled; the local database is as it was.

        """
        from . import backup_specific_restoration_cancel as operation

        result: None = self._call(
            operation,
            operation._get_kwargs(
                backup,
                body=UNSET if body is None else body,
            ),
            timeout,
            max_retries,
            extra_headers,
        )
        return result


class BackupResourceWithRawResponse(SyncResourceView["BackupResource"]):
    """`client.with_raw_response.backup`: the methods of `client.backup`, answering their HTTP response."""

    _resource_class = BackupResource

    @raw_response(BackupResource.create)
    def create(self, *args: Any, **kwargs: Any) -> Any: ...

    @raw_response(BackupResource.create_from_asset)
    def create_from_asset(self, *args: Any, **kwargs: Any) -> Any: ...

    @raw_response(BackupResource.get)
    def get(self, *args: Any, **kwargs: Any) -> Any: ...

    @raw_response(BackupResource.creation_status)
    def creation_status(self, *args: Any, **kwargs: Any) -> Any: ...

    @raw_response(BackupResource.cancel_creation)
    def cancel_creation(self, *args: Any, **kwargs: Any) -> Any: ...

    @raw_response(BackupResource.restore)
    def restore(self, *args: Any, **kwargs: Any) -> Any: ...

    @raw_response(BackupResource.restore_streamed_json)
    def restore_streamed_json(self, *args: Any, **kwargs: Any) -> Any: ...

    @raw_response(BackupResource.restoration_status)
    def restoration_status(self, *args: Any, **kwargs: Any) -> Any: ...

    @raw_response(BackupResource.cancel_restoration)
    def cancel_restoration(self, *args: Any, **kwargs: Any) -> Any: ...


class BackupResourceWithStreamingResponse(SyncResourceView["BackupResource"]):
    """`client.with_streaming_response.backup`: the methods of `client.backup`, answering their HTTP response."""

    _resource_class = BackupResource

    @streamed_response(BackupResource.create)
    def create(self, *args: Any, **kwargs: Any) -> Any: ...

    @streamed_response(BackupResource.create_from_asset)
    def create_from_asset(self, *args: Any, **kwargs: Any) -> Any: ...

    @streamed_response(BackupResource.get)
    def get(self, *args: Any, **kwargs: Any) -> Any: ...

    @streamed_response(BackupResource.creation_status)
    def creation_status(self, *args: Any, **kwargs: Any) -> Any: ...

    @streamed_response(BackupResource.cancel_creation)
    def cancel_creation(self, *args: Any, **kwargs: Any) -> Any: ...

    @streamed_response(BackupResource.restore)
    def restore(self, *args: Any, **kwargs: Any) -> Any: ...

    @streamed_response(BackupResource.restore_streamed_json)
    def restore_streamed_json(self, *args: Any, **kwargs: Any) -> Any: ...

    @streamed_response(BackupResource.restoration_status)
    def restoration_status(self, *args: Any, **kwargs: Any) -> Any: ...

    @streamed_response(BackupResource.cancel_restoration)
    def cancel_restoration(self, *args: Any, **kwargs: Any) -> Any: ...


class AsyncBackupResource(AsyncResource, AsyncAPIResource):
    """`client.backup` (async): the `Backup` operations of the spec."""

    async def create(
        self,
        body: Assets | None = None,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> str:
        """Start backing up assets: `backup.create` of the sync client, awaited.

        `POST /backup`. Not idempotent, yet retried by default: every attempt carries the same `Idempotency-Key`, which the server answers once.
        """
        from . import backup as operation

        result: str = await self._call(
            operation,
            operation._get_kwargs(
                body=UNSET if body is None else body,
            ),
            timeout,
            max_retries,
            extra_headers,
        )
        return result

    async def create_from_asset(
        self,
        body: Asset | None = None,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> str:
        """Start backing up one asset: `backup.create_from_asset` of the sync client, awaited.

        `POST /backup/asset`. Not idempotent, yet retried by default: every attempt carries the same `Idempotency-Key`, which the server answers once.
        """
        from . import backup_asset as operation

        result: str = await self._call(
            operation,
            operation._get_kwargs(
                body=UNSET if body is None else body,
            ),
            timeout,
            max_retries,
            extra_headers,
        )
        return result

    async def get(
        self,
        backup: str,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> Backup:
        """Get a backup's metadata: `backup.get` of the sync client, awaited.

        `GET /backup/{backup}`. Idempotent: retried by default.
        """
        from . import backup_specific_backup_snapshot as operation

        result: Backup = await self._call(
            operation,
            operation._get_kwargs(
                backup,
            ),
            timeout,
            max_retries,
            extra_headers,
        )
        return result

    async def creation_status(
        self,
        backup: str,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> BackupStatus:
        """Follow a backup's creation: `backup.creation_status` of the sync client, awaited.

        `GET /backup/{backup}/creation/status`. Idempotent: retried by default.
        """
        from . import backup_specific_creation_status as operation

        result: BackupStatus = await self._call(
            operation,
            operation._get_kwargs(
                backup,
            ),
            timeout,
            max_retries,
            extra_headers,
        )
        return result

    async def cancel_creation(
        self,
        backup: str,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> None:
        """Cancel a backup's creation: `backup.cancel_creation` of the sync client, awaited.

        `POST /backup/{backup}/creation/cancel`. Idempotent: retried by default.
        """
        from . import backup_specific_creation_cancel as operation

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

    async def restore(
        self,
        backup: str,
        body: Backup | None = None,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> Backup:
        """Restore a backup: `backup.restore` of the sync client, awaited.

        `POST /backup/{backup}/restore`. Not idempotent: retried only when the call passes `max_retries`. Long-running: its answer is awaited with the long read timeout.
        """
        from . import backup_restore_specific_backup as operation

        result: Backup = await self._call(
            operation,
            operation._get_kwargs(
                backup,
                body=UNSET if body is None else body,
            ),
            timeout,
            max_retries,
            extra_headers,
        )
        return result

    async def restore_streamed_json(
        self,
        backup: str,
        body: Backup | None = None,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> BackupStreamedProgress:
        """Restore a backup, following its progress: `backup.restore_streamed_json` of the sync client, awaited.

        `POST /backup/{backup}/restore/streamed`. Not idempotent: retried only when the call passes `max_retries`. Long-running: its answer is awaited with the long read timeout.
        """
        from . import backup_restore_specific_backup_streamed as operation

        result: BackupStreamedProgress = await self._call(
            operation,
            operation._get_kwargs(
                backup,
                body=UNSET if body is None else body,
            ),
            timeout,
            max_retries,
            extra_headers,
        )
        return result

    def restore_stream(
        self,
        backup: str,
        body: Backup | None = None,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> AsyncStream[BackupStreamedProgress]:
        """Restore a backup, following its progress, as it happens: one `BackupStreamedProgress` per Server-Sent Event, sent when the `async with` block opens (errors raise there); leaving it closes the connection. Never retried. Ends after a COMPLETED, FAILED, CANCELED event; a FAILED one raises `RestorationFailedError`."""
        from ...models.backup_streamed_progress import BackupStreamedProgress
        from . import backup_restore_specific_backup_streamed as operation

        return async_stream(
            self._client,
            operation._get_kwargs(
                backup,
                body=UNSET if body is None else body,
            ),
            BackupStreamedProgress,
            frozenset(["COMPLETED", "FAILED", "CANCELED"]),
            timeout=timeout,
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
        """Follow a backup's restoration: `backup.restoration_status` of the sync client, awaited.

        `GET /backup/{backup}/restoration/status`. Idempotent: retried by default.
        """
        from . import backup_specific_restoration_status as operation

        result: BackupStatus = await self._call(
            operation,
            operation._get_kwargs(
                backup,
            ),
            timeout,
            max_retries,
            extra_headers,
        )
        return result

    async def cancel_restoration(
        self,
        backup: str,
        body: Backup | None = None,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> None:
        """Cancel a restoration: `backup.cancel_restoration` of the sync client, awaited.

        `POST /backup/{backup}/restoration/cancel`. Idempotent: retried by default.
        """
        from . import backup_specific_restoration_cancel as operation

        result: None = await self._call(
            operation,
            operation._get_kwargs(
                backup,
                body=UNSET if body is None else body,
            ),
            timeout,
            max_retries,
            extra_headers,
        )
        return result


class AsyncBackupResourceWithRawResponse(AsyncResourceView["AsyncBackupResource"]):
    """`client.with_raw_response.backup` (async): the methods of `client.backup`, answering their HTTP response."""

    _resource_class = AsyncBackupResource

    @async_raw_response(AsyncBackupResource.create)
    def create(self, *args: Any, **kwargs: Any) -> Any: ...

    @async_raw_response(AsyncBackupResource.create_from_asset)
    def create_from_asset(self, *args: Any, **kwargs: Any) -> Any: ...

    @async_raw_response(AsyncBackupResource.get)
    def get(self, *args: Any, **kwargs: Any) -> Any: ...

    @async_raw_response(AsyncBackupResource.creation_status)
    def creation_status(self, *args: Any, **kwargs: Any) -> Any: ...

    @async_raw_response(AsyncBackupResource.cancel_creation)
    def cancel_creation(self, *args: Any, **kwargs: Any) -> Any: ...

    @async_raw_response(AsyncBackupResource.restore)
    def restore(self, *args: Any, **kwargs: Any) -> Any: ...

    @async_raw_response(AsyncBackupResource.restore_streamed_json)
    def restore_streamed_json(self, *args: Any, **kwargs: Any) -> Any: ...

    @async_raw_response(AsyncBackupResource.restoration_status)
    def restoration_status(self, *args: Any, **kwargs: Any) -> Any: ...

    @async_raw_response(AsyncBackupResource.cancel_restoration)
    def cancel_restoration(self, *args: Any, **kwargs: Any) -> Any: ...


class AsyncBackupResourceWithStreamingResponse(
    AsyncResourceView["AsyncBackupResource"]
):
    """`client.with_streaming_response.backup` (async): the methods of `client.backup`, answering their HTTP response."""

    _resource_class = AsyncBackupResource

    @async_streamed_response(AsyncBackupResource.create)
    def create(self, *args: Any, **kwargs: Any) -> Any: ...

    @async_streamed_response(AsyncBackupResource.create_from_asset)
    def create_from_asset(self, *args: Any, **kwargs: Any) -> Any: ...

    @async_streamed_response(AsyncBackupResource.get)
    def get(self, *args: Any, **kwargs: Any) -> Any: ...

    @async_streamed_response(AsyncBackupResource.creation_status)
    def creation_status(self, *args: Any, **kwargs: Any) -> Any: ...

    @async_streamed_response(AsyncBackupResource.cancel_creation)
    def cancel_creation(self, *args: Any, **kwargs: Any) -> Any: ...

    @async_streamed_response(AsyncBackupResource.restore)
    def restore(self, *args: Any, **kwargs: Any) -> Any: ...

    @async_streamed_response(AsyncBackupResource.restore_streamed_json)
    def restore_streamed_json(self, *args: Any, **kwargs: Any) -> Any: ...

    @async_streamed_response(AsyncBackupResource.restoration_status)
    def restoration_status(self, *args: Any, **kwargs: Any) -> Any: ...

    @async_streamed_response(AsyncBackupResource.cancel_restoration)
    def cancel_restoration(self, *args: Any, **kwargs: Any) -> Any: ...
