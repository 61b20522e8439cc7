"""The `Backup` tag: the nine operations of the original Backup API."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from backup_api_server_models import BackupStatus

from ...engine import Status
from ...problems import Problem
from ..deps import BackupIdPath, Bodies, Engine, call, checked_backup_id, engine_of, read
from ..idempotency import Keys, answer_once
from ..responses import model_response
from ..streaming import final_progress, restoration_event_stream, wants_event_stream

router = APIRouter(tags=["Backup"])


def _status_model(status: Status) -> BackupStatus:
    return BackupStatus(
        backup=status.backup, percentage=status.percentage, value=status.value, detail=status.detail
    )


async def _start_creation(
    engine: Engine, bodies: Bodies, keys: Keys, request: Request, operation_id: str, component: str
) -> Response:
    async with bodies.held(request, component) as body:
        # Still holding a large body's slot: the documents are spooled before another is parsed.
        return await _start_creation_of(engine, keys, request, operation_id, component, body)


async def _start_creation_of(
    engine: Engine, keys: Keys, request: Request, operation_id: str, component: str, body: Any
) -> Response:
    if body is None:
        assets = None
    elif component == "Asset":
        assets = [body]
    else:
        assets = list(body["iterable"])
        _refuse_duplicate_ids(assets)

    async def start() -> Response:
        backup_id = await call(engine.start_creation, assets)
        return Response(status_code=202, headers={"Location": f"/backup/{backup_id}", "Backup-Id": backup_id})

    return await answer_once(request, keys, operation_id, body, start)


def _refuse_duplicate_ids(assets: list[Any]) -> None:
    """A restore keeps one asset per id, so a body holding an id twice would lose one silently."""
    seen: set[str] = set()  # a set, not a dict of positions: a 64 MiB body holds ~330,000 ids
    for position, asset in enumerate(assets):
        if asset["id"] in seen:
            first = next(index for index, earlier in enumerate(assets) if earlier["id"] == asset["id"])
            raise Problem(
                422,
                f"body.iterable[{position}].id: {asset['id']!r} is also the id of body.iterable[{first}]; "
                "every asset needs an id of its own",
            )
        seen.add(asset["id"])


async def _check_optional_metadata(engine: Engine, bodies: Bodies, backup: str, request: Request) -> None:
    """The optional body must be this backup's metadata. The path is looked at first: a backup that
    is not there is 404 (409 while it is being created) whatever the body names."""
    body: Any = await bodies.read(request, "Backup")
    if body is None:
        return
    await call(engine.get_backup, backup)
    # A well-formed body that describes another backup than the one at the path conflicts with that
    # backup (409, as JSON:API answers an id that does not match the endpoint); it is no schema error.
    if body.get("id") != backup:
        raise Problem(
            409, f"body.id: the body names {body.get('id')!r}, the path {backup!r}; they must match"
        )


async def backup_specific_backup_snapshot(request: Request) -> Response:
    backup, engine = checked_backup_id(request.path_params["backup"]), engine_of(request)
    return model_response(await read(engine, engine.get_backup, backup))


async def backup_specific_creation_status(request: Request) -> Response:
    backup, engine = checked_backup_id(request.path_params["backup"]), engine_of(request)
    return model_response(_status_model(await read(engine, engine.creation_status, backup)))


async def backup_specific_restoration_status(request: Request) -> Response:
    backup, engine = checked_backup_id(request.path_params["backup"]), engine_of(request)
    return model_response(_status_model(await read(engine, engine.restoration_status, backup)))


# The hot reads: plain Starlette routes (see `deps.plain_get_route`), added by `create_app`.
PLAIN_GETS = (
    ("/backup/{backup}", backup_specific_backup_snapshot),
    ("/backup/{backup}/creation/status", backup_specific_creation_status),
    ("/backup/{backup}/restoration/status", backup_specific_restoration_status),
)


@router.post("/backup")
async def backup(request: Request, engine: Engine, bodies: Bodies, keys: Keys) -> Response:
    return await _start_creation(engine, bodies, keys, request, "backup", "Assets")


@router.post("/backup/asset")
async def backup_asset(request: Request, engine: Engine, bodies: Bodies, keys: Keys) -> Response:
    return await _start_creation(engine, bodies, keys, request, "backupAsset", "Asset")


# The reads below take the engine and check the id themselves rather than through dependencies
# (see `deps`): they are the hot routes.


@router.post("/backup/{backup}/creation/cancel")
async def backup_specific_creation_cancel(backup: BackupIdPath, engine: Engine) -> Response:
    await call(engine.cancel_creation, backup)
    return Response(status_code=204)


@router.post("/backup/{backup}/restore")
async def backup_restore_specific_backup(
    backup: BackupIdPath, request: Request, engine: Engine, bodies: Bodies
) -> Response:
    await _check_optional_metadata(engine, bodies, backup, request)
    return model_response(await call(engine.restore, backup))


@router.post("/backup/{backup}/restore/streamed")
async def backup_restore_specific_backup_streamed(
    backup: BackupIdPath, request: Request, engine: Engine, bodies: Bodies
) -> Response:
    await _check_optional_metadata(engine, bodies, backup, request)
    handle = await call(engine.start_restoration, backup)
    if wants_event_stream(request.headers.get("accept")):
        return restoration_event_stream(handle)
    return model_response(await run_in_threadpool(final_progress, handle))


@router.post("/backup/{backup}/restoration/cancel")
async def backup_specific_restoration_cancel(
    backup: BackupIdPath, request: Request, engine: Engine, bodies: Bodies
) -> Response:
    await _check_optional_metadata(engine, bodies, backup, request)
    await call(engine.cancel_restoration, backup)
    return Response(status_code=204)
