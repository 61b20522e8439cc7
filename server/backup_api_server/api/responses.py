"""Answers in the spec's wire shape."""

from __future__ import annotations

from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel

__all__ = ["model_response"]


def model_response(model: BaseModel, status_code: int = 200) -> Response:
    """`model` as JSON by its wire names, absent fields left out."""
    return JSONResponse(
        model.model_dump(mode="json", by_alias=True, exclude_none=True), status_code=status_code
    )
