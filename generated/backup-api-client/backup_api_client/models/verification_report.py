# Generated from spec/backup-api.yaml by `codegen generate`. Do not edit: change the spec, templates/ or overrides/ and regenerate.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="VerificationReport")


@_attrs_define
class VerificationReport:
    """What verifying a backup found: `ok` with what was read, or (from background verification) the problem type and
    detail a restoration of it would be refused with.

    Attributes:
        backup (str): A backup's identifier, `<version>_<timestamp>`: the API version that wrote it and the
            creation time in microseconds since the epoch. Never contains `/`, `\\`, `..` or control
            characters.
        verified_at (datetime.datetime):
        ok (bool):
        documents (int): The asset documents decoded (0 when it did not verify).
        bytes_ (int): The archive's bytes read (0 when it did not verify).
        seconds (float):
        problem_type (str | Unset): When it did not verify, the problem type a restoration gets.
        detail (str | Unset): When it did not verify, what was found.
    """

    backup: str
    verified_at: datetime.datetime
    ok: bool
    documents: int
    bytes_: int
    seconds: float
    problem_type: str | Unset = UNSET
    detail: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This `VerificationReport` as a JSON-ready dict, keyed by the spec's field names; unset fields are left out."""
        backup = self.backup

        verified_at = self.verified_at.isoformat()

        ok = self.ok

        documents = self.documents

        bytes_ = self.bytes_

        seconds = self.seconds

        problem_type = self.problem_type

        detail = self.detail

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "backup": backup,
                "verified_at": verified_at,
                "ok": ok,
                "documents": documents,
                "bytes": bytes_,
                "seconds": seconds,
            }
        )
        if problem_type is not UNSET:
            field_dict["problem_type"] = problem_type
        if detail is not UNSET:
            field_dict["detail"] = detail

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """A `VerificationReport` read from a decoded JSON object; fields the spec does not declare go to `additional_properties`."""
        d = dict(src_dict)
        backup = d.pop("backup")

        verified_at = datetime.datetime.fromisoformat(d.pop("verified_at"))

        ok = d.pop("ok")

        documents = d.pop("documents")

        bytes_ = d.pop("bytes")

        seconds = d.pop("seconds")

        problem_type = d.pop("problem_type", UNSET)

        detail = d.pop("detail", UNSET)

        verification_report = cls(
            backup=backup,
            verified_at=verified_at,
            ok=ok,
            documents=documents,
            bytes_=bytes_,
            seconds=seconds,
            problem_type=problem_type,
            detail=detail,
        )

        verification_report.additional_properties = d
        return verification_report

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
