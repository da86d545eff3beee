from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    model_dump,
    model_dump_json,
    model_repr,
)

if TYPE_CHECKING:
    from ..models.message_usage import MessageUsage
    from ..models.redacted_thinking_block import RedactedThinkingBlock
    from ..models.text_block import TextBlock
    from ..models.thinking_block import ThinkingBlock
    from ..models.tool_use_block import ToolUseBlock
    from ..models.unknown_content_block import UnknownContentBlock


_new = object.__new__

_KEYS: frozenset[str] = frozenset(
    {
        "id",
        "type",
        "role",
        "model",
        "content",
        "stop_reason",
        "stop_sequence",
        "usage",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class Message:
    """The assistant's answer to a Messages request."""

    id: str
    type_: str
    """ `message`. """
    role: str
    """ `assistant` (an open set). """
    model: str
    content: list[
        RedactedThinkingBlock
        | TextBlock
        | ThinkingBlock
        | ToolUseBlock
        | UnknownContentBlock
    ]
    stop_reason: None | str = None
    """ `end_turn`, `max_tokens`, `stop_sequence`, `tool_use`, `pause_turn`, `refusal`, or a
    later value; null in `message_start`.
     """
    stop_sequence: None | str = None
    """ The stop sequence that ended the message, if one did. """
    usage: MessageUsage | None = None
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
        field_dict["id"] = self.id
        field_dict["type"] = self.type_
        field_dict["role"] = self.role
        field_dict["model"] = self.model
        field_dict["content"] = [
            _serialize_message_content(_content_item) for _content_item in self.content
        ]
        stop_reason = self.stop_reason
        if stop_reason is not None:
            field_dict["stop_reason"] = stop_reason
        elif "stop_reason" in self._nulls:
            field_dict["stop_reason"] = None
        stop_sequence = self.stop_sequence
        if stop_sequence is not None:
            field_dict["stop_sequence"] = stop_sequence
        elif "stop_sequence" in self._nulls:
            field_dict["stop_sequence"] = None
        usage = self.usage
        if usage is not None:
            field_dict["usage"] = usage.to_dict()
        elif "usage" in self._nulls:
            field_dict["usage"] = None
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"Message is a JSON object, got {type(src_dict).__name__}")
        if _unresolved:
            _resolve()
        _d = src_dict
        _get = _d.get
        _nulls: tuple[str, ...] = ()
        id = _d["id"]
        type_ = _d["type"]
        role = _d["role"]
        model = _d["model"]
        content = [
            _parse_message_content(_content_item) for _content_item in _d["content"]
        ]
        stop_reason = _get("stop_reason")
        if stop_reason is None and "stop_reason" in _d:
            _nulls += ("stop_reason",)
        stop_sequence = _get("stop_sequence")
        if stop_sequence is None and "stop_sequence" in _d:
            _nulls += ("stop_sequence",)
        usage = _get("usage")
        if usage is not None:
            usage = MessageUsage.from_dict(usage)
        elif "usage" in _d:
            _nulls += ("usage",)
        # Built without __init__: it would only copy the same values once more.
        message = _new(cls)
        message.id = id
        message.type_ = type_
        message.role = role
        message.model = model
        message.content = content
        message.stop_reason = stop_reason
        message.stop_sequence = stop_sequence
        message.usage = usage
        message.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        message._nulls = _nulls
        message._request_id = None
        return message

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


def _parse_message_content(
    data: Any,
) -> (
    RedactedThinkingBlock
    | TextBlock
    | ThinkingBlock
    | ToolUseBlock
    | UnknownContentBlock
):
    if isinstance(data, dict):
        try:
            return TextBlock.from_dict(data)
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    if isinstance(data, dict):
        try:
            return ThinkingBlock.from_dict(data)
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    if isinstance(data, dict):
        try:
            return RedactedThinkingBlock.from_dict(data)
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    if isinstance(data, dict):
        try:
            return ToolUseBlock.from_dict(data)
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    if isinstance(data, dict):
        try:
            return UnknownContentBlock.from_dict(data)
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(
        RedactedThinkingBlock
        | TextBlock
        | ThinkingBlock
        | ToolUseBlock
        | UnknownContentBlock,
        data,
    )


def _serialize_message_content(data: Any) -> Any:
    if isinstance(data, TextBlock):
        return data.to_dict()
    if isinstance(data, ThinkingBlock):
        return data.to_dict()
    if isinstance(data, RedactedThinkingBlock):
        return data.to_dict()
    if isinstance(data, ToolUseBlock):
        return data.to_dict()
    if isinstance(data, UnknownContentBlock):
        return data.to_dict()
    return data


_unresolved = True


def _resolve() -> None:
    """Bind the models this one refers to, on first use: importing them with this module would
    load most of the package for any one model, and importing them per call costs time."""
    global _unresolved
    from ..models.message_usage import MessageUsage
    from ..models.redacted_thinking_block import RedactedThinkingBlock
    from ..models.text_block import TextBlock
    from ..models.thinking_block import ThinkingBlock
    from ..models.tool_use_block import ToolUseBlock
    from ..models.unknown_content_block import UnknownContentBlock

    globals().update(
        MessageUsage=MessageUsage,
        RedactedThinkingBlock=RedactedThinkingBlock,
        TextBlock=TextBlock,
        ThinkingBlock=ThinkingBlock,
        ToolUseBlock=ToolUseBlock,
        UnknownContentBlock=UnknownContentBlock,
    )
    _unresolved = False


from collections.abc import Sequence
from typing import Required, TypedDict

if TYPE_CHECKING:
    from ..models.message_usage import MessageUsageParam
    from ..models.redacted_thinking_block import RedactedThinkingBlockParam
    from ..models.text_block import TextBlockParam
    from ..models.thinking_block import ThinkingBlockParam
    from ..models.tool_use_block import ToolUseBlockParam
    from ..models.unknown_content_block import UnknownContentBlockParam


class MessageParam(TypedDict, total=False):
    """`Message` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    id: Required[str]

    type: Required[str]
    """ `message`. """

    role: Required[str]
    """ `assistant` (an open set). """

    model: Required[str]

    content: Required[
        Sequence[
            TextBlockParam
            | TextBlock
            | ThinkingBlockParam
            | ThinkingBlock
            | RedactedThinkingBlockParam
            | RedactedThinkingBlock
            | ToolUseBlockParam
            | ToolUseBlock
            | UnknownContentBlockParam
            | UnknownContentBlock
        ]
    ]

    stop_reason: str | None
    """ `end_turn`, `max_tokens`, `stop_sequence`, `tool_use`, `pause_turn`, `refusal`, or a
    later value; null in `message_start`. """

    stop_sequence: str | None
    """ The stop sequence that ended the message, if one did. """

    usage: MessageUsageParam | MessageUsage
