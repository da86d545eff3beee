from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import model_repr

_new = object.__new__

_KEYS: frozenset[str] = frozenset({})
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class BatchMetadata:
    """Up to 16 key-value pairs stored with the batch (keys up to 64 characters, values up to 512)."""

    additional_properties: dict[str, str] = _attrs_field(init=False, factory=dict)
    """Fields the contract does not name (a newer CoreX's), kept as received."""
    _nulls: tuple[str, ...] = _attrs_field(init=False, default=(), eq=False, repr=False)
    """The optional fields that came as an explicit JSON null (they read as None too)."""
    _request_id: str | None = _attrs_field(
        init=False, default=None, eq=False, repr=False
    )
    """The X-Request-Id of the call that returned this object, when it is a call's result."""

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = dict(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"BatchMetadata is a JSON object, got {type(src_dict).__name__}"
            )
        _nulls: tuple[str, ...] = ()
        # Built without __init__: it would only copy the same values once more.
        batch_metadata = _new(cls)
        batch_metadata.additional_properties = dict(src_dict)
        batch_metadata._nulls = _nulls
        batch_metadata._request_id = None
        return batch_metadata

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> str:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: str) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


from typing import TypeAlias

BatchMetadataParam: TypeAlias = "Mapping[str, str]"
"""`BatchMetadata` as a plain mapping (a free-form object)."""
