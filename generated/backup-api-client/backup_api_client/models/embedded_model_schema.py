# Generated from spec/backup-api.yaml by `codegen generate`. Do not edit: change the spec, templates/ or overrides/ and regenerate.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="EmbeddedModelSchema")


@_attrs_define
class EmbeddedModelSchema:
    """The versions a model was written with (database migration and semantic API version).

    Attributes:
        migration (int): The database migration this model was written for.
        semantic (str): The semantic version of the API, such as `MAJOR_0_MINOR_0_PATCH_1`.
    """

    migration: int
    semantic: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This `EmbeddedModelSchema` as a JSON-ready dict, keyed by the spec's field names; unset fields are left out."""
        migration = self.migration

        semantic = self.semantic

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "migration": migration,
                "semantic": semantic,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """A `EmbeddedModelSchema` read from a decoded JSON object; fields the spec does not declare go to `additional_properties`."""
        d = dict(src_dict)
        migration = d.pop("migration")

        semantic = d.pop("semantic")

        embedded_model_schema = cls(
            migration=migration,
            semantic=semantic,
        )

        embedded_model_schema.additional_properties = d
        return embedded_model_schema

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
