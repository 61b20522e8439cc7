"""Which files of one directory changed since the last look: Linux's inotify (`inotify_simple`).

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

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from inotify_simple import INotify

__all__ = ["EVERYTHING", "DirectoryWatch"]

# What `changes()` answers when it cannot tell which names changed.
EVERYTHING: Final = None


class DirectoryWatch:
    """The names in one directory changed since the last `changes()` (not thread-safe: callers lock)."""

    def __init__(self, inotify: INotify, gone: int, overflow: int) -> None:
        self._inotify = inotify
        self._gone = gone
        self._overflow = overflow
        self._lost = False

    @classmethod
    def open(cls, directory: Path) -> DirectoryWatch | None:
        """A watch on `directory`, or None where inotify is not available."""
        if not sys.platform.startswith("linux"):
            return None
        from inotify_simple import INotify, flags

        watched = (
            flags.MODIFY
            | flags.ATTRIB
            | flags.CLOSE_WRITE
            | flags.MOVED_FROM
            | flags.MOVED_TO
            | flags.CREATE
            | flags.DELETE
            | flags.DELETE_SELF
            | flags.MOVE_SELF
        )
        try:
            inotify = INotify(nonblocking=True)  # EMFILE: the user's inotify instances are used up
        except OSError:
            return None
        try:
            inotify.add_watch(os.fspath(directory), watched)  # ENOSPC: no watches left
        except OSError:
            inotify.close()
            return None
        # The watch (and the directory it watched) is gone: no event will come any more.
        gone = flags.IGNORED | flags.DELETE_SELF | flags.MOVE_SELF | flags.UNMOUNT
        return cls(inotify, gone, flags.Q_OVERFLOW)

    def changes(self) -> set[str] | None:
        """The names changed (created, written, truncated, renamed, removed, chmod-ed) since the
        last call; `EVERYTHING` (None) when events were lost (the kernel's queue overflowed) or
        the directory went away (then always: see `lost`)."""
        changed: set[str] = set()
        overflowed = False
        if not self._lost:
            try:
                events = self._inotify.read(timeout=0)
            except OSError:  # pragma: no cover (the descriptor is ours and open)
                self._lost = True
                events = []
            for event in events:
                if event.mask & self._gone:
                    self._lost = True
                elif event.mask & self._overflow:  # events were dropped: which names changed is unknown
                    overflowed = True
                elif event.name:
                    changed.add(event.name)
        return EVERYTHING if self._lost or overflowed else changed

    @property
    def lost(self) -> bool:
        """Whether the watch stopped for good (its directory went away, or it was closed)."""
        return self._lost

    def close(self) -> None:
        self._inotify.close()
        self._lost = True
