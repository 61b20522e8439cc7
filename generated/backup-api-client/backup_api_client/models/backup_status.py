# Generated from spec/backup-api.yaml by `codegen generate`. Do not edit: change the spec, templates/ or overrides/ and regenerate.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.backup_status_enum import BackupStatusEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="BackupStatus")


@_attrs_define
class BackupStatus:
    """How far the creation or restoration of a backup has come. The server always sends `backup`, `value` and `percentage`
    (null when nothing has run).

    Attributes:
        backup (Backup): A stored backup's metadata.
        percentage (float | None): From 0 to 100 while it runs; 100 once completed; null when nothing has run.
        value (BackupStatusEnum): Where a creation or restoration stands. `INITIALIZED`: accepted, not started;
            `IN-PROGRESS`: running; `COMPLETED`, `FAILED`, `CANCELED`: ended; `RESET`: its state was
            reset; `UNKNOWN`: nothing is known (for a restoration: none has run).
        schema (EmbeddedModelSchema | Unset): The versions a model was written with (database migration and semantic API
            version).
        detail (str | Unset): Why it ended `FAILED` (for example `create: write backup: [Errno 28] No space left on
            device`), or what cancelled it.
    """

    backup: Backup
    percentage: float | None
    value: BackupStatusEnum
    schema: EmbeddedModelSchema | Unset = UNSET
    detail: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This `BackupStatus` as a JSON-ready dict, keyed by the spec's field names; unset fields are left out."""
        backup = self.backup.to_dict()

        percentage: float | None
        percentage = self.percentage

        value = self.value.value

        schema: dict[str, Any] | Unset = UNSET
        if not isinstance(self.schema, Unset):
            schema = self.schema.to_dict()

        detail = self.detail

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "backup": backup,
                "percentage": percentage,
                "value": value,
            }
        )
        if schema is not UNSET:
            field_dict["schema"] = schema
        if detail is not UNSET:
            field_dict["detail"] = detail

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """A `BackupStatus` read from a decoded JSON object; fields the spec does not declare go to `additional_properties`."""
        d = dict(src_dict)
        backup = Backup.from_dict(d.pop("backup"))

        def _parse_percentage(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        percentage = _parse_percentage(d.pop("percentage"))

        value = BackupStatusEnum(d.pop("value"))

        _schema = d.pop("schema", UNSET)
        schema: EmbeddedModelSchema | Unset
        if isinstance(_schema, Unset):
            schema = UNSET
        else:
            schema = EmbeddedModelSchema.from_dict(_schema)

        detail = d.pop("detail", UNSET)

        backup_status = cls(
            backup=backup,
            percentage=percentage,
            value=value,
            schema=schema,
            detail=detail,
        )

        backup_status.additional_properties = d
        return backup_status

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
