"""Private by default: the data directory is 0700 and every file in it 0600, whatever the umask.

Another user of the same machine must not read the snippets (the asset database, its `-wal`), the
backups, or hold the lock. Three layers, each enough on its own for what it covers:

1. `private_directory` creates the data directory 0700, tightens an existing one of ours that
   the group or others can enter, and refuses one owned by another user (`NotPrivate`);
2. `tighten_tree` chmods what an earlier version (or another tool) left group- or world-readable
   inside it, once, at start-up;
3. files the server creates itself are opened with `open_private` (mode 0600 set with `fchmod`,
   so a umask can neither widen nor narrow it), and the process umask is made to hide group and
   other bits (`restrict_umask`) for the files libraries create (SQLite gives `-wal`/`-shm` the
   database's own mode).

POSIX only: on Windows a user's data directory is private through its ACLs, and modes mean little.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

__all__ = [
    "PRIVATE_DIRECTORY_MODE",
    "PRIVATE_FILE_MODE",
    "NotPrivate",
    "open_private",
    "private_directory",
    "restrict_umask",
    "tighten_tree",
]

PRIVATE_DIRECTORY_MODE = 0o700
PRIVATE_FILE_MODE = 0o600
# Group and other bits: none may be set on anything in the data directory.
_SHARED_BITS = stat.S_IRWXG | stat.S_IRWXO
_POSIX = os.name == "posix"


class NotPrivate(OSError):
    """The data directory cannot be made private (owned by another user, or chmod refused)."""


def restrict_umask() -> None:
    """Make the process umask hide group and other bits (keeping any further bits it hides).

    The umask is the process's: set once, before the server starts its threads. 077 is set first,
    so there is no instant at which files would be created more open than that."""
    if not _POSIX:
        return
    previous = os.umask(0o077)
    if previous & ~0o077:
        os.umask(previous | 0o077)


def private_directory(path: Path) -> Path:
    """`path` as a directory only its owner (this user) may enter: created 0700 (with its missing
    parents, which get the same mode), else tightened to 0700; `NotPrivate` if another user owns it
    or it cannot be tightened."""
    path.mkdir(mode=PRIVATE_DIRECTORY_MODE, parents=True, exist_ok=True)
    if not _POSIX:
        return path
    status = path.stat()
    if status.st_uid != os.geteuid():
        raise NotPrivate(
            f"{path} belongs to user id {status.st_uid}, not to this user ({os.geteuid()}): "
            "choose a data directory of your own"
        )
    if stat.S_IMODE(status.st_mode) != PRIVATE_DIRECTORY_MODE:
        try:
            path.chmod(PRIVATE_DIRECTORY_MODE)
        except OSError as error:
            raise NotPrivate(f"cannot make {path} private (chmod 700): {error.strerror or error}") from None
    return path


def tighten_tree(root: Path) -> None:
    """Clear the group and other bits of everything under `root` that has them (files 0600,
    directories 0700). Symbolic links are neither followed nor changed."""
    if not _POSIX:
        return
    for directory, subdirectories, files in os.walk(root):
        for name in subdirectories:
            _tighten(os.path.join(directory, name), PRIVATE_DIRECTORY_MODE)
        for name in files:
            _tighten(os.path.join(directory, name), PRIVATE_FILE_MODE)


def _tighten(path: str, mode: int) -> None:
    try:
        status = os.lstat(path)
        if stat.S_ISLNK(status.st_mode) or not status.st_mode & _SHARED_BITS:
            return
        os.chmod(path, mode, follow_symlinks=False)
    except FileNotFoundError:  # removed meanwhile (a temporary file)
        return


def open_private(path: Path | str, flags: int) -> int:
    """`os.open(path, flags | O_CREAT)` of a file readable and writable by its owner only: a new
    file is 0600 whatever the umask, and an existing one loses any group or other bits. Returns the
    descriptor; pass `os.O_EXCL` in `flags` to refuse an existing file."""
    descriptor = os.open(path, flags | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), PRIVATE_FILE_MODE)
    if _POSIX:
        try:
            if stat.S_IMODE(os.fstat(descriptor).st_mode) != PRIVATE_FILE_MODE:
                os.fchmod(descriptor, PRIVATE_FILE_MODE)
        except BaseException:
            os.close(descriptor)
            raise
    return descriptor
