# Generated from spec/backup-api.yaml by `codegen generate`. Do not edit: change the spec, templates/ or overrides/ and regenerate.
"""POST /backup: Start backing up assets

The low-level functions of this operation: `sync`, `sync_detailed`, `asyncio`, `asyncio_detailed`.
The same operation is a method of the client's resources (see `client.py`).
"""

from http import HTTPStatus
from typing import Any

import httpx

from ..._base_client import (
    AsyncAPIClient,
    SyncAPIClient,
    created_identifier,
    unexpected_status,
    validates_response,
)
from ..._types import NOT_GIVEN, Headers, NotGiven, Timeout
from ...models.assets import Assets
from ...types import UNSET, Response, Unset

OPERATION_ID = "backup"
IDEMPOTENT = False
"""`x-idempotent` in the spec: an idempotent operation is retried; another one carries an `Idempotency-Key`."""
IDEMPOTENCY_KEY = True
"""`x-idempotency-key` in the spec: the server answers a repeated `Idempotency-Key` once, so this is retried too."""
LONG_RUNNING = False
"""`x-long-running` in the spec: the answer waits for a restoration, so the read timeout is longer."""


def _get_kwargs(
    *,
    body: Assets | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/backup",
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


@validates_response
def _parse_response(
    *, client: SyncAPIClient | AsyncAPIClient, response: httpx.Response
) -> str:
    if response.status_code == 202:
        return created_identifier(response, "Backup-Id")

    raise unexpected_status(response)


def _build_response(
    *, client: SyncAPIClient | AsyncAPIClient, response: httpx.Response
) -> Response[str]:
    # Parsed first: an undocumented status raises before HTTPStatus() could refuse it.
    parsed = _parse_response(client=client, response=response)
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=parsed,
    )


def sync_detailed(
    *,
    client: SyncAPIClient,
    body: Assets | Unset = UNSET,
    timeout: Timeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    extra_headers: Headers | None = None,
) -> Response[str]:
    """Start backing up assets

     Starts creating a backup asynchronously and answers at once. With a body, the backup holds
    exactly the assets sent (each document kept as sent, unknown fields included); without a
    body, it holds a consistent snapshot of the whole local database, taken while the database
    may still be written to. Follow the creation with `creation/status`; cancel it with
    `creation/cancel`. Every asset sent needs an `id` of its own: a body that holds one id twice
    is `422`, its `detail` naming the id, since a restore could keep only one of them.
    Honours `Idempotency-Key`: a retry with the same key starts nothing new and gets the first answer.

    Args:
        body (Assets | Unset): A list of assets.
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
        Response[str]: the answer's status, headers and content, and
        `parsed`: the new identifier (the `Backup-Id` header, else the last segment of `Location`).

    """

    kwargs = _get_kwargs(
        body=body,
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
    *,
    client: SyncAPIClient,
    body: Assets | Unset = UNSET,
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

    Args:
        body (Assets | Unset): A list of assets.
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

    return sync_detailed(
        client=client,
        body=body,
        timeout=timeout,
        max_retries=max_retries,
        extra_headers=extra_headers,
    ).parsed


async def asyncio_detailed(
    *,
    client: AsyncAPIClient,
    body: Assets | Unset = UNSET,
    timeout: Timeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    extra_headers: Headers | None = None,
) -> Response[str]:
    """Start backing up assets

     Starts creating a backup asynchronously and answers at once. With a body, the backup holds
    exactly the assets sent (each document kept as sent, unknown fields included); without a
    body, it holds a consistent snapshot of the whole local database, taken while the database
    may still be written to. Follow the creation with `creation/status`; cancel it with
    `creation/cancel`. Every asset sent needs an `id` of its own: a body that holds one id twice
    is `422`, its `detail` naming the id, since a restore could keep only one of them.
    Honours `Idempotency-Key`: a retry with the same key starts nothing new and gets the first answer.

    Args:
        body (Assets | Unset): A list of assets.
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
        Response[str]: the answer's status, headers and content, and
        `parsed`: the new identifier (the `Backup-Id` header, else the last segment of `Location`).

    """

    kwargs = _get_kwargs(
        body=body,
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
    *,
    client: AsyncAPIClient,
    body: Assets | Unset = UNSET,
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

    Args:
        body (Assets | Unset): A list of assets.
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

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )
    ).parsed
