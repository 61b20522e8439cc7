# Generated from spec/backup-api.yaml by `codegen generate`. Do not edit: change the spec, templates/ or overrides/ and regenerate.
"""`POST /backups/prune`, `client.maintenance.prune_backups`; `sync`, `sync_detailed`, `asyncio`, `asyncio_detailed` take the client too."""

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
from ...models.prune_report import PruneReport
from ...models.retention_policy import RetentionPolicy
from ...types import UNSET, Response, Unset

OPERATION_ID = "maintenancePruneBackups"
IDEMPOTENT = True
IDEMPOTENCY_KEY = False
LONG_RUNNING = False


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
    if 200 <= response.status_code <= 200:
        response_200 = PruneReport.from_dict(response.json())

        return response_200

    raise unexpected_status(response)


def sync_detailed(
    *args: Any, client: SyncAPIClient, **kwargs: Any
) -> Response[PruneReport]:
    """`client.maintenance.prune_backups(...)`, answering a `Response` (status, headers, content, parsed)."""
    return _sync_detailed(_operation(), client, args, kwargs)


def sync(*args: Any, client: SyncAPIClient, **kwargs: Any) -> PruneReport:
    """`client.maintenance.prune_backups(...)`."""
    return sync_detailed(*args, client=client, **kwargs).parsed


async def asyncio_detailed(
    *args: Any, client: AsyncAPIClient, **kwargs: Any
) -> Response[PruneReport]:
    """`await client.maintenance.prune_backups(...)`, answering a `Response`."""
    return await async_detailed(_operation(), client, args, kwargs)


async def asyncio(*args: Any, client: AsyncAPIClient, **kwargs: Any) -> PruneReport:
    """`await client.maintenance.prune_backups(...)`."""
    return (await asyncio_detailed(*args, client=client, **kwargs)).parsed


def _operation() -> Any:
    return sys.modules[__name__]
