"""The secrets `serve` reads from files (the bearer token, the encryption key): refused, as ssh
refuses a private key, when the group or others may read them; the fix is one `chmod` away."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from backup_api_server.settings import TOKEN_ENV
from backup_api_server.storage.encryption import EncryptionKey, KeyFileError

from .options import CommandError, token_from_file

__all__ = ["CredentialError", "read_encryption_key", "read_token", "require_private"]


class CredentialError(Exception):
    """A secret's file cannot be used; the message is one line and says how to fix it."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def require_private(path: Path, option: str) -> None:
    """`CredentialError` if the group or others have any access to `path` (POSIX only: elsewhere
    files are private through their ACLs)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):  # reading it reports what is wrong with it
        mode = stat.S_IMODE(os.stat(path).st_mode)
        if mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise CredentialError(
                f"{option} {path} is accessible by other users (mode {mode:03o}): "
                f"run `chmod 600 {path}` and start again"
            )


def read_token(token_file: Path | None) -> str | None:
    """The bearer token from `token_file` (first line), else the environment; None if neither."""
    if token_file is None:
        return os.environ.get(TOKEN_ENV) or None
    require_private(token_file, "--token-file")
    try:
        return token_from_file(token_file)
    except CommandError as error:
        raise CredentialError(str(error), error.exit_code) from None


def read_encryption_key(
    key_file: Path | None, *, allow_unencrypted_restore: bool, option: str = "--encryption-key-file"
) -> EncryptionKey | None:
    """The key in `key_file` (`--encryption-key-file`, else its environment variable); None if
    neither is set. A file that does not hold a key is exit code 2."""
    if key_file is None:
        if allow_unencrypted_restore:
            raise CredentialError("--allow-unencrypted-restore needs --encryption-key-file", exit_code=2)
        return None
    require_private(key_file, option)
    try:
        key = EncryptionKey.from_file(key_file)
    except KeyFileError as error:
        raise CredentialError(f"invalid {option}: {error}", exit_code=2) from None
    return key.restoring_unencrypted() if allow_unencrypted_restore else key
