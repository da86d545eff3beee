from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.chat_completion_message_audio_type_0 import (
        ChatCompletionMessageAudioType0,
    )
    from ..models.tool_call import ToolCall


T = TypeVar("T", bound="ChatCompletionMessage")


@_attrs_define
class ChatCompletionMessage:
    """The model's message. `reasoning_content` carries the reasoning of models that expose it;
    DeepSeek and Perplexity also put reasoning inside `<think>...</think>` in `content`.

    """

    role: str
    """ `assistant` (an open set). """
    content: None | str | Unset = UNSET
    tool_calls: list[ToolCall] | Unset = UNSET
    refusal: None | str | Unset = UNSET
    reasoning_content: None | str | Unset = UNSET
    audio: ChatCompletionMessageAudioType0 | None | Unset = UNSET
    """ Audio output: `{id, data (base64), expires_at, transcript}`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.chat_completion_message_audio_type_0 import (
            ChatCompletionMessageAudioType0,
        )

        role = self.role

        content: None | str | Unset
        if isinstance(self.content, Unset):
            content = UNSET
        else:
            content = self.content

        tool_calls: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tool_calls, Unset):
            tool_calls = []
            for tool_calls_item_data in self.tool_calls:
                tool_calls_item = tool_calls_item_data.to_dict()
                tool_calls.append(tool_calls_item)

        refusal: None | str | Unset
        if isinstance(self.refusal, Unset):
            refusal = UNSET
        else:
            refusal = self.refusal

        reasoning_content: None | str | Unset
        if isinstance(self.reasoning_content, Unset):
            reasoning_content = UNSET
        else:
            reasoning_content = self.reasoning_content

        audio: dict[str, Any] | None | Unset
        if isinstance(self.audio, Unset):
            audio = UNSET
        elif isinstance(self.audio, ChatCompletionMessageAudioType0):
            audio = self.audio.to_dict()
        else:
            audio = self.audio

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "role": role,
            }
        )
        if content is not UNSET:
            field_dict["content"] = content
        if tool_calls is not UNSET:
            field_dict["tool_calls"] = tool_calls
        if refusal is not UNSET:
            field_dict["refusal"] = refusal
        if reasoning_content is not UNSET:
            field_dict["reasoning_content"] = reasoning_content
        if audio is not UNSET:
            field_dict["audio"] = audio

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.chat_completion_message_audio_type_0 import (
            ChatCompletionMessageAudioType0,
        )
        from ..models.tool_call import ToolCall

        d = dict(src_dict)
        role = d.pop("role")

        def _parse_content(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        content = _parse_content(d.pop("content", UNSET))

        _tool_calls = d.pop("tool_calls", UNSET)
        tool_calls: list[ToolCall] | Unset = UNSET
        if _tool_calls is not UNSET:
            tool_calls = []
            for tool_calls_item_data in _tool_calls:
                tool_calls_item = ToolCall.from_dict(tool_calls_item_data)

                tool_calls.append(tool_calls_item)

        def _parse_refusal(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        refusal = _parse_refusal(d.pop("refusal", UNSET))

        def _parse_reasoning_content(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reasoning_content = _parse_reasoning_content(d.pop("reasoning_content", UNSET))

        def _parse_audio(
            data: object,
        ) -> ChatCompletionMessageAudioType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                audio_type_0 = ChatCompletionMessageAudioType0.from_dict(data)

                return audio_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChatCompletionMessageAudioType0 | None | Unset, data)

        audio = _parse_audio(d.pop("audio", UNSET))

        chat_completion_message = cls(
            role=role,
            content=content,
            tool_calls=tool_calls,
            refusal=refusal,
            reasoning_content=reasoning_content,
            audio=audio,
        )

        chat_completion_message.additional_properties = d
        return chat_completion_message

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


from collections.abc import Sequence
from typing import Required, TypedDict

if TYPE_CHECKING:
    from ..models.chat_completion_message_audio_type_0 import (
        ChatCompletionMessageAudioType0Param,
    )
    from ..models.tool_call import ToolCallParam


class ChatCompletionMessageParam(TypedDict, total=False):
    """`ChatCompletionMessage` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    role: Required[str]
    """ `assistant` (an open set). """
    content: str | None
    tool_calls: Sequence[ToolCallParam | ToolCall]
    refusal: str | None
    reasoning_content: str | None
    audio: ChatCompletionMessageAudioType0Param | None
    """ Audio output: `{id, data (base64), expires_at, transcript}`. """
