"""Exceptions raised by the storage and jobs engine.

Hierarchy::

    EngineError                 any failure of an engine operation; .detail says what and where
    ├── BackupNotFound          no backup (nor creation job) with that id
    │   └── BackupGone          ...because it was deleted, or its creation was cancelled or failed
    ├── OperationConflict       something in progress prevents the operation; .detail names it
    ├── BackupCorrupted         the archive or its metadata fails verification (checksum, shape)
    ├── BackupKeyMismatch       the archive is encrypted and this server has no key, or another one
    ├── BackupUnencrypted       the archive is not encrypted and this server restores only its own
    ├── OperationCancelled      the operation was cancelled before it committed
    ├── InsufficientStorage     the disk is full (ENOSPC, EDQUOT, SQLite's "disk is full")
    ├── StoreUnavailable        the object store failed (.retry_after) or refused (None) a request
    ├── TooManyRequests         as many creations wait as are queued; .retry_after in seconds
    └── DataDirectoryInUse      another engine (process) holds the data directory

Details are short and prefixed with the steps they happened in, outermost first, e.g.
``restore: verify checksum: sha256 mismatch``.
"""

from __future__ import annotations

from .settings import STORE_RETRY_AFTER_SECONDS

__all__ = [
    "BackupCorrupted",
    "BackupGone",
    "BackupKeyMismatch",
    "BackupNotFound",
    "BackupUnencrypted",
    "DataDirectoryInUse",
    "EngineError",
    "InsufficientStorage",
    "OperationCancelled",
    "OperationConflict",
    "StoreUnavailable",
    "TooManyRequests",
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
    """The stored archive does not match its checksum or cannot be decoded, or its metadata does
    not parse, match the `Backup` model, agree with its id and archive, or match its own checksum."""


class BackupKeyMismatch(EngineError):
    """The archive is encrypted, and this server has no key or another key than the one that
    encrypted it (told apart by the key id in the archive and its metadata). Nothing was decrypted."""


class BackupUnencrypted(EngineError):
    """The archive is not encrypted, and this server has a key and restores only archives encrypted
    with it (`EncryptionKey.restores_unencrypted` is off). Nothing was read."""


class OperationCancelled(EngineError):
    """The operation was cancelled and rolled back."""


class InsufficientStorage(EngineError):
    """The disk (or quota) the data directory or the backups live on is full; what the operation
    had started was undone."""


class StoreUnavailable(EngineError):
    """The backup store (an object store) failed a request after its retries: unreachable, or
    answering errors. Nothing was changed. `retry_after`: seconds after which the same request may
    succeed, or None when it will not until the store's configuration is mended."""

    retry_after: int | None = STORE_RETRY_AFTER_SECONDS


class TooManyRequests(EngineError):
    """The engine is at its bound of waiting jobs; nothing was started. Retry after `retry_after`
    seconds."""

    def __init__(self, detail: str, *, retry_after: int = 1) -> None:
        super().__init__(detail)
        self.retry_after = retry_after

    def with_step(self, step: str) -> EngineError:
        return TooManyRequests(f"{step}: {self.detail}", retry_after=self.retry_after)


class DataDirectoryInUse(EngineError):
    """Another backup-api process (or engine) already uses the data directory; opening it too
    would let two engines recover, write and swap the same files."""
