"""`backup-api`: run the reference server (`serve`) and talk to a running one."""

from __future__ import annotations

import errno
import os
import socket
import sqlite3
import sys
from pathlib import Path
from typing import Annotated

import typer

# Typer vendors click from 0.27 on; its exceptions are what `standalone_mode=False` lets through.
from typer._click.exceptions import ClickException, UsageError

from .errors import EngineError
from .paths import resolve_data_dir
from .settings import DEFAULT_HOST, DEFAULT_MAX_BODY_BYTES, DEFAULT_PORT

app = typer.Typer(
    name="backup-api",
    help="Back up and restore the snippets of a local snippet-management service.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

DEBUG_ENV = "BACKUP_API_DEBUG"


@app.callback()
def commands() -> None:
    """Back up and restore the snippets of a local snippet-management service."""


def say(message: str) -> None:
    """One line on stderr, whatever the message holds (a server's detail may span lines)."""
    typer.echo(f"backup-api: {' '.join(message.split())}", err=True)


def fail(message: str, code: int = 1) -> typer.Exit:
    say(message)
    return typer.Exit(code)


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
    host: Annotated[str, typer.Option(help="Address to listen on.")] = DEFAULT_HOST,
    port: Annotated[int, typer.Option(help="Port to listen on.", min=0, max=65535)] = DEFAULT_PORT,
    data_dir: Annotated[
        str | None,
        typer.Option(
            help="Where the asset database and backups live "
            "[default: $BACKUP_API_DATA_DIR, else the platform's user data dir]",
            show_default=False,
        ),
    ] = None,
    max_body_bytes: Annotated[
        int, typer.Option(help="Largest request body accepted, in bytes.", min=1)
    ] = DEFAULT_MAX_BODY_BYTES,
    log_level: Annotated[str, typer.Option(help="uvicorn log level.")] = "info",
) -> None:
    """Run the reference Backup API server."""
    import uvicorn

    from .app import create_app, open_engine

    try:
        directory: Path = resolve_data_dir(data_dir)
        # Opened before anything listens: a data directory that cannot be used is one line, here.
        engine = open_engine(directory)
    except EngineError as error:
        raise fail(f"cannot use the data directory: {error.detail}") from None
    except (OSError, sqlite3.Error) as error:
        raise fail(f"cannot use the data directory: {error}") from None
    try:
        sock = bind_socket(host, port)
    except typer.Exit:
        engine.close()
        raise
    application = create_app(directory, max_body_bytes=max_body_bytes, engine=engine)
    config = uvicorn.Config(application, log_level=log_level, timeout_graceful_shutdown=5)
    server = uvicorn.Server(config)
    say(f"serving http://{host}:{sock.getsockname()[1]} (data in {directory})")
    server.run(sockets=[sock])
    if not server.started:
        raise fail("the server could not start; see the log above")


def main() -> None:
    """Run the CLI: every failure is one line on stderr and a non-zero exit code, never a traceback."""
    from .commands import CommandError, register

    register(app)
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
