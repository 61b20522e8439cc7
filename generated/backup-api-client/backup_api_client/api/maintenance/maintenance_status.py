# Generated from spec/backup-api.yaml by `codegen generate`. Do not edit: change the spec, templates/ or overrides/ and regenerate.
"""GET /maintenance: The scheduled backups and background verification

The low-level functions of this operation: `sync`, `sync_detailed`, `asyncio`, `asyncio_detailed`.
The same operation is a method of the client's resources (see `client.py`).
"""

from http import HTTPStatus
from typing import Any

import httpx

from ..._base_client import (
    AsyncAPIClient,
    SyncAPIClient,
    unexpected_status,
    validates_response,
)
from ..._types import NOT_GIVEN, Headers, NotGiven, Timeout
from ...models.maintenance_status import MaintenanceStatus
from ...types import Response

OPERATION_ID = "maintenanceStatus"
IDEMPOTENT = True
"""`x-idempotent` in the spec: an idempotent operation is retried; another one carries an `Idempotency-Key`."""
IDEMPOTENCY_KEY = False
"""`x-idempotency-key` in the spec: the server answers a repeated `Idempotency-Key` once, so this is retried too."""
LONG_RUNNING = False
"""`x-long-running` in the spec: the answer waits for a restoration, so the read timeout is longer."""


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/maintenance",
    }

    return _kwargs


@validates_response
def _parse_response(
    *, client: SyncAPIClient | AsyncAPIClient, response: httpx.Response
) -> MaintenanceStatus:
    if response.status_code == 200:
        response_200 = MaintenanceStatus.from_dict(response.json())

        return response_200

    raise unexpected_status(response)


def _build_response(
    *, client: SyncAPIClient | AsyncAPIClient, response: httpx.Response
) -> Response[MaintenanceStatus]:
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
    timeout: Timeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    extra_headers: Headers | None = None,
) -> Response[MaintenanceStatus]:
    """The scheduled backups and background verification

     Answers what `serve --backup-every` and `serve --verify-every` set up: each one's
    interval, when it runs next, and how its last run ended (absent when it is not set up).

    Args:
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
        InternalServerError: (500) The server failed in a way it did not expect (a bug, or the disk failing under
            it); what the operation had started was undone. `detail` says which step failed.
        APIStatusError: Any other error status (a subclass for 400, 401, 403, 404, 409, 410, 413, 415, 422, 429, 5xx).
        APIConnectionError: No answer (APITimeoutError: none in time), after any retries.
        APIResponseValidationError: An answer the spec does not describe.

    Returns:
        Response[MaintenanceStatus]: the answer's status, headers and content, and
        `parsed`: The server's scheduled maintenance.

    """

    kwargs = _get_kwargs()

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
    timeout: Timeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    extra_headers: Headers | None = None,
) -> MaintenanceStatus:
    """The scheduled backups and background verification

     Answers what `serve --backup-every` and `serve --verify-every` set up: each one's
    interval, when it runs next, and how its last run ended (absent when it is not set up).

    Args:
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
        InternalServerError: (500) The server failed in a way it did not expect (a bug, or the disk failing under
            it); what the operation had started was undone. `detail` says which step failed.
        APIStatusError: Any other error status (a subclass for 400, 401, 403, 404, 409, 410, 413, 415, 422, 429, 5xx).
        APIConnectionError: No answer (APITimeoutError: none in time), after any retries.
        APIResponseValidationError: An answer the spec does not describe.

    Returns:
        MaintenanceStatus: The server's scheduled maintenance.

    """

    return sync_detailed(
        client=client,
        timeout=timeout,
        max_retries=max_retries,
        extra_headers=extra_headers,
    ).parsed


async def asyncio_detailed(
    *,
    client: AsyncAPIClient,
    timeout: Timeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    extra_headers: Headers | None = None,
) -> Response[MaintenanceStatus]:
    """The scheduled backups and background verification

     Answers what `serve --backup-every` and `serve --verify-every` set up: each one's
    interval, when it runs next, and how its last run ended (absent when it is not set up).

    Args:
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
        InternalServerError: (500) The server failed in a way it did not expect (a bug, or the disk failing under
            it); what the operation had started was undone. `detail` says which step failed.
        APIStatusError: Any other error status (a subclass for 400, 401, 403, 404, 409, 410, 413, 415, 422, 429, 5xx).
        APIConnectionError: No answer (APITimeoutError: none in time), after any retries.
        APIResponseValidationError: An answer the spec does not describe.

    Returns:
        Response[MaintenanceStatus]: the answer's status, headers and content, and
        `parsed`: The server's scheduled maintenance.

    """

    kwargs = _get_kwargs()

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
    timeout: Timeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    extra_headers: Headers | None = None,
) -> MaintenanceStatus:
    """The scheduled backups and background verification

     Answers what `serve --backup-every` and `serve --verify-every` set up: each one's
    interval, when it runs next, and how its last run ended (absent when it is not set up).

    Args:
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
        InternalServerError: (500) The server failed in a way it did not expect (a bug, or the disk failing under
            it); what the operation had started was undone. `detail` says which step failed.
        APIStatusError: Any other error status (a subclass for 400, 401, 403, 404, 409, 410, 413, 415, 422, 429, 5xx).
        APIConnectionError: No answer (APITimeoutError: none in time), after any retries.
        APIResponseValidationError: An answer the spec does not describe.

    Returns:
        MaintenanceStatus: The server's scheduled maintenance.

    """

    return (
        await asyncio_detailed(
            client=client,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
        )
    ).parsed
