from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.message_tool_choice_type import (
    MessageToolChoiceType,
    check_message_tool_choice_type,
)
from ..types import (
    UNSET,
    Unset,
    model_dump,
    model_dump_json,
    model_repr,
)

_new = object.__new__

_KEYS: frozenset[str] = frozenset(
    {
        "type",
        "name",
        "disable_parallel_tool_use",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class MessageToolChoice:
    """`auto` (the model decides), `any` (some tool), `tool` (the tool named by `name`), `none`."""

    type_: MessageToolChoiceType
    name: str | Unset = UNSET
    """ With `type` `tool`, the tool to call. """
    disable_parallel_tool_use: bool | Unset = UNSET
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
        name = self.name
        if not isinstance(name, Unset):
            field_dict["name"] = name
        disable_parallel_tool_use = self.disable_parallel_tool_use
        if not isinstance(disable_parallel_tool_use, Unset):
            field_dict["disable_parallel_tool_use"] = disable_parallel_tool_use
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"MessageToolChoice is a JSON object, got {type(src_dict).__name__}"
            )
        _d = src_dict
        _get = _d.get
        type_ = check_message_tool_choice_type(_d["type"])
        name = _get("name", UNSET)
        disable_parallel_tool_use = _get("disable_parallel_tool_use", UNSET)
        # Built without __init__: it would only copy the same values once more.
        message_tool_choice = _new(cls)
        message_tool_choice.type_ = type_
        message_tool_choice.name = name
        message_tool_choice.disable_parallel_tool_use = disable_parallel_tool_use
        message_tool_choice.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        return message_tool_choice

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


class MessageToolChoiceParam(TypedDict, total=False):
    """`MessageToolChoice` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    type: Required[MessageToolChoiceType]

    name: str
    """ With `type` `tool`, the tool to call. """

    disable_parallel_tool_use: bool
