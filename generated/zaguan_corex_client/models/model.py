from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.model_metadata import ModelMetadata


T = TypeVar("T", bound="Model")


@_attrs_define
class Model:
    id: str
    """ Provider-prefixed id; contains `/`. """
    object_: str | Unset = UNSET
    """ `model`. """
    created: int | Unset = UNSET
    owned_by: str | Unset = UNSET
    description: str | Unset = UNSET
    metadata: ModelMetadata | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        object_ = self.object_

        created = self.created

        owned_by = self.owned_by

        description = self.description

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if object_ is not UNSET:
            field_dict["object"] = object_
        if created is not UNSET:
            field_dict["created"] = created
        if owned_by is not UNSET:
            field_dict["owned_by"] = owned_by
        if description is not UNSET:
            field_dict["description"] = description
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.model_metadata import ModelMetadata

        d = dict(src_dict)
        id = d.pop("id")

        object_ = d.pop("object", UNSET)

        created = d.pop("created", UNSET)

        owned_by = d.pop("owned_by", UNSET)

        description = d.pop("description", UNSET)

        _metadata = d.pop("metadata", UNSET)
        metadata: ModelMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = ModelMetadata.from_dict(_metadata)

        model = cls(
            id=id,
            object_=object_,
            created=created,
            owned_by=owned_by,
            description=description,
            metadata=metadata,
        )

        model.additional_properties = d
        return model

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


from typing import Required, TypedDict

if TYPE_CHECKING:
    from ..models.model_metadata import ModelMetadataParam


class ModelParam(TypedDict, total=False):
    """`Model` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    id: Required[str]
    """ Provider-prefixed id; contains `/`. """
    object: str
    """ `model`. """
    created: int
    owned_by: str
    description: str
    metadata: ModelMetadataParam
