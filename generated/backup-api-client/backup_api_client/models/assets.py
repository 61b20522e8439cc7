# Generated from spec/backup-api.yaml by `codegen generate`. Do not edit: change the spec, templates/ or overrides/ and regenerate.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Assets")


@_attrs_define
class Assets:
    """A list of assets.

    Attributes:
        iterable (list[Asset]): The assets, each with an `id` of its own (a creation whose body holds an id twice is
            `422`).
        schema (EmbeddedModelSchema | Unset): The versions a model was written with (database migration and semantic API
            version).
    """

    iterable: list[Asset]
    schema: EmbeddedModelSchema | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This `Assets` as a JSON-ready dict, keyed by the spec's field names; unset fields are left out."""
        iterable = []
        for iterable_item_data in self.iterable:
            iterable_item = iterable_item_data.to_dict()
            iterable.append(iterable_item)

        schema: dict[str, Any] | Unset = UNSET
        if not isinstance(self.schema, Unset):
            schema = self.schema.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "iterable": iterable,
            }
        )
        if schema is not UNSET:
            field_dict["schema"] = schema

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """A `Assets` read from a decoded JSON object; fields the spec does not declare go to `additional_properties`."""
        d = dict(src_dict)
        iterable = []
        _iterable = d.pop("iterable")
        for iterable_item_data in _iterable:
            iterable_item = Asset.from_dict(iterable_item_data)

            iterable.append(iterable_item)

        _schema = d.pop("schema", UNSET)
        schema: EmbeddedModelSchema | Unset
        if isinstance(_schema, Unset):
            schema = UNSET
        else:
            schema = EmbeddedModelSchema.from_dict(_schema)

        assets = cls(
            iterable=iterable,
            schema=schema,
        )

        assets.additional_properties = d
        return assets

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
from ..models.asset import Asset
from ..models.embedded_model_schema import EmbeddedModelSchema
