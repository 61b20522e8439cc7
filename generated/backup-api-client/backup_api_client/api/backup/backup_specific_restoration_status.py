# Generated from spec/backup-api.yaml by `codegen generate`. Do not edit: change the spec, templates/ or overrides/ and regenerate.
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.backup_status import BackupStatus
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    backup: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/backup/{backup}/restoration/status".format(
            backup=quote(str(backup), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BackupStatus | Problem | None:
    if response.status_code == 200:
        response_200 = BackupStatus.from_dict(response.json())

        return response_200

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BackupStatus | Problem]:
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
) -> Response[BackupStatus | Problem]:
    """Follow a backup's restoration

     Returns how far the latest restoration of this backup has come: `IN-PROGRESS` with a
    `percentage` while it runs, then `COMPLETED`, `FAILED` or `CANCELED`. A backup that has not
    been restored since the server started reads `UNKNOWN` with no percentage.

    Args:
        backup (str): A backup's identifier, `<version>_<timestamp>`: the API version that wrote
            it and the
            creation time in microseconds since the epoch. Never contains `/`, `\\`, `..` or control
            characters.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BackupStatus | Problem]
    """

    kwargs = _get_kwargs(
        backup=backup,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    backup: str,
    *,
    client: AuthenticatedClient | Client,
) -> BackupStatus | Problem | None:
    """Follow a backup's restoration

     Returns how far the latest restoration of this backup has come: `IN-PROGRESS` with a
    `percentage` while it runs, then `COMPLETED`, `FAILED` or `CANCELED`. A backup that has not
    been restored since the server started reads `UNKNOWN` with no percentage.

    Args:
        backup (str): A backup's identifier, `<version>_<timestamp>`: the API version that wrote
            it and the
            creation time in microseconds since the epoch. Never contains `/`, `\\`, `..` or control
            characters.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BackupStatus | Problem
    """

    return sync_detailed(
        backup=backup,
        client=client,
    ).parsed


async def asyncio_detailed(
    backup: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[BackupStatus | Problem]:
    """Follow a backup's restoration

     Returns how far the latest restoration of this backup has come: `IN-PROGRESS` with a
    `percentage` while it runs, then `COMPLETED`, `FAILED` or `CANCELED`. A backup that has not
    been restored since the server started reads `UNKNOWN` with no percentage.

    Args:
        backup (str): A backup's identifier, `<version>_<timestamp>`: the API version that wrote
            it and the
            creation time in microseconds since the epoch. Never contains `/`, `\\`, `..` or control
            characters.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BackupStatus | Problem]
    """

    kwargs = _get_kwargs(
        backup=backup,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    backup: str,
    *,
    client: AuthenticatedClient | Client,
) -> BackupStatus | Problem | None:
    """Follow a backup's restoration

     Returns how far the latest restoration of this backup has come: `IN-PROGRESS` with a
    `percentage` while it runs, then `COMPLETED`, `FAILED` or `CANCELED`. A backup that has not
    been restored since the server started reads `UNKNOWN` with no percentage.

    Args:
        backup (str): A backup's identifier, `<version>_<timestamp>`: the API version that wrote
            it and the
            creation time in microseconds since the epoch. Never contains `/`, `\\`, `..` or control
            characters.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BackupStatus | Problem
    """

    return (
        await asyncio_detailed(
            backup=backup,
            client=client,
        )
    ).parsed
