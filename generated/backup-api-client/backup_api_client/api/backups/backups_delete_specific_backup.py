# Generated from spec/backup-api.yaml by `codegen generate`. Do not edit: change the spec, templates/ or overrides/ and regenerate.
"""`POST /backups/{backup}/delete`, `client.backups.delete`; `sync`, `sync_detailed`, `asyncio`, `asyncio_detailed` take the client too."""

import sys
from typing import Any
from urllib.parse import quote

import httpx

from ..._base_client import (
    AsyncAPIClient,
    SyncAPIClient,
    unexpected_status,
    validates_response,
)
from ..._low_level import async_detailed
from ..._low_level import sync_detailed as _sync_detailed
from ...types import Response

OPERATION_ID = "backupsDeleteSpecificBackup"
IDEMPOTENT = False
IDEMPOTENCY_KEY = True
LONG_RUNNING = False


def _get_kwargs(
    backup: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/backups/{backup}/delete".format(
            backup=quote(str(backup), safe=""),
        ),
    }

    return _kwargs


@validates_response
def _parse_response(
    *, client: SyncAPIClient | AsyncAPIClient, response: httpx.Response
) -> None:
    if 204 <= response.status_code <= 204:
        return None

    raise unexpected_status(response)


def sync_detailed(*args: Any, client: SyncAPIClient, **kwargs: Any) -> Response[None]:
    """`client.backups.delete(...)`, answering a `Response` (status, headers, content, parsed)."""
    return _sync_detailed(_operation(), client, args, kwargs)


def sync(*args: Any, client: SyncAPIClient, **kwargs: Any) -> None:
    """`client.backups.delete(...)`."""
    return sync_detailed(*args, client=client, **kwargs).parsed


async def asyncio_detailed(
    *args: Any, client: AsyncAPIClient, **kwargs: Any
) -> Response[None]:
    """`await client.backups.delete(...)`, answering a `Response`."""
    return await async_detailed(_operation(), client, args, kwargs)


async def asyncio(*args: Any, client: AsyncAPIClient, **kwargs: Any) -> None:
    """`await client.backups.delete(...)`."""
    return (await asyncio_detailed(*args, client=client, **kwargs)).parsed


def _operation() -> Any:
    return sys.modules[__name__]
