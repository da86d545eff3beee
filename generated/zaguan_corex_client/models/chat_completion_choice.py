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
    from ..models.chat_completion_choice_logprobs_type_0 import (
        ChatCompletionChoiceLogprobsType0,
    )
    from ..models.chat_completion_message import ChatCompletionMessage


_new = object.__new__

_KEYS: frozenset[str] = frozenset(
    {
        "index",
        "message",
        "finish_reason",
        "logprobs",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class ChatCompletionChoice:
    index: int
    message: ChatCompletionMessage
    """ The model's message. `reasoning_content` carries the reasoning of models that expose it;
    DeepSeek and Perplexity also put reasoning inside `<think>...</think>` in `content`.
     """
    finish_reason: None | str = None
    """ `stop`, `length`, `tool_calls`, `content_filter`, `function_call`, or a later value. """
    logprobs: ChatCompletionChoiceLogprobsType0 | None = None
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
        field_dict["index"] = self.index
        field_dict["message"] = self.message.to_dict()
        finish_reason = self.finish_reason
        if finish_reason is not None:
            field_dict["finish_reason"] = finish_reason
        elif "finish_reason" in self._nulls:
            field_dict["finish_reason"] = None
        logprobs = self.logprobs
        if logprobs is not None:
            field_dict["logprobs"] = _serialize_chat_completion_choice_logprobs(
                logprobs
            )
        elif "logprobs" in self._nulls:
            field_dict["logprobs"] = None
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"ChatCompletionChoice is a JSON object, got {type(src_dict).__name__}"
            )
        if _unresolved:
            _resolve()
        _d = src_dict
        _get = _d.get
        _nulls: tuple[str, ...] = ()
        index = _d["index"]
        message = ChatCompletionMessage.from_dict(_d["message"])
        finish_reason = _get("finish_reason")
        if finish_reason is None and "finish_reason" in _d:
            _nulls += ("finish_reason",)
        logprobs = _get("logprobs")
        if logprobs is not None:
            logprobs = _parse_chat_completion_choice_logprobs(logprobs)
        elif "logprobs" in _d:
            _nulls += ("logprobs",)
        # Built without __init__: it would only copy the same values once more.
        chat_completion_choice = _new(cls)
        chat_completion_choice.index = index
        chat_completion_choice.message = message
        chat_completion_choice.finish_reason = finish_reason
        chat_completion_choice.logprobs = logprobs
        chat_completion_choice.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        chat_completion_choice._nulls = _nulls
        chat_completion_choice._request_id = None
        return chat_completion_choice

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


def _parse_chat_completion_choice_logprobs(
    data: Any,
) -> ChatCompletionChoiceLogprobsType0 | None:
    if isinstance(data, dict):
        try:
            return ChatCompletionChoiceLogprobsType0.from_dict(data)
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(ChatCompletionChoiceLogprobsType0 | None, data)


def _serialize_chat_completion_choice_logprobs(data: Any) -> Any:
    if isinstance(data, ChatCompletionChoiceLogprobsType0):
        return data.to_dict()
    return data


_unresolved = True


def _resolve() -> None:
    """Bind the models this one refers to, on first use: importing them with this module would
    load most of the package for any one model, and importing them per call costs time."""
    global _unresolved
    from ..models.chat_completion_choice_logprobs_type_0 import (
        ChatCompletionChoiceLogprobsType0,
    )
    from ..models.chat_completion_message import ChatCompletionMessage

    globals().update(
        ChatCompletionChoiceLogprobsType0=ChatCompletionChoiceLogprobsType0,
        ChatCompletionMessage=ChatCompletionMessage,
    )
    _unresolved = False


from typing import Required, TypedDict

if TYPE_CHECKING:
    from ..models.chat_completion_choice_logprobs_type_0 import (
        ChatCompletionChoiceLogprobsType0Param,
    )
    from ..models.chat_completion_message import ChatCompletionMessageParam


class ChatCompletionChoiceParam(TypedDict, total=False):
    """`ChatCompletionChoice` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    index: Required[int]

    message: Required[ChatCompletionMessageParam | ChatCompletionMessage]
    """ The model's message. `reasoning_content` carries the reasoning of models that expose it;
    DeepSeek and Perplexity also put reasoning inside `<think>...</think>` in `content`. """

    finish_reason: str | None
    """ `stop`, `length`, `tool_calls`, `content_filter`, `function_call`, or a later value. """

    logprobs: ChatCompletionChoiceLogprobsType0Param | None
