from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    check_const,
    model_dump,
    model_dump_json,
    model_repr,
)

if TYPE_CHECKING:
    from ..models.redacted_thinking_block import RedactedThinkingBlock
    from ..models.text_block import TextBlock
    from ..models.thinking_block import ThinkingBlock
    from ..models.tool_use_block import ToolUseBlock
    from ..models.unknown_content_block import UnknownContentBlock


_new = object.__new__

_KEYS: frozenset[str] = frozenset(
    {
        "type",
        "index",
        "content_block",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class ContentBlockStartEvent:
    """A content block begins at `index`; `text` and `thinking` start empty, `tool_use` with `input` `{}`."""

    type_: Literal["content_block_start"]
    index: int
    content_block: (
        RedactedThinkingBlock
        | TextBlock
        | ThinkingBlock
        | ToolUseBlock
        | UnknownContentBlock
    )
    """ A content block of a `Message`, told apart by `type`: `text`, `thinking`,
    `redacted_thinking`, `tool_use`. A block of any other `type` (`server_tool_use`,
    `web_search_tool_result`, a later one) is kept as `UnknownContentBlock` with all its
    fields.
     """
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
        field_dict["type"] = self.type_
        field_dict["index"] = self.index
        field_dict["content_block"] = (
            _serialize_content_block_start_event_content_block(self.content_block)
        )
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"ContentBlockStartEvent is a JSON object, got {type(src_dict).__name__}"
            )
        if _unresolved:
            _resolve()
        _d = src_dict
        _nulls: tuple[str, ...] = ()
        type_: Literal["content_block_start"] = check_const(
            _d["type"], "content_block_start", "type"
        )
        index = _d["index"]
        content_block = _parse_content_block_start_event_content_block(
            _d["content_block"]
        )
        # Built without __init__: it would only copy the same values once more.
        content_block_start_event = _new(cls)
        content_block_start_event.type_ = type_
        content_block_start_event.index = index
        content_block_start_event.content_block = content_block
        content_block_start_event.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        content_block_start_event._nulls = _nulls
        content_block_start_event._request_id = None
        return content_block_start_event

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


def _parse_content_block_start_event_content_block(
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


def _serialize_content_block_start_event_content_block(data: Any) -> Any:
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
    from ..models.redacted_thinking_block import RedactedThinkingBlock
    from ..models.text_block import TextBlock
    from ..models.thinking_block import ThinkingBlock
    from ..models.tool_use_block import ToolUseBlock
    from ..models.unknown_content_block import UnknownContentBlock

    globals().update(
        RedactedThinkingBlock=RedactedThinkingBlock,
        TextBlock=TextBlock,
        ThinkingBlock=ThinkingBlock,
        ToolUseBlock=ToolUseBlock,
        UnknownContentBlock=UnknownContentBlock,
    )
    _unresolved = False


from typing import Required, TypedDict

if TYPE_CHECKING:
    from ..models.redacted_thinking_block import RedactedThinkingBlockParam
    from ..models.text_block import TextBlockParam
    from ..models.thinking_block import ThinkingBlockParam
    from ..models.tool_use_block import ToolUseBlockParam
    from ..models.unknown_content_block import UnknownContentBlockParam


class ContentBlockStartEventParam(TypedDict, total=False):
    """`ContentBlockStartEvent` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    type: Required[Literal["content_block_start"]]

    index: Required[int]

    content_block: Required[
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
    """ A content block of a `Message`, told apart by `type`: `text`, `thinking`,
    `redacted_thinking`, `tool_use`. A block of any other `type` (`server_tool_use`,
    `web_search_tool_result`, a later one) is kept as `UnknownContentBlock` with all its
    fields. """
