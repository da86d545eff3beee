from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, cast

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
    from ..models.input_message import InputMessage
    from ..models.message_tool import MessageTool
    from ..models.message_tool_choice import MessageToolChoice
    from ..models.text_block import TextBlock
    from ..models.thinking_config_disabled import ThinkingConfigDisabled
    from ..models.thinking_config_enabled import ThinkingConfigEnabled


_new = object.__new__

_KEYS: frozenset[str] = frozenset(
    {
        "model",
        "messages",
        "system",
        "tools",
        "tool_choice",
        "thinking",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class MessageCountTokensRequest:
    """The parts of a Messages request that take input tokens."""

    model: str
    """ Model id (`anthropic/claude-sonnet-4`), whose tokenizer counts. """
    messages: list[InputMessage]
    """ The conversation, as a Messages request would send it. """
    system: list[TextBlock] | str | Unset = UNSET
    """ The system prompt, a string or `text` blocks (which may carry `cache_control`). """
    tools: list[MessageTool] | Unset = UNSET
    """ The tools a Messages request would send. """
    tool_choice: MessageToolChoice | Unset = UNSET
    """ `auto` (the model decides), `any` (some tool), `tool` (the tool named by `name`), `none`. """
    thinking: ThinkingConfigDisabled | ThinkingConfigEnabled | Unset = UNSET
    """ Extended thinking, told apart by `type`. """
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
        field_dict["model"] = self.model
        field_dict["messages"] = [
            _messages_item.to_dict() for _messages_item in self.messages
        ]
        system = self.system
        if not isinstance(system, Unset):
            field_dict["system"] = (
                None
                if system is None
                else _serialize_message_count_tokens_request_system(system)
            )
        tools = self.tools
        if not isinstance(tools, Unset):
            field_dict["tools"] = (
                None
                if tools is None
                else [_tools_item.to_dict() for _tools_item in tools]
            )
        tool_choice = self.tool_choice
        if not isinstance(tool_choice, Unset):
            field_dict["tool_choice"] = (
                None if tool_choice is None else tool_choice.to_dict()
            )
        thinking = self.thinking
        if not isinstance(thinking, Unset):
            field_dict["thinking"] = (
                None
                if thinking is None
                else _serialize_message_count_tokens_request_thinking(thinking)
            )
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"MessageCountTokensRequest is a JSON object, got {type(src_dict).__name__}"
            )
        if _unresolved:
            _resolve()
        _d = src_dict
        _get = _d.get
        model = _d["model"]
        messages = [
            InputMessage.from_dict(_messages_item) for _messages_item in _d["messages"]
        ]
        system = _get("system", UNSET)
        if system is not UNSET and system is not None:
            system = _parse_message_count_tokens_request_system(system)
        tools = _get("tools", UNSET)
        if tools is not UNSET and tools is not None:
            tools = [MessageTool.from_dict(_tools_item) for _tools_item in tools]
        tool_choice = _get("tool_choice", UNSET)
        if tool_choice is not UNSET and tool_choice is not None:
            tool_choice = MessageToolChoice.from_dict(tool_choice)
        thinking = _get("thinking", UNSET)
        if thinking is not UNSET and thinking is not None:
            thinking = _parse_message_count_tokens_request_thinking(thinking)
        # Built without __init__: it would only copy the same values once more.
        message_count_tokens_request = _new(cls)
        message_count_tokens_request.model = model
        message_count_tokens_request.messages = messages
        message_count_tokens_request.system = system
        message_count_tokens_request.tools = tools
        message_count_tokens_request.tool_choice = tool_choice
        message_count_tokens_request.thinking = thinking
        message_count_tokens_request.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        return message_count_tokens_request

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


def _parse_message_count_tokens_request_system(data: Any) -> list[TextBlock] | str:
    if isinstance(data, list):
        try:
            return [
                TextBlock.from_dict(_componentsschemas_system_prompt_type_1_item)
                for _componentsschemas_system_prompt_type_1_item in data
            ]
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(list[TextBlock] | str, data)


def _serialize_message_count_tokens_request_system(data: Any) -> Any:
    if isinstance(data, list):
        return [
            _componentsschemas_system_prompt_type_1_item.to_dict()
            for _componentsschemas_system_prompt_type_1_item in data
        ]
    return data


def _parse_message_count_tokens_request_thinking(
    data: Any,
) -> ThinkingConfigDisabled | ThinkingConfigEnabled:
    if isinstance(data, dict):
        try:
            return ThinkingConfigEnabled.from_dict(data)
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    if isinstance(data, dict):
        try:
            return ThinkingConfigDisabled.from_dict(data)
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(ThinkingConfigDisabled | ThinkingConfigEnabled, data)


def _serialize_message_count_tokens_request_thinking(data: Any) -> Any:
    if isinstance(data, ThinkingConfigEnabled):
        return data.to_dict()
    if isinstance(data, ThinkingConfigDisabled):
        return data.to_dict()
    return data


_unresolved = True


def _resolve() -> None:
    """Bind the models this one refers to, on first use: importing them with this module would
    load most of the package for any one model, and importing them per call costs time."""
    global _unresolved
    from ..models.input_message import InputMessage
    from ..models.message_tool import MessageTool
    from ..models.message_tool_choice import MessageToolChoice
    from ..models.text_block import TextBlock
    from ..models.thinking_config_disabled import ThinkingConfigDisabled
    from ..models.thinking_config_enabled import ThinkingConfigEnabled

    globals().update(
        InputMessage=InputMessage,
        MessageTool=MessageTool,
        MessageToolChoice=MessageToolChoice,
        TextBlock=TextBlock,
        ThinkingConfigDisabled=ThinkingConfigDisabled,
        ThinkingConfigEnabled=ThinkingConfigEnabled,
    )
    _unresolved = False


from collections.abc import Sequence
from typing import Required, TypedDict

if TYPE_CHECKING:
    from ..models.input_message import InputMessageParam
    from ..models.message_tool import MessageToolParam
    from ..models.message_tool_choice import MessageToolChoiceParam
    from ..models.text_block import TextBlockParam
    from ..models.thinking_config_disabled import ThinkingConfigDisabledParam
    from ..models.thinking_config_enabled import ThinkingConfigEnabledParam


class MessageCountTokensRequestParam(TypedDict, total=False):
    """`MessageCountTokensRequest` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    model: Required[str]
    """ Model id (`anthropic/claude-sonnet-4`), whose tokenizer counts. """

    messages: Required[Sequence[InputMessageParam | InputMessage]]
    """ The conversation, as a Messages request would send it. """

    system: str | Sequence[TextBlockParam | TextBlock]
    """ The system prompt, a string or `text` blocks (which may carry `cache_control`). """

    tools: Sequence[MessageToolParam | MessageTool]
    """ The tools a Messages request would send. """

    tool_choice: MessageToolChoiceParam | MessageToolChoice
    """ `auto` (the model decides), `any` (some tool), `tool` (the tool named by `name`), `none`. """

    thinking: (
        ThinkingConfigEnabledParam
        | ThinkingConfigEnabled
        | ThinkingConfigDisabledParam
        | ThinkingConfigDisabled
    )
    """ Extended thinking, told apart by `type`. """
