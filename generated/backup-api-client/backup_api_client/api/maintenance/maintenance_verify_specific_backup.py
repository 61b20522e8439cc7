# Generated from spec/backup-api.yaml by `codegen generate`. Do not edit: change the spec, templates/ or overrides/ and regenerate.
"""POST /backup/{backup}/verify: Verify a backup without restoring it

The low-level functions of this operation: `sync`, `sync_detailed`, `asyncio`, `asyncio_detailed`.
The same operation is a method of the client's resources (see `client.py`).
"""

from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ..._base_client import (
    AsyncAPIClient,
    SyncAPIClient,
    unexpected_status,
    validates_response,
)
from ..._types import NOT_GIVEN, Headers, NotGiven, Timeout
from ...models.verification_report import VerificationReport
from ...types import Response

OPERATION_ID = "maintenanceVerifySpecificBackup"
IDEMPOTENT = True
"""`x-idempotent` in the spec: an idempotent operation is retried; another one carries an `Idempotency-Key`."""
IDEMPOTENCY_KEY = False
"""`x-idempotency-key` in the spec: the server answers a repeated `Idempotency-Key` once, so this is retried too."""
LONG_RUNNING = False
"""`x-long-running` in the spec: the answer waits for a restoration, so the read timeout is longer."""


def _get_kwargs(
    backup: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/backup/{backup}/verify".format(
            backup=quote(str(backup), safe=""),
        ),
    }

    return _kwargs


@validates_response
def _parse_response(
    *, client: SyncAPIClient | AsyncAPIClient, response: httpx.Response
) -> VerificationReport:
    if response.status_code == 200:
        response_200 = VerificationReport.from_dict(response.json())

        return response_200

    raise unexpected_status(response)


def _build_response(
    *, client: SyncAPIClient | AsyncAPIClient, response: httpx.Response
) -> Response[VerificationReport]:
    # Parsed first: an undocumented status raises before HTTPStatus() could refuse it.
    parsed = _parse_response(client=client, response=response)
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=parsed,
    )


def sync_detailed(
    backup: str,
    *,
    client: SyncAPIClient,
    timeout: Timeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    extra_headers: Headers | None = None,
) -> Response[VerificationReport]:
    """Verify a backup without restoring it

     Reads the backup's archive once and checks everything a restoration checks before it
    writes anything: the archive's size and sha256 against its metadata, that it decrypts (an
    encrypted backup needs the key that made it), that every line decodes to an asset
    document, and that there are as many as the metadata says. The local database is not
    touched. A backup that does not verify answers the `409` a restoration of it would get
    (type `urn:backup-api:problem:backup-corrupted`, or `backup-key-mismatch`). The
    background verification (`serve --verify-every`) runs the same check on every backup;
    its last run is shown by `GET /maintenance`.

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
        Response[VerificationReport]: the answer's status, headers and content, and
        `parsed`: The backup verified; what was read.

    """

    kwargs = _get_kwargs(
        backup=backup,
    )

    response = client.request(
        kwargs,
        idempotent=IDEMPOTENT,
        idempotency_key=IDEMPOTENCY_KEY,
        long_running=LONG_RUNNING,
        timeout=timeout,
        max_retries=max_retries,
        extra_headers=extra_headers,
    )

    return _build_response(client=client, response=response)


def sync(
    backup: str,
    *,
    client: SyncAPIClient,
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
        VerificationReport: The backup verified; what was read.

    """

    return sync_detailed(
        backup=backup,
        client=client,
        timeout=timeout,
        max_retries=max_retries,
        extra_headers=extra_headers,
    ).parsed


async def asyncio_detailed(
    backup: str,
    *,
    client: AsyncAPIClient,
    timeout: Timeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    extra_headers: Headers | None = None,
) -> Response[VerificationReport]:
    """Verify a backup without restoring it

     Reads the backup's archive once and checks everything a restoration checks before it
    writes anything: the archive's size and sha256 against its metadata, that it decrypts (an
    encrypted backup needs the key that made it), that every line decodes to an asset
    document, and that there are as many as the metadata says. The local database is not
    touched. A backup that does not verify answers the `409` a restoration of it would get
    (type `urn:backup-api:problem:backup-corrupted`, or `backup-key-mismatch`). The
    background verification (`serve --verify-every`) runs the same check on every backup;
    its last run is shown by `GET /maintenance`.

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
        Response[VerificationReport]: the answer's status, headers and content, and
        `parsed`: The backup verified; what was read.

    """

    kwargs = _get_kwargs(
        backup=backup,
    )

    response = await client.request(
        kwargs,
        idempotent=IDEMPOTENT,
        idempotency_key=IDEMPOTENCY_KEY,
        long_running=LONG_RUNNING,
        timeout=timeout,
        max_retries=max_retries,
        extra_headers=extra_headers,
    )

    return _build_response(client=client, response=response)


async def asyncio(
    backup: str,
    *,
    client: AsyncAPIClient,
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
        VerificationReport: The backup verified; what was read.

    """

    return (
        await asyncio_detailed(
            backup=backup,
            client=client,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )
    ).parsed
