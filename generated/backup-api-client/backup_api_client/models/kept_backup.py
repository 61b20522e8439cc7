# Generated from spec/backup-api.yaml by `codegen generate`. Do not edit: change the spec, templates/ or overrides/ and regenerate.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="KeptBackup")


@_attrs_define
class KeptBackup:
    """A backup a retention policy kept, and every reason it was kept.

    Attributes:
        backup (str): A backup's identifier, `<version>_<timestamp>`: the API version that wrote it and the
            creation time in microseconds since the epoch. Never contains `/`, `\\`, `..` or control
            characters.
        reasons (list[str]): restic's names of the rules that kept it (`last snapshot`, `hourly snapshot`, `daily
            snapshot`, `weekly snapshot`, `monthly snapshot`, `yearly snapshot`, each also as `oldest ...` for the oldest
            backup), or why it could not be removed.
    """

    backup: str
    reasons: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This `KeptBackup` as a JSON-ready dict, keyed by the spec's field names; unset fields are left out."""
        backup = self.backup

        reasons = self.reasons

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "backup": backup,
                "reasons": reasons,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """A `KeptBackup` read from a decoded JSON object; fields the spec does not declare go to `additional_properties`."""
        d = dict(src_dict)
        backup = d.pop("backup")

        reasons = cast(list[str], d.pop("reasons"))

        kept_backup = cls(
            backup=backup,
            reasons=reasons,
        )

        kept_backup.additional_properties = d
        return kept_backup

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
