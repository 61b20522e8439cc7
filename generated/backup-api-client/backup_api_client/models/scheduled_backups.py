# Generated from spec/backup-api.yaml by `codegen generate`. Do not edit: change the spec, templates/ or overrides/ and regenerate.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ScheduledBackups")


@_attrs_define
class ScheduledBackups:
    """The scheduled backups (`serve --backup-every`).

    Attributes:
        every_seconds (float):
        next_run (datetime.datetime):
        keep (RetentionPolicy | Unset): Which backups to keep, as restic's `forget` options; a policy without any rule
            above 0 (or -1) removes nothing.
        last_run (ScheduleRun | Unset): How a scheduled run ended: `BACKED_UP` (a backup was made, then the retention
            policy applied), `UNCHANGED` (the database had not changed since the last backup), `SKIPPED` (a restoration was
            running) or `FAILED` (`detail` says why).
    """

    every_seconds: float
    next_run: datetime.datetime
    keep: RetentionPolicy | Unset = UNSET
    last_run: ScheduleRun | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This `ScheduledBackups` as a JSON-ready dict, keyed by the spec's field names; unset fields are left out."""
        every_seconds = self.every_seconds

        next_run = self.next_run.isoformat()

        keep: dict[str, Any] | Unset = UNSET
        if not isinstance(self.keep, Unset):
            keep = self.keep.to_dict()

        last_run: dict[str, Any] | Unset = UNSET
        if not isinstance(self.last_run, Unset):
            last_run = self.last_run.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "every_seconds": every_seconds,
                "next_run": next_run,
            }
        )
        if keep is not UNSET:
            field_dict["keep"] = keep
        if last_run is not UNSET:
            field_dict["last_run"] = last_run

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """A `ScheduledBackups` read from a decoded JSON object; fields the spec does not declare go to `additional_properties`."""
        d = dict(src_dict)
        every_seconds = d.pop("every_seconds")

        next_run = datetime.datetime.fromisoformat(d.pop("next_run"))

        _keep = d.pop("keep", UNSET)
        keep: RetentionPolicy | Unset
        if isinstance(_keep, Unset):
            keep = UNSET
        else:
            keep = RetentionPolicy.from_dict(_keep)

        _last_run = d.pop("last_run", UNSET)
        last_run: ScheduleRun | Unset
        if isinstance(_last_run, Unset):
            last_run = UNSET
        else:
            last_run = ScheduleRun.from_dict(_last_run)

        scheduled_backups = cls(
            every_seconds=every_seconds,
            next_run=next_run,
            keep=keep,
            last_run=last_run,
        )

        scheduled_backups.additional_properties = d
        return scheduled_backups

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
from ..models.retention_policy import RetentionPolicy
from ..models.schedule_run import ScheduleRun
