# Hand-written in overrides/pagination.py; `codegen generate` ships it unchanged.
"""The pages of the paginated lists (see ``_pagination`` for how they walk a list).

Hand-written (overrides/pagination.py). Every list operation of the spec gets its page classes,
generated beside the operation (``api/<tag>/<operation>.py``): ``<Body>Page``, a ``<Body>`` that is
also a ``SyncCursorPage``, and ``Async<Body>Page``, an ``AsyncCursorPage``. The async client's
``list()`` answers an ``AsyncPager``.

Deprecated, to be removed in 1.2.0: ``NEXT_CURSOR_HEADER`` (the header's name comes from the spec
now) and the page classes imported from here (import them from the package's ``api`` modules, or
annotate with ``SyncCursorPage[Asset]`` and the like).
"""

from __future__ import annotations

from ._pagination import AsyncCursorPage, AsyncPager, SyncCursorPage
from .api.assets.assets_snapshot import AssetsPage, AsyncAssetsPage
from .api.backups.backups_list import AsyncBackupsPage, BackupsPage

__all__ = [
    "NEXT_CURSOR_HEADER",
    "AssetsPage",
    "AsyncAssetsPage",
    "AsyncBackupsPage",
    "AsyncCursorPage",
    "AsyncPager",
    "BackupsPage",
    "SyncCursorPage",
]

NEXT_CURSOR_HEADER = "Next-Cursor"
"""Deprecated: the answer header that holds the next page's cursor (the spec's; see the module)."""
