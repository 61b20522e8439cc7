# Generated from spec/backup-api.yaml by `codegen generate`. Do not edit: change the spec, templates/ or overrides/ and regenerate.
"""Contains all the data models used in inputs/outputs"""

from .asset import Asset
from .assets import Assets
from .backup import Backup
from .backup_status import BackupStatus
from .backup_status_enum import BackupStatusEnum
from .backup_streamed_progress import BackupStreamedProgress
from .backup_streamed_progress_event import BackupStreamedProgressEvent
from .backups import Backups
from .embedded_model_schema import EmbeddedModelSchema
from .format_ import Format
from .formats import Formats
from .fragment_format import FragmentFormat
from .grouped_timestamp import GroupedTimestamp
from .mechanism_enum import MechanismEnum
from .platform_enum import PlatformEnum
from .preview import Preview
from .problem import Problem
from .problem_type import ProblemType
from .referenced_format import ReferencedFormat
from .transferable_string import TransferableString

__all__ = (
    "Asset",
    "Assets",
    "Backup",
    "Backups",
    "BackupStatus",
    "BackupStatusEnum",
    "BackupStreamedProgress",
    "BackupStreamedProgressEvent",
    "EmbeddedModelSchema",
    "Format",
    "Formats",
    "FragmentFormat",
    "GroupedTimestamp",
    "MechanismEnum",
    "PlatformEnum",
    "Preview",
    "Problem",
    "ProblemType",
    "ReferencedFormat",
    "TransferableString",
)
