# Hand-written in overrides/_types.py; `codegen generate` ships it unchanged.
"""Small types shared by the runtime and the generated operations.

Hand-written (overrides/_types.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, Literal, TypeAlias

import httpx

__all__ = ["NOT_GIVEN", "UNSET", "Headers", "NotGiven", "Timeout", "Unset"]


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


class Unset:
    """The type of `UNSET`: a field or argument left out, which the spec tells apart from null.

    Defined here (``types`` re-exports it) so that the client's methods, whose optional parameters
    default to it, do not import ``attrs`` with the client.
    """

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Unset = Unset()
