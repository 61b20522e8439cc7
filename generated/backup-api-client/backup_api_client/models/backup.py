# Generated from spec/backup-api.yaml by `codegen generate`. Do not edit: change the spec, templates/ or overrides/ and regenerate.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.platform_enum import PlatformEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="Backup")


@_attrs_define
class Backup:
    """A stored backup's metadata.

    Attributes:
        id (str): A backup's identifier, `<version>_<timestamp>`: the API version that wrote it and the
            creation time in microseconds since the epoch. Never contains `/`, `\\`, `..` or control
            characters.
        version (str): The API version that wrote the backup.
        timestamp (str): The creation time in microseconds since the epoch, as in the identifier.
        bytes_ (int): The stored (compressed) size of the backup in bytes.
        created (GroupedTimestamp): A date-time value with a human-readable rendering.
        device_name (str): The host name of the machine the backup was made on.
        platform (PlatformEnum): The operating system a backup was made on.
        schema (EmbeddedModelSchema | Unset): The versions a model was written with (database migration and semantic API
            version).
    """

    id: str
    version: str
    timestamp: str
    bytes_: int
    created: GroupedTimestamp
    device_name: str
    platform: PlatformEnum
    schema: EmbeddedModelSchema | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This `Backup` as a JSON-ready dict, keyed by the spec's field names; unset fields are left out."""
        id = self.id

        version = self.version

        timestamp = self.timestamp

        bytes_ = self.bytes_

        created = self.created.to_dict()

        device_name = self.device_name

        platform = self.platform.value

        schema: dict[str, Any] | Unset = UNSET
        if not isinstance(self.schema, Unset):
            schema = self.schema.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "version": version,
                "timestamp": timestamp,
                "bytes": bytes_,
                "created": created,
                "device_name": device_name,
                "platform": platform,
            }
        )
        if schema is not UNSET:
            field_dict["schema"] = schema

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """A `Backup` read from a decoded JSON object; fields the spec does not declare go to `additional_properties`."""
        d = dict(src_dict)
        id = d.pop("id")

        version = d.pop("version")

        timestamp = d.pop("timestamp")

        bytes_ = d.pop("bytes")

        created = GroupedTimestamp.from_dict(d.pop("created"))

        device_name = d.pop("device_name")

        platform = PlatformEnum(d.pop("platform"))

        _schema = d.pop("schema", UNSET)
        schema: EmbeddedModelSchema | Unset
        if isinstance(_schema, Unset):
            schema = UNSET
        else:
            schema = EmbeddedModelSchema.from_dict(_schema)

        backup = cls(
            id=id,
            version=version,
            timestamp=timestamp,
            bytes_=bytes_,
            created=created,
            device_name=device_name,
            platform=platform,
            schema=schema,
        )

        backup.additional_properties = d
        return backup

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
from ..models.embedded_model_schema import EmbeddedModelSchema
from ..models.grouped_timestamp import GroupedTimestamp
