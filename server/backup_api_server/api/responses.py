"""Answers in the spec's wire shape."""

from __future__ import annotations

from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel

__all__ = ["model_response"]


def model_response(model: BaseModel, status_code: int = 200) -> Response:
    """`model` as JSON by its wire names: absent optional fields left out, a required field sent
    even when it is null (`BackupStatus.percentage`), as the spec's required sets say."""
    return JSONResponse(wire_document(model), status_code=status_code)


def wire_document(model: BaseModel) -> dict[str, object]:
    document: dict[str, object] = model.model_dump(mode="json", by_alias=True, exclude_none=True)
    for name, field in type(model).model_fields.items():
        if field.is_required() and getattr(model, name) is None:
            document[field.alias or name] = None
    return document
