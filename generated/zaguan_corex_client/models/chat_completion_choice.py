from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.chat_completion_choice_logprobs_type_0 import (
        ChatCompletionChoiceLogprobsType0,
    )
    from ..models.chat_completion_message import ChatCompletionMessage


T = TypeVar("T", bound="ChatCompletionChoice")


@_attrs_define
class ChatCompletionChoice:
    index: int
    message: ChatCompletionMessage
    """ The model's message. `reasoning_content` carries the reasoning of models that expose it;
    DeepSeek and Perplexity also put reasoning inside `<think>...</think>` in `content`.
     """
    finish_reason: None | str | Unset = UNSET
    """ `stop`, `length`, `tool_calls`, `content_filter`, `function_call`, or a later value. """
    logprobs: ChatCompletionChoiceLogprobsType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.chat_completion_choice_logprobs_type_0 import (
            ChatCompletionChoiceLogprobsType0,
        )

        index = self.index

        message = self.message.to_dict()

        finish_reason: None | str | Unset
        if isinstance(self.finish_reason, Unset):
            finish_reason = UNSET
        else:
            finish_reason = self.finish_reason

        logprobs: dict[str, Any] | None | Unset
        if isinstance(self.logprobs, Unset):
            logprobs = UNSET
        elif isinstance(self.logprobs, ChatCompletionChoiceLogprobsType0):
            logprobs = self.logprobs.to_dict()
        else:
            logprobs = self.logprobs

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "index": index,
                "message": message,
            }
        )
        if finish_reason is not UNSET:
            field_dict["finish_reason"] = finish_reason
        if logprobs is not UNSET:
            field_dict["logprobs"] = logprobs

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.chat_completion_choice_logprobs_type_0 import (
            ChatCompletionChoiceLogprobsType0,
        )
        from ..models.chat_completion_message import ChatCompletionMessage

        d = dict(src_dict)
        index = d.pop("index")

        message = ChatCompletionMessage.from_dict(d.pop("message"))

        def _parse_finish_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        finish_reason = _parse_finish_reason(d.pop("finish_reason", UNSET))

        def _parse_logprobs(
            data: object,
        ) -> ChatCompletionChoiceLogprobsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                logprobs_type_0 = ChatCompletionChoiceLogprobsType0.from_dict(data)

                return logprobs_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChatCompletionChoiceLogprobsType0 | None | Unset, data)

        logprobs = _parse_logprobs(d.pop("logprobs", UNSET))

        chat_completion_choice = cls(
            index=index,
            message=message,
            finish_reason=finish_reason,
            logprobs=logprobs,
        )

        chat_completion_choice.additional_properties = d
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
    DeepSeek and Perplexity also put reasoning inside `<think>...</think>` in `content`.
     """
    finish_reason: str | None
    """ `stop`, `length`, `tool_calls`, `content_filter`, `function_call`, or a later value. """
    logprobs: ChatCompletionChoiceLogprobsType0Param | None
