# Generated from spec/backup-api.yaml by `codegen generate`. Do not edit: change the spec, templates/ or overrides/ and regenerate.
"""`POST /backup/{backup}/verify`, `client.maintenance.verify_specific_backup`; `sync`, `sync_detailed`, `asyncio`, `asyncio_detailed` take the client too."""

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
from ...models.verification_report import VerificationReport
from ...types import Response

OPERATION_ID = "maintenanceVerifySpecificBackup"
IDEMPOTENT = True
IDEMPOTENCY_KEY = False
LONG_RUNNING = False


def _get_kwargs(
    backup: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/backup/{backup}/verify".format(
            backup=quote(str(backup), safe=""),
        ),
    }

    return _kwargs


@validates_response
def _parse_response(
    *, client: SyncAPIClient | AsyncAPIClient, response: httpx.Response
) -> VerificationReport:
    if 200 <= response.status_code <= 200:
        response_200 = VerificationReport.from_dict(response.json())

        return response_200

    raise unexpected_status(response)


def sync_detailed(
    *args: Any, client: SyncAPIClient, **kwargs: Any
) -> Response[VerificationReport]:
    """`client.maintenance.verify_specific_backup(...)`, answering a `Response` (status, headers, content, parsed)."""
    return _sync_detailed(_operation(), client, args, kwargs)


def sync(*args: Any, client: SyncAPIClient, **kwargs: Any) -> VerificationReport:
    """`client.maintenance.verify_specific_backup(...)`."""
    return sync_detailed(*args, client=client, **kwargs).parsed


async def asyncio_detailed(
    *args: Any, client: AsyncAPIClient, **kwargs: Any
) -> Response[VerificationReport]:
    """`await client.maintenance.verify_specific_backup(...)`, answering a `Response`."""
    return await async_detailed(_operation(), client, args, kwargs)


async def asyncio(
    *args: Any, client: AsyncAPIClient, **kwargs: Any
) -> VerificationReport:
    """`await client.maintenance.verify_specific_backup(...)`."""
    return (await asyncio_detailed(*args, client=client, **kwargs)).parsed


def _operation() -> Any:
    return sys.modules[__name__]
