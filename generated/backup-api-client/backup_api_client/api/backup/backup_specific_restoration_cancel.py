# Generated from spec/backup-api.yaml by `codegen generate`. Do not edit: change the spec, templates/ or overrides/ and regenerate.
from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.backup import Backup
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    backup: str,
    *,
    body: Backup | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/backup/{backup}/restoration/cancel".format(
            backup=quote(str(backup), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Problem | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    backup: str,
    *,
    client: AuthenticatedClient | Client,
    body: Backup | Unset = UNSET,
) -> Response[Any | Problem]:
    """Cancel a restoration

     Cancels the restoration of this backup that is in progress; the local database is then
    exactly as it was before the restoration started. Answers `409` when no restoration of this
    backup is in progress. The optional body, if sent, must be this backup's metadata (same
    `id`).

    Args:
        backup (str): A backup's identifier, `<version>_<timestamp>`: the API version that wrote
            it and the
            creation time in microseconds since the epoch. Never contains `/`, `\\`, `..` or control
            characters.
        body (Backup | Unset): A stored backup's metadata.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        backup=backup,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    backup: str,
    *,
    client: AuthenticatedClient | Client,
    body: Backup | Unset = UNSET,
) -> Any | Problem | None:
    """Cancel a restoration

     Cancels the restoration of this backup that is in progress; the local database is then
    exactly as it was before the restoration started. Answers `409` when no restoration of this
    backup is in progress. The optional body, if sent, must be this backup's metadata (same
    `id`).

    Args:
        backup (str): A backup's identifier, `<version>_<timestamp>`: the API version that wrote
            it and the
            creation time in microseconds since the epoch. Never contains `/`, `\\`, `..` or control
            characters.
        body (Backup | Unset): A stored backup's metadata.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        backup=backup,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    backup: str,
    *,
    client: AuthenticatedClient | Client,
    body: Backup | Unset = UNSET,
) -> Response[Any | Problem]:
    """Cancel a restoration

     Cancels the restoration of this backup that is in progress; the local database is then
    exactly as it was before the restoration started. Answers `409` when no restoration of this
    backup is in progress. The optional body, if sent, must be this backup's metadata (same
    `id`).

    Args:
        backup (str): A backup's identifier, `<version>_<timestamp>`: the API version that wrote
            it and the
            creation time in microseconds since the epoch. Never contains `/`, `\\`, `..` or control
            characters.
        body (Backup | Unset): A stored backup's metadata.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        backup=backup,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    backup: str,
    *,
    client: AuthenticatedClient | Client,
    body: Backup | Unset = UNSET,
) -> Any | Problem | None:
    """Cancel a restoration

     Cancels the restoration of this backup that is in progress; the local database is then
    exactly as it was before the restoration started. Answers `409` when no restoration of this
    backup is in progress. The optional body, if sent, must be this backup's metadata (same
    `id`).

    Args:
        backup (str): A backup's identifier, `<version>_<timestamp>`: the API version that wrote
            it and the
            creation time in microseconds since the epoch. Never contains `/`, `\\`, `..` or control
            characters.
        body (Backup | Unset): A stored backup's metadata.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            backup=backup,
            client=client,
            body=body,
        )
    ).parsed
