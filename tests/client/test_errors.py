"""Every failure raises a typed exception carrying the problem document and the response;
every success returns the model (sync and async alike)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from backup_api_client import (
    APIResponseValidationError,
    APIStatusError,
    AsyncBackupApiClient,
    AuthenticationError,
    BackupApiClient,
    BackupApiError,
    BadRequestError,
    ConflictError,
    GoneError,
    InternalServerError,
    NotFoundError,
    PayloadTooLargeError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
    UnsupportedMediaTypeError,
)
from backup_api_client.models import Asset, Assets, Backup, BackupStatus, BackupStatusEnum, PlatformEnum

from .conftest import BACKUP, BACKUP_ID, STATUS, Api, Reply, ScriptedServer, problem

pytestmark = pytest.mark.anyio


@pytest.mark.parametrize(
    ("status", "error_class"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (409, ConflictError),
        (410, GoneError),
        (413, PayloadTooLargeError),
        (415, UnsupportedMediaTypeError),
        (422, UnprocessableEntityError),
        (429, RateLimitError),
        (500, InternalServerError),
        (501, InternalServerError),
    ],
)
async def test_a_problem_answer_raises_its_class_with_the_problem_fields(
    api: Api, server: ScriptedServer, status: int, error_class: type[APIStatusError]
) -> None:
    server.script(then=problem(status, f"detail of {status}", title="Some Title", instance="/x", extra=7))

    with pytest.raises(error_class) as raised:
        await api.call("backup.restore", BACKUP_ID)

    error = raised.value
    assert type(error) is error_class
    assert isinstance(error, APIStatusError) and isinstance(error, BackupApiError)
    assert (error.status_code, error.status, error.title, error.detail) == (
        status,
        status,
        "Some Title",
        f"detail of {status}",
    )
    assert error.type == f"urn:backup-api:problem:{status}"
    assert error.instance == "/x"
    assert error.problem is not None and error.problem["extra"] == 7
    assert isinstance(error.response, httpx.Response) and error.response.status_code == status
    assert error.request.method == "POST" and error.request.url.path == f"/backup/{BACKUP_ID}/restore"
    assert str(error) == f"{status} Some Title: detail of {status}"
    assert len(server.requests) == 1  # not retryable, and restore is not idempotent anyway


@pytest.mark.parametrize("status", [408, 418, 421])
async def test_a_status_without_a_class_raises_api_status_error(
    api: Api, server: ScriptedServer, status: int
) -> None:
    server.script(then=problem(status, "nope"))

    with pytest.raises(APIStatusError) as raised:
        await api.call("backup.get", BACKUP_ID, max_retries=0)

    assert type(raised.value) is APIStatusError
    assert raised.value.status_code == status and raised.value.detail == "nope"


async def test_an_error_without_a_problem_document_keeps_the_body_in_the_message(
    api: Api, server: ScriptedServer
) -> None:
    server.script(then=Reply(500, b"upstream exploded", content_type="text/plain"))

    with pytest.raises(InternalServerError) as raised:
        await api.call("backups.list", max_retries=0)

    error = raised.value
    assert error.problem is None and error.detail is None and error.title is None
    assert str(error) == "500 Internal Server Error: upstream exploded"
    assert error.response.text == "upstream exploded"


async def test_an_undocumented_success_status_raises_api_status_error(
    api: Api, server: ScriptedServer
) -> None:
    server.script(then=Reply(200, BACKUP))  # POST /backup documents 202 only

    with pytest.raises(APIStatusError, match="status 200 is not documented") as raised:
        await api.call("backup.create")

    assert type(raised.value) is APIStatusError


async def test_an_answer_that_does_not_match_the_spec_raises_response_validation_error(
    api: Api, server: ScriptedServer
) -> None:
    server.script(Reply(200, {"id": BACKUP_ID}), Reply(200, b"not json", content_type="application/json"))

    with pytest.raises(APIResponseValidationError, match="does not match the spec") as missing_field:
        await api.call("backup.get", BACKUP_ID)
    with pytest.raises(APIResponseValidationError):
        await api.call("backup.get", BACKUP_ID)

    assert missing_field.value.status_code == 200
    assert isinstance(missing_field.value.__cause__, KeyError)


async def test_get_returns_the_backup_model(api: Api, server: ScriptedServer) -> None:
    backup = await api.call("backup.get", BACKUP_ID)

    assert isinstance(backup, Backup)
    assert (backup.id, backup.bytes_, backup.platform) == (BACKUP_ID, 5120, PlatformEnum.LINUX)
    assert backup.created.value.year == 2025
    (seen,) = server.requests
    assert (seen.method, seen.path, seen.body) == ("GET", f"/backup/{BACKUP_ID}", b"")
    assert "content-type" not in seen.headers  # no body, no Content-Type
    assert seen.headers["accept"] == "application/json, application/problem+json"
    assert seen.headers["user-agent"].startswith("backup-api-client/")


async def test_status_operations_return_the_status_model(api: Api, server: ScriptedServer) -> None:
    server.script(then=Reply(200, STATUS))

    creation = await api.call("backup.creation_status", BACKUP_ID)
    restoration = await api.call("backup.restoration_status", BACKUP_ID)

    for status in (creation, restoration):
        assert isinstance(status, BackupStatus)
        assert (status.value, status.percentage, status.backup.id) == (
            BackupStatusEnum.IN_PROGRESS,
            42.5,
            BACKUP_ID,
        )
    assert [seen.path for seen in server.requests] == [
        f"/backup/{BACKUP_ID}/creation/status",
        f"/backup/{BACKUP_ID}/restoration/status",
    ]


async def test_create_sends_the_assets_and_returns_the_new_identifier(
    api: Api, server: ScriptedServer
) -> None:
    new_id = "1.0.0_1764253683999999"
    server.script(then=Reply(202, None, headers={"Location": f"/backup/{new_id}", "Backup-Id": new_id}))
    asset = Asset(id="a-1", name="hello")
    asset["kept"] = {"as": "sent"}

    created = await api.call("backup.create", Assets(iterable=[asset]), extra_headers={"X-Trace": "t-1"})

    assert created == new_id
    (seen,) = server.requests
    assert (seen.method, seen.path) == ("POST", "/backup")
    assert seen.headers["content-type"] == "application/json"
    assert seen.headers["x-trace"] == "t-1"
    assert seen.body == b'{"iterable":[{"kept":{"as":"sent"},"id":"a-1","name":"hello"}]}'


async def test_create_without_a_body_sends_no_body(api: Api, server: ScriptedServer) -> None:
    server.script(then=Reply(202, None, headers={"Location": "/backup/1.0.0_2", "Backup-Id": "1.0.0_2"}))

    assert await api.call("backup.create") == "1.0.0_2"

    (seen,) = server.requests
    assert seen.body == b"" and "content-type" not in seen.headers


async def test_the_identifier_falls_back_to_location(api: Api, server: ScriptedServer) -> None:
    server.script(Reply(202, None, headers={"Location": "/backup/1.0.0_3"}), Reply(202, None))

    assert await api.call("backup.create_from_asset", Asset(id="a-1")) == "1.0.0_3"
    with pytest.raises(APIResponseValidationError, match="no Backup-Id or Location"):
        await api.call("backup.create_from_asset")


async def test_operations_without_content_return_none(api: Api, server: ScriptedServer) -> None:
    server.script(then=Reply(204, None))

    assert await api.call("backup.cancel_creation", BACKUP_ID) is None
    assert await api.call("backup.cancel_restoration", BACKUP_ID) is None
    assert await api.call("backups.delete", BACKUP_ID) is None

    assert [(seen.method, seen.path) for seen in server.requests] == [
        ("POST", f"/backup/{BACKUP_ID}/creation/cancel"),
        ("POST", f"/backup/{BACKUP_ID}/restoration/cancel"),
        ("POST", f"/backups/{BACKUP_ID}/delete"),
    ]


async def test_the_streamed_restore_is_reachable_as_json(api: Api, server: ScriptedServer) -> None:
    server.script(then=Reply(200, {"status": "COMPLETED", "percentage": 100, "backup": BACKUP}))

    progress = await api.call("backup.restore_streamed_json", BACKUP_ID)

    assert progress.status == BackupStatusEnum.COMPLETED and progress.backup.id == BACKUP_ID
    (seen,) = server.requests
    assert seen.path == f"/backup/{BACKUP_ID}/restore/streamed"
    assert "text/event-stream" not in seen.headers["accept"]


async def test_path_parameters_are_escaped(api: Api, server: ScriptedServer) -> None:
    server.script(then=problem(422, "bad identifier"))

    with pytest.raises(UnprocessableEntityError):
        await api.call("backup.get", "../x y", max_retries=0)

    assert server.requests[0].path == "/backup/..%2Fx%20y"


async def test_the_low_level_functions_take_the_client(mode: str, server: ScriptedServer) -> None:
    from http import HTTPStatus

    import anyio.to_thread

    from backup_api_client.api.backup import backup_specific_backup_snapshot as operation

    if mode == "sync":

        def run() -> tuple[Backup, Any]:
            with BackupApiClient(server.url) as client:
                backup = operation.sync(BACKUP_ID, client=client)
                return backup, operation.sync_detailed(BACKUP_ID, client=client)

        backup, detailed = await anyio.to_thread.run_sync(run)
    else:
        async with AsyncBackupApiClient(server.url) as client:
            backup = await operation.asyncio(BACKUP_ID, client=client)
            detailed = await operation.asyncio_detailed(BACKUP_ID, client=client)

    assert backup.id == detailed.parsed.id == BACKUP_ID
    assert detailed.status_code == HTTPStatus.OK
    assert detailed.headers["content-type"] == "application/json"
    assert b'"platform": "LINUX"' in detailed.content
