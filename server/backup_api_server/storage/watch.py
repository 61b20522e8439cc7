"""Which files of one directory changed since the last look: Linux's inotify, through ctypes.

The local store answers its records from memory and must still see a file changed behind its back
(a metadata file edited or truncated in place, an archive replaced). Checking each file's `stat` on
every list costs two system calls per backup; inotify tells which names changed, at the cost of one
non-blocking `read` per look. The kernel queues an event before the write that caused it returns,
so a change made before a look is always seen by that look.

`DirectoryWatch.open` returns None where inotify is missing (not Linux, no free watch or instance):
the store then verifies from the files every time, as without a cache. A watch that loses events
(the kernel's queue overflowed) or its directory (removed, moved, unmounted) says so (`EVERYTHING`)
and the store forgets everything it remembered.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import struct
import sys
import weakref
from pathlib import Path
from typing import Final

__all__ = ["EVERYTHING", "DirectoryWatch"]

# <sys/inotify.h>
_IN_MODIFY = 0x002
_IN_ATTRIB = 0x004
_IN_CLOSE_WRITE = 0x008
_IN_MOVED_FROM = 0x040
_IN_MOVED_TO = 0x080
_IN_CREATE = 0x100
_IN_DELETE = 0x200
_IN_DELETE_SELF = 0x400
_IN_MOVE_SELF = 0x800
_IN_UNMOUNT = 0x2000
_IN_Q_OVERFLOW = 0x4000
_IN_IGNORED = 0x8000
_IN_NONBLOCK = os.O_NONBLOCK
_IN_CLOEXEC = 0o2000000  # O_CLOEXEC on every Linux architecture but alpha/parisc/sparc (not targets)
_WATCHED = (
    _IN_MODIFY
    | _IN_ATTRIB
    | _IN_CLOSE_WRITE
    | _IN_MOVED_FROM
    | _IN_MOVED_TO
    | _IN_CREATE
    | _IN_DELETE
    | _IN_DELETE_SELF
    | _IN_MOVE_SELF
)
# The watch (and the directory it watched) is gone: no event will come any more.
_GONE = _IN_IGNORED | _IN_DELETE_SELF | _IN_MOVE_SELF | _IN_UNMOUNT
_EVENT = struct.Struct("iIII")  # wd, mask, cookie, len; then `len` bytes of NUL-padded name
_READ_BYTES = 64 * 1024

# What `changes()` answers when it cannot tell which names changed.
EVERYTHING: Final = None


class DirectoryWatch:
    """The names in one directory changed since the last `changes()` (not thread-safe: callers lock)."""

    def __init__(self, descriptor: int) -> None:
        self._descriptor = descriptor
        self._lost = False
        # The descriptor is closed with the watch if nobody called `close` (a store dropped unclosed).
        self._finalizer = weakref.finalize(self, os.close, descriptor)

    @classmethod
    def open(cls, directory: Path) -> DirectoryWatch | None:
        """A watch on `directory`, or None where inotify is not available."""
        if not sys.platform.startswith("linux"):
            return None
        try:
            libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
            init, add_watch = libc.inotify_init1, libc.inotify_add_watch
        except (OSError, AttributeError):
            return None
        add_watch.argtypes = (ctypes.c_int, ctypes.c_char_p, ctypes.c_uint32)
        descriptor = init(_IN_NONBLOCK | _IN_CLOEXEC)
        if descriptor < 0:  # EMFILE: the user's inotify instances are used up
            return None
        if add_watch(descriptor, os.fsencode(directory), _WATCHED) < 0:  # ENOSPC: no watches left
            os.close(descriptor)
            return None
        return cls(descriptor)

    def changes(self) -> set[str] | None:
        """The names changed (created, written, truncated, renamed, removed, chmod-ed) since the
        last call; `EVERYTHING` (None) when events were lost (the kernel's queue overflowed) or
        the directory went away (then always: see `lost`)."""
        changed: set[str] = set()
        overflowed = False
        while not self._lost:
            try:
                data = os.read(self._descriptor, _READ_BYTES)
            except BlockingIOError:
                break
            except OSError as error:  # pragma: no cover (the descriptor is ours and open)
                if error.errno == errno.EINTR:
                    continue
                self._lost = True
                break
            offset = 0
            while offset < len(data):
                _, mask, _, length = _EVENT.unpack_from(data, offset)
                offset += _EVENT.size
                name = data[offset : offset + length].rstrip(b"\0")
                offset += length
                if mask & _GONE:
                    self._lost = True
                elif mask & _IN_Q_OVERFLOW:  # events were dropped: which names changed is unknown
                    overflowed = True
                elif name:
                    changed.add(os.fsdecode(name))
        return EVERYTHING if self._lost or overflowed else changed

    @property
    def lost(self) -> bool:
        """Whether the watch stopped for good (its directory went away, or it was closed)."""
        return self._lost

    def close(self) -> None:
        self._finalizer()
        self._lost = True
