# Generated from spec/backup-api.yaml by `codegen generate`. Do not edit: change the spec, templates/ or overrides/ and regenerate.
"""`GET /assets`, `client.assets.list_page`; `sync`, `sync_detailed`, `asyncio`, `asyncio_detailed` take the client too."""

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
from ...models.asset import Asset
from ...models.assets import Assets
from ...types import UNSET, Response, Unset

OPERATION_ID = "assetsSnapshot"
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
        "url": "/assets",
        "params": params,
    }

    return _kwargs


@validates_response
def _parse_response(
    *, client: SyncAPIClient | AsyncAPIClient, response: httpx.Response
) -> Assets:
    if 200 <= response.status_code <= 200:
        response_200 = Assets.from_dict(response.json())

        return response_200

    raise unexpected_status(response)


class AssetsPage(Assets, SyncCursorPage[Asset]):
    """A page of `client.assets.list()`: a `Assets` that also walks the rest of the list."""

    _items_field = "iterable"


class AsyncAssetsPage(Assets, AsyncCursorPage[Asset]):
    """A page of the async `client.assets.list()` (`async for item in page`)."""

    _items_field = "iterable"


def sync_detailed(*args: Any, client: SyncAPIClient, **kwargs: Any) -> Response[Assets]:
    """`client.assets.list_page(...)`, answering a `Response` (status, headers, content, parsed)."""
    return _sync_detailed(_operation(), client, args, kwargs)


def sync(*args: Any, client: SyncAPIClient, **kwargs: Any) -> Assets:
    """`client.assets.list_page(...)`."""
    return sync_detailed(*args, client=client, **kwargs).parsed


async def asyncio_detailed(
    *args: Any, client: AsyncAPIClient, **kwargs: Any
) -> Response[Assets]:
    """`await client.assets.list_page(...)`, answering a `Response`."""
    return await async_detailed(_operation(), client, args, kwargs)


async def asyncio(*args: Any, client: AsyncAPIClient, **kwargs: Any) -> Assets:
    """`await client.assets.list_page(...)`."""
    return (await asyncio_detailed(*args, client=client, **kwargs)).parsed


def _operation() -> Any:
    return sys.modules[__name__]
