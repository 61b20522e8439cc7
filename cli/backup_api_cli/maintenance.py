"""The maintenance commands of `backup-api`: `backups verify`, `backups prune`, `maintenance`, and
the `serve` options that schedule backups and verification (durations such as 90s, 15m, 1h, 1d)."""

from __future__ import annotations

import json
import re
from typing import Annotated

import typer

from backup_api_client import BackupApiClient, ConflictError
from backup_api_client.models import PruneReport, RetentionPolicy, VerificationReport
from backup_api_server.engine.maintenance import Schedules
from backup_api_server.engine.retention import RetentionPolicy as Policy

from .commands import backups_app
from .options import CommandError, JsonOption, TokenFile, Url, connected, target, wants_json

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
_DURATION = re.compile(r"(\d+(?:\.\d+)?)([smhdw])")


def parse_duration(text: str) -> float:
    """Seconds in `text`: one or more number-unit pairs (`90s`, `1h30m`, `2d`); `ValueError` else."""
    parts = _DURATION.findall(text.strip().lower())
    if not parts or "".join(number + unit for number, unit in parts) != text.strip().lower():
        raise ValueError(f"invalid duration {text!r}: give e.g. 90s, 15m, 1h, 1h30m or 1d")
    seconds = sum(float(number) * _UNITS[unit] for number, unit in parts)
    if seconds <= 0:
        raise ValueError(f"invalid duration {text!r}: it must be longer than 0")
    return seconds


def _count_option(what: str) -> object:
    return typer.Option(help=f"Keep the newest backup of each of the last N {what} (-1: all).", min=-1)


KeepLast = Annotated[int, typer.Option(help="Keep the last N backups (-1: all).", min=-1)]
KeepHourly = Annotated[int, _count_option("hours")]
KeepDaily = Annotated[int, _count_option("days")]
KeepWeekly = Annotated[int, _count_option("ISO weeks")]
KeepMonthly = Annotated[int, _count_option("months")]
KeepYearly = Annotated[int, _count_option("years")]
BackupEvery = Annotated[
    str | None,
    typer.Option(
        help="Back up the whole database this often when it changed (e.g. 1h), then apply --keep-*."
    ),
]
VerifyEvery = Annotated[
    str | None, typer.Option(help="Verify every stored backup this often (e.g. 1d), in the background.")
]


def schedules(
    backup_every: str | None, verify_every: str | None, keep: tuple[int, int, int, int, int, int]
) -> Schedules:
    """What `serve` schedules; a bad duration or count is a usage error (exit 2)."""
    try:
        policy = Policy(*keep)
        return Schedules(
            backup_every=None if backup_every is None else parse_duration(backup_every),
            keep=None if policy.empty else policy,
            verify_every=None if verify_every is None else parse_duration(verify_every),
        )
    except ValueError as error:
        raise CommandError(str(error), exit_code=2) from None


@backups_app.command("verify")
def backups_verify(
    ctx: typer.Context,
    backup_id: Annotated[str | None, typer.Argument(help="The backup to verify.")] = None,
    every: Annotated[bool, typer.Option("--all", help="Verify every stored backup.")] = False,
    url: Url = None,
    token_file: TokenFile = None,
    as_json: JsonOption = False,
) -> None:
    """Verify backups without restoring them.

    Checks the checksum, decrypts, decodes every document and counts them against the metadata.
    """
    if (backup_id is None) == (not every):
        raise CommandError("give a backup id or --all (not both)", exit_code=2)
    failures = 0
    as_json = wants_json(ctx, as_json)
    with connected(target(ctx, url, token_file)) as client:
        ids = [backup_id] if backup_id is not None else [backup.id for backup in client.backups.list()]
        for each in ids:
            failures += not _verify_one(client, str(each), as_json)
    if failures:
        raise CommandError(f"{failures} of {len(ids)} backup(s) did not verify")


def _verify_one(client: BackupApiClient, backup_id: str, as_json: bool) -> bool:
    try:
        report: VerificationReport = client.maintenance.verify_specific_backup(backup_id)
    except ConflictError as error:
        detail = error.detail or str(error)
        typer.echo(
            json.dumps({"backup": backup_id, "ok": False, "detail": detail})
            if as_json
            else f"{backup_id}  CORRUPTED  {detail}"
        )
        return False
    if as_json:
        typer.echo(json.dumps(report.to_dict()))
    else:
        typer.echo(
            f"{backup_id}  ok  {report.documents:,} documents, {report.bytes_:,} bytes"
            f" in {report.seconds:.2f} s"
        )
    return True


@backups_app.command("prune")
def backups_prune(
    ctx: typer.Context,
    keep_last: KeepLast = 0,
    keep_hourly: KeepHourly = 0,
    keep_daily: KeepDaily = 0,
    keep_weekly: KeepWeekly = 0,
    keep_monthly: KeepMonthly = 0,
    keep_yearly: KeepYearly = 0,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Say what would be removed; remove nothing.")
    ] = False,
    url: Url = None,
    token_file: TokenFile = None,
    as_json: JsonOption = False,
) -> None:
    """Remove the backups a retention policy does not keep.

    The rules are restic's `forget`: a backup kept by several rules is kept once.
    """
    counts = (keep_last, keep_hourly, keep_daily, keep_weekly, keep_monthly, keep_yearly)
    if not any(counts):
        raise CommandError("give at least one --keep-* rule (e.g. --keep-daily 7)", exit_code=2)
    names = ("keep_last", "keep_hourly", "keep_daily", "keep_weekly", "keep_monthly", "keep_yearly")
    policy = RetentionPolicy.from_dict(
        {**{name: count for name, count in zip(names, counts, strict=True) if count}, "dry_run": dry_run}
    )
    as_json = wants_json(ctx, as_json)
    with connected(target(ctx, url, token_file)) as client:
        report: PruneReport = client.maintenance.prune_backups(body=policy)
    if as_json:
        typer.echo(json.dumps(report.to_dict()))
        return
    for kept in report.kept:
        typer.echo(f"keep    {kept.backup}  {', '.join(kept.reasons)}")
    verb = "would remove" if report.dry_run else "removed"
    for removed in report.removed:
        typer.echo(f"{verb}  {removed}")
    typer.echo(f"{len(report.kept)} kept, {len(report.removed)} {verb}")


def maintenance(
    ctx: typer.Context, url: Url = None, token_file: TokenFile = None, as_json: JsonOption = False
) -> None:
    """Show the scheduled backups and verification.

    For each: its interval, next run and last outcome (`serve --backup-every`, `--verify-every`).
    """
    as_json = wants_json(ctx, as_json)
    with connected(target(ctx, url, token_file)) as client:
        status = client.maintenance.status()
    if as_json:
        typer.echo(json.dumps(status.to_dict()))
        return
    data = status.to_dict()
    backups, verification = data.get("scheduled_backups"), data.get("verification")
    if backups is None:
        typer.echo("scheduled backups: off (serve --backup-every)")
    else:
        last = backups.get("last_run")
        outcome = (
            "none yet"
            if last is None
            else f"{last['outcome']} at {last['finished']} {last.get('backup', '')}"
        )
        typer.echo(
            f"scheduled backups: every {backups['every_seconds']:g} s, next {backups['next_run']},"
            f" last: {outcome}"
        )
    if verification is None:
        typer.echo("verification: off (serve --verify-every)")
    else:
        run = verification.get("last_run")
        if run is None:
            summary = "none yet"
        else:
            bad = [result["backup"] for result in run["results"] if not result["ok"]]
            summary = (
                f"{len(run['results'])} verified at {run['finished']}, {len(bad)} corrupted {' '.join(bad)}"
            )
        typer.echo(
            f"verification: every {verification['every_seconds']:g} s, next {verification['next_run']},"
            f" last: {summary}"
        )


def register(app: typer.Typer) -> None:
    app.command("maintenance")(maintenance)
