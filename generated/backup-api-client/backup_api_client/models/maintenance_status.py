# Generated from spec/backup-api.yaml by `codegen generate`. Do not edit: change the spec, templates/ or overrides/ and regenerate.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MaintenanceStatus")


@_attrs_define
class MaintenanceStatus:
    """The server's scheduled maintenance; a part that is not set up is absent.

    Attributes:
        scheduled_backups (ScheduledBackups | Unset): The scheduled backups (`serve --backup-every`).
        verification (ScheduledVerification | Unset): The background verification of every backup (`serve --verify-
            every`).
    """

    scheduled_backups: ScheduledBackups | Unset = UNSET
    verification: ScheduledVerification | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This `MaintenanceStatus` as a JSON-ready dict, keyed by the spec's field names; unset fields are left out."""
        scheduled_backups: dict[str, Any] | Unset = UNSET
        if not isinstance(self.scheduled_backups, Unset):
            scheduled_backups = self.scheduled_backups.to_dict()

        verification: dict[str, Any] | Unset = UNSET
        if not isinstance(self.verification, Unset):
            verification = self.verification.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if scheduled_backups is not UNSET:
            field_dict["scheduled_backups"] = scheduled_backups
        if verification is not UNSET:
            field_dict["verification"] = verification

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """A `MaintenanceStatus` read from a decoded JSON object; fields the spec does not declare go to `additional_properties`."""
        d = dict(src_dict)
        _scheduled_backups = d.pop("scheduled_backups", UNSET)
        scheduled_backups: ScheduledBackups | Unset
        if isinstance(_scheduled_backups, Unset):
            scheduled_backups = UNSET
        else:
            scheduled_backups = ScheduledBackups.from_dict(_scheduled_backups)

        _verification = d.pop("verification", UNSET)
        verification: ScheduledVerification | Unset
        if isinstance(_verification, Unset):
            verification = UNSET
        else:
            verification = ScheduledVerification.from_dict(_verification)

        maintenance_status = cls(
            scheduled_backups=scheduled_backups,
            verification=verification,
        )

        maintenance_status.additional_properties = d
        return maintenance_status

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
from ..models.scheduled_backups import ScheduledBackups
from ..models.scheduled_verification import ScheduledVerification
