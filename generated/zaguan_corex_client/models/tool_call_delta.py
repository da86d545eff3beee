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
    from ..models.function_call_delta import FunctionCallDelta


_new = object.__new__

_KEYS: frozenset[str] = frozenset(
    {
        "index",
        "id",
        "type",
        "function",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class ToolCallDelta:
    """A piece of a tool call. Pieces with the same `index` belong to one call: `id`, `type` and
    `function.name` arrive first, `function.arguments` arrives in fragments to be concatenated.

    """

    index: int
    id: str | None = None
    type_: str | None = None
    function: FunctionCallDelta | None = None
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
        field_dict["index"] = self.index
        id = self.id
        if id is not None:
            field_dict["id"] = id
        elif "id" in self._nulls:
            field_dict["id"] = None
        type_ = self.type_
        if type_ is not None:
            field_dict["type"] = type_
        elif "type" in self._nulls:
            field_dict["type"] = None
        function = self.function
        if function is not None:
            field_dict["function"] = function.to_dict()
        elif "function" in self._nulls:
            field_dict["function"] = None
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"ToolCallDelta is a JSON object, got {type(src_dict).__name__}"
            )
        if _unresolved:
            _resolve()
        _d = src_dict
        _get = _d.get
        _nulls: tuple[str, ...] = ()
        index = _d["index"]
        id = _get("id")
        if id is None and "id" in _d:
            _nulls += ("id",)
        type_ = _get("type")
        if type_ is None and "type" in _d:
            _nulls += ("type",)
        function = _get("function")
        if function is not None:
            function = FunctionCallDelta.from_dict(function)
        elif "function" in _d:
            _nulls += ("function",)
        # Built without __init__: it would only copy the same values once more.
        tool_call_delta = _new(cls)
        tool_call_delta.index = index
        tool_call_delta.id = id
        tool_call_delta.type_ = type_
        tool_call_delta.function = function
        tool_call_delta.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        tool_call_delta._nulls = _nulls
        tool_call_delta._request_id = None
        return tool_call_delta

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
    from ..models.function_call_delta import FunctionCallDelta

    globals().update(
        FunctionCallDelta=FunctionCallDelta,
    )
    _unresolved = False


from typing import Required, TypedDict

if TYPE_CHECKING:
    from ..models.function_call_delta import FunctionCallDeltaParam


class ToolCallDeltaParam(TypedDict, total=False):
    """`ToolCallDelta` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    index: Required[int]

    id: str

    type: str

    function: FunctionCallDeltaParam | FunctionCallDelta
