# Generated from spec/backup-api.yaml by `codegen generate`. Do not edit: change the spec, templates/ or overrides/ and regenerate.
"""`GET /backups`, `client.backups.list_page`; `sync`, `sync_detailed`, `asyncio`, `asyncio_detailed` take the client too."""

import sys
from typing import Any

import httpx

from ..._base_client import (
    AsyncAPIClient,
    SyncAPIClient,
    unexpected_status,
    validates_response,
)
from ..._low_level import async_detailed
from ..._low_level import sync_detailed as _sync_detailed
from ..._pagination import AsyncCursorPage, SyncCursorPage
from ...models.backup import Backup
from ...models.backups import Backups
from ...types import UNSET, Response, Unset

OPERATION_ID = "backupsList"
IDEMPOTENT = True
IDEMPOTENCY_KEY = False
LONG_RUNNING = False


def _get_kwargs(
    *,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/backups",
        "params": params,
    }

    return _kwargs


@validates_response
def _parse_response(
    *, client: SyncAPIClient | AsyncAPIClient, response: httpx.Response
) -> Backups:
    if 200 <= response.status_code <= 200:
        response_200 = Backups.from_dict(response.json())

        return response_200

    raise unexpected_status(response)


class BackupsPage(Backups, SyncCursorPage[Backup]):
    """A page of `client.backups.list()`: a `Backups` that also walks the rest of the list."""

    _items_field = "iterable"


class AsyncBackupsPage(Backups, AsyncCursorPage[Backup]):
    """A page of the async `client.backups.list()` (`async for item in page`)."""

    _items_field = "iterable"


def sync_detailed(
    *args: Any, client: SyncAPIClient, **kwargs: Any
) -> Response[Backups]:
    """`client.backups.list_page(...)`, answering a `Response` (status, headers, content, parsed)."""
    return _sync_detailed(_operation(), client, args, kwargs)


def sync(*args: Any, client: SyncAPIClient, **kwargs: Any) -> Backups:
    """`client.backups.list_page(...)`."""
    return sync_detailed(*args, client=client, **kwargs).parsed


async def asyncio_detailed(
    *args: Any, client: AsyncAPIClient, **kwargs: Any
) -> Response[Backups]:
    """`await client.backups.list_page(...)`, answering a `Response`."""
    return await async_detailed(_operation(), client, args, kwargs)


async def asyncio(*args: Any, client: AsyncAPIClient, **kwargs: Any) -> Backups:
    """`await client.backups.list_page(...)`."""
    return (await asyncio_detailed(*args, client=client, **kwargs)).parsed


def _operation() -> Any:
    return sys.modules[__name__]
