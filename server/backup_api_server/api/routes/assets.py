"""The `Assets` tag: the local asset database."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import Response

from ..deps import Engine, call

router = APIRouter(tags=["Assets"])


@router.get("/assets")
async def assets_snapshot(engine: Engine) -> Response:
    # Documents go out exactly as stored (they were validated on the way in): parsing them into a
    # model and serialising again would cost seconds on a large database and could reorder fields.
    texts = await call(engine.list_asset_texts)
    return Response(b'{"iterable":[' + ",".join(texts).encode() + b"]}", media_type="application/json")
