# Generated from spec/backup-api.yaml by `codegen generate`. Do not edit: change the spec, templates/ or overrides/ and regenerate.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="GroupedTimestamp")


@_attrs_define
class GroupedTimestamp:
    """A date-time value with a human-readable rendering.

    Attributes:
        value (datetime.datetime):
        schema (EmbeddedModelSchema | Unset): The versions a model was written with (database migration and semantic API
            version).
        readable (str | Unset):
    """

    value: datetime.datetime
    schema: EmbeddedModelSchema | Unset = UNSET
    readable: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This `GroupedTimestamp` as a JSON-ready dict, keyed by the spec's field names; unset fields are left out."""
        value = self.value.isoformat()

        schema: dict[str, Any] | Unset = UNSET
        if not isinstance(self.schema, Unset):
            schema = self.schema.to_dict()

        readable = self.readable

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "value": value,
            }
        )
        if schema is not UNSET:
            field_dict["schema"] = schema
        if readable is not UNSET:
            field_dict["readable"] = readable

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """A `GroupedTimestamp` read from a decoded JSON object; fields the spec does not declare go to `additional_properties`."""
        d = dict(src_dict)
        value = datetime.datetime.fromisoformat(d.pop("value"))

        _schema = d.pop("schema", UNSET)
        schema: EmbeddedModelSchema | Unset
        if isinstance(_schema, Unset):
            schema = UNSET
        else:
            schema = EmbeddedModelSchema.from_dict(_schema)

        readable = d.pop("readable", UNSET)

        grouped_timestamp = cls(
            value=value,
            schema=schema,
            readable=readable,
        )

        grouped_timestamp.additional_properties = d
        return grouped_timestamp

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
