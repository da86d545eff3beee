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
class BatchRequestInputBody:
    """The request body of `url`'s operation (`ChatCompletionRequest`, `EmbeddingRequest`,
    `MessageRequest`); `stream` is not allowed.

    """

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Fields the contract does not name (a newer CoreX's), kept as received."""

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = dict(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"BatchRequestInputBody is a JSON object, got {type(src_dict).__name__}"
            )
        # Built without __init__: it would only copy the same values once more.
        batch_request_input_body = _new(cls)
        batch_request_input_body.additional_properties = dict(src_dict)
        return batch_request_input_body

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


from typing import TypeAlias

BatchRequestInputBodyParam: TypeAlias = "Mapping[str, Any]"
"""`BatchRequestInputBody` as a plain mapping (a free-form object)."""
