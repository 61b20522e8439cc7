"""Giving memory back to the operating system after a large operation (`release_memory`).

CPython frees a large restore's buffers, but glibc's malloc keeps the freed pages of its arenas
(every thread that allocated has one) for reuse: after a restore that read large documents the
process stays at its peak. `malloc_trim(0)` returns every free page at the top of and inside the
arenas. Elsewhere (macOS, musl, Windows) it is a no-op: those allocators return large blocks
themselves.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import sys
from collections.abc import Callable
from typing import TypeVar

__all__ = ["detached", "release_memory"]

_Error = TypeVar("_Error", bound=BaseException)


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim: Callable[[int], int] = libc.malloc_trim
    except (OSError, AttributeError):  # not glibc
        return None
    return trim


def release_memory() -> None:
    """Return the allocator's free memory to the operating system, where the platform allows."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


def detached(error: _Error) -> _Error:
    """`error` without its traceback (nor its causes'), to be kept after the operation ended: a
    traceback holds the frames it went through, and with them their buffers (the start of a line
    a restore refused, up to the document bound), alive as long as the error is."""
    seen: set[int] = set()
    link: BaseException | None = error
    while link is not None and id(link) not in seen:
        seen.add(id(link))
        link.__traceback__ = None
        link = link.__cause__ or link.__context__
    return error
