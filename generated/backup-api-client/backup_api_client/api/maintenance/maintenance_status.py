# Generated from spec/backup-api.yaml by `codegen generate`. Do not edit: change the spec, templates/ or overrides/ and regenerate.
"""`GET /maintenance`, `client.maintenance.status`; `sync`, `sync_detailed`, `asyncio`, `asyncio_detailed` take the client too."""

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
from ...models.maintenance_status import MaintenanceStatus
from ...types import Response

OPERATION_ID = "maintenanceStatus"
IDEMPOTENT = True
IDEMPOTENCY_KEY = False
LONG_RUNNING = False


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
    if 200 <= response.status_code <= 200:
        response_200 = MaintenanceStatus.from_dict(response.json())

        return response_200

    raise unexpected_status(response)


def sync_detailed(
    *args: Any, client: SyncAPIClient, **kwargs: Any
) -> Response[MaintenanceStatus]:
    """`client.maintenance.status(...)`, answering a `Response` (status, headers, content, parsed)."""
    return _sync_detailed(_operation(), client, args, kwargs)


def sync(*args: Any, client: SyncAPIClient, **kwargs: Any) -> MaintenanceStatus:
    """`client.maintenance.status(...)`."""
    return sync_detailed(*args, client=client, **kwargs).parsed


async def asyncio_detailed(
    *args: Any, client: AsyncAPIClient, **kwargs: Any
) -> Response[MaintenanceStatus]:
    """`await client.maintenance.status(...)`, answering a `Response`."""
    return await async_detailed(_operation(), client, args, kwargs)


async def asyncio(
    *args: Any, client: AsyncAPIClient, **kwargs: Any
) -> MaintenanceStatus:
    """`await client.maintenance.status(...)`."""
    return (await asyncio_detailed(*args, client=client, **kwargs)).parsed


def _operation() -> Any:
    return sys.modules[__name__]
