# Generated from spec/backup-api.yaml by `codegen generate`. Do not edit: change the spec, templates/ or overrides/ and regenerate.
"""`POST /backup`, `client.backup.create`; `sync`, `sync_detailed`, `asyncio`, `asyncio_detailed` take the client too."""

import sys
from typing import Any

import httpx

from ..._base_client import (
    AsyncAPIClient,
    SyncAPIClient,
    created_identifier,
    unexpected_status,
    validates_response,
)
from ..._low_level import async_detailed
from ..._low_level import sync_detailed as _sync_detailed
from ...models.assets import Assets
from ...types import UNSET, Response, Unset

OPERATION_ID = "backup"
IDEMPOTENT = False
IDEMPOTENCY_KEY = True
LONG_RUNNING = False


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
    if 202 <= response.status_code <= 202:
        return created_identifier(response, "Backup-Id")

    raise unexpected_status(response)


def sync_detailed(*args: Any, client: SyncAPIClient, **kwargs: Any) -> Response[str]:
    """`client.backup.create(...)`, answering a `Response` (status, headers, content, parsed)."""
    return _sync_detailed(_operation(), client, args, kwargs)


def sync(*args: Any, client: SyncAPIClient, **kwargs: Any) -> str:
    """`client.backup.create(...)`."""
    return sync_detailed(*args, client=client, **kwargs).parsed


async def asyncio_detailed(
    *args: Any, client: AsyncAPIClient, **kwargs: Any
) -> Response[str]:
    """`await client.backup.create(...)`, answering a `Response`."""
    return await async_detailed(_operation(), client, args, kwargs)


async def asyncio(*args: Any, client: AsyncAPIClient, **kwargs: Any) -> str:
    """`await client.backup.create(...)`."""
    return (await asyncio_detailed(*args, client=client, **kwargs)).parsed


def _operation() -> Any:
    return sys.modules[__name__]
