# Generated from spec/backup-api.yaml by `codegen generate`. Do not edit: change the spec, templates/ or overrides/ and regenerate.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.schedule_outcome import ScheduleOutcome
from ..types import UNSET, Unset

T = TypeVar("T", bound="ScheduleRun")


@_attrs_define
class ScheduleRun:
    """How a scheduled run ended: `BACKED_UP` (a backup was made, then the retention policy applied), `UNCHANGED` (the
    database had not changed since the last backup), `SKIPPED` (a restoration was running) or `FAILED` (`detail` says
    why).

    Attributes:
        started (datetime.datetime):
        finished (datetime.datetime):
        outcome (ScheduleOutcome): How a scheduled run ended (see `ScheduleRun`).
        removed (list[str]): The backups the retention policy removed after this backup.
        backup (str | Unset): A backup's identifier, `<version>_<timestamp>`: the API version that wrote it and the
            creation time in microseconds since the epoch. Never contains `/`, `\\`, `..` or control
            characters.
        detail (str | Unset):
    """

    started: datetime.datetime
    finished: datetime.datetime
    outcome: ScheduleOutcome
    removed: list[str]
    backup: str | Unset = UNSET
    detail: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This `ScheduleRun` as a JSON-ready dict, keyed by the spec's field names; unset fields are left out."""
        started = self.started.isoformat()

        finished = self.finished.isoformat()

        outcome = self.outcome.value

        removed = self.removed

        backup = self.backup

        detail = self.detail

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "started": started,
                "finished": finished,
                "outcome": outcome,
                "removed": removed,
            }
        )
        if backup is not UNSET:
            field_dict["backup"] = backup
        if detail is not UNSET:
            field_dict["detail"] = detail

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """A `ScheduleRun` read from a decoded JSON object; fields the spec does not declare go to `additional_properties`."""
        d = dict(src_dict)
        started = datetime.datetime.fromisoformat(d.pop("started"))

        finished = datetime.datetime.fromisoformat(d.pop("finished"))

        outcome = ScheduleOutcome(d.pop("outcome"))

        removed = cast(list[str], d.pop("removed"))

        backup = d.pop("backup", UNSET)

        detail = d.pop("detail", UNSET)

        schedule_run = cls(
            started=started,
            finished=finished,
            outcome=outcome,
            removed=removed,
            backup=backup,
            detail=detail,
        )

        schedule_run.additional_properties = d
        return schedule_run

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
