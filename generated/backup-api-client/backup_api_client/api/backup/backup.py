# Generated from spec/backup-api.yaml by `codegen generate`. Do not edit: change the spec, templates/ or overrides/ and regenerate.
from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.assets import Assets
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


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


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Problem | None:
    if response.status_code == 202:
        response_202 = cast(Any, None)
        return response_202

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

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
    *,
    client: AuthenticatedClient | Client,
    body: Assets | Unset = UNSET,
) -> Response[Any | Problem]:
    """Start backing up assets

     Starts creating a backup asynchronously and answers at once. With a body, the backup holds
    exactly the assets sent (each document kept as sent, unknown fields included); without a
    body, it holds a consistent snapshot of the whole local database, taken while the database
    may still be written to. Follow the creation with `creation/status`; cancel it with
    `creation/cancel`.

    Args:
        body (Assets | Unset): A list of assets.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: Assets | Unset = UNSET,
) -> Any | Problem | None:
    """Start backing up assets

     Starts creating a backup asynchronously and answers at once. With a body, the backup holds
    exactly the assets sent (each document kept as sent, unknown fields included); without a
    body, it holds a consistent snapshot of the whole local database, taken while the database
    may still be written to. Follow the creation with `creation/status`; cancel it with
    `creation/cancel`.

    Args:
        body (Assets | Unset): A list of assets.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: Assets | Unset = UNSET,
) -> Response[Any | Problem]:
    """Start backing up assets

     Starts creating a backup asynchronously and answers at once. With a body, the backup holds
    exactly the assets sent (each document kept as sent, unknown fields included); without a
    body, it holds a consistent snapshot of the whole local database, taken while the database
    may still be written to. Follow the creation with `creation/status`; cancel it with
    `creation/cancel`.

    Args:
        body (Assets | Unset): A list of assets.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: Assets | Unset = UNSET,
) -> Any | Problem | None:
    """Start backing up assets

     Starts creating a backup asynchronously and answers at once. With a body, the backup holds
    exactly the assets sent (each document kept as sent, unknown fields included); without a
    body, it holds a consistent snapshot of the whole local database, taken while the database
    may still be written to. Follow the creation with `creation/status`; cancel it with
    `creation/cancel`.

    Args:
        body (Assets | Unset): A list of assets.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
