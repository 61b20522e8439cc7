# Generated from spec/backup-api.yaml by `codegen generate`. Do not edit: change the spec, templates/ or overrides/ and regenerate.
"""`client.maintenance`: the `Maintenance` operations of the spec (sync and async) and their response views."""

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
from ..._types import NOT_GIVEN, UNSET, Headers, NotGiven, Timeout, Unset

if TYPE_CHECKING:
    from ...models.maintenance_status import MaintenanceStatus
    from ...models.problem import Problem
    from ...models.prune_report import PruneReport
    from ...models.retention_policy import RetentionPolicy
    from ...models.verification_report import VerificationReport


class MaintenanceResource(SyncResource, SyncAPIResource):
    """`client.maintenance`: the `Maintenance` operations of the spec."""

    def verify_specific_backup(
        self,
        backup: str,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> VerificationReport:
        """Verify a backup without restoring it

        Reads the backup's archive once and checks everything a restoration checks before it
        writes anything: the archive's size and sha256 against its metadata, that it decrypts (an
        encrypted backup needs the key that made it), that every line decodes to an asset
        document, and that there are as many as the metadata says. The local database is not
        touched. A backup that does not verify answers the `409` a restoration of it would get
        (type `urn:backup-api:problem:backup-corrupted`, or `backup-key-mismatch`). The
        background verification (`serve --verify-every`) runs the same check on every backup;
        its last run is shown by `GET /maintenance`.

        `POST /backup/{backup}/verify`. Idempotent: retried by default.

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
            VerificationReport: The backup verified; what was read.

        """
        from . import maintenance_verify_specific_backup as operation

        result: VerificationReport = self._call(
            operation,
            operation._get_kwargs(
                backup,
            ),
            timeout,
            max_retries,
            extra_headers,
        )
        return result

    def prune_backups(
        self,
        body: RetentionPolicy | None = None,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> PruneReport:
        """Remove the backups a retention policy does not keep

        Applies the policy with restic's `forget` semantics: backups are walked newest first;
        each `keep_*` rule keeps the newest backup of each of its last n buckets (hours, days,
        ISO weeks, months, years of the server's local calendar; `keep_last`: the last n backups),
        and also the oldest backup while it has count left; a backup kept by several rules is
        kept once and lists every rule that kept it. Every other backup is removed, except the
        newest one and any being created or restored on this server (kept, with the reason).
        With `dry_run` nothing is removed: the answer says what would be. Several servers may
        prune one shared store at once: a backup another server removed first is reported
        removed. A policy without any rule (or no body) removes nothing, as `restic forget`
        without a policy: every backup is answered kept, the reason saying so.

        `POST /backups/prune`. Idempotent: retried by default.

        Args:
            body (RetentionPolicy | None): Which backups to keep, as restic's `forget` options; a policy without any rule
                above 0 (or -1) removes nothing.
            timeout (Timeout | NotGiven): This call's own timeout (see the package's README).
            max_retries (int | NotGiven): This call's own number of retries.
            extra_headers (Headers | None): Headers this call adds.

        Raises:
            BadRequestError: (400) The request body is not well-formed JSON.
            AuthenticationError: (401) The server was started with a token (`--token-file` or `BACKUP_API_TOKEN`; it …
            PermissionDeniedError: (403) A browser sent the request on behalf of a web page from another origin (its …
            APIStatusError: (408) The request body did not arrive in time: no data for 10 seconds, or not all of …
            PayloadTooLargeError: (413) The request body is larger than the server accepts.
            UnsupportedMediaTypeError: (415) The request body is not `application/json`.
            APIStatusError: (421) The `Host` header names a host this server does not answer for.
            UnprocessableEntityError: (422) A parameter or the request body does not match the schema, or the body is JSON …
            InternalServerError: (500) The server failed in a way it did not expect (a bug, or the disk failing under …
            InternalServerError: (503) The object store the backups are kept in (`serve --store s3://…`) failed the …
            APIError: any other failure (what each status means: `backup_api_client.errors`).

        Returns:
            PruneReport: What the policy kept, and why, and what it removed (or would remove).

        """
        from . import maintenance_prune_backups as operation

        result: PruneReport = self._call(
            operation,
            operation._get_kwargs(
                body=UNSET if body is None else body,
            ),
            timeout,
            max_retries,
            extra_headers,
        )
        return result

    def status(
        self,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> MaintenanceStatus:
        """The scheduled backups and background verification

        Answers what `serve --backup-every` and `serve --verify-every` set up: each one's
        interval, when it runs next, and how its last run ended (absent when it is not set up).

        `GET /maintenance`. Idempotent: retried by default.

        Args:
            timeout (Timeout | NotGiven): This call's own timeout (see the package's README).
            max_retries (int | NotGiven): This call's own number of retries.
            extra_headers (Headers | None): Headers this call adds.

        Raises:
            AuthenticationError: (401) The server was started with a token (`--token-file` or `BACKUP_API_TOKEN`; it …
            PermissionDeniedError: (403) A browser sent the request on behalf of a web page from another origin (its …
            APIStatusError: (421) The `Host` header names a host this server does not answer for.
            InternalServerError: (500) The server failed in a way it did not expect (a bug, or the disk failing under …
            APIError: any other failure (what each status means: `backup_api_client.errors`).

        Returns:
            MaintenanceStatus: The server's scheduled maintenance.

        """
        from . import maintenance_status as operation

        result: MaintenanceStatus = self._call(
            operation, operation._get_kwargs(), timeout, max_retries, extra_headers
        )
        return result


class MaintenanceResourceWithRawResponse(SyncResourceView["MaintenanceResource"]):
    """`client.with_raw_response.maintenance`: the methods of `client.maintenance`, answering their HTTP response."""

    _resource_class = MaintenanceResource

    @raw_response(MaintenanceResource.verify_specific_backup)
    def verify_specific_backup(self, *args: Any, **kwargs: Any) -> Any: ...

    @raw_response(MaintenanceResource.prune_backups)
    def prune_backups(self, *args: Any, **kwargs: Any) -> Any: ...

    @raw_response(MaintenanceResource.status)
    def status(self, *args: Any, **kwargs: Any) -> Any: ...


class MaintenanceResourceWithStreamingResponse(SyncResourceView["MaintenanceResource"]):
    """`client.with_streaming_response.maintenance`: the methods of `client.maintenance`, answering their HTTP response."""

    _resource_class = MaintenanceResource

    @streamed_response(MaintenanceResource.verify_specific_backup)
    def verify_specific_backup(self, *args: Any, **kwargs: Any) -> Any: ...

    @streamed_response(MaintenanceResource.prune_backups)
    def prune_backups(self, *args: Any, **kwargs: Any) -> Any: ...

    @streamed_response(MaintenanceResource.status)
    def status(self, *args: Any, **kwargs: Any) -> Any: ...


class AsyncMaintenanceResource(AsyncResource, AsyncAPIResource):
    """`client.maintenance` (async): the `Maintenance` operations of the spec."""

    async def verify_specific_backup(
        self,
        backup: str,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> VerificationReport:
        """Verify a backup without restoring it: `maintenance.verify_specific_backup` of the sync client, awaited.

        `POST /backup/{backup}/verify`. Idempotent: retried by default.
        """
        from . import maintenance_verify_specific_backup as operation

        result: VerificationReport = await self._call(
            operation,
            operation._get_kwargs(
                backup,
            ),
            timeout,
            max_retries,
            extra_headers,
        )
        return result

    async def prune_backups(
        self,
        body: RetentionPolicy | None = None,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> PruneReport:
        """Remove the backups a retention policy does not keep: `maintenance.prune_backups` of the sync client, awaited.

        `POST /backups/prune`. Idempotent: retried by default.
        """
        from . import maintenance_prune_backups as operation

        result: PruneReport = await self._call(
            operation,
            operation._get_kwargs(
                body=UNSET if body is None else body,
            ),
            timeout,
            max_retries,
            extra_headers,
        )
        return result

    async def status(
        self,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
    ) -> MaintenanceStatus:
        """The scheduled backups and background verification: `maintenance.status` of the sync client, awaited.

        `GET /maintenance`. Idempotent: retried by default.
        """
        from . import maintenance_status as operation

        result: MaintenanceStatus = await self._call(
            operation, operation._get_kwargs(), timeout, max_retries, extra_headers
        )
        return result


class AsyncMaintenanceResourceWithRawResponse(
    AsyncResourceView["AsyncMaintenanceResource"]
):
    """`client.with_raw_response.maintenance` (async): the methods of `client.maintenance`, answering their HTTP response."""

    _resource_class = AsyncMaintenanceResource

    @async_raw_response(AsyncMaintenanceResource.verify_specific_backup)
    def verify_specific_backup(self, *args: Any, **kwargs: Any) -> Any: ...

    @async_raw_response(AsyncMaintenanceResource.prune_backups)
    def prune_backups(self, *args: Any, **kwargs: Any) -> Any: ...

    @async_raw_response(AsyncMaintenanceResource.status)
    def status(self, *args: Any, **kwargs: Any) -> Any: ...


class AsyncMaintenanceResourceWithStreamingResponse(
    AsyncResourceView["AsyncMaintenanceResource"]
):
    """`client.with_streaming_response.maintenance` (async): the methods of `client.maintenance`, answering their HTTP response."""

    _resource_class = AsyncMaintenanceResource

    @async_streamed_response(AsyncMaintenanceResource.verify_specific_backup)
    def verify_specific_backup(self, *args: Any, **kwargs: Any) -> Any: ...

    @async_streamed_response(AsyncMaintenanceResource.prune_backups)
    def prune_backups(self, *args: Any, **kwargs: Any) -> Any: ...

    @async_streamed_response(AsyncMaintenanceResource.status)
    def status(self, *args: Any, **kwargs: Any) -> Any: ...
