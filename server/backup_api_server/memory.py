"""Giving freed memory back to the operating system.

glibc's allocator keeps freed memory for reuse: after large buffers are freed (the answers a write
timeout abandoned, say), the process's resident size stays at its peak although Python holds
nothing. `malloc_trim(0)` returns the free pages of every arena. Elsewhere (musl, macOS, Windows)
there is no such call, and `release_freed_memory` does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
from collections.abc import Callable

__all__ = ["release_freed_memory"]


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    try:
        trim: Callable[[int], int] = ctypes.CDLL(name).malloc_trim
    except (OSError, AttributeError):  # not glibc
        return None
    return trim


def release_freed_memory() -> None:
    """Return the allocator's free pages to the operating system, where the C library can."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
