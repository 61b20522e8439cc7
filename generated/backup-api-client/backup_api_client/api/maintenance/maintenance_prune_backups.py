# Generated from spec/backup-api.yaml by `codegen generate`. Do not edit: change the spec, templates/ or overrides/ and regenerate.
"""POST /backups/prune: Remove the backups a retention policy does not keep

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
from ...models.prune_report import PruneReport
from ...models.retention_policy import RetentionPolicy
from ...types import UNSET, Response, Unset

OPERATION_ID = "maintenancePruneBackups"
IDEMPOTENT = True
"""`x-idempotent` in the spec: an idempotent operation is retried; another one carries an `Idempotency-Key`."""
IDEMPOTENCY_KEY = False
"""`x-idempotency-key` in the spec: the server answers a repeated `Idempotency-Key` once, so this is retried too."""
LONG_RUNNING = False
"""`x-long-running` in the spec: the answer waits for a restoration, so the read timeout is longer."""


def _get_kwargs(
    *,
    body: RetentionPolicy | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/backups/prune",
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


@validates_response
def _parse_response(
    *, client: SyncAPIClient | AsyncAPIClient, response: httpx.Response
) -> PruneReport:
    if response.status_code == 200:
        response_200 = PruneReport.from_dict(response.json())

        return response_200

    raise unexpected_status(response)


def _build_response(
    *, client: SyncAPIClient | AsyncAPIClient, response: httpx.Response
) -> Response[PruneReport]:
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
    body: RetentionPolicy | Unset = UNSET,
    timeout: Timeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    extra_headers: Headers | None = None,
) -> Response[PruneReport]:
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

    Args:
        body (RetentionPolicy | Unset): Which backups to keep, as restic's `forget` options; a
            policy without any rule above 0 (or -1) removes nothing.
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
        Response[PruneReport]: the answer's status, headers and content, and
        `parsed`: What the policy kept, and why, and what it removed (or would remove).

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
    body: RetentionPolicy | Unset = UNSET,
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

    Args:
        body (RetentionPolicy | Unset): Which backups to keep, as restic's `forget` options; a
            policy without any rule above 0 (or -1) removes nothing.
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
        PruneReport: What the policy kept, and why, and what it removed (or would remove).

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
    body: RetentionPolicy | Unset = UNSET,
    timeout: Timeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    extra_headers: Headers | None = None,
) -> Response[PruneReport]:
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

    Args:
        body (RetentionPolicy | Unset): Which backups to keep, as restic's `forget` options; a
            policy without any rule above 0 (or -1) removes nothing.
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
        Response[PruneReport]: the answer's status, headers and content, and
        `parsed`: What the policy kept, and why, and what it removed (or would remove).

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
    body: RetentionPolicy | Unset = UNSET,
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

    Args:
        body (RetentionPolicy | Unset): Which backups to keep, as restic's `forget` options; a
            policy without any rule above 0 (or -1) removes nothing.
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
        PruneReport: What the policy kept, and why, and what it removed (or would remove).

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
