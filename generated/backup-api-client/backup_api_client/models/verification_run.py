# Generated from spec/backup-api.yaml by `codegen generate`. Do not edit: change the spec, templates/ or overrides/ and regenerate.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="VerificationRun")


@_attrs_define
class VerificationRun:
    """One pass of the background verification over every stored backup.

    Attributes:
        started (datetime.datetime):
        finished (datetime.datetime):
        results (list[VerificationReport]):
    """

    started: datetime.datetime
    finished: datetime.datetime
    results: list[VerificationReport]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This `VerificationRun` as a JSON-ready dict, keyed by the spec's field names; unset fields are left out."""
        started = self.started.isoformat()

        finished = self.finished.isoformat()

        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "started": started,
                "finished": finished,
                "results": results,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """A `VerificationRun` read from a decoded JSON object; fields the spec does not declare go to `additional_properties`."""
        d = dict(src_dict)
        started = datetime.datetime.fromisoformat(d.pop("started"))

        finished = datetime.datetime.fromisoformat(d.pop("finished"))

        results = []
        _results = d.pop("results")
        for results_item_data in _results:
            results_item = VerificationReport.from_dict(results_item_data)

            results.append(results_item)

        verification_run = cls(
            started=started,
            finished=finished,
            results=results,
        )

        verification_run.additional_properties = d
        return verification_run

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
from ..models.verification_report import VerificationReport
