"""The `Assets` tag: the local asset database."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter, Request
from fastapi.responses import Response

from ...engine import BackupEngine
from ..deps import Engine, call
from ..pagination import DEFAULT_LIMIT, Limit, RawCursor, asset_cursor, next_cursor_header, position_after

router = APIRouter(tags=["Assets"])


@router.get("/assets")
async def assets_snapshot(
    request: Request, engine: Engine, limit: Limit = DEFAULT_LIMIT, cursor: RawCursor = None
) -> Response:
    # A page of 1,000 large assets costs a few times its size while it is read and built: only a
    # few are built at once (`settings.MAX_CONCURRENT_ASSET_PAGES`), whatever the clients ask.
    pages_being_built: asyncio.Semaphore = request.app.state.asset_pages
    async with pages_being_built:
        body, last_id = await call(_page, engine, position_after(cursor), limit)
    following = asset_cursor(last_id) if last_id is not None else None
    return Response(body, media_type="application/json", headers=next_cursor_header(following))


def _page(engine: BackupEngine, after: int, limit: int) -> tuple[bytes, int | None]:
    """A page's body, and the last asset's position if more follow; built in a worker thread (a
    10 MB page takes milliseconds to join and encode, which the event loop does not wait for)."""
    rows, more = engine.page_asset_texts(after, limit)
    # Documents go out exactly as stored (they were validated on the way in): parsing them into a
    # model and serialising again would cost seconds on a large database and could reorder fields.
    body = b'{"iterable":[' + ",".join(text for _, text in rows).encode() + b"]}"
    return body, rows[-1][0] if more and rows else None
