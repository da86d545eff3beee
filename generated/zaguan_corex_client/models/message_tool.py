from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    UNSET,
    Unset,
    model_dump,
    model_dump_json,
    model_repr,
)

if TYPE_CHECKING:
    from ..models.cache_control import CacheControl
    from ..models.message_tool_input_schema import MessageToolInputSchema


_new = object.__new__

_KEYS: frozenset[str] = frozenset(
    {
        "name",
        "description",
        "input_schema",
        "type",
        "cache_control",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class MessageTool:
    """A client tool the model may call: its `name`, what it does, and its input as a JSON
    Schema object. Server tools (with a `type` such as `web_search_20250305`) pass through
    with their own fields.

    """

    name: str
    description: str | Unset = UNSET
    input_schema: MessageToolInputSchema | Unset = UNSET
    """ The tool's input as a JSON Schema object (`type` is `object`). """
    type_: str | Unset = UNSET
    """ Server tools only, the tool's versioned type. """
    cache_control: CacheControl | Unset = UNSET
    """ Marks the prompt up to this block for caching. """
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
        if _unresolved:
            _resolve()
        field_dict: dict[str, Any] = dict(self.additional_properties)
        field_dict["name"] = self.name
        description = self.description
        if not isinstance(description, Unset):
            field_dict["description"] = description
        input_schema = self.input_schema
        if not isinstance(input_schema, Unset):
            field_dict["input_schema"] = (
                None if input_schema is None else input_schema.to_dict()
            )
        type_ = self.type_
        if not isinstance(type_, Unset):
            field_dict["type"] = type_
        cache_control = self.cache_control
        if not isinstance(cache_control, Unset):
            field_dict["cache_control"] = (
                None if cache_control is None else cache_control.to_dict()
            )
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"MessageTool is a JSON object, got {type(src_dict).__name__}"
            )
        if _unresolved:
            _resolve()
        _d = src_dict
        _get = _d.get
        name = _d["name"]
        description = _get("description", UNSET)
        input_schema = _get("input_schema", UNSET)
        if input_schema is not UNSET and input_schema is not None:
            input_schema = MessageToolInputSchema.from_dict(input_schema)
        type_ = _get("type", UNSET)
        cache_control = _get("cache_control", UNSET)
        if cache_control is not UNSET and cache_control is not None:
            cache_control = CacheControl.from_dict(cache_control)
        # Built without __init__: it would only copy the same values once more.
        message_tool = _new(cls)
        message_tool.name = name
        message_tool.description = description
        message_tool.input_schema = input_schema
        message_tool.type_ = type_
        message_tool.cache_control = cache_control
        message_tool.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        return message_tool

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
    from ..models.cache_control import CacheControl
    from ..models.message_tool_input_schema import MessageToolInputSchema

    globals().update(
        CacheControl=CacheControl,
        MessageToolInputSchema=MessageToolInputSchema,
    )
    _unresolved = False


from typing import Required, TypedDict

if TYPE_CHECKING:
    from ..models.cache_control import CacheControlParam
    from ..models.message_tool_input_schema import MessageToolInputSchemaParam


class MessageToolParam(TypedDict, total=False):
    """`MessageTool` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    name: Required[str]

    description: str

    input_schema: MessageToolInputSchemaParam
    """ The tool's input as a JSON Schema object (`type` is `object`). """

    type: str
    """ Server tools only, the tool's versioned type. """

    cache_control: CacheControlParam | CacheControl
    """ Marks the prompt up to this block for caching. """
