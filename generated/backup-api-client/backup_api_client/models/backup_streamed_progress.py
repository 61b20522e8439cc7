# Generated from spec/backup-api.yaml by `codegen generate`. Do not edit: change the spec, templates/ or overrides/ and regenerate.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.backup_status_enum import BackupStatusEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="BackupStreamedProgress")


@_attrs_define
class BackupStreamedProgress:
    """One step of a streamed restoration. The server always sends `status` and `percentage` (the restoration's, never
    decreasing; 100 once `COMPLETED`).

    Attributes:
        status (BackupStatusEnum): Where a creation or restoration stands. `INITIALIZED`: accepted, not started;
            `IN-PROGRESS`: running; `COMPLETED`, `FAILED`, `CANCELED`: ended; `RESET`: its state was
            reset; `UNKNOWN`: nothing is known (for a restoration: none has run).
        percentage (float): From 0 to 100, never decreasing; 100 once `COMPLETED`.
        schema (EmbeddedModelSchema | Unset): The versions a model was written with (database migration and semantic API
            version).
        backup (Backup | Unset): A stored backup's metadata.
        detail (str | Unset): What went wrong, in a `FAILED` event.
    """

    status: BackupStatusEnum
    percentage: float
    schema: EmbeddedModelSchema | Unset = UNSET
    backup: Backup | Unset = UNSET
    detail: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This `BackupStreamedProgress` as a JSON-ready dict, keyed by the spec's field names; unset fields are left out."""
        status = self.status.value

        percentage = self.percentage

        schema: dict[str, Any] | Unset = UNSET
        if not isinstance(self.schema, Unset):
            schema = self.schema.to_dict()

        backup: dict[str, Any] | Unset = UNSET
        if not isinstance(self.backup, Unset):
            backup = self.backup.to_dict()

        detail = self.detail

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "percentage": percentage,
            }
        )
        if schema is not UNSET:
            field_dict["schema"] = schema
        if backup is not UNSET:
            field_dict["backup"] = backup
        if detail is not UNSET:
            field_dict["detail"] = detail

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """A `BackupStreamedProgress` read from a decoded JSON object; fields the spec does not declare go to `additional_properties`."""
        d = dict(src_dict)
        status = BackupStatusEnum(d.pop("status"))

        percentage = d.pop("percentage")

        _schema = d.pop("schema", UNSET)
        schema: EmbeddedModelSchema | Unset
        if isinstance(_schema, Unset):
            schema = UNSET
        else:
            schema = EmbeddedModelSchema.from_dict(_schema)

        _backup = d.pop("backup", UNSET)
        backup: Backup | Unset
        if isinstance(_backup, Unset):
            backup = UNSET
        else:
            backup = Backup.from_dict(_backup)

        detail = d.pop("detail", UNSET)

        backup_streamed_progress = cls(
            status=status,
            percentage=percentage,
            schema=schema,
            backup=backup,
            detail=detail,
        )

        backup_streamed_progress.additional_properties = d
        return backup_streamed_progress

    @property
    def additional_keys(self) -> list[str]:
        """The names of the fields the spec does not declare (`model[name]` reads one, `model[name] = value` sets one)."""
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


# backup-api: the models this one refers to, imported once at the end (where upstream imports
# them in each method call: a page of 1,000 assets paid some 9,000 imports). Importing them after
# the class lets models that refer to each other import in either order.
from ..models.backup import Backup
from ..models.embedded_model_schema import EmbeddedModelSchema
