from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    check_const,
    model_dump,
    model_dump_json,
    model_repr,
)

if TYPE_CHECKING:
    from ..models.cache_control import CacheControl
    from ..models.tool_use_block_input import ToolUseBlockInput


_new = object.__new__

_KEYS: frozenset[str] = frozenset(
    {
        "type",
        "id",
        "name",
        "input",
        "cache_control",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class ToolUseBlock:
    """A call of a client tool; answer it with a `tool_result` block in the next `user` turn."""

    type_: Literal["tool_use"]
    id: str
    name: str
    input_: ToolUseBlockInput
    """ The tool's input, matching its `input_schema`. """
    cache_control: CacheControl | None = None
    """ Marks the prompt up to this block for caching. """
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
                "type_": "type",
                "input_": "input",
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
        field_dict["type"] = self.type_
        field_dict["id"] = self.id
        field_dict["name"] = self.name
        field_dict["input"] = self.input_.to_dict()
        cache_control = self.cache_control
        if cache_control is not None:
            field_dict["cache_control"] = cache_control.to_dict()
        elif "cache_control" in self._nulls:
            field_dict["cache_control"] = None
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"ToolUseBlock is a JSON object, got {type(src_dict).__name__}"
            )
        if _unresolved:
            _resolve()
        _d = src_dict
        _get = _d.get
        _nulls: tuple[str, ...] = ()
        type_: Literal["tool_use"] = check_const(_d["type"], "tool_use", "type")
        id = _d["id"]
        name = _d["name"]
        input_ = ToolUseBlockInput.from_dict(_d["input"])
        cache_control = _get("cache_control")
        if cache_control is not None:
            cache_control = CacheControl.from_dict(cache_control)
        elif "cache_control" in _d:
            _nulls += ("cache_control",)
        # Built without __init__: it would only copy the same values once more.
        tool_use_block = _new(cls)
        tool_use_block.type_ = type_
        tool_use_block.id = id
        tool_use_block.name = name
        tool_use_block.input_ = input_
        tool_use_block.cache_control = cache_control
        tool_use_block.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        tool_use_block._nulls = _nulls
        tool_use_block._request_id = None
        return tool_use_block

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
    from ..models.tool_use_block_input import ToolUseBlockInput

    globals().update(
        CacheControl=CacheControl,
        ToolUseBlockInput=ToolUseBlockInput,
    )
    _unresolved = False


from typing import Required, TypedDict

if TYPE_CHECKING:
    from ..models.cache_control import CacheControlParam
    from ..models.tool_use_block_input import ToolUseBlockInputParam


class ToolUseBlockParam(TypedDict, total=False):
    """`ToolUseBlock` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    type: Required[Literal["tool_use"]]

    id: Required[str]

    name: Required[str]

    input: Required[ToolUseBlockInputParam]
    """ The tool's input, matching its `input_schema`. """

    cache_control: CacheControlParam | CacheControl
    """ Marks the prompt up to this block for caching. """
