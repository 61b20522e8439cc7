# Hand-written in overrides/_types.py; `codegen generate` ships it unchanged.
"""Small types shared by the runtime and the generated operations.

Hand-written (overrides/_types.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, Literal, TypeAlias

import httpx

__all__ = ["NOT_GIVEN", "Headers", "NotGiven", "Timeout"]


class NotGiven:
    """The type of ``NOT_GIVEN``: "use the client's setting", distinct from ``None``.

    ``timeout=None`` means "no timeout"; ``timeout=NOT_GIVEN`` (the default) means "the client's
    timeout".
    """

    __slots__ = ()

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Final = NotGiven()

# Seconds for every phase, an httpx.Timeout for each phase apart, or None for no timeout at all.
Timeout: TypeAlias = float | httpx.Timeout | None
Headers: TypeAlias = Mapping[str, str]
