"""An `ObjectStore` in one local directory: `LocalDirectoryObjects` (see `objects`).

An object is a regular file named as the object. A new one is written to `<name>.tmp`, fsynced,
hard-linked to its name (which fails if the name is taken: put-if-absent without a race), the
temporary name removed and the directory fsynced; so no other process ever sees half an object
under its name. Names ending in `.tmp` are this store's own and never listed.

What the directory holds is untrusted (another user may share the folder): files are opened with
`O_NOFOLLOW` (and `O_NONBLOCK`, so a FIFO cannot block the open) and must be regular files; a
symlink, FIFO, device or directory is `NotRegularObject`, and its target is never read nor
described. Files are created 0600 and the directory 0700, whatever the umask.

The directory is watched (`watch.DirectoryWatch`, inotify) where the platform allows: `changes()`
then names every file created, written, truncated, renamed or removed behind the store's back.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from .objects import NotRegularObject, ObjectInfo
from .private_files import PRIVATE_DIRECTORY_MODE, PRIVATE_FILE_MODE
from .watch import DirectoryWatch

__all__ = ["TEMPORARY_SUFFIX", "LocalDirectoryObjects", "fsync_directory", "write_file_atomically"]

TEMPORARY_SUFFIX = ".tmp"
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
# O_NONBLOCK: opening a FIFO planted under an object's name returns at once (and is then refused).
_READ_FLAGS = os.O_RDONLY | _NO_FOLLOW | getattr(os, "O_NONBLOCK", 0)
_CREATE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NO_FOLLOW


def fsync_directory(directory: Path) -> None:
    """Make renames and removals inside `directory` durable."""
    if os.name == "nt":  # Windows cannot open a directory; its renames are durable on return.
        return
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def write_file_atomically(path: Path, content: bytes) -> None:
    """Write `content` to a temporary file, fsync it, rename it over `path`, fsync the directory."""
    temporary = path.with_name(path.name + TEMPORARY_SUFFIX)
    try:
        with open(temporary, "wb") as file:
            file.write(content)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    fsync_directory(path.parent)


class LocalDirectoryObjects:
    """Objects as the regular files of `root` (made if missing). `watch=False`: never watch it."""

    remote = False

    def __init__(self, root: Path, *, watch: bool = True) -> None:
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIRECTORY_MODE)
        # Before anything is read: a change made after the watch starts is seen.
        self._watch = DirectoryWatch.open(self.root) if watch else None

    @property
    def watched(self) -> bool:
        return self._watch is not None and not self._watch.lost

    def changes(self) -> set[str] | None:
        if self._watch is None:
            return None
        return self._watch.changes()

    def close(self) -> None:
        if self._watch is not None:
            self._watch.close()

    @contextlib.contextmanager
    def create(self, name: str) -> Iterator[BinaryIO]:
        path = self._path(name)
        temporary = path.with_name(name + TEMPORARY_SUFFIX)
        # O_EXCL: a concurrent create of the same name fails here, before the clean-up below
        # could remove its temporary file.
        descriptor = os.open(temporary, _CREATE_FLAGS, PRIVATE_FILE_MODE)
        try:
            with os.fdopen(descriptor, "wb") as file:
                yield file
                file.flush()
                os.fsync(file.fileno())
            self._link_new(temporary, path)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise

    def put_new(self, name: str, content: bytes) -> None:
        with self.create(name) as file:
            file.write(content)

    def _link_new(self, temporary: Path, path: Path) -> None:
        """Give the finished temporary file its name, unless taken; durable on return."""
        os.link(temporary, path, follow_symlinks=False)  # FileExistsError if the name is taken
        try:
            temporary.unlink()
            fsync_directory(self.root)
        except BaseException:
            path.unlink(missing_ok=True)
            raise

    def open(self, name: str, start: int = 0) -> BinaryIO:
        try:
            descriptor = os.open(self._path(name), _READ_FLAGS)
        except OSError as error:
            if error.errno in (errno.ELOOP, errno.ENXIO, errno.EMLINK):  # a symlink, a socket
                raise NotRegularObject(f"{name} is not a regular file") from None
            raise
        try:
            if not stat.S_ISREG(os.fstat(descriptor).st_mode):
                raise NotRegularObject(f"{name} is not a regular file")
            if start:
                os.lseek(descriptor, start, os.SEEK_SET)
            return os.fdopen(descriptor, "rb")
        except BaseException:
            os.close(descriptor)
            raise

    def stat(self, name: str) -> ObjectInfo:
        status = os.stat(self._path(name), follow_symlinks=False)
        if not stat.S_ISREG(status.st_mode):
            raise NotRegularObject(f"{name} is not a regular file")
        return ObjectInfo(status.st_size, None)

    def list(self, prefix: str = "") -> dict[str, ObjectInfo]:
        listed = {}
        with os.scandir(self.root) as entries:
            for entry in entries:
                if entry.name.startswith(prefix) and not entry.name.endswith(TEMPORARY_SUFFIX):
                    status = entry.stat(follow_symlinks=False)
                    size = status.st_size if stat.S_ISREG(status.st_mode) else -1
                    listed[entry.name] = ObjectInfo(size, None)
        return listed

    def delete(self, name: str) -> None:
        self._path(name).unlink(missing_ok=True)
        fsync_directory(self.root)

    def discard_incomplete(self, owned: Callable[[str], bool]) -> None:
        removed = False
        with os.scandir(self.root) as entries:
            for entry in entries:
                name = entry.name.removesuffix(TEMPORARY_SUFFIX)
                if entry.name.endswith(TEMPORARY_SUFFIX) and owned(name):
                    Path(entry.path).unlink(missing_ok=True)
                    removed = True
        if removed:
            fsync_directory(self.root)

    def _path(self, name: str) -> Path:
        # Names come from the backup store, which checks ids against the spec's rule (no "/",
        # "..", control characters): a name never leaves the directory.
        if not name or "/" in name or name in (".", ".."):
            raise ValueError(f"not an object name: {name!r}")
        return self.root / name
