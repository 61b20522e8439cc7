# Generated from spec/backup-api.yaml by `codegen generate`. Do not edit: change the spec, templates/ or overrides/ and regenerate.
from enum import StrEnum


class BackupStatusEnum(StrEnum):
    CANCELED = "CANCELED"
    COMPLETED = "COMPLETED"
    FAILED = "FAILED"
    INITIALIZED = "INITIALIZED"
    IN_PROGRESS = "IN-PROGRESS"
    RESET = "RESET"
    UNKNOWN = "UNKNOWN"

    def __str__(self) -> str:
        return str(self.value)
