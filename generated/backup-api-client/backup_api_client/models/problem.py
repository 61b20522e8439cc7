# Generated from spec/backup-api.yaml by `codegen generate`. Do not edit: change the spec, templates/ or overrides/ and regenerate.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.problem_type import ProblemType
from ..types import UNSET, Unset

T = TypeVar("T", bound="Problem")


@_attrs_define
class Problem:
    """An RFC 9457 problem document.

    Attributes:
        type_ (ProblemType | str): Identifies the kind of problem; one of `ProblemType` (a newer server may add some).
        title (str): A short summary of the kind of problem.
        status (int): The HTTP status code.
        detail (str): What went wrong this time, in a sentence.
        instance (str | Unset): The request path.
    """

    type_: ProblemType | str
    title: str
    status: int
    detail: str
    instance: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This `Problem` as a JSON-ready dict, keyed by the spec's field names; unset fields are left out."""
        type_: str
        if isinstance(self.type_, ProblemType):
            type_ = self.type_.value
        else:
            type_ = self.type_

        title = self.title

        status = self.status

        detail = self.detail

        instance = self.instance

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "title": title,
                "status": status,
                "detail": detail,
            }
        )
        if instance is not UNSET:
            field_dict["instance"] = instance

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """A `Problem` read from a decoded JSON object; fields the spec does not declare go to `additional_properties`."""
        d = dict(src_dict)

        def _parse_type_(data: object) -> ProblemType | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_0 = ProblemType(data)

                return type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ProblemType | str, data)

        type_ = _parse_type_(d.pop("type"))

        title = d.pop("title")

        status = d.pop("status")

        detail = d.pop("detail")

        instance = d.pop("instance", UNSET)

        problem = cls(
            type_=type_,
            title=title,
            status=status,
            detail=detail,
            instance=instance,
        )

        problem.additional_properties = d
        return problem

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
