"""The thin layer under the backup store: an `ObjectStore` holds named, immutable byte objects.

As restic's backends (Save, Load, Stat, List, Remove), an object store knows nothing of backups:
no ids, no suffixes, no commit order, no verification, no cache. Those live once, in
`store.BackupStore`, above every object store. An implementation is a few requests each
(`local_objects.LocalDirectoryObjects`, `s3_store.S3Objects`, and the tests' in-memory one), and
`tests/unit/test_object_store.py` is the suite each one passes.

What every implementation promises:

- `create(name)` streams a new object; it becomes visible, whole, only when the block exits
  without error, and only if no object of that name exists (`FileExistsError`: put-if-absent);
  a block that raises leaves nothing visible. Durable once the block has exited.
- `open(name, start)` reads an object from byte `start` (a ranged get); `stat(name)` gives its
  size and a version; `list(prefix)` the visible objects with the same (as restic's List, one
  request per thousand objects on S3, not one per object); `delete(name)` removes one
  (a missing one is not an error). A missing object is `FileNotFoundError`.
- Whatever the store holds is untrusted: a name that holds anything but a regular object (the
  local store: a symlink, FIFO, device or directory) is `NotRegularObject`, which names nothing
  about what it points at, and is never followed.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from contextlib import AbstractContextManager
from typing import BinaryIO, NamedTuple, Protocol

__all__ = ["NotRegularObject", "ObjectInfo", "ObjectStore"]


class ObjectInfo(NamedTuple):
    """What `stat` says of an object."""

    size: int
    # Changes whenever the object's content may have changed (S3: its ETag); None when the store
    # cannot tell cheaply and reliably (the local directory: timestamps are too coarse), so what
    # was read from the object is not kept on the strength of it.
    version: Hashable | None


class NotRegularObject(Exception):
    """The name holds something other than a regular object (a symlink, FIFO, device, directory).

    Its message names the object only, never anything about the target."""


class ObjectStore(Protocol):
    # Whether reading is a transfer (a network object store) rather than a local file read.
    remote: bool

    @property
    def watched(self) -> bool:
        """Whether `changes()` reports every change made behind this object's back."""
        ...

    def changes(self) -> set[str] | None:
        """Names changed since the last call (only when `watched`); None: possibly every one."""
        ...

    def create(self, name: str) -> AbstractContextManager[BinaryIO]:
        """A new object, written through the yielded stream (whose `tell()` is its size so far)."""
        ...

    def put_new(self, name: str, content: bytes) -> None:
        """A small new object, put whole; `FileExistsError` if the name is taken."""
        ...

    def open(self, name: str, start: int = 0) -> BinaryIO:
        """The object's bytes from offset `start` on."""
        ...

    def stat(self, name: str) -> ObjectInfo: ...

    def list(self, prefix: str = "") -> dict[str, ObjectInfo]:
        """The visible objects whose names start with `prefix`, each with what `stat` would say of
        it (a size of -1: not a regular object, refused when read)."""
        ...

    def delete(self, name: str) -> None: ...

    def discard_incomplete(self, owned: Callable[[str], bool]) -> None:
        """Remove what interrupted `create`s of names `owned` accepts left behind (temporary files,
        unfinished multipart uploads). Only for a store's single writer of those names."""
        ...

    def close(self) -> None:
        """Release what the store holds open; idempotent."""
        ...
