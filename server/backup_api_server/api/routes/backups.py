"""The `Backups` tag: the collection of stored backups."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import Response

from backup_api_server_models import Backups

from ..deps import BackupIdPath, Engine, call
from ..responses import model_response

router = APIRouter(tags=["Backups"])


@router.get("/backups")
async def backups_list(engine: Engine) -> Response:
    return model_response(Backups(iterable=await call(engine.list_backups)))


@router.post("/backups/{backup}/delete")
async def backups_delete_specific_backup(backup: BackupIdPath, engine: Engine) -> Response:
    await call(engine.delete_backup, backup)
    return Response(status_code=204)
