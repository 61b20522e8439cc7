# Generated from spec/backup-api.yaml by `codegen generate`. Do not edit: change the spec, templates/ or overrides/ and regenerate.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Preview")


@_attrs_define
class Preview:
    """The formats shown to preview an asset.

    Attributes:
        base (ReferencedFormat): A reference to a format by its identifier.
        overlay (ReferencedFormat | Unset): A reference to a format by its identifier.
    """

    base: ReferencedFormat
    overlay: ReferencedFormat | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This `Preview` as a JSON-ready dict, keyed by the spec's field names; unset fields are left out."""
        base = self.base.to_dict()

        overlay: dict[str, Any] | Unset = UNSET
        if not isinstance(self.overlay, Unset):
            overlay = self.overlay.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "base": base,
            }
        )
        if overlay is not UNSET:
            field_dict["overlay"] = overlay

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """A `Preview` read from a decoded JSON object; fields the spec does not declare go to `additional_properties`."""
        d = dict(src_dict)
        base = ReferencedFormat.from_dict(d.pop("base"))

        _overlay = d.pop("overlay", UNSET)
        overlay: ReferencedFormat | Unset
        if isinstance(_overlay, Unset):
            overlay = UNSET
        else:
            overlay = ReferencedFormat.from_dict(_overlay)

        preview = cls(
            base=base,
            overlay=overlay,
        )

        preview.additional_properties = d
        return preview

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
from ..models.referenced_format import ReferencedFormat
