# Generated from spec/backup-api.yaml by `codegen generate`. Do not edit: change the spec, templates/ or overrides/ and regenerate.
"""The entry point: `BackupApiClient` and `AsyncBackupApiClient`, one attribute per tag of the spec."""

from __future__ import annotations

from ._clients import AsyncClient, AsyncViews, SyncClient, SyncViews, default_base_url
from .api.assets import (
    AssetsResource,
    AssetsResourceWithRawResponse,
    AssetsResourceWithStreamingResponse,
    AsyncAssetsResource,
    AsyncAssetsResourceWithRawResponse,
    AsyncAssetsResourceWithStreamingResponse,
)
from .api.backup import (
    AsyncBackupResource,
    AsyncBackupResourceWithRawResponse,
    AsyncBackupResourceWithStreamingResponse,
    BackupResource,
    BackupResourceWithRawResponse,
    BackupResourceWithStreamingResponse,
)
from .api.backups import (
    AsyncBackupsResource,
    AsyncBackupsResourceWithRawResponse,
    AsyncBackupsResourceWithStreamingResponse,
    BackupsResource,
    BackupsResourceWithRawResponse,
    BackupsResourceWithStreamingResponse,
)
from .api.maintenance import (
    AsyncMaintenanceResource,
    AsyncMaintenanceResourceWithRawResponse,
    AsyncMaintenanceResourceWithStreamingResponse,
    MaintenanceResource,
    MaintenanceResourceWithRawResponse,
    MaintenanceResourceWithStreamingResponse,
)

__all__ = [
    "AsyncBackupApiClient",
    "AsyncAssetsResource",
    "AsyncBackupResource",
    "AsyncBackupsResource",
    "AsyncMaintenanceResource",
    "AsyncBackupApiClientWithRawResponse",
    "AsyncAssetsResourceWithRawResponse",
    "AsyncBackupResourceWithRawResponse",
    "AsyncBackupsResourceWithRawResponse",
    "AsyncMaintenanceResourceWithRawResponse",
    "AsyncBackupApiClientWithStreamingResponse",
    "AsyncAssetsResourceWithStreamingResponse",
    "AsyncBackupResourceWithStreamingResponse",
    "AsyncBackupsResourceWithStreamingResponse",
    "AsyncMaintenanceResourceWithStreamingResponse",
    "BackupApiClient",
    "AssetsResource",
    "BackupResource",
    "BackupsResource",
    "MaintenanceResource",
    "BackupApiClientWithRawResponse",
    "AssetsResourceWithRawResponse",
    "BackupResourceWithRawResponse",
    "BackupsResourceWithRawResponse",
    "MaintenanceResourceWithRawResponse",
    "BackupApiClientWithStreamingResponse",
    "AssetsResourceWithStreamingResponse",
    "BackupResourceWithStreamingResponse",
    "BackupsResourceWithStreamingResponse",
    "MaintenanceResourceWithStreamingResponse",
    "DEFAULT_BASE_URL",
]

DEFAULT_BASE_URL = default_base_url()
"""The service's address on this platform (the spec's `servers`); `BACKUP_API_BASE_URL` overrides it."""
USER_AGENT = "backup-api-client/1.2.0"


class BackupApiClientWithRawResponse(SyncViews):
    """`client.with_raw_response`: one attribute per tag, as on the client."""

    assets: AssetsResourceWithRawResponse
    backup: BackupResourceWithRawResponse
    backups: BackupsResourceWithRawResponse
    maintenance: MaintenanceResourceWithRawResponse
    _views = {
        "assets": AssetsResourceWithRawResponse,
        "backup": BackupResourceWithRawResponse,
        "backups": BackupsResourceWithRawResponse,
        "maintenance": MaintenanceResourceWithRawResponse,
    }


class BackupApiClientWithStreamingResponse(SyncViews):
    """`client.with_streaming_response`: one attribute per tag, as on the client."""

    assets: AssetsResourceWithStreamingResponse
    backup: BackupResourceWithStreamingResponse
    backups: BackupsResourceWithStreamingResponse
    maintenance: MaintenanceResourceWithStreamingResponse
    _views = {
        "assets": AssetsResourceWithStreamingResponse,
        "backup": BackupResourceWithStreamingResponse,
        "backups": BackupsResourceWithStreamingResponse,
        "maintenance": MaintenanceResourceWithStreamingResponse,
    }


class BackupApiClient(
    SyncClient["BackupApiClientWithRawResponse", "BackupApiClientWithStreamingResponse"]
):
    """The Backup API: `client.<tag>.<method>(...)`, one attribute per tag of the spec (see `SyncClient`)."""

    assets: AssetsResource
    backup: BackupResource
    backups: BackupsResource
    maintenance: MaintenanceResource
    _resources = {
        "assets": AssetsResource,
        "backup": BackupResource,
        "backups": BackupsResource,
        "maintenance": MaintenanceResource,
    }
    _raw_views = BackupApiClientWithRawResponse
    _streaming_views = BackupApiClientWithStreamingResponse
    _default_base_url = DEFAULT_BASE_URL
    _user_agent = USER_AGENT


class AsyncBackupApiClientWithRawResponse(AsyncViews):
    """`client.with_raw_response`: one attribute per tag, as on the client."""

    assets: AsyncAssetsResourceWithRawResponse
    backup: AsyncBackupResourceWithRawResponse
    backups: AsyncBackupsResourceWithRawResponse
    maintenance: AsyncMaintenanceResourceWithRawResponse
    _views = {
        "assets": AsyncAssetsResourceWithRawResponse,
        "backup": AsyncBackupResourceWithRawResponse,
        "backups": AsyncBackupsResourceWithRawResponse,
        "maintenance": AsyncMaintenanceResourceWithRawResponse,
    }


class AsyncBackupApiClientWithStreamingResponse(AsyncViews):
    """`client.with_streaming_response`: one attribute per tag, as on the client."""

    assets: AsyncAssetsResourceWithStreamingResponse
    backup: AsyncBackupResourceWithStreamingResponse
    backups: AsyncBackupsResourceWithStreamingResponse
    maintenance: AsyncMaintenanceResourceWithStreamingResponse
    _views = {
        "assets": AsyncAssetsResourceWithStreamingResponse,
        "backup": AsyncBackupResourceWithStreamingResponse,
        "backups": AsyncBackupsResourceWithStreamingResponse,
        "maintenance": AsyncMaintenanceResourceWithStreamingResponse,
    }


class AsyncBackupApiClient(
    AsyncClient[
        "AsyncBackupApiClientWithRawResponse",
        "AsyncBackupApiClientWithStreamingResponse",
    ]
):
    """The Backup API, async: `client.<tag>.<method>(...)`, one attribute per tag of the spec (see `AsyncClient`)."""

    assets: AsyncAssetsResource
    backup: AsyncBackupResource
    backups: AsyncBackupsResource
    maintenance: AsyncMaintenanceResource
    _resources = {
        "assets": AsyncAssetsResource,
        "backup": AsyncBackupResource,
        "backups": AsyncBackupsResource,
        "maintenance": AsyncMaintenanceResource,
    }
    _raw_views = AsyncBackupApiClientWithRawResponse
    _streaming_views = AsyncBackupApiClientWithStreamingResponse
    _default_base_url = DEFAULT_BASE_URL
    _user_agent = USER_AGENT
