"""The `Assets` tag: the local asset database."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import Response

from ..deps import Engine, call
from ..pagination import DEFAULT_LIMIT, Limit, RawCursor, asset_cursor, next_cursor_header, position_after

router = APIRouter(tags=["Assets"])


@router.get("/assets")
async def assets_snapshot(engine: Engine, limit: Limit = DEFAULT_LIMIT, cursor: RawCursor = None) -> Response:
    rows, more = await call(engine.page_asset_texts, position_after(cursor), limit)
    # Documents go out exactly as stored (they were validated on the way in): parsing them into a
    # model and serialising again would cost seconds on a large database and could reorder fields.
    body = b'{"iterable":[' + ",".join(text for _, text in rows).encode() + b"]}"
    following = asset_cursor(rows[-1][0]) if more and rows else None
    return Response(body, media_type="application/json", headers=next_cursor_header(following))
