"""How the client reads to a type checker: `mypy --strict` must accept this file as it is.

Not a test module (nothing here runs against a server); test_surface.py type-checks it.
"""

from __future__ import annotations

import httpx

from backup_api_client import (
    APIConnectionError,
    APIStatusError,
    AsyncBackupApiClient,
    BackupApiClient,
    ConflictError,
    NotFoundError,
)
from backup_api_client.api.backup import backup_specific_backup_snapshot
from backup_api_client.models import Asset, Assets, Backup, Backups, BackupStatus, BackupStatusEnum
from backup_api_client.pagination import BackupsPage
from backup_api_client.types import Response


def sync_usage(assets: list[Asset]) -> Backup | None:
    with BackupApiClient(
        base_url="http://localhost:1000", timeout=httpx.Timeout(30.0, connect=2.0)
    ) as client:
        backup_id: str = client.backup.create(Assets(iterable=assets))
        one: str = client.backup.create_from_asset(assets[0])
        status: BackupStatus = client.backup.creation_status(backup_id, timeout=5, max_retries=0)
        value: BackupStatusEnum | None = status.value or None
        percentage: float | None = status.percentage if isinstance(status.percentage, float) else None
        try:
            client.backup.cancel_creation(one)
        except ConflictError as error:
            detail: str | None = error.detail
            response: httpx.Response = error.response
            print(detail, response.status_code, value, percentage)
        try:
            backup: Backup = client.backup.get(backup_id, extra_headers={"X-Trace": "1"})
        except NotFoundError:
            return None
        restored: Backup = client.backup.restore(backup.id, backup, max_retries=1)
        client.backup.restoration_status(restored.id)
        client.backup.cancel_restoration(restored.id)
        client.backup.restore_streamed_json(restored.id)
        backups: Backups = client.backups.list()
        client.backups.delete(backups.iterable[0].id)
        local: Assets = client.assets.list()
        print(len(local.iterable))
        every: list[str] = [asset.id for asset in client.assets.list(limit=500)]
        later: BackupsPage | None = client.backups.list().next_page()
        sizes = [len(page.iterable) for page in client.assets.list().pages()]
        print(every, later.next_cursor if later else None, sizes)
        detailed: Response[Backup] = backup_specific_backup_snapshot.sync_detailed(backup.id, client=client)
        return detailed.parsed


async def async_usage() -> list[str]:
    async with AsyncBackupApiClient(max_retries=5) as client:
        try:
            backup_id: str = await client.backup.create()
            backup: Backup = await client.backup.get(backup_id)
            status: BackupStatus = await client.backup.restoration_status(backup.id)
            await client.backup.cancel_restoration(backup.id)
            print(status.value)
        except APIConnectionError as error:
            request: httpx.Request = error.request
            print(request.url)
        except APIStatusError as error:
            code: int = error.status_code
            print(code)
        backups: Backups = await client.backups.list()
        newer: list[Backup] = [backup async for backup in client.backups.list(limit=10)]
        print(len(newer))
        direct: Backup = await backup_specific_backup_snapshot.asyncio("1.0.0_1", client=client)
        return [b.id for b in backups.iterable] + [direct.id]
