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
    from ..models.tool_call_delta import ToolCallDelta


_new = object.__new__

_KEYS: frozenset[str] = frozenset(
    {
        "role",
        "content",
        "reasoning_content",
        "refusal",
        "tool_calls",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class ChatCompletionDelta:
    role: str | None = None
    content: None | str = None
    reasoning_content: None | str = None
    refusal: None | str = None
    tool_calls: list[ToolCallDelta] | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Fields the contract does not name (a newer CoreX's), kept as received."""
    _nulls: tuple[str, ...] = _attrs_field(init=False, default=(), eq=False, repr=False)
    """The optional fields that came as an explicit JSON null (they read as None too)."""
    _request_id: str | None = _attrs_field(
        init=False, default=None, eq=False, repr=False
    )
    """The X-Request-Id of the call that returned this object, when it is a call's result."""

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
        if _unresolved:
            _resolve()
        field_dict: dict[str, Any] = dict(self.additional_properties)
        role = self.role
        if role is not None:
            field_dict["role"] = role
        elif "role" in self._nulls:
            field_dict["role"] = None
        content = self.content
        if content is not None:
            field_dict["content"] = content
        elif "content" in self._nulls:
            field_dict["content"] = None
        reasoning_content = self.reasoning_content
        if reasoning_content is not None:
            field_dict["reasoning_content"] = reasoning_content
        elif "reasoning_content" in self._nulls:
            field_dict["reasoning_content"] = None
        refusal = self.refusal
        if refusal is not None:
            field_dict["refusal"] = refusal
        elif "refusal" in self._nulls:
            field_dict["refusal"] = None
        tool_calls = self.tool_calls
        if tool_calls is not None:
            field_dict["tool_calls"] = [
                _tool_calls_item.to_dict() for _tool_calls_item in tool_calls
            ]
        elif "tool_calls" in self._nulls:
            field_dict["tool_calls"] = None
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"ChatCompletionDelta is a JSON object, got {type(src_dict).__name__}"
            )
        if _unresolved:
            _resolve()
        _d = src_dict
        _get = _d.get
        _nulls: tuple[str, ...] = ()
        role = _get("role")
        if role is None and "role" in _d:
            _nulls += ("role",)
        content = _get("content")
        if content is None and "content" in _d:
            _nulls += ("content",)
        reasoning_content = _get("reasoning_content")
        if reasoning_content is None and "reasoning_content" in _d:
            _nulls += ("reasoning_content",)
        refusal = _get("refusal")
        if refusal is None and "refusal" in _d:
            _nulls += ("refusal",)
        tool_calls = _get("tool_calls")
        if tool_calls is not None:
            tool_calls = [
                ToolCallDelta.from_dict(_tool_calls_item)
                for _tool_calls_item in tool_calls
            ]
        elif "tool_calls" in _d:
            _nulls += ("tool_calls",)
        # Built without __init__: it would only copy the same values once more.
        chat_completion_delta = _new(cls)
        chat_completion_delta.role = role
        chat_completion_delta.content = content
        chat_completion_delta.reasoning_content = reasoning_content
        chat_completion_delta.refusal = refusal
        chat_completion_delta.tool_calls = tool_calls
        chat_completion_delta.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        chat_completion_delta._nulls = _nulls
        chat_completion_delta._request_id = None
        return chat_completion_delta

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
    from ..models.tool_call_delta import ToolCallDelta

    globals().update(
        ToolCallDelta=ToolCallDelta,
    )
    _unresolved = False


from collections.abc import Sequence
from typing import TypedDict

if TYPE_CHECKING:
    from ..models.tool_call_delta import ToolCallDeltaParam


class ChatCompletionDeltaParam(TypedDict, total=False):
    """`ChatCompletionDelta` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    role: str

    content: str | None

    reasoning_content: str | None

    refusal: str | None

    tool_calls: Sequence[ToolCallDeltaParam | ToolCallDelta]
