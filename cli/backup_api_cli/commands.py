"""The client commands of `backup-api`: talk to a running server through `BackupApiClient`."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import httpx
import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn

from backup_api_client import (
    DEFAULT_BASE_URL,
    APIConnectionError,
    BackupApiClient,
    BackupApiError,
    ConflictError,
)
from backup_api_client.models import Asset, Assets, BackupStatus, BackupStatusEnum, BackupStreamedProgress

DEFAULT_URL = DEFAULT_BASE_URL
URL_ENV = "BACKUP_API_URL"
# How often `backup create` asks for the creation's status; each answer is drawn at once, so a
# 100,000-asset creation (about half a second) shows several steps.
POLL_SECONDS = 0.05
TERMINAL = frozenset({BackupStatusEnum.COMPLETED, BackupStatusEnum.FAILED, BackupStatusEnum.CANCELED})
# As shells report a process that SIGINT ended.
INTERRUPTED_EXIT_CODE = 130

Url = Annotated[str, typer.Option("--url", envvar=URL_ENV, help="The server's base URL.")]
BackupIdArgument = Annotated[str, typer.Argument(help="The backup's identifier (version_timestamp).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts instead of text.")]

backups_app = typer.Typer(help="The stored backups.", no_args_is_help=True)
backup_app = typer.Typer(help="Create a backup.", no_args_is_help=True)
stderr = Console(stderr=True)


class CommandError(Exception):
    """A failure to report as one line on stderr."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class Interrupted(CommandError):
    """Ctrl-C: the operation was dealt with (cancelled, or left running) and the message says how."""

    def __init__(self, message: str) -> None:
        super().__init__(message, exit_code=INTERRUPTED_EXIT_CODE)


def _checked_url(url: str) -> str:
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as error:
        raise CommandError(f"invalid --url {url!r}: {error}", exit_code=2) from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise CommandError(f"invalid --url {url!r}: give http:// or https://, a host and a port", exit_code=2)
    if parsed.port is not None and not 0 < parsed.port < 65536:
        raise CommandError(f"invalid --url {url!r}: the port must be 1 to 65535", exit_code=2)
    return url


@contextmanager
def connected(url: str) -> Iterator[BackupApiClient]:
    """A client for `url`; every client error becomes one line naming what went wrong."""
    try:
        with BackupApiClient(base_url=_checked_url(url)) as client:
            yield client
    except (httpx.InvalidURL, httpx.UnsupportedProtocol) as error:
        raise CommandError(f"invalid --url {url!r}: {error}", exit_code=2) from None
    except APIConnectionError as error:
        reason = error.message.rstrip(".")
        raise CommandError(f"cannot reach {url}: {reason} (is `backup-api serve` running?)") from None
    except BackupApiError as error:
        raise CommandError(str(error)) from None


def _cancel_after_interrupt(
    what: str, backup_id: str, cancel: Callable[[str], None], undone: str
) -> Interrupted:
    """Ctrl-C during an operation: cancel it on the server and wait until it is undone; a second
    Ctrl-C stops waiting. The error to raise says which happened.

    After a second Ctrl-C the CLI cannot know how the operation ends: a cancel that reached the
    server is carried out without us (the server stops the job as soon as it reads the request, and
    only then waits for the rollback we were waiting for), one that did not leaves it running. So
    the message claims neither, and names the commands that tell and that cancel."""
    option = "--creation" if what == "creation" else "--restoration"
    try:
        stderr.print(f"canceling the {what} of {backup_id}... (Ctrl-C again to stop waiting)")
        cancel(backup_id)
    except KeyboardInterrupt:
        return Interrupted(
            f"stopped waiting: the {what} of {backup_id} ends canceled if the cancel reached the "
            f"server; `backup-api status {backup_id}` tells, `backup-api cancel {backup_id} {option}` "
            "cancels it if it still runs"
        )
    except ConflictError as error:  # it ended before the cancel took effect
        return Interrupted(f"could not cancel the {what} of {backup_id}: {error.detail or error}")
    return Interrupted(f"canceled; {undone}")


def _percent(value: float | Any | None) -> float:
    return float(value) if isinstance(value, int | float) else 0.0


def _progress_bar(description: str) -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TaskProgressColumn(),
        TimeElapsedColumn(),
        console=stderr,
        transient=True,
    )


def _status_line(label: str, status: BackupStatus) -> str:
    value = status.value.value if isinstance(status.value, BackupStatusEnum) else "UNKNOWN"
    percentage = status.percentage if isinstance(status.percentage, int | float) else None
    if value == BackupStatusEnum.UNKNOWN and percentage is None:
        return f"{label}: never started"
    suffix = f" {percentage:.0f}%" if percentage is not None else ""
    detail = f" ({status.detail})" if isinstance(status.detail, str) and status.detail else ""
    return f"{label}: {value}{suffix}{detail}"


@backups_app.command("list")
def backups_list(url: Url = DEFAULT_URL, as_json: JsonOption = False) -> None:
    """List the stored backups, newest first."""
    with connected(url) as client:
        # Every page (the next one asked for while one is printed): each backup is printed as it arrives.
        backups = client.backups.list()
        if as_json:
            typer.echo(json.dumps({"iterable": [backup.to_dict() for backup in backups]}))
            return
        if not backups.iterable:
            typer.echo("no backups")
        for backup in backups:
            created = backup.created.value.isoformat()
            typer.echo(f"{backup.id}  {created}  {backup.bytes_:>12,} bytes  {backup.device_name}")


@backups_app.command("delete")
def backups_delete(backup_id: BackupIdArgument, url: Url = DEFAULT_URL) -> None:
    """Delete a stored backup."""
    with connected(url) as client:
        client.backups.delete(backup_id)
    typer.echo(f"deleted {backup_id}")


def _read_assets(path: Path) -> Assets:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise CommandError(f"cannot read {path}: {error.strerror or error}") from None
    except ValueError as error:
        raise CommandError(f"{path} is not JSON: {error}") from None
    if isinstance(document, list):
        document = {"iterable": document}
    if not isinstance(document, dict) or not isinstance(document.get("iterable"), list):
        raise CommandError(f"{path} must hold a list of assets or an object with an `iterable` list")
    for position, item in enumerate(document["iterable"], start=1):
        _check_asset(path, position, item)
    return Assets.from_dict(document)


def _check_asset(path: Path, position: int, item: Any) -> None:
    """One line naming the asset (its position, from 1) and what is wrong with it: the first way it
    breaks the spec's `Asset` schema (the server's own check), with the field it is about."""
    if not isinstance(item, dict):
        raise CommandError(f"{path}: asset {position}: must be a JSON object, not {type(item).__name__}")
    if "id" not in item:
        raise CommandError(f"{path}: asset {position}: 'id' is required")
    if not isinstance(item["id"], str):
        raise CommandError(f"{path}: asset {position}: 'id' must be a string")
    # Imported here: the spec is parsed only when there is a file to check.
    from backup_api_server.contract import schema_validator

    error = next(iter(schema_validator("Asset").iter_errors(item)), None)
    if error is not None:
        problem = f"{_field(error.instance_path)}{error.message}"
        raise CommandError(f"{path}: asset {position} ({item['id']}): {problem}")
    try:
        Asset.from_dict(item)
    except (KeyError, TypeError, ValueError) as error:
        raise CommandError(f"{path}: asset {position} ({item['id']}): {error}") from None


def _field(location: list[str | int]) -> str:
    """`'formats.iterable[0].id': ` for a location in an asset, nothing for the asset itself."""
    if not location:
        return ""
    name = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in location)
    return f"'{name.removeprefix('.')}': "


@backup_app.command("create")
def backup_create(
    assets: Annotated[
        Path | None,
        typer.Option(help="A JSON file of the assets to back up; without it, the whole local database."),
    ] = None,
    url: Url = DEFAULT_URL,
    as_json: JsonOption = False,
) -> None:
    """Create a backup and follow its creation to the end. Ctrl-C cancels it."""
    body = _read_assets(assets) if assets is not None else None
    with connected(url) as client:
        backup_id = client.backup.create(body)
        try:
            status = _follow_creation(client, backup_id)
        except KeyboardInterrupt:
            raise _cancel_after_interrupt(
                "creation", backup_id, client.backup.cancel_creation, "no backup was created"
            ) from None
    if as_json:
        typer.echo(json.dumps(status.to_dict()))
    if status.value is not BackupStatusEnum.COMPLETED:
        raise CommandError(f"creation of {backup_id} ended {status.value}")
    if not as_json:
        typer.echo(f"created {backup_id} ({status.backup.bytes_:,} bytes)")


def _follow_creation(client: BackupApiClient, backup_id: str) -> BackupStatus:
    with _progress_bar("creating") as bar:
        task = bar.add_task(f"creating {backup_id}", total=100)
        while True:
            status = client.backup.creation_status(backup_id)
            bar.update(task, completed=_percent(status.percentage), refresh=True)
            if status.value in TERMINAL:
                return status
            time.sleep(POLL_SECONDS)


def _follow_restoration(
    client: BackupApiClient, backup_id: str, as_json: bool
) -> BackupStreamedProgress | None:
    last: BackupStreamedProgress | None = None
    with client.backup.restore_stream(backup_id) as events:
        if as_json:
            for last in events:
                typer.echo(json.dumps(last.to_dict()))
                sys.stdout.flush()
        else:
            with _progress_bar("restoring") as bar:
                task = bar.add_task(f"restoring {backup_id}", total=100)
                for last in events:
                    bar.update(task, completed=_percent(last.percentage))
    return last


def restore(backup_id: BackupIdArgument, url: Url = DEFAULT_URL, as_json: JsonOption = False) -> None:
    """Restore a backup, replacing the whole local database, with live progress. Ctrl-C cancels it."""
    started = time.monotonic()
    with connected(url) as client:
        try:
            last = _follow_restoration(client, backup_id, as_json)
        except KeyboardInterrupt:
            raise _cancel_after_interrupt(
                "restoration", backup_id, client.backup.cancel_restoration, "the database is unchanged"
            ) from None
    if last is None or last.status is not BackupStatusEnum.COMPLETED:
        outcome = "no progress" if last is None else str(last.status)
        raise CommandError(f"restoration of {backup_id} ended {outcome}")
    if not as_json:
        typer.echo(f"restored {backup_id} in {time.monotonic() - started:.1f} s")


def status(backup_id: BackupIdArgument, url: Url = DEFAULT_URL, as_json: JsonOption = False) -> None:
    """Show how the creation and the latest restoration of a backup stand."""
    with connected(url) as client:
        creation = client.backup.creation_status(backup_id)
        restoration = client.backup.restoration_status(backup_id)
    if as_json:
        typer.echo(json.dumps({"creation": creation.to_dict(), "restoration": restoration.to_dict()}))
        return
    typer.echo(_status_line("creation", creation))
    typer.echo(_status_line("restoration", restoration))


def cancel(
    backup_id: BackupIdArgument,
    restoration: Annotated[bool, typer.Option("--restoration", help="Cancel its restoration.")] = False,
    creation: Annotated[bool, typer.Option("--creation", help="Cancel its creation.")] = False,
    url: Url = DEFAULT_URL,
) -> None:
    """Cancel a backup's creation or restoration (by default, whichever is in progress)."""
    if restoration and creation:
        raise CommandError("choose one of --restoration and --creation")
    with connected(url) as client:
        if not restoration and not creation:
            running = client.backup.creation_status(backup_id).value
            creation = running in (BackupStatusEnum.INITIALIZED, BackupStatusEnum.IN_PROGRESS)
        if creation:
            client.backup.cancel_creation(backup_id)
        else:
            client.backup.cancel_restoration(backup_id)
    typer.echo(f"canceled the {'creation' if creation else 'restoration'} of {backup_id}")


def register(app: typer.Typer) -> None:
    app.add_typer(backups_app, name="backups")
    app.add_typer(backup_app, name="backup")
    app.command("restore")(restore)
    app.command("status")(status)
    app.command("cancel")(cancel)
