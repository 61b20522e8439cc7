"""Cursors of the paginated lists (`GET /assets`, `GET /backups`).

A cursor names the last item of the page before, so a page neither repeats nor skips an item that
was there all along while others are added or deleted: `a<position>` for assets (the SQLite rowid,
so the next page is one keyset read) and `b<backup id>` for backups (the list is ordered by what
the id holds, so the backup named may have been deleted meanwhile). Clients treat them as opaque.
The spec's `AssetsCursor` and `BackupsCursor` schemas admit exactly these, so every cursor that
matches its schema is answered (a page, possibly empty) and anything else is `422`; `limit`'s
bounds are the spec's `PageLimit`.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Query

from .. import contract
from ..problems import Problem

__all__ = [
    "DEFAULT_LIMIT",
    "NEXT_CURSOR",
    "Limit",
    "RawCursor",
    "asset_cursor",
    "backup_before",
    "backup_cursor",
    "next_cursor_header",
    "position_after",
]

_LIMITS = contract.page_limits()

Limit = Annotated[int, Query(ge=_LIMITS.minimum, le=_LIMITS.maximum)]
RawCursor = Annotated[str | None, Query()]
DEFAULT_LIMIT = _LIMITS.default
NEXT_CURSOR = "Next-Cursor"

_ASSETS = "a"
_BACKUPS = "b"


def _refused(cursor: str) -> Problem:
    return Problem(
        422,
        f"query.cursor: {cursor[:80]!r} is not a cursor of this list; send the Next-Cursor of the "
        "page before, or no cursor for the first page",
    )


def asset_cursor(position: int) -> str:
    return f"{_ASSETS}{position}"


def backup_cursor(backup_id: str) -> str:
    return f"{_BACKUPS}{backup_id}"


def position_after(cursor: str | None) -> int:
    """The asset position a cursor of `GET /assets` names (0 for none: from the first)."""
    if cursor is None:
        return 0
    if contract.schema_errors("AssetsCursor", cursor):
        raise _refused(cursor)
    return int(cursor.removeprefix(_ASSETS))


def backup_before(cursor: str | None) -> str | None:
    """The backup id a cursor of `GET /backups` names (None for none: from the newest)."""
    if cursor is None:
        return None
    backup_id = cursor.removeprefix(_BACKUPS)
    if not cursor.startswith(_BACKUPS) or not contract.backup_id_is_valid(backup_id):
        raise _refused(cursor)
    return backup_id


def next_cursor_header(cursor: str | None) -> dict[str, str]:
    """The `Next-Cursor` header, when there is a next page."""
    return {} if cursor is None else {NEXT_CURSOR: cursor}
