# Generated from spec/backup-api.yaml by `codegen generate`. Do not edit: change the spec, templates/ or overrides/ and regenerate.
from enum import StrEnum


class ScheduleOutcome(StrEnum):
    """How a scheduled run ended (see `ScheduleRun`)."""

    BACKED_UP = "BACKED_UP"
    FAILED = "FAILED"
    SKIPPED = "SKIPPED"
    UNCHANGED = "UNCHANGED"

    def __str__(self) -> str:
        return str(self.value)
