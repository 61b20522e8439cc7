"""The `Maintenance` tag: verify a backup, prune with a retention policy, and the schedules' state."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from backup_api_server_models import (
    BackupId,
    KeptBackup,
    MaintenanceStatus,
    PruneReport,
    RetentionPolicy,
    ScheduledBackups,
    ScheduledVerification,
    ScheduleOutcome,
    ScheduleRun,
    VerificationReport,
    VerificationRun,
)

from ...engine import maintenance as engine_maintenance
from ...engine.periodic import Periodic
from ...engine.retention import RetentionPolicy as Policy
from ...engine.schedule import ScheduleRun as EngineScheduleRun
from ...engine.verification import VerificationResult
from ..deps import BackupIdPath, Bodies, call
from ..responses import model_response

router = APIRouter(tags=["Maintenance"])

_POLICY_FIELDS = ("keep_last", "keep_hourly", "keep_daily", "keep_weekly", "keep_monthly", "keep_yearly")


def maintenance_of(request: Request) -> engine_maintenance.Maintenance:
    """The application's maintenance (see `application.create_app`)."""
    maintenance: engine_maintenance.Maintenance = request.app.state.maintenance
    return maintenance


def verification_report(result: VerificationResult) -> VerificationReport:
    return VerificationReport(
        backup=BackupId(result.backup_id),
        verified_at=result.verified_at,
        ok=result.ok,
        documents=result.documents,
        bytes=result.bytes,
        seconds=result.seconds,
        problem_type=result.problem_type,
        detail=result.problem,
    )


def policy_model(policy: Policy) -> RetentionPolicy:
    return RetentionPolicy.model_validate({name: count for name, count in policy.counts() if count})


@router.post("/backup/{backup}/verify")
async def maintenance_verify_specific_backup(backup: BackupIdPath, request: Request) -> Response:
    result = await call(maintenance_of(request).verify, backup)
    return model_response(verification_report(result))


@router.post("/backups/prune")
async def maintenance_prune_backups(request: Request, bodies: Bodies) -> Response:
    body: Any = await bodies.read(request, "RetentionPolicy") or {}
    # No body, or no rule: nothing is removed (restic's `forget` without a policy).
    policy = Policy(**{name: int(body.get(name, 0)) for name in _POLICY_FIELDS})
    maintenance = maintenance_of(request)
    report = await call(lambda: maintenance.prune(policy, dry_run=bool(body.get("dry_run", False))))
    return model_response(
        PruneReport(
            dry_run=report.dry_run,
            kept=[
                KeptBackup(backup=BackupId(kept.backup_id), reasons=list(kept.reasons))
                for kept in report.kept
            ],
            removed=[BackupId(backup_id) for backup_id in report.removed],
        )
    )


@router.get("/maintenance")
async def maintenance_status(request: Request) -> Response:
    maintenance = maintenance_of(request)
    return model_response(
        MaintenanceStatus(
            scheduled_backups=_scheduled_backups(maintenance.schedule, maintenance.keep),
            verification=_scheduled_verification(maintenance.scrub),
        )
    )


def _scheduled_backups(
    schedule: Periodic[EngineScheduleRun] | None, keep: Policy | None
) -> ScheduledBackups | None:
    if schedule is None:
        return None
    run = schedule.last_outcome
    return ScheduledBackups(
        every_seconds=schedule.every_seconds,
        next_run=schedule.next_run_at,
        keep=None if keep is None else policy_model(keep),
        last_run=None
        if run is None
        else ScheduleRun(
            started=run.started,
            finished=run.finished,
            outcome=ScheduleOutcome(run.outcome),
            backup=None if run.backup_id is None else BackupId(run.backup_id),
            removed=[BackupId(backup_id) for backup_id in run.removed],
            detail=run.detail,
        ),
    )


def _scheduled_verification(
    scrub: Periodic[engine_maintenance.ScrubRun] | None,
) -> ScheduledVerification | None:
    if scrub is None:
        return None
    run = scrub.last_outcome
    last: VerificationRun | None = None
    if run is not None:
        last = VerificationRun(
            started=run.started, finished=run.finished, results=[verification_report(r) for r in run.results]
        )
    return ScheduledVerification(every_seconds=scrub.every_seconds, next_run=scrub.next_run_at, last_run=last)
