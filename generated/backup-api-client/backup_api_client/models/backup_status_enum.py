# Generated from spec/backup-api.yaml by `codegen generate`. Do not edit: change the spec, templates/ or overrides/ and regenerate.
from enum import StrEnum


class BackupStatusEnum(StrEnum):
    """Where a creation or restoration stands. `INITIALIZED`: accepted, not started;
    `IN-PROGRESS`: running; `COMPLETED`, `FAILED`, `CANCELED`: ended; `RESET`: its state was
    reset; `UNKNOWN`: nothing is known (for a restoration: none has run)."""

    CANCELED = "CANCELED"
    COMPLETED = "COMPLETED"
    FAILED = "FAILED"
    INITIALIZED = "INITIALIZED"
    IN_PROGRESS = "IN-PROGRESS"
    RESET = "RESET"
    UNKNOWN = "UNKNOWN"

    def __str__(self) -> str:
        return str(self.value)
