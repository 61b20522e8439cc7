"""Which jobs exclude which: the refusals `BackupEngine` makes, under its lock, before it registers
a job or deletes a backup. A whole-database creation would read the database a restoration is
replacing; a restoration replaces what creations read; a backup being made or read stays."""

from __future__ import annotations

from ..errors import OperationConflict
from .jobs import Creations, Restorations

__all__ = ["refuse_beside_restoration", "refuse_deletion_while_in_use", "refuse_restoration_beside_jobs"]


def refuse_beside_restoration(restorations: Restorations) -> None:
    """`OperationConflict` while a restoration runs."""
    restoration = restorations.running()
    if restoration is not None:
        raise OperationConflict(f"restoration of backup {restoration.backup_id} is in progress")


def refuse_restoration_beside_jobs(creations: Creations, restorations: Restorations) -> None:
    """`OperationConflict` while a restoration runs (one at a time) or a creation runs or waits."""
    refuse_beside_restoration(restorations)
    running = creations.all_running()
    if running:
        raise OperationConflict(f"creation of backup {running[0].backup_id} is in progress")


def refuse_deletion_while_in_use(backup_id: str, creations: Creations, restorations: Restorations) -> None:
    """`OperationConflict` while the backup is being created or restored."""
    if creations.running(backup_id) is not None:
        raise OperationConflict(f"creation of backup {backup_id} is in progress")
    restoration = restorations.running()
    if restoration is not None and restoration.backup_id == backup_id:
        raise OperationConflict(f"restoration of backup {backup_id} is in progress")
