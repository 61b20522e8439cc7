"""What every client command shares: the server it talks to, the token it sends, `--json`.

`--url`, `--token-file` and `--json` are given before the subcommand (`backup-api --url X backups
list`, kept in the context's `obj` by the top-level callback) or after it; the subcommand's own wins.
Every message names what it is about: the option or the environment variable the value came from.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import httpx
import typer

from backup_api_client import (
    DEFAULT_BASE_URL,
    APIConnectionError,
    AuthenticationError,
    BackupApiClient,
    BackupApiError,
)
from backup_api_client._constants import API_KEY_ENV, BASE_URL_ENV

# The CLI's name for the server before BACKUP_API_BASE_URL (the client's) existed; still read after it.
LEGACY_URL_ENV = "BACKUP_API_URL"

Url = Annotated[
    str | None,
    typer.Option(
        "--url",
        help=f"The server's base URL [default: ${BASE_URL_ENV}, else ${LEGACY_URL_ENV}, "
        f"else {DEFAULT_BASE_URL}]",
        show_default=False,
    ),
]
TokenFile = Annotated[
    Path | None,
    typer.Option(
        "--token-file",
        help=f"Send the token in this file (its first line) [default: ${API_KEY_ENV}, if set]",
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts instead of text.")]


class CommandError(Exception):
    """A failure to report as one line on stderr."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


@dataclass(frozen=True)
class GlobalOptions:
    """The shared options given before the subcommand."""

    url: str | None = None
    token_file: Path | None = None
    as_json: bool = False


@dataclass(frozen=True)
class Target:
    """The server to talk to and the token to send, each with what named it."""

    url: str
    url_source: str  # "--url", "$BACKUP_API_BASE_URL", ... or "" for the default
    token: str | None
    token_source: str  # "--token-file FILE", "$BACKUP_API_TOKEN", or "" for no token


def global_options(ctx: typer.Context) -> GlobalOptions:
    found = ctx.find_object(GlobalOptions)
    return found if found is not None else GlobalOptions()


def wants_json(ctx: typer.Context, as_json: bool) -> bool:
    return as_json or global_options(ctx).as_json


def target(ctx: typer.Context, url: str | None, token_file: Path | None) -> Target:
    """The server and token for this command: its own options, else the global ones, else the
    environment, else the defaults."""
    shared = global_options(ctx)
    url, token_file = url or shared.url, token_file or shared.token_file
    if url:
        named = (url, "--url")
    elif os.environ.get(BASE_URL_ENV):
        named = (os.environ[BASE_URL_ENV], f"${BASE_URL_ENV}")
    elif os.environ.get(LEGACY_URL_ENV):
        named = (os.environ[LEGACY_URL_ENV], f"${LEGACY_URL_ENV}")
    else:
        named = (DEFAULT_BASE_URL, "")
    if token_file is not None:
        token: str | None = token_from_file(token_file)
        token_source = f"--token-file {token_file}"
    else:
        token = os.environ.get(API_KEY_ENV) or None
        token_source = f"${API_KEY_ENV}" if token else ""
    return Target(_checked_url(*named), named[1], token, token_source)


def token_from_file(path: Path) -> str:
    """The token a `--token-file` holds: its first line, one word."""
    try:
        token = path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or error
        raise CommandError(f"cannot read --token-file {path}: {reason}") from None
    if not token or any(character.isspace() for character in token):
        raise CommandError(f"--token-file {path} must hold one token: non-empty, no spaces")
    return token


def _checked_url(url: str, source: str) -> str:
    def invalid(reason: object) -> CommandError:
        return CommandError(f"invalid {source or 'default URL'} {url!r}: {reason}", exit_code=2)

    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as error:
        raise invalid(error) from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise invalid("give http:// or https://, a host and a port")
    if parsed.port is not None and not 0 < parsed.port < 65536:
        raise invalid("the port must be 1 to 65535")
    return url


@contextmanager
def connected(server: Target) -> Iterator[BackupApiClient]:
    """A client for `server`; every client error becomes one line naming what went wrong."""
    try:
        with BackupApiClient(base_url=server.url, api_key=server.token) as client:
            yield client
    except (httpx.InvalidURL, httpx.UnsupportedProtocol) as error:
        raise CommandError(
            f"invalid {server.url_source or 'URL'} {server.url!r}: {error}", exit_code=2
        ) from None
    except APIConnectionError as error:
        reason = error.message.rstrip(".")
        named = server.url_source or f"the default; --url or ${BASE_URL_ENV} names another"
        raise CommandError(
            f"cannot reach {server.url} ({named}): {reason} (is `backup-api serve` running?)"
        ) from None
    except AuthenticationError as error:
        raise CommandError(_refused(server, error)) from None
    except BackupApiError as error:
        raise CommandError(str(error)) from None


def _refused(server: Target, error: AuthenticationError) -> str:
    """A missing token and a wrong one call for different fixes: say which it was."""
    if server.token is None:
        return (
            f"{server.url} requires a token and none was sent: pass --token-file FILE or set "
            f"{API_KEY_ENV} (401)"
        )
    return f"{server.url} refused the token from {server.token_source}: it is not the server's (401)"
