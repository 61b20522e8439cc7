# Generated from spec/backup-api.yaml by `codegen generate`. Do not edit: change the spec, templates/ or overrides/ and regenerate.
from enum import StrEnum


class PlatformEnum(StrEnum):
    """The operating system a backup was made on."""

    ANDROID = "ANDROID"
    FUCHSIA = "FUCHSIA"
    IOS = "IOS"
    LINUX = "LINUX"
    MACOS = "MACOS"
    UNKNOWN = "UNKNOWN"
    WEB = "WEB"
    WINDOWS = "WINDOWS"

    def __str__(self) -> str:
        return str(self.value)
