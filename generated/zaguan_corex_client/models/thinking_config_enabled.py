from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    check_const,
    model_dump,
    model_dump_json,
    model_repr,
)

_new = object.__new__

_KEYS: frozenset[str] = frozenset(
    {
        "type",
        "budget_tokens",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class ThinkingConfigEnabled:
    type_: Literal["enabled"]
    budget_tokens: int
    """ Tokens the model may think with; less than `max_tokens`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Fields the contract does not name (a newer CoreX's), kept as received."""

    def __repr__(self) -> str:
        return model_repr(
            self,
            {
                "type_": "type",
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
        field_dict: dict[str, Any] = dict(self.additional_properties)
        field_dict["type"] = self.type_
        field_dict["budget_tokens"] = self.budget_tokens
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"ThinkingConfigEnabled is a JSON object, got {type(src_dict).__name__}"
            )
        _d = src_dict
        type_: Literal["enabled"] = check_const(_d["type"], "enabled", "type")
        budget_tokens = _d["budget_tokens"]
        # Built without __init__: it would only copy the same values once more.
        thinking_config_enabled = _new(cls)
        thinking_config_enabled.type_ = type_
        thinking_config_enabled.budget_tokens = budget_tokens
        thinking_config_enabled.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        return thinking_config_enabled

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


class ThinkingConfigEnabledParam(TypedDict, total=False):
    """`ThinkingConfigEnabled` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    type: Required[Literal["enabled"]]

    budget_tokens: Required[int]
    """ Tokens the model may think with; less than `max_tokens`. At least 1024. """
