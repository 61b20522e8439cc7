"""The client commands of `backup-api`: talk to a running server through `BackupApiClient`."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn

from backup_api_client import BackupApiClient, ConflictError
from backup_api_client.models import Assets, BackupStatus, BackupStatusEnum, BackupStreamedProgress

from .assets import assets_app, read_assets
from .options import CommandError, JsonOption, TokenFile, Url, connected, target, wants_json

# How often `backup create` asks for the creation's status; each answer is drawn at once, so a
# 100,000-asset creation (about half a second) shows several steps.
POLL_SECONDS = 0.05
TERMINAL = frozenset({BackupStatusEnum.COMPLETED, BackupStatusEnum.FAILED, BackupStatusEnum.CANCELED})
RUNNING = frozenset({BackupStatusEnum.INITIALIZED, BackupStatusEnum.IN_PROGRESS})
# As shells report a process that SIGINT ended.
INTERRUPTED_EXIT_CODE = 130

BackupIdArgument = Annotated[str, typer.Argument(help="The backup's identifier (version_timestamp).")]

# One group under two names: `backup create` and `backups list` read as people type them, and so do
# `backups create` and `backup list`.
backups_app = typer.Typer(
    help="Create, list and delete backups (also spelled `backup`).",
    no_args_is_help=True,
    rich_markup_mode=None,
)
stderr = Console(stderr=True)


def say(message: str) -> None:
    """A notice on stderr, one line, as the errors are."""
    typer.echo(f"backup-api: {' '.join(message.split())}", err=True)


class Interrupted(CommandError):
    """Ctrl-C: the operation was dealt with (cancelled, or left running) and the message says how."""

    def __init__(self, message: str) -> None:
        super().__init__(message, exit_code=INTERRUPTED_EXIT_CODE)


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


@contextmanager
def _progress_bar() -> Iterator[Progress | None]:
    """A transient progress bar on a terminal; nothing at all elsewhere (a log, a pipe, CI), where
    a bar would leave control characters and blank lines behind."""
    if not stderr.is_terminal:
        yield None
        return
    columns = (TextColumn("{task.description}"), BarColumn(), TaskProgressColumn(), TimeElapsedColumn())
    with Progress(*columns, console=stderr, transient=True) as bar:
        yield bar


def _status_line(label: str, status: BackupStatus) -> str:
    value = status.value.value if isinstance(status.value, BackupStatusEnum) else "UNKNOWN"
    percentage = status.percentage if isinstance(status.percentage, int | float) else None
    if value == BackupStatusEnum.UNKNOWN and percentage is None:
        return f"{label}: never started"
    suffix = f" {percentage:.0f}%" if percentage is not None else ""
    detail = f" ({status.detail})" if isinstance(status.detail, str) and status.detail else ""
    return f"{label}: {value}{suffix}{detail}"


@backups_app.command("list")
def backups_list(
    ctx: typer.Context, url: Url = None, token_file: TokenFile = None, as_json: JsonOption = False
) -> None:
    """List the stored backups, newest first."""
    with connected(target(ctx, url, token_file)) as client:
        # Every page (the next one asked for while one is printed): each backup is printed as it arrives.
        backups = client.backups.list()
        if wants_json(ctx, as_json):
            typer.echo(json.dumps({"iterable": [backup.to_dict() for backup in backups]}))
            return
        if not backups.iterable:
            typer.echo("no backups")
        for backup in backups:
            created = backup.created.value.isoformat()
            typer.echo(f"{backup.id}  {created}  {backup.bytes_:>12,} bytes  {backup.device_name}")


@backups_app.command("delete")
def backups_delete(
    ctx: typer.Context, backup_id: BackupIdArgument, url: Url = None, token_file: TokenFile = None
) -> None:
    """Delete a stored backup."""
    with connected(target(ctx, url, token_file)) as client:
        client.backups.delete(backup_id)
    typer.echo(f"deleted {backup_id}")


AssetsFileOption = Annotated[
    Path | None,
    typer.Option(
        "--assets",
        help="A JSON file of the assets to back up (`backup-api assets schema` prints its format); "
        "without it, the whole local database.",
        show_default=False,
    ),
]


@backups_app.command("create")
def backup_create(
    ctx: typer.Context,
    assets: AssetsFileOption = None,
    url: Url = None,
    token_file: TokenFile = None,
    as_json: JsonOption = False,
) -> None:
    """Create a backup and follow its creation to the end. Ctrl-C cancels it."""
    body = read_assets(assets) if assets is not None else None
    with connected(target(ctx, url, token_file)) as client:
        _warn_if_empty(client, assets, body)
        backup_id = client.backup.create(body)
        try:
            status = _follow_creation(client, backup_id)
        except KeyboardInterrupt:
            raise _cancel_after_interrupt(
                "creation", backup_id, client.backup.cancel_creation, "no backup was created"
            ) from None
    if wants_json(ctx, as_json):
        typer.echo(json.dumps(status.to_dict()))
    if status.value is not BackupStatusEnum.COMPLETED:
        raise CommandError(f"creation of {backup_id} ended {status.value}")
    if not wants_json(ctx, as_json):
        typer.echo(f"created {backup_id} ({status.backup.bytes_:,} bytes)")


def _warn_if_empty(client: BackupApiClient, path: Path | None, body: Assets | None) -> None:
    """A backup of nothing is allowed (an empty database is a state worth keeping), but it is rarely
    what was meant: a wrong data directory, a server other than the one intended."""
    if body is not None and not body.iterable:
        say(f"warning: --assets {path} holds no assets; the backup will be empty")
    elif body is None and not client.assets.list_page(limit=1).iterable:
        say(f"warning: the local database of {client.base_url} holds no assets; the backup will be empty")


def _follow_creation(client: BackupApiClient, backup_id: str) -> BackupStatus:
    with _progress_bar() as bar:
        task = bar.add_task(f"creating {backup_id}", total=100) if bar else None
        while True:
            status = client.backup.creation_status(backup_id)
            if bar is not None and task is not None:
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
            return last
        with _progress_bar() as bar:
            task = bar.add_task(f"restoring {backup_id}", total=100) if bar else None
            for last in events:
                if bar is not None and task is not None:
                    bar.update(task, completed=_percent(last.percentage))
    return last


def restore(
    ctx: typer.Context,
    backup_id: BackupIdArgument,
    url: Url = None,
    token_file: TokenFile = None,
    as_json: JsonOption = False,
) -> None:
    """Restore a backup, replacing the whole local database, with live progress. Ctrl-C cancels it."""
    started = time.monotonic()
    as_json = wants_json(ctx, as_json)
    with connected(target(ctx, url, token_file)) as client:
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


def status(
    ctx: typer.Context,
    backup_id: BackupIdArgument,
    url: Url = None,
    token_file: TokenFile = None,
    as_json: JsonOption = False,
) -> None:
    """Show how the creation and the latest restoration of a backup stand."""
    with connected(target(ctx, url, token_file)) as client:
        creation = client.backup.creation_status(backup_id)
        restoration = client.backup.restoration_status(backup_id)
    if wants_json(ctx, as_json):
        typer.echo(json.dumps({"creation": creation.to_dict(), "restoration": restoration.to_dict()}))
        return
    typer.echo(_status_line("creation", creation))
    typer.echo(_status_line("restoration", restoration))


def cancel(
    ctx: typer.Context,
    backup_id: BackupIdArgument,
    restoration: Annotated[bool, typer.Option("--restoration", help="Cancel its restoration.")] = False,
    creation: Annotated[bool, typer.Option("--creation", help="Cancel its creation.")] = False,
    url: Url = None,
    token_file: TokenFile = None,
) -> None:
    """Cancel a backup's creation or restoration (by default, whichever is in progress).

    One rule: only what is in progress can be cancelled. Anything else, also something already
    canceled, is an error (exit 1) saying how it stands."""
    if restoration and creation:
        raise CommandError("choose one of --restoration and --creation")
    with connected(target(ctx, url, token_file)) as client:
        what = _what_to_cancel(client, backup_id, restoration, creation)
        cancel_job = client.backup.cancel_creation if what == "creation" else client.backup.cancel_restoration
        try:
            cancel_job(backup_id)
        except ConflictError:  # it ended between the status and the cancel
            raise _nothing_to_cancel(client, backup_id) from None
    typer.echo(f"canceled the {what} of {backup_id}")


def _what_to_cancel(client: BackupApiClient, backup_id: str, restoration: bool, creation: bool) -> str:
    """`creation` or `restoration`: the one asked for, else the one in progress, if it is."""
    creation_status = client.backup.creation_status(backup_id).value
    if creation or (not restoration and creation_status in RUNNING):
        if creation_status not in RUNNING:
            raise _nothing_to_cancel(client, backup_id)
        return "creation"
    if client.backup.restoration_status(backup_id).value not in RUNNING:
        raise _nothing_to_cancel(client, backup_id)
    return "restoration"


def _nothing_to_cancel(client: BackupApiClient, backup_id: str) -> CommandError:
    lines = (
        _status_line("creation", client.backup.creation_status(backup_id)),
        _status_line("restoration", client.backup.restoration_status(backup_id)),
    )
    return CommandError(f"nothing to cancel: no job of {backup_id} is in progress ({'; '.join(lines)})")


def register(app: typer.Typer) -> None:
    app.add_typer(backups_app, name="backups")
    app.add_typer(backups_app, name="backup", hidden=True)
    app.add_typer(assets_app, name="assets")
    # Short help for the command list, which click would cut at about 45 characters.
    app.command("restore", short_help="Restore a backup, replacing the local database.")(restore)
    app.command("status", short_help="Show how a backup's creation and restoration stand.")(status)
    app.command("cancel", short_help="Cancel a backup's creation or restoration.")(cancel)
