# Generated from spec/backup-api.yaml by `codegen generate`. Do not edit: change the spec, templates/ or overrides/ and regenerate.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PruneReport")


@_attrs_define
class PruneReport:
    """What a retention policy kept (newest first) and removed.

    Attributes:
        dry_run (bool): Whether nothing was removed (`removed` lists what would have been).
        kept (list[KeptBackup]):
        removed (list[str]):
    """

    dry_run: bool
    kept: list[KeptBackup]
    removed: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This `PruneReport` as a JSON-ready dict, keyed by the spec's field names; unset fields are left out."""
        dry_run = self.dry_run

        kept = []
        for kept_item_data in self.kept:
            kept_item = kept_item_data.to_dict()
            kept.append(kept_item)

        removed = self.removed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dry_run": dry_run,
                "kept": kept,
                "removed": removed,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """A `PruneReport` read from a decoded JSON object; fields the spec does not declare go to `additional_properties`."""
        d = dict(src_dict)
        dry_run = d.pop("dry_run")

        kept = []
        _kept = d.pop("kept")
        for kept_item_data in _kept:
            kept_item = KeptBackup.from_dict(kept_item_data)

            kept.append(kept_item)

        removed = cast(list[str], d.pop("removed"))

        prune_report = cls(
            dry_run=dry_run,
            kept=kept,
            removed=removed,
        )

        prune_report.additional_properties = d
        return prune_report

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
from ..models.kept_backup import KeptBackup
