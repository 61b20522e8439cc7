# Generated from spec/backup-api.yaml by `codegen generate`. Do not edit: change the spec, templates/ or overrides/ and regenerate.
from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    backup: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/backup/{backup}/creation/cancel".format(
            backup=quote(str(backup), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Problem | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

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
) -> Response[Any | Problem]:
    """Cancel a backup's creation

     Cancels the creation of a backup that is in progress. A cancelled creation leaves no backup
    behind; its creation status then reads `CANCELED`. Answers `409` when no creation of this
    backup is in progress.

    Args:
        backup (str): A backup's identifier, `<version>_<timestamp>`: the API version that wrote
            it and the
            creation time in microseconds since the epoch. Never contains `/`, `\\`, `..` or control
            characters.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
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
) -> Any | Problem | None:
    """Cancel a backup's creation

     Cancels the creation of a backup that is in progress. A cancelled creation leaves no backup
    behind; its creation status then reads `CANCELED`. Answers `409` when no creation of this
    backup is in progress.

    Args:
        backup (str): A backup's identifier, `<version>_<timestamp>`: the API version that wrote
            it and the
            creation time in microseconds since the epoch. Never contains `/`, `\\`, `..` or control
            characters.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        backup=backup,
        client=client,
    ).parsed


async def asyncio_detailed(
    backup: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | Problem]:
    """Cancel a backup's creation

     Cancels the creation of a backup that is in progress. A cancelled creation leaves no backup
    behind; its creation status then reads `CANCELED`. Answers `409` when no creation of this
    backup is in progress.

    Args:
        backup (str): A backup's identifier, `<version>_<timestamp>`: the API version that wrote
            it and the
            creation time in microseconds since the epoch. Never contains `/`, `\\`, `..` or control
            characters.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
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
) -> Any | Problem | None:
    """Cancel a backup's creation

     Cancels the creation of a backup that is in progress. A cancelled creation leaves no backup
    behind; its creation status then reads `CANCELED`. Answers `409` when no creation of this
    backup is in progress.

    Args:
        backup (str): A backup's identifier, `<version>_<timestamp>`: the API version that wrote
            it and the
            creation time in microseconds since the epoch. Never contains `/`, `\\`, `..` or control
            characters.

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
        )
    ).parsed
