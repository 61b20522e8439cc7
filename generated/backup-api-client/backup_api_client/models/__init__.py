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
from .kept_backup import KeptBackup
from .maintenance_status import MaintenanceStatus
from .mechanism_enum import MechanismEnum
from .platform_enum import PlatformEnum
from .preview import Preview
from .problem import Problem
from .problem_type import ProblemType
from .prune_report import PruneReport
from .referenced_format import ReferencedFormat
from .retention_policy import RetentionPolicy
from .schedule_outcome import ScheduleOutcome
from .schedule_run import ScheduleRun
from .scheduled_backups import ScheduledBackups
from .scheduled_verification import ScheduledVerification
from .transferable_string import TransferableString
from .verification_report import VerificationReport
from .verification_run import VerificationRun

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
    "KeptBackup",
    "MaintenanceStatus",
    "MechanismEnum",
    "PlatformEnum",
    "Preview",
    "Problem",
    "ProblemType",
    "PruneReport",
    "ReferencedFormat",
    "RetentionPolicy",
    "ScheduledBackups",
    "ScheduledVerification",
    "ScheduleOutcome",
    "ScheduleRun",
    "TransferableString",
    "VerificationReport",
    "VerificationRun",
)
