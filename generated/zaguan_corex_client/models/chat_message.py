from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.chat_role import ChatRole, check_chat_role
from ..types import (
    UNSET,
    Unset,
    model_dump,
    model_dump_json,
    model_repr,
)

if TYPE_CHECKING:
    from ..models.image_url_content_part import ImageUrlContentPart
    from ..models.input_audio_content_part import InputAudioContentPart
    from ..models.text_content_part import TextContentPart
    from ..models.tool_call import ToolCall
    from ..models.unknown_content_part import UnknownContentPart


_new = object.__new__

_KEYS: frozenset[str] = frozenset(
    {
        "role",
        "content",
        "name",
        "tool_calls",
        "tool_call_id",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class ChatMessage:
    """One message of the conversation. `role` is one of `ChatRole`, or a later role (an open
    set: later roles pass through). `content` is a string or a list of parts; assistant
    messages that call tools carry `tool_calls` and may have `content: null`; tool messages
    carry `tool_call_id`.

    """

    role: ChatRole | str
    """ A known `ChatRole`, or any later role. """
    content: (
        list[
            ImageUrlContentPart
            | InputAudioContentPart
            | TextContentPart
            | UnknownContentPart
        ]
        | None
        | str
        | Unset
    ) = UNSET
    """ The text, a list of content parts, or null (assistant messages with `tool_calls`). """
    name: str | Unset = UNSET
    """ An optional participant name. """
    tool_calls: list[ToolCall] | Unset = UNSET
    """ Assistant messages, the tool calls the model made. """
    tool_call_id: str | Unset = UNSET
    """ Tool messages, the id of the call this answers. """
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
        field_dict["role"] = _serialize_chat_message_role(self.role)
        content = self.content
        if not isinstance(content, Unset):
            field_dict["content"] = (
                None if content is None else _serialize_chat_message_content(content)
            )
        name = self.name
        if not isinstance(name, Unset):
            field_dict["name"] = name
        tool_calls = self.tool_calls
        if not isinstance(tool_calls, Unset):
            field_dict["tool_calls"] = (
                None
                if tool_calls is None
                else [_tool_calls_item.to_dict() for _tool_calls_item in tool_calls]
            )
        tool_call_id = self.tool_call_id
        if not isinstance(tool_call_id, Unset):
            field_dict["tool_call_id"] = tool_call_id
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"ChatMessage is a JSON object, got {type(src_dict).__name__}"
            )
        if _unresolved:
            _resolve()
        _d = src_dict
        _get = _d.get
        role = _parse_chat_message_role(_d["role"])
        content = _get("content", UNSET)
        if content is not UNSET and content is not None:
            content = _parse_chat_message_content(content)
        name = _get("name", UNSET)
        tool_calls = _get("tool_calls", UNSET)
        if tool_calls is not UNSET and tool_calls is not None:
            tool_calls = [
                ToolCall.from_dict(_tool_calls_item) for _tool_calls_item in tool_calls
            ]
        tool_call_id = _get("tool_call_id", UNSET)
        # Built without __init__: it would only copy the same values once more.
        chat_message = _new(cls)
        chat_message.role = role
        chat_message.content = content
        chat_message.name = name
        chat_message.tool_calls = tool_calls
        chat_message.tool_call_id = tool_call_id
        chat_message.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        return chat_message

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


def _parse_chat_message_role(data: Any) -> ChatRole | str:
    try:
        return check_chat_role(data)
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    return cast(ChatRole | str, data)


def _serialize_chat_message_role(data: Any) -> Any:
    return data


def _parse_chat_message_content(
    data: Any,
) -> (
    list[
        ImageUrlContentPart
        | InputAudioContentPart
        | TextContentPart
        | UnknownContentPart
    ]
    | None
    | str
):
    if isinstance(data, list):
        try:
            return [
                _parse_chat_message_content_2(_content_type_1_item)
                for _content_type_1_item in data
            ]
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(
        list[
            ImageUrlContentPart
            | InputAudioContentPart
            | TextContentPart
            | UnknownContentPart
        ]
        | None
        | str,
        data,
    )


def _serialize_chat_message_content(data: Any) -> Any:
    if isinstance(data, list):
        return [
            _serialize_chat_message_content_2(_content_type_1_item)
            for _content_type_1_item in data
        ]
    return data


def _parse_chat_message_content_2(
    data: Any,
) -> ImageUrlContentPart | InputAudioContentPart | TextContentPart | UnknownContentPart:
    if isinstance(data, dict):
        try:
            return TextContentPart.from_dict(data)
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    if isinstance(data, dict):
        try:
            return ImageUrlContentPart.from_dict(data)
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    if isinstance(data, dict):
        try:
            return InputAudioContentPart.from_dict(data)
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    if isinstance(data, dict):
        try:
            return UnknownContentPart.from_dict(data)
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(
        ImageUrlContentPart
        | InputAudioContentPart
        | TextContentPart
        | UnknownContentPart,
        data,
    )


def _serialize_chat_message_content_2(data: Any) -> Any:
    if isinstance(data, TextContentPart):
        return data.to_dict()
    if isinstance(data, ImageUrlContentPart):
        return data.to_dict()
    if isinstance(data, InputAudioContentPart):
        return data.to_dict()
    if isinstance(data, UnknownContentPart):
        return data.to_dict()
    return data


_unresolved = True


def _resolve() -> None:
    """Bind the models this one refers to, on first use: importing them with this module would
    load most of the package for any one model, and importing them per call costs time."""
    global _unresolved
    from ..models.image_url_content_part import ImageUrlContentPart
    from ..models.input_audio_content_part import InputAudioContentPart
    from ..models.text_content_part import TextContentPart
    from ..models.tool_call import ToolCall
    from ..models.unknown_content_part import UnknownContentPart

    globals().update(
        ImageUrlContentPart=ImageUrlContentPart,
        InputAudioContentPart=InputAudioContentPart,
        TextContentPart=TextContentPart,
        ToolCall=ToolCall,
        UnknownContentPart=UnknownContentPart,
    )
    _unresolved = False


from collections.abc import Sequence
from typing import Required, TypedDict

if TYPE_CHECKING:
    from ..models.image_url_content_part import ImageUrlContentPartParam
    from ..models.input_audio_content_part import InputAudioContentPartParam
    from ..models.text_content_part import TextContentPartParam
    from ..models.tool_call import ToolCallParam
    from ..models.unknown_content_part import UnknownContentPartParam


class ChatMessageParam(TypedDict, total=False):
    """`ChatMessage` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    role: Required[ChatRole]
    """ A known `ChatRole`, or any later role. """

    content: (
        str
        | Sequence[
            TextContentPartParam
            | TextContentPart
            | ImageUrlContentPartParam
            | ImageUrlContentPart
            | InputAudioContentPartParam
            | InputAudioContentPart
            | UnknownContentPartParam
            | UnknownContentPart
        ]
        | None
    )
    """ The text, a list of content parts, or null (assistant messages with `tool_calls`). """

    name: str
    """ An optional participant name. """

    tool_calls: Sequence[ToolCallParam | ToolCall]
    """ Assistant messages, the tool calls the model made. """

    tool_call_id: str
    """ Tool messages, the id of the call this answers. """
