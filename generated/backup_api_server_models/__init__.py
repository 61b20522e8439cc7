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


class Problem(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
    )
    type: Annotated[str, Field(description="Identifies the kind of problem.")]
    title: Annotated[str, Field(description="A short summary of the kind of problem.")]
    status: Annotated[int, Field(description="The HTTP status code.", ge=400, le=599)]
    detail: Annotated[
        str, Field(description="What went wrong this time, in a sentence.")
    ]
    instance: Annotated[str | None, Field(description="The request path.")] = None
