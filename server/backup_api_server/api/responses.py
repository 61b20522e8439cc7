"""Answers in the spec's wire shape (see `wire`)."""

from __future__ import annotations

from collections.abc import Iterable

from fastapi.responses import Response
from pydantic import BaseModel

from ..wire import wire_json

__all__ = ["json_response", "list_response", "model_response"]

JSON = "application/json"


def model_response(model: BaseModel, status_code: int = 200) -> Response:
    """`model` as JSON by its wire names: absent optional fields left out, a required field sent
    even when it is null (`BackupStatus.percentage`), as the spec's required sets say."""
    return json_response(wire_json(model), status_code)


def json_response(body: bytes, status_code: int = 200, headers: dict[str, str] | None = None) -> Response:
    """A JSON answer whose body is already encoded."""
    return Response(body, status_code=status_code, headers=headers, media_type=JSON)


def list_response(items: Iterable[bytes], headers: dict[str, str] | None = None) -> Response:
    """`{"iterable": [...]}` (the lists' shape: `Assets`, `Backups`) of items already encoded."""
    return json_response(b'{"iterable":[' + b",".join(items) + b"]}", headers=headers)
