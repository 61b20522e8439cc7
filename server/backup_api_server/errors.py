"""Exceptions raised by the storage and jobs engine.

Hierarchy::

    EngineError                 any failure of an engine operation; .detail says what and where
    ├── BackupNotFound          no backup (nor creation job) with that id
    │   └── BackupGone          ...because it was deleted, or its creation was cancelled or failed
    ├── OperationConflict       something in progress prevents the operation; .detail names it
    ├── BackupCorrupted         the archive fails its checksum or cannot be decoded
    ├── OperationCancelled      the operation was cancelled before it committed
    └── DataDirectoryInUse      another engine (process) holds the data directory

Details are short and prefixed with the steps they happened in, outermost first, e.g.
``restore: verify checksum: sha256 mismatch``.
"""

from __future__ import annotations

__all__ = [
    "BackupCorrupted",
    "BackupGone",
    "BackupNotFound",
    "DataDirectoryInUse",
    "EngineError",
    "OperationCancelled",
    "OperationConflict",
]


class EngineError(Exception):
    """Base of every engine failure."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail

    def with_step(self, step: str) -> EngineError:
        """The same kind of error with its detail prefixed by the step it happened in."""
        return type(self)(f"{step}: {self.detail}")


class BackupNotFound(EngineError):
    """No backup with the given id."""


class BackupGone(BackupNotFound):
    """The backup existed (its id was handed out here) and is gone for good: deleted, or its
    creation was cancelled or failed and left nothing behind."""


class OperationConflict(EngineError):
    """Another operation in progress prevents this one."""


class BackupCorrupted(EngineError):
    """The stored archive does not match its checksum or cannot be decoded."""


class OperationCancelled(EngineError):
    """The operation was cancelled and rolled back."""


class DataDirectoryInUse(EngineError):
    """Another backup-api process (or engine) already uses the data directory; opening it too
    would let two engines recover, write and swap the same files."""
