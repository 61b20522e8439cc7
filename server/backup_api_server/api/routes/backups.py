"""The `Backups` tag: the collection of stored backups."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from ..deps import BackupIdPath, Engine, call, engine_of, read
from ..idempotency import Keys, answer_once
from ..pagination import DEFAULT_LIMIT, Limit, RawCursor, backup_before, backup_cursor, next_cursor_header
from ..responses import list_response

router = APIRouter(tags=["Backups"])


@router.get("/backups")
async def backups_list(request: Request, limit: Limit = DEFAULT_LIMIT, cursor: RawCursor = None) -> Response:
    engine = engine_of(request)  # not a dependency: a hot route (see `deps`)
    records, more = await read(engine, engine.page_backups, backup_before(cursor), limit)
    following = backup_cursor(records[-1].backup_id) if more and records else None
    # A `Backups` document of each backup as its record rendered it once (`BackupRecord.wire_json`).
    return list_response((record.wire_json for record in records), next_cursor_header(following))


@router.post("/backups/{backup}/delete")
async def backups_delete_specific_backup(
    backup: BackupIdPath, request: Request, engine: Engine, keys: Keys
) -> Response:
    async def delete() -> Response:
        await call(engine.delete_backup, backup)
        return Response(status_code=204)

    return await answer_once(request, keys, "backupsDeleteSpecificBackup", None, delete)
