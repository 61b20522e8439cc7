"""Models as the spec's wire shape has them: by their JSON names, absent optional fields left out,
and a required field sent even when it is null (`BackupStatus.percentage`), as the spec's required
sets say. The HTTP layer answers with these; a record keeps its backup's rendering (see
`storage.metadata.BackupRecord.wire_json`) so a list is answered without rendering it again."""

from __future__ import annotations

import json

from pydantic import BaseModel

__all__ = ["wire_document", "wire_json"]


def wire_document(model: BaseModel) -> dict[str, object]:
    document: dict[str, object] = model.model_dump(mode="json", by_alias=True, exclude_none=True)
    for name, field in type(model).model_fields.items():
        if field.is_required() and getattr(model, name) is None:
            document[field.alias or name] = None
    return document


def wire_json(model: BaseModel) -> bytes:
    """`wire_document(model)` encoded as Starlette's `JSONResponse` encodes an answer."""
    return json.dumps(
        wire_document(model), ensure_ascii=False, allow_nan=False, indent=None, separators=(",", ":")
    ).encode("utf-8")
