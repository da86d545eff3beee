from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    model_dump,
    model_dump_json,
    model_repr,
)

_new = object.__new__

_KEYS: frozenset[str] = frozenset({})
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class ChatCompletionFieldsLogitBias:
    """Token id (as a string) to a bias from -100 to 100."""

    additional_properties: dict[str, float] = _attrs_field(init=False, factory=dict)
    """Fields the contract does not name (a newer CoreX's), kept as received."""

    def __repr__(self) -> str:
        return model_repr(self)

    def model_dump(self, *, exclude_none: bool = False) -> dict[str, Any]:
        """`to_dict()`, under pydantic's name; ``exclude_none`` leaves out every null."""
        return model_dump(self, exclude_none=exclude_none)

    def model_dump_json(
        self, *, indent: int | None = None, exclude_none: bool = False
    ) -> str:
        """`to_dict()` as JSON text, under pydantic's name."""
        return model_dump_json(self, indent=indent, exclude_none=exclude_none)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = dict(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"ChatCompletionFieldsLogitBias is a JSON object, got {type(src_dict).__name__}"
            )
        # Built without __init__: it would only copy the same values once more.
        chat_completion_fields_logit_bias = _new(cls)
        chat_completion_fields_logit_bias.additional_properties = dict(src_dict)
        return chat_completion_fields_logit_bias

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> float:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: float) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


from typing import TypeAlias

ChatCompletionFieldsLogitBiasParam: TypeAlias = "Mapping[str, float]"
"""`ChatCompletionFieldsLogitBias` as a plain mapping (a free-form object)."""
