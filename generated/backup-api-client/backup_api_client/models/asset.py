# Generated from spec/backup-api.yaml by `codegen generate`. Do not edit: change the spec, templates/ or overrides/ and regenerate.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.mechanism_enum import MechanismEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="Asset")


@_attrs_define
class Asset:
    """A snippet of the local database. Only `id` is required; every other field, declared here or
    not, is stored as received and returned as it was sent.

    Attributes:
        id (str): The asset's identifier, unique in the database.
        schema (EmbeddedModelSchema | Unset): The versions a model was written with (database migration and semantic API
            version).
        name (str | Unset):
        creator (str | Unset):
        created (GroupedTimestamp | Unset): A date-time value with a human-readable rendering.
        updated (GroupedTimestamp | Unset): A date-time value with a human-readable rendering.
        mechanism (MechanismEnum | Unset): How an asset was saved.
        formats (Formats | Unset): The formats of an asset.
        original (ReferencedFormat | Unset): A reference to a format by its identifier.
        preview (Preview | Unset): The formats shown to preview an asset.
    """

    id: str
    schema: EmbeddedModelSchema | Unset = UNSET
    name: str | Unset = UNSET
    creator: str | Unset = UNSET
    created: GroupedTimestamp | Unset = UNSET
    updated: GroupedTimestamp | Unset = UNSET
    mechanism: MechanismEnum | Unset = UNSET
    formats: Formats | Unset = UNSET
    original: ReferencedFormat | Unset = UNSET
    preview: Preview | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This `Asset` as a JSON-ready dict, keyed by the spec's field names; unset fields are left out."""
        id = self.id

        schema: dict[str, Any] | Unset = UNSET
        if not isinstance(self.schema, Unset):
            schema = self.schema.to_dict()

        name = self.name

        creator = self.creator

        created: dict[str, Any] | Unset = UNSET
        if not isinstance(self.created, Unset):
            created = self.created.to_dict()

        updated: dict[str, Any] | Unset = UNSET
        if not isinstance(self.updated, Unset):
            updated = self.updated.to_dict()

        mechanism: str | Unset = UNSET
        if not isinstance(self.mechanism, Unset):
            mechanism = self.mechanism.value

        formats: dict[str, Any] | Unset = UNSET
        if not isinstance(self.formats, Unset):
            formats = self.formats.to_dict()

        original: dict[str, Any] | Unset = UNSET
        if not isinstance(self.original, Unset):
            original = self.original.to_dict()

        preview: dict[str, Any] | Unset = UNSET
        if not isinstance(self.preview, Unset):
            preview = self.preview.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if schema is not UNSET:
            field_dict["schema"] = schema
        if name is not UNSET:
            field_dict["name"] = name
        if creator is not UNSET:
            field_dict["creator"] = creator
        if created is not UNSET:
            field_dict["created"] = created
        if updated is not UNSET:
            field_dict["updated"] = updated
        if mechanism is not UNSET:
            field_dict["mechanism"] = mechanism
        if formats is not UNSET:
            field_dict["formats"] = formats
        if original is not UNSET:
            field_dict["original"] = original
        if preview is not UNSET:
            field_dict["preview"] = preview

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """A `Asset` read from a decoded JSON object; fields the spec does not declare go to `additional_properties`."""
        d = dict(src_dict)
        id = d.pop("id")

        _schema = d.pop("schema", UNSET)
        schema: EmbeddedModelSchema | Unset
        if isinstance(_schema, Unset):
            schema = UNSET
        else:
            schema = EmbeddedModelSchema.from_dict(_schema)

        name = d.pop("name", UNSET)

        creator = d.pop("creator", UNSET)

        _created = d.pop("created", UNSET)
        created: GroupedTimestamp | Unset
        if isinstance(_created, Unset):
            created = UNSET
        else:
            created = GroupedTimestamp.from_dict(_created)

        _updated = d.pop("updated", UNSET)
        updated: GroupedTimestamp | Unset
        if isinstance(_updated, Unset):
            updated = UNSET
        else:
            updated = GroupedTimestamp.from_dict(_updated)

        _mechanism = d.pop("mechanism", UNSET)
        mechanism: MechanismEnum | Unset
        if isinstance(_mechanism, Unset):
            mechanism = UNSET
        else:
            mechanism = MechanismEnum(_mechanism)

        _formats = d.pop("formats", UNSET)
        formats: Formats | Unset
        if isinstance(_formats, Unset):
            formats = UNSET
        else:
            formats = Formats.from_dict(_formats)

        _original = d.pop("original", UNSET)
        original: ReferencedFormat | Unset
        if isinstance(_original, Unset):
            original = UNSET
        else:
            original = ReferencedFormat.from_dict(_original)

        _preview = d.pop("preview", UNSET)
        preview: Preview | Unset
        if isinstance(_preview, Unset):
            preview = UNSET
        else:
            preview = Preview.from_dict(_preview)

        asset = cls(
            id=id,
            schema=schema,
            name=name,
            creator=creator,
            created=created,
            updated=updated,
            mechanism=mechanism,
            formats=formats,
            original=original,
            preview=preview,
        )

        asset.additional_properties = d
        return asset

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
from ..models.embedded_model_schema import EmbeddedModelSchema
from ..models.formats import Formats
from ..models.grouped_timestamp import GroupedTimestamp
from ..models.preview import Preview
from ..models.referenced_format import ReferencedFormat
