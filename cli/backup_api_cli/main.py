"""`backup-api`: run the reference server (`serve`) and talk to a running one (see `commands`)."""

from __future__ import annotations

import contextlib
import errno
import ipaddress
import os
import socket
import sqlite3
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

# Typer vendors click from 0.27 on; its exceptions are what `standalone_mode=False` lets through.
from typer._click.core import ParameterSource
from typer._click.exceptions import ClickException, UsageError

from backup_api_server.api import peer_user
from backup_api_server.api.guard import AccessPolicy, InvalidOrigin
from backup_api_server.api.protocol import guarded_protocol
from backup_api_server.errors import EngineError, StoreUnavailable
from backup_api_server.memory import bound_allocator_retention
from backup_api_server.paths import DATA_DIR_ENV, resolve_data_dir
from backup_api_server.settings import (
    DEFAULT_HOST,
    DEFAULT_MAX_BODY_BYTES,
    DEFAULT_PORT,
    ENCRYPTION_KEY_FILE_ENV,
    KEEP_ALIVE_SECONDS,
    MAX_HEADER_BYTES,
    OPEN_FILE_LIMIT,
    STORE_ENV,
    TOKEN_ENV,
)
from backup_api_server.storage.encryption import EncryptionKey, write_new_key_file
from backup_api_server.storage.private_files import restrict_umask

from . import maintenance
from .credentials import CredentialError, read_encryption_key, read_token
from .options import CommandError, GlobalOptions, JsonOption, TokenFile, Url, global_options
from .serve_options import (
    AccessLogOption,
    AllowedHostOption,
    AllowOriginOption,
    AllowUnencryptedRestoreOption,
    DataDirOption,
    EncryptionKeyFileOption,
    HostOption,
    LogLevelOption,
    MaxBodyBytesOption,
    PortOption,
    StoreOption,
    TokenFileOption,
)

if TYPE_CHECKING:
    import uvicorn
    from fastapi import FastAPI

    from backup_api_server.engine import BackupEngine

# Click's plain help, not Rich's panels: it wraps at 80 columns instead of cutting option names, and
# shows `[default: $VAR]` as written (Rich read the brackets as markup and dropped them).
app = typer.Typer(
    name="backup-api",
    help="Back up and restore the snippets of a local snippet-management service.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

DEBUG_ENV = "BACKUP_API_DEBUG"


def print_version(wanted: bool) -> None:
    if wanted:
        typer.echo(version_line())
        raise typer.Exit


def version_line() -> str:
    """This command's version, and the client's and the API's it speaks."""
    from importlib.metadata import PackageNotFoundError, version

    import backup_api_client

    try:
        own = version("backup-api")
    except PackageNotFoundError:  # run from a checkout without installing it
        own = "unknown"
    # The client's version is the spec's `info.version`: the API this command speaks.
    return f"backup-api {own} (Backup API and client {backup_api_client.__version__})"


@app.callback()
def commands(
    ctx: typer.Context,
    url: Url = None,
    token_file: TokenFile = None,
    as_json: JsonOption = False,
    version: Annotated[
        bool | None,
        typer.Option("--version", help="Print the version and exit.", callback=print_version, is_eager=True),
    ] = None,
) -> None:
    """Back up and restore the snippets of a local snippet-management service.

    --url, --token-file and --json go before or after the command."""
    ctx.obj = GlobalOptions(url=url, token_file=token_file, as_json=as_json)


def say(message: str) -> None:
    """One line on stderr, whatever the message holds (a server's detail may span lines)."""
    typer.echo(f"backup-api: {' '.join(message.split())}", err=True)


def fail(message: str, code: int = 1) -> typer.Exit:
    say(message)
    return typer.Exit(code)


def named(ctx: typer.Context, parameter: str, option: str, variable: str) -> str:
    """What gave `parameter` its value: the option, or the environment variable it was read from."""
    source = ctx.get_parameter_source(parameter)
    return f"${variable}" if source is ParameterSource.ENVIRONMENT else option


def is_loopback(host: str) -> bool:
    """Whether binding `host` keeps the server reachable from this machine only."""
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def raise_open_file_limit() -> None:
    """Raise the soft limit on open files to the hard one (bounded): every connection costs one, and
    the server bounds connections itself (MAX_CONNECTIONS) below the limit set here."""
    if sys.platform == "win32":
        return
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = OPEN_FILE_LIMIT if hard == resource.RLIM_INFINITY else min(hard, OPEN_FILE_LIMIT)
    if soft != resource.RLIM_INFINITY and soft < wanted:
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))


def bind_socket(host: str, port: int) -> socket.socket:
    """Bind before the server starts so a failure is one clear line, not a traceback."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP explicitly: asyncio sets TCP_NODELAY on accepted connections only when the listening
    # socket says it is TCP; with proto 0 every answer waits ~40 ms on Nagle and delayed ACKs.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as error:
        sock.close()
        if error.errno == errno.EADDRINUSE:
            reason = f"port {port} on {host} is already in use"
        elif error.errno == errno.EACCES:
            reason = f"not allowed to bind port {port} on {host} (ports below 1024 need privileges)"
        else:
            reason = f"cannot bind {host}:{port}: {error.strerror or error}"
        raise fail(f"{reason}; choose another with --port") from None
    sock.set_inheritable(True)
    return sock


@app.command()
def serve(
    ctx: typer.Context,
    host: HostOption = DEFAULT_HOST,
    port: PortOption = DEFAULT_PORT,
    data_dir: DataDirOption = None,
    store: StoreOption = None,
    max_body_bytes: MaxBodyBytesOption = DEFAULT_MAX_BODY_BYTES,
    log_level: LogLevelOption = "info",
    access_log: AccessLogOption = False,
    allowed_host: AllowedHostOption = None,
    allow_origin: AllowOriginOption = None,
    token_file: TokenFileOption = None,
    encryption_key_file: EncryptionKeyFileOption = None,
    allow_unencrypted_restore: AllowUnencryptedRestoreOption = False,
    backup_every: maintenance.BackupEvery = None,
    keep_last: maintenance.KeepLast = 0,
    keep_hourly: maintenance.KeepHourly = 0,
    keep_daily: maintenance.KeepDaily = 0,
    keep_weekly: maintenance.KeepWeekly = 0,
    keep_monthly: maintenance.KeepMonthly = 0,
    keep_yearly: maintenance.KeepYearly = 0,
    verify_every: maintenance.VerifyEvery = None,
) -> None:
    """Run the reference Backup API server."""
    from backup_api_server.api import create_app

    # Before anything is created: whatever the server or its libraries write is its user's only.
    restrict_umask()
    bound_allocator_retention()  # freed memory goes back to the system (see backup_api_server.memory)
    token, encryption_key = read_credentials(
        ctx, token_file, encryption_key_file, allow_unencrypted_restore=allow_unencrypted_restore
    )
    keep = (keep_last, keep_hourly, keep_daily, keep_weekly, keep_monthly, keep_yearly)
    schedules = maintenance.schedules(backup_every, verify_every, keep)
    policy = access_policy(host, token, allowed_host or (), allow_origin or ())
    raise_open_file_limit()
    directory, engine = open_data_dir(
        data_dir, store, encryption_key, named(ctx, "store", "--store", STORE_ENV)
    )
    sock = bind_socket_or_close(host, port, engine)
    application = create_app(
        directory, max_body_bytes=max_body_bytes, engine=engine, policy=policy, schedules=schedules
    )
    server = uvicorn_server(
        application, log_level=log_level, access_log=access_log, peer_users=answered_users(token)
    )
    announce(host, sock, directory, encryption_key, encryption_key_file)
    server.run(sockets=[sock])
    if not server.started:
        raise fail("the server could not start; see the log above")


def read_credentials(
    ctx: typer.Context,
    token_file: Path | None,
    encryption_key_file: Path | None,
    *,
    allow_unencrypted_restore: bool,
) -> tuple[str | None, EncryptionKey | None]:
    """The token and the encryption key `serve` runs with, read before anything is opened: a file
    that cannot be used is one line, naming the option (or variable) that gave it."""
    key_option = named(ctx, "encryption_key_file", "--encryption-key-file", ENCRYPTION_KEY_FILE_ENV)
    try:
        token = read_token(token_file or global_options(ctx).token_file)
        encryption_key = read_encryption_key(
            encryption_key_file, allow_unencrypted_restore=allow_unencrypted_restore, option=key_option
        )
    except CredentialError as error:
        raise fail(str(error), code=error.exit_code) from None
    return token, encryption_key


def bind_socket_or_close(host: str, port: int, engine: BackupEngine) -> socket.socket:
    """`bind_socket`, closing the engine opened before it (the data directory is released) when the
    port cannot be bound."""
    try:
        return bind_socket(host, port)
    except typer.Exit:
        engine.close()
        raise


def announce(
    host: str,
    sock: socket.socket,
    directory: Path,
    encryption_key: EncryptionKey | None,
    encryption_key_file: Path | None,
) -> None:
    """Where the server listens and keeps its data (and which key encrypts new backups), on stderr;
    the `serving http://...` line comes last: scripts and tests wait for it."""
    if encryption_key is not None:
        say(f"encrypting new backups with the key of id {encryption_key.key_id} from {encryption_key_file}")
    say(f"serving http://{host}:{sock.getsockname()[1]} (data in {directory})")


def answered_users(token: str | None) -> peer_user.PeerUsers | None:
    """Without a token, another user of this machine is refused (where the kernel tells who it is);
    None: anyone the guard lets in."""
    only_own_user = token is None and peer_user.available()
    return peer_user.PeerUsers.of_this_process() if only_own_user else None


def access_policy(
    host: str, token: str | None, allowed_hosts: Iterable[str], allowed_origins: Iterable[str]
) -> AccessPolicy:
    """Who may call the server: refuses to listen beyond loopback without a token."""
    if token is None and not is_loopback(host):
        raise fail(
            f"refusing to listen on {host} without a token: anyone who can reach it could replace "
            f"the database; pass --token-file FILE or set {TOKEN_ENV}"
        )
    try:
        return AccessPolicy.build(allowed_hosts=allowed_hosts, allowed_origins=allowed_origins, token=token)
    except InvalidOrigin as error:
        raise fail(f"invalid --allow-origin: {error}", code=2) from None


def open_data_dir(
    data_dir: str | None,
    store: str | None,
    encryption_key: EncryptionKey | None,
    store_option: str = "--store",
) -> tuple[Path, BackupEngine]:
    """The data directory and its engine, opened before anything listens: a data directory (or a
    store) that cannot be used is one line, here."""
    from backup_api_server.api import open_engine

    named = (
        "--data-dir" if data_dir else f"${DATA_DIR_ENV}" if os.environ.get(DATA_DIR_ENV) else "the default"
    )
    try:
        directory: Path = resolve_data_dir(data_dir)
        return directory, open_engine(directory, store, encryption_key)
    except ValueError as error:
        raise fail(f"invalid {store_option}: {error}", code=2) from None
    except StoreUnavailable as error:
        raise fail(f"cannot use the store {store} ({store_option}): {error.detail}") from None
    except EngineError as error:
        raise fail(f"cannot use the data directory ({named}): {error.detail}") from None
    except (OSError, sqlite3.Error) as error:
        raise fail(f"cannot use the data directory ({named}): {error}") from None
    except Exception as error:  # the store: e.g. an object store that cannot be reached
        raise fail(f"cannot use the store {store} ({store_option}): {error}") from None


def uvicorn_server(
    application: FastAPI, *, log_level: str, access_log: bool, peer_users: peer_user.PeerUsers | None = None
) -> uvicorn.Server:
    """The uvicorn server for `application`, with this server's protocol and bounds; without a token,
    only `peer_users` are answered (None: anyone the guard lets in)."""
    import uvicorn

    config = uvicorn.Config(
        application,
        log_level=log_level,
        access_log=access_log,
        timeout_graceful_shutdown=5,
        http=guarded_protocol(peer_users),
        timeout_keep_alive=KEEP_ALIVE_SECONDS,
        h11_max_incomplete_event_size=MAX_HEADER_BYTES,
    )
    return uvicorn.Server(config)


@app.command("new-key", short_help="Write a new random encryption key.")
def new_key(
    path: Annotated[Path, typer.Argument(help="The key file to create (never overwritten).")],
) -> None:
    """Write a new random encryption key for `serve --encryption-key-file`, readable by you only."""
    try:
        key = write_new_key_file(path)
    except FileExistsError:
        raise fail(f"{path} already exists: a key file is never overwritten (its backups need it)") from None
    except OSError as error:
        raise fail(f"cannot write {path}: {error.strerror or error}") from None
    say(
        f"wrote a new key (id {key.key_id}) to {path}; keep a copy somewhere safe: "
        "backups encrypted with it cannot be restored without it"
    )


def main() -> None:
    """Run the CLI: every failure is one line on stderr and a non-zero exit code, never a traceback."""
    from .commands import register

    register(app)
    maintenance.register(app)
    try:
        code = app(standalone_mode=False)
    except CommandError as error:
        say(str(error))
        code = error.exit_code
    except typer.Abort:
        code = 130
    except ClickException as error:
        message = error.format_message()
        if message:  # empty when the command's help was shown because no arguments were given
            hint = " (see --help)" if isinstance(error, UsageError) else ""
            say(f"{message}{hint}")
        code = error.exit_code
    except KeyboardInterrupt:
        code = 130
    except Exception as error:
        if os.environ.get(DEBUG_ENV):
            raise
        say(f"internal error: {type(error).__name__}: {error} (set {DEBUG_ENV}=1 for details)")
        code = 70
    sys.exit(code if isinstance(code, int) else 0)
