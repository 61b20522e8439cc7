# Generated from spec/backup-api.yaml by `codegen generate`. Do not edit: change the spec, templates/ or overrides/ and regenerate.
from enum import StrEnum


class MechanismEnum(StrEnum):
    """How an asset was saved."""

    AUTOMATIC = "AUTOMATIC"
    DELETED = "DELETED"
    INTERNAL = "INTERNAL"
    MANUAL = "MANUAL"
    RECOMMENDED = "RECOMMENDED"

    def __str__(self) -> str:
        return str(self.value)
