"""The `Backups` tag: the collection of stored backups."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from backup_api_server_models import Backups

from ..deps import BackupIdPath, Engine, call
from ..idempotency import Keys, answer_once
from ..pagination import DEFAULT_LIMIT, Limit, RawCursor, backup_before, backup_cursor, next_cursor_header
from ..responses import model_response

router = APIRouter(tags=["Backups"])


@router.get("/backups")
async def backups_list(engine: Engine, limit: Limit = DEFAULT_LIMIT, cursor: RawCursor = None) -> Response:
    backups, more = await call(engine.page_backups, backup_before(cursor), limit)
    response = model_response(Backups(iterable=backups))
    following = backup_cursor(backups[-1].id.root) if more and backups else None
    response.headers.update(next_cursor_header(following))
    return response


@router.post("/backups/{backup}/delete")
async def backups_delete_specific_backup(
    backup: BackupIdPath, request: Request, engine: Engine, keys: Keys
) -> Response:
    async def delete() -> Response:
        await call(engine.delete_backup, backup)
        return Response(status_code=204)

    return await answer_once(request, keys, "backupsDeleteSpecificBackup", None, delete)
