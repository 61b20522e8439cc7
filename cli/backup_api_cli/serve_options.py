"""The options of `serve`, as its --help shows them (the maintenance ones are `maintenance`'s)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from backup_api_server.settings import ENCRYPTION_KEY_FILE_ENV, STORE_ENV, TOKEN_ENV

__all__ = [
    "AccessLogOption",
    "AllowOriginOption",
    "AllowUnencryptedRestoreOption",
    "AllowedHostOption",
    "DataDirOption",
    "EncryptionKeyFileOption",
    "HostOption",
    "LogLevelOption",
    "MaxBodyBytesOption",
    "PortOption",
    "StoreOption",
    "TokenFileOption",
]

HostOption = Annotated[str, typer.Option(help="Address to listen on.")]
PortOption = Annotated[int, typer.Option(help="Port to listen on.", min=0, max=65535)]
DataDirOption = Annotated[
    str | None,
    typer.Option(
        help="Where the asset database and backups live "
        "[default: $BACKUP_API_DATA_DIR, else the platform's user data dir]",
        show_default=False,
    ),
]
StoreOption = Annotated[
    str | None,
    typer.Option(
        help="Where backups are kept: s3://bucket/prefix for an S3-compatible object store "
        "(endpoint, region and credentials from the AWS environment variables and config files; "
        "AWS_ENDPOINT_URL for R2, MinIO, B2) [default: <data dir>/backups]",
        envvar=STORE_ENV,
        show_default=False,
    ),
]
MaxBodyBytesOption = Annotated[int, typer.Option(help="Largest request body accepted, in bytes.", min=1)]
LogLevelOption = Annotated[str, typer.Option(help="uvicorn log level.")]
AccessLogOption = Annotated[
    bool,
    typer.Option(
        "--access-log/--no-access-log",
        help="Log one line per request (uvicorn's access log, at info level). Off by default: "
        "it costs a formatted, written line per request on the server's only event loop.",
    ),
]
AllowedHostOption = Annotated[
    list[str] | None,
    typer.Option(
        help="Also answer requests whose Host is this name (repeatable); IP addresses, localhost "
        "and *.localhost are always answered.",
        show_default=False,
    ),
]
AllowOriginOption = Annotated[
    list[str] | None,
    typer.Option(
        help="Let web pages from this origin (scheme://host[:port]) call the API (repeatable); "
        "other pages are refused.",
        show_default=False,
    ),
]
TokenFileOption = Annotated[
    Path | None,
    typer.Option(
        help="Require Authorization: Bearer <the file's content> on every request "
        f"[default: ${TOKEN_ENV}, if set]. Needed to listen beyond loopback.",
        show_default=False,
    ),
]
EncryptionKeyFileOption = Annotated[
    Path | None,
    typer.Option(
        help="Encrypt every new backup archive with the key in this file (AES-256-GCM; 32 random "
        "bytes as base64: make one with `backup-api new-key FILE`). Backups it encrypts restore "
        "only with this key: lose it and they are lost. "
        f"[default: ${ENCRYPTION_KEY_FILE_ENV}, if set; else archives are not encrypted]",
        envvar=ENCRYPTION_KEY_FILE_ENV,
        show_default=False,
    ),
]
AllowUnencryptedRestoreOption = Annotated[
    bool,
    typer.Option(
        "--allow-unencrypted-restore",
        help="With --encryption-key-file, also restore backups that are not encrypted. Off by "
        "default: the key is the only proof that this server wrote a backup, and anyone who can "
        "write to the store can plant an unencrypted one.",
    ),
]
