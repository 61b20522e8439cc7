"""The server publishes the spec it implements (not an operation of it)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import Response

from ... import contract

router = APIRouter(include_in_schema=False)


@router.get("/openapi.json")
async def openapi_json() -> Response:
    return Response(contract.spec_json(), media_type="application/json")


@router.get("/openapi.yaml")
async def openapi_yaml() -> Response:
    return Response(contract.spec_text(), media_type="application/yaml")
