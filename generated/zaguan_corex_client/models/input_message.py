from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.input_message_role import InputMessageRole, check_input_message_role
from ..types import (
    model_dump,
    model_dump_json,
    model_repr,
)

if TYPE_CHECKING:
    from ..models.image_block import ImageBlock
    from ..models.redacted_thinking_block import RedactedThinkingBlock
    from ..models.text_block import TextBlock
    from ..models.thinking_block import ThinkingBlock
    from ..models.tool_result_block import ToolResultBlock
    from ..models.tool_use_block import ToolUseBlock
    from ..models.unknown_input_content_block import UnknownInputContentBlock


_new = object.__new__

_KEYS: frozenset[str] = frozenset(
    {
        "role",
        "content",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class InputMessage:
    """One turn of the conversation; `content` is a string or a list of content blocks."""

    role: InputMessageRole
    content: (
        list[
            ImageBlock
            | RedactedThinkingBlock
            | TextBlock
            | ThinkingBlock
            | ToolResultBlock
            | ToolUseBlock
            | UnknownInputContentBlock
        ]
        | str
    )
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
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
        if _unresolved:
            _resolve()
        field_dict: dict[str, Any] = dict(self.additional_properties)
        field_dict["role"] = self.role
        field_dict["content"] = _serialize_input_message_content(self.content)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"InputMessage is a JSON object, got {type(src_dict).__name__}"
            )
        if _unresolved:
            _resolve()
        _d = src_dict
        role = check_input_message_role(_d["role"])
        content = _parse_input_message_content(_d["content"])
        # Built without __init__: it would only copy the same values once more.
        input_message = _new(cls)
        input_message.role = role
        input_message.content = content
        input_message.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        return input_message

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


def _parse_input_message_content(
    data: Any,
) -> (
    list[
        ImageBlock
        | RedactedThinkingBlock
        | TextBlock
        | ThinkingBlock
        | ToolResultBlock
        | ToolUseBlock
        | UnknownInputContentBlock
    ]
    | str
):
    if isinstance(data, list):
        try:
            return [
                _parse_input_message_content_2(_content_type_1_item)
                for _content_type_1_item in data
            ]
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(
        list[
            ImageBlock
            | RedactedThinkingBlock
            | TextBlock
            | ThinkingBlock
            | ToolResultBlock
            | ToolUseBlock
            | UnknownInputContentBlock
        ]
        | str,
        data,
    )


def _serialize_input_message_content(data: Any) -> Any:
    if isinstance(data, list):
        return [
            _serialize_input_message_content_2(_content_type_1_item)
            for _content_type_1_item in data
        ]
    return data


def _parse_input_message_content_2(
    data: Any,
) -> (
    ImageBlock
    | RedactedThinkingBlock
    | TextBlock
    | ThinkingBlock
    | ToolResultBlock
    | ToolUseBlock
    | UnknownInputContentBlock
):
    if isinstance(data, dict):
        try:
            return TextBlock.from_dict(data)
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    if isinstance(data, dict):
        try:
            return ImageBlock.from_dict(data)
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    if isinstance(data, dict):
        try:
            return ToolUseBlock.from_dict(data)
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    if isinstance(data, dict):
        try:
            return ToolResultBlock.from_dict(data)
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
            return UnknownInputContentBlock.from_dict(data)
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(
        ImageBlock
        | RedactedThinkingBlock
        | TextBlock
        | ThinkingBlock
        | ToolResultBlock
        | ToolUseBlock
        | UnknownInputContentBlock,
        data,
    )


def _serialize_input_message_content_2(data: Any) -> Any:
    if isinstance(data, TextBlock):
        return data.to_dict()
    if isinstance(data, ImageBlock):
        return data.to_dict()
    if isinstance(data, ToolUseBlock):
        return data.to_dict()
    if isinstance(data, ToolResultBlock):
        return data.to_dict()
    if isinstance(data, ThinkingBlock):
        return data.to_dict()
    if isinstance(data, RedactedThinkingBlock):
        return data.to_dict()
    if isinstance(data, UnknownInputContentBlock):
        return data.to_dict()
    return data


_unresolved = True


def _resolve() -> None:
    """Bind the models this one refers to, on first use: importing them with this module would
    load most of the package for any one model, and importing them per call costs time."""
    global _unresolved
    from ..models.image_block import ImageBlock
    from ..models.redacted_thinking_block import RedactedThinkingBlock
    from ..models.text_block import TextBlock
    from ..models.thinking_block import ThinkingBlock
    from ..models.tool_result_block import ToolResultBlock
    from ..models.tool_use_block import ToolUseBlock
    from ..models.unknown_input_content_block import UnknownInputContentBlock

    globals().update(
        ImageBlock=ImageBlock,
        RedactedThinkingBlock=RedactedThinkingBlock,
        TextBlock=TextBlock,
        ThinkingBlock=ThinkingBlock,
        ToolResultBlock=ToolResultBlock,
        ToolUseBlock=ToolUseBlock,
        UnknownInputContentBlock=UnknownInputContentBlock,
    )
    _unresolved = False


from collections.abc import Sequence
from typing import Required, TypedDict

if TYPE_CHECKING:
    from ..models.image_block import ImageBlockParam
    from ..models.redacted_thinking_block import RedactedThinkingBlockParam
    from ..models.text_block import TextBlockParam
    from ..models.thinking_block import ThinkingBlockParam
    from ..models.tool_result_block import ToolResultBlockParam
    from ..models.tool_use_block import ToolUseBlockParam
    from ..models.unknown_input_content_block import UnknownInputContentBlockParam


class InputMessageParam(TypedDict, total=False):
    """`InputMessage` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    role: Required[InputMessageRole]

    content: Required[
        str
        | Sequence[
            TextBlockParam
            | TextBlock
            | ImageBlockParam
            | ImageBlock
            | ToolUseBlockParam
            | ToolUseBlock
            | ToolResultBlockParam
            | ToolResultBlock
            | ThinkingBlockParam
            | ThinkingBlock
            | RedactedThinkingBlockParam
            | RedactedThinkingBlock
            | UnknownInputContentBlockParam
            | UnknownInputContentBlock
        ]
    ]
