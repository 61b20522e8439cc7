"""Each error class the reference server can produce, raised by the client against a live server."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from backup_api_client import (
    NOT_GIVEN,
    APIStatusError,
    AsyncBackupApiClient,
    BackupApiClient,
    BadRequestError,
    ConflictError,
    GoneError,
    NotFoundError,
    PayloadTooLargeError,
    UnprocessableEntityError,
    UnsupportedMediaTypeError,
)
from backup_api_client.models import Assets, Backup, BackupStatusEnum
from tests.support.assets import asset_documents
from tests.support.live_server import LiveServer, running_server
from tests.support.waiting import follow_creation

pytestmark = [pytest.mark.slow, pytest.mark.anyio]


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    with running_server(tmp_path_factory.mktemp("errors") / "data", "--max-body-bytes", "4096") as server:
        yield server


@pytest.fixture(scope="module")
def backup_id(live: LiveServer) -> str:
    with BackupApiClient(live.url) as client:
        created = client.backup.create(Assets.from_dict({"iterable": asset_documents(2)}))
        assert follow_creation(client, created)[-1].value == BackupStatusEnum.COMPLETED
        return created


def raw(client: BackupApiClient, method: str, url: str, content: bytes, content_type: str) -> Any:
    """A request the typed methods cannot make (malformed bodies), through the client's own runtime."""
    request = {"method": method, "url": url, "content": content, "headers": {"Content-Type": content_type}}
    return client.request(
        request, idempotent=False, timeout=NOT_GIVEN, max_retries=NOT_GIVEN, extra_headers=None
    )


def assert_problem(error: APIStatusError, status: int) -> None:
    assert error.status_code == error.status == status
    assert error.type is not None and error.type.startswith("urn:backup-api:problem:")
    assert error.title and error.detail
    assert error.response.headers["content-type"].startswith("application/problem+json")


def test_each_error_status_raises_its_class(live: LiveServer, backup_id: str) -> None:
    with BackupApiClient(live.url) as client:
        with pytest.raises(BadRequestError) as bad_request:
            raw(client, "post", "/backup", b'{"iterable": [', "application/json")
        assert_problem(bad_request.value, 400)

        with pytest.raises(NotFoundError) as not_found:
            client.backup.get("1.0.0_1")
        assert_problem(not_found.value, 404)

        with pytest.raises(ConflictError) as conflict:
            client.backup.cancel_creation(backup_id)
        assert_problem(conflict.value, 409)

        with pytest.raises(PayloadTooLargeError) as too_large:
            client.backup.create(Assets.from_dict({"iterable": asset_documents(50)}))
        assert_problem(too_large.value, 413)

        with pytest.raises(UnsupportedMediaTypeError) as unsupported:
            raw(client, "post", "/backup", b"id=1", "application/x-www-form-urlencoded")
        assert_problem(unsupported.value, 415)

        with pytest.raises(UnprocessableEntityError) as unprocessable:
            client.backup.get("not an id")
        assert_problem(unprocessable.value, 422)

        metadata = client.backup.get(backup_id).to_dict()
        other = Backup.from_dict({**metadata, "id": "1.0.0_2"})
        with pytest.raises(ConflictError, match="must match"):
            client.backup.restore(backup_id, other)


def test_a_deleted_backup_is_gone(live: LiveServer) -> None:
    with BackupApiClient(live.url) as client:
        created = client.backup.create(Assets.from_dict({"iterable": asset_documents(1)}))
        assert follow_creation(client, created)[-1].value == BackupStatusEnum.COMPLETED
        client.backups.delete(created)
        with pytest.raises(GoneError) as gone:
            client.backup.get(created)
        assert_problem(gone.value, 410)


async def test_the_async_client_raises_the_same_classes(live: LiveServer, backup_id: str) -> None:
    async with AsyncBackupApiClient(live.url) as client:
        with pytest.raises(NotFoundError):
            await client.backup.get("1.0.0_1")
        with pytest.raises(ConflictError):
            await client.backup.cancel_restoration(backup_id)
        with pytest.raises(PayloadTooLargeError):
            await client.backup.create(Assets.from_dict({"iterable": asset_documents(50)}))
        with pytest.raises(UnprocessableEntityError):
            await client.backup.restoration_status("1.0.0..1_2")
