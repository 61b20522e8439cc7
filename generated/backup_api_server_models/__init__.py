# Generated from spec/backup-api.yaml by `codegen generate`. Do not edit: change the spec, templates/ or overrides/ and regenerate.

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, RootModel


class BackupId(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description="A backup's identifier, `<version>_<timestamp>`: the API version that wrote it and the\ncreation time in microseconds since the epoch. Never contains `/`, `\\`, `..` or control\ncharacters.\n",
            examples=["1.0.0_1764253683123456"],
            max_length=64,
            min_length=3,
            pattern="^[0-9A-Za-z]+(?:[.+-][0-9A-Za-z]+)*_[0-9]{1,20}$",
        ),
    ]


class EmbeddedModelSchema(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    migration: Annotated[
        int, Field(description="The database migration this model was written for.")
    ]
    semantic: Annotated[
        str,
        Field(
            description="The semantic version of the API, such as `MAJOR_0_MINOR_0_PATCH_1`."
        ),
    ]


class GroupedTimestamp(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    schema_: Annotated[EmbeddedModelSchema | None, Field(alias="schema")] = None
    value: AwareDatetime
    readable: str | None = None


class PlatformEnum(StrEnum):
    UNKNOWN = "UNKNOWN"
    WEB = "WEB"
    MACOS = "MACOS"
    LINUX = "LINUX"
    WINDOWS = "WINDOWS"
    FUCHSIA = "FUCHSIA"
    IOS = "IOS"
    ANDROID = "ANDROID"


class BackupStatusEnum(StrEnum):
    UNKNOWN = "UNKNOWN"
    INITIALIZED = "INITIALIZED"
    IN_PROGRESS = "IN-PROGRESS"
    COMPLETED = "COMPLETED"
    FAILED = "FAILED"
    CANCELED = "CANCELED"
    RESET = "RESET"


class Backup(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    schema_: Annotated[EmbeddedModelSchema | None, Field(alias="schema")] = None
    id: BackupId
    version: Annotated[str, Field(description="The API version that wrote the backup.")]
    timestamp: Annotated[
        str,
        Field(
            description="The creation time in microseconds since the epoch, as in the identifier."
        ),
    ]
    bytes: Annotated[
        int,
        Field(description="The stored (compressed) size of the backup in bytes.", ge=0),
    ]
    created: GroupedTimestamp
    device_name: Annotated[
        str, Field(description="The host name of the machine the backup was made on.")
    ]
    platform: PlatformEnum


class AssetsCursor(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description="An opaque position in the list of assets (`GET /assets`).",
            examples=["a100"],
            pattern="^a[0-9]{1,18}$",
        ),
    ]


class BackupsCursor(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description="An opaque position in the list of backups (`GET /backups`).",
            examples=["b1.0.0_1764253683123456"],
            max_length=65,
            min_length=4,
            pattern="^b[0-9A-Za-z]+(?:[.+-][0-9A-Za-z]+)*_[0-9]{1,20}$",
        ),
    ]


class Backups(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    schema_: Annotated[EmbeddedModelSchema | None, Field(alias="schema")] = None
    iterable: list[Backup]


class BackupStatus(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    schema_: Annotated[EmbeddedModelSchema | None, Field(alias="schema")] = None
    backup: Backup
    percentage: Annotated[
        float | None,
        Field(
            description="From 0 to 100 while it runs; 100 once completed; null when nothing has run.",
            ge=0.0,
            le=100.0,
        ),
    ]
    value: BackupStatusEnum
    detail: Annotated[
        str | None,
        Field(
            description="Why it ended `FAILED` (for example `create: write backup: [Errno 28] No space left on\ndevice`), or what cancelled it.\n"
        ),
    ] = None


class BackupStreamedProgress(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    schema_: Annotated[EmbeddedModelSchema | None, Field(alias="schema")] = None
    status: BackupStatusEnum
    percentage: Annotated[
        float,
        Field(
            description="From 0 to 100, never decreasing; 100 once `COMPLETED`.",
            ge=0.0,
            le=100.0,
        ),
    ]
    backup: Backup | None = None
    detail: Annotated[
        str | None, Field(description="What went wrong, in a `FAILED` event.")
    ] = None


class BackupStreamedProgressEvent(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    data: Annotated[
        str,
        Field(
            json_schema_extra={
                "contentMediaType": "application/json",
                "contentSchema": {
                    "$ref": "#/components/schemas/BackupStreamedProgress"
                },
            }
        ),
    ]
    event: str | None = None
    id: str | None = None
    retry: Annotated[int | None, Field(ge=0)] = None


class MechanismEnum(StrEnum):
    MANUAL = "MANUAL"
    RECOMMENDED = "RECOMMENDED"
    AUTOMATIC = "AUTOMATIC"
    INTERNAL = "INTERNAL"
    DELETED = "DELETED"


class TransferableString(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    raw: str | None = None


class FragmentFormat(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    string: TransferableString | None = None


class Format(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    id: str
    fragment: FragmentFormat | None = None


class Formats(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    iterable: list[Format]


class ReferencedFormat(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    id: str


class Preview(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    base: ReferencedFormat
    overlay: ReferencedFormat | None = None


class Asset(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    schema_: Annotated[EmbeddedModelSchema | None, Field(alias="schema")] = None
    id: Annotated[
        str,
        Field(
            description="The asset's identifier, unique in the database.", min_length=1
        ),
    ]
    name: str | None = None
    creator: str | None = None
    created: GroupedTimestamp | None = None
    updated: GroupedTimestamp | None = None
    mechanism: MechanismEnum | None = None
    formats: Formats | None = None
    original: ReferencedFormat | None = None
    preview: Preview | None = None


class Assets(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    schema_: Annotated[EmbeddedModelSchema | None, Field(alias="schema")] = None
    iterable: Annotated[
        list[Asset],
        Field(
            description="The assets, each with an `id` of its own (a creation whose body holds an id twice is `422`)."
        ),
    ]


class ProblemType(StrEnum):
    urn_backup_api_problem_malformed_json = "urn:backup-api:problem:malformed-json"
    urn_backup_api_problem_malformed_request = (
        "urn:backup-api:problem:malformed-request"
    )
    urn_backup_api_problem_unauthorized = "urn:backup-api:problem:unauthorized"
    urn_backup_api_problem_cross_site_request = (
        "urn:backup-api:problem:cross-site-request"
    )
    urn_backup_api_problem_other_local_user = "urn:backup-api:problem:other-local-user"
    urn_backup_api_problem_not_found = "urn:backup-api:problem:not-found"
    urn_backup_api_problem_method_not_allowed = (
        "urn:backup-api:problem:method-not-allowed"
    )
    urn_backup_api_problem_not_acceptable = "urn:backup-api:problem:not-acceptable"
    urn_backup_api_problem_request_timeout = "urn:backup-api:problem:request-timeout"
    urn_backup_api_problem_conflict = "urn:backup-api:problem:conflict"
    urn_backup_api_problem_cancelled = "urn:backup-api:problem:cancelled"
    urn_backup_api_problem_backup_corrupted = "urn:backup-api:problem:backup-corrupted"
    urn_backup_api_problem_backup_unencrypted = (
        "urn:backup-api:problem:backup-unencrypted"
    )
    urn_backup_api_problem_backup_key_mismatch = (
        "urn:backup-api:problem:backup-key-mismatch"
    )
    urn_backup_api_problem_idempotency_key_in_use = (
        "urn:backup-api:problem:idempotency-key-in-use"
    )
    urn_backup_api_problem_gone = "urn:backup-api:problem:gone"
    urn_backup_api_problem_payload_too_large = (
        "urn:backup-api:problem:payload-too-large"
    )
    urn_backup_api_problem_unsupported_media_type = (
        "urn:backup-api:problem:unsupported-media-type"
    )
    urn_backup_api_problem_host_not_allowed = "urn:backup-api:problem:host-not-allowed"
    urn_backup_api_problem_validation_failed = (
        "urn:backup-api:problem:validation-failed"
    )
    urn_backup_api_problem_idempotency_key_reused = (
        "urn:backup-api:problem:idempotency-key-reused"
    )
    urn_backup_api_problem_too_many_requests = (
        "urn:backup-api:problem:too-many-requests"
    )
    urn_backup_api_problem_internal_error = "urn:backup-api:problem:internal-error"
    urn_backup_api_problem_store_unavailable = (
        "urn:backup-api:problem:store-unavailable"
    )
    urn_backup_api_problem_insufficient_storage = (
        "urn:backup-api:problem:insufficient-storage"
    )


class RetentionPolicy(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
    )
    keep_last: Annotated[
        int | None,
        Field(
            description="How many of the newest backups to keep (0, the default, turns the rule off; -1 keeps every one).",
            ge=-1,
            le=1000000,
        ),
    ] = 0
    keep_hourly: Annotated[
        int | None,
        Field(
            description="For how many of the last hours to keep the newest backup of the hour (0, the default, turns the rule off; -1 keeps every one).",
            ge=-1,
            le=1000000,
        ),
    ] = 0
    keep_daily: Annotated[
        int | None,
        Field(
            description="For how many of the last days to keep the newest backup of the day (0, the default, turns the rule off; -1 keeps every one).",
            ge=-1,
            le=1000000,
        ),
    ] = 0
    keep_weekly: Annotated[
        int | None,
        Field(
            description="For how many of the last ISO weeks to keep the newest backup of the week (0, the default, turns the rule off; -1 keeps every one).",
            ge=-1,
            le=1000000,
        ),
    ] = 0
    keep_monthly: Annotated[
        int | None,
        Field(
            description="For how many of the last months to keep the newest backup of the month (0, the default, turns the rule off; -1 keeps every one).",
            ge=-1,
            le=1000000,
        ),
    ] = 0
    keep_yearly: Annotated[
        int | None,
        Field(
            description="For how many of the last years to keep the newest backup of the year (0, the default, turns the rule off; -1 keeps every one).",
            ge=-1,
            le=1000000,
        ),
    ] = 0
    dry_run: Annotated[
        bool | None, Field(description="Say what would be removed, and remove nothing.")
    ] = False


class KeptBackup(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    backup: BackupId
    reasons: Annotated[
        list[str],
        Field(
            description="restic's names of the rules that kept it (`last snapshot`, `hourly snapshot`, `daily snapshot`, `weekly snapshot`, `monthly snapshot`, `yearly snapshot`, each also as `oldest ...` for the oldest backup), or why it could not be removed."
        ),
    ]


class PruneReport(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    dry_run: Annotated[
        bool,
        Field(
            description="Whether nothing was removed (`removed` lists what would have been)."
        ),
    ]
    kept: list[KeptBackup]
    removed: list[BackupId]


class VerificationReport(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    backup: BackupId
    verified_at: AwareDatetime
    ok: bool
    documents: Annotated[
        int,
        Field(
            description="The asset documents decoded (0 when it did not verify).", ge=0
        ),
    ]
    bytes: Annotated[
        int,
        Field(description="The archive's bytes read (0 when it did not verify).", ge=0),
    ]
    seconds: Annotated[float, Field(ge=0.0)]
    problem_type: Annotated[
        str | None,
        Field(
            description="When it did not verify, the problem type a restoration gets."
        ),
    ] = None
    detail: Annotated[
        str | None, Field(description="When it did not verify, what was found.")
    ] = None


class ScheduleOutcome(StrEnum):
    BACKED_UP = "BACKED_UP"
    UNCHANGED = "UNCHANGED"
    SKIPPED = "SKIPPED"
    FAILED = "FAILED"


class VerificationRun(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    started: AwareDatetime
    finished: AwareDatetime
    results: list[VerificationReport]


class ScheduledVerification(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    every_seconds: float
    next_run: AwareDatetime
    last_run: VerificationRun | None = None


class Problem(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    type: Annotated[
        ProblemType | str,
        Field(
            description="Identifies the kind of problem; one of `ProblemType` (a newer server may add some)."
        ),
    ]
    title: Annotated[str, Field(description="A short summary of the kind of problem.")]
    status: Annotated[int, Field(description="The HTTP status code.", ge=400, le=599)]
    detail: Annotated[
        str, Field(description="What went wrong this time, in a sentence.")
    ]
    instance: Annotated[str | None, Field(description="The request path.")] = None


class ScheduleRun(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    started: AwareDatetime
    finished: AwareDatetime
    outcome: ScheduleOutcome
    backup: BackupId | None = None
    removed: Annotated[
        list[BackupId],
        Field(
            description="The backups the retention policy removed after this backup."
        ),
    ]
    detail: str | None = None


class ScheduledBackups(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    every_seconds: float
    next_run: AwareDatetime
    keep: RetentionPolicy | None = None
    last_run: ScheduleRun | None = None


class MaintenanceStatus(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    scheduled_backups: ScheduledBackups | None = None
    verification: ScheduledVerification | None = None
