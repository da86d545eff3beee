from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    model_dump,
    model_dump_json,
    model_repr,
)

if TYPE_CHECKING:
    from ..models.model_metadata import ModelMetadata


_new = object.__new__

_KEYS: frozenset[str] = frozenset(
    {
        "id",
        "object",
        "created",
        "owned_by",
        "description",
        "metadata",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class Model:
    id: str
    """ Provider-prefixed id; contains `/`. """
    object_: str | None = None
    """ `model`. """
    created: int | None = None
    owned_by: str | None = None
    description: str | None = None
    metadata: ModelMetadata | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Fields the contract does not name (a newer CoreX's), kept as received."""
    _nulls: tuple[str, ...] = _attrs_field(init=False, default=(), eq=False, repr=False)
    """The optional fields that came as an explicit JSON null (they read as None too)."""
    _request_id: str | None = _attrs_field(
        init=False, default=None, eq=False, repr=False
    )
    """The X-Request-Id of the call that returned this object, when it is a call's result."""

    def __repr__(self) -> str:
        return model_repr(
            self,
            {
                "object_": "object",
            },
        )

    def model_dump(self, *, exclude_none: bool = False) -> dict[str, Any]:
        """`to_dict()`, under pydantic's name; ``exclude_none`` leaves out every null."""
        return model_dump(self, exclude_none=exclude_none)

    def model_dump_json(
        self, *, indent: int | None = None, exclude_none: bool = False
    ) -> str:
        """`to_dict()` as JSON text, under pydantic's name."""
        return model_dump_json(self, indent=indent, exclude_none=exclude_none)

    def to_dict(self) -> dict[str, Any]:
        if _unresolved:
            _resolve()
        field_dict: dict[str, Any] = dict(self.additional_properties)
        field_dict["id"] = self.id
        object_ = self.object_
        if object_ is not None:
            field_dict["object"] = object_
        elif "object" in self._nulls:
            field_dict["object"] = None
        created = self.created
        if created is not None:
            field_dict["created"] = created
        elif "created" in self._nulls:
            field_dict["created"] = None
        owned_by = self.owned_by
        if owned_by is not None:
            field_dict["owned_by"] = owned_by
        elif "owned_by" in self._nulls:
            field_dict["owned_by"] = None
        description = self.description
        if description is not None:
            field_dict["description"] = description
        elif "description" in self._nulls:
            field_dict["description"] = None
        metadata = self.metadata
        if metadata is not None:
            field_dict["metadata"] = metadata.to_dict()
        elif "metadata" in self._nulls:
            field_dict["metadata"] = None
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"Model is a JSON object, got {type(src_dict).__name__}")
        if _unresolved:
            _resolve()
        _d = src_dict
        _get = _d.get
        _nulls: tuple[str, ...] = ()
        id = _d["id"]
        object_ = _get("object")
        if object_ is None and "object" in _d:
            _nulls += ("object",)
        created = _get("created")
        if created is None and "created" in _d:
            _nulls += ("created",)
        owned_by = _get("owned_by")
        if owned_by is None and "owned_by" in _d:
            _nulls += ("owned_by",)
        description = _get("description")
        if description is None and "description" in _d:
            _nulls += ("description",)
        metadata = _get("metadata")
        if metadata is not None:
            metadata = ModelMetadata.from_dict(metadata)
        elif "metadata" in _d:
            _nulls += ("metadata",)
        # Built without __init__: it would only copy the same values once more.
        model = _new(cls)
        model.id = id
        model.object_ = object_
        model.created = created
        model.owned_by = owned_by
        model.description = description
        model.metadata = metadata
        model.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        model._nulls = _nulls
        model._request_id = None
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


_unresolved = True


def _resolve() -> None:
    """Bind the models this one refers to, on first use: importing them with this module would
    load most of the package for any one model, and importing them per call costs time."""
    global _unresolved
    from ..models.model_metadata import ModelMetadata

    globals().update(
        ModelMetadata=ModelMetadata,
    )
    _unresolved = False


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
