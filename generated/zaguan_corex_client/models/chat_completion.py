from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.chat_completion_choice import ChatCompletionChoice
    from ..models.promptshield import Promptshield
    from ..models.usage import Usage


T = TypeVar("T", bound="ChatCompletion")


@_attrs_define
class ChatCompletion:
    id: str
    object_: str
    """ `chat.completion`. """
    created: int
    """ Unix time in seconds. """
    model: str
    choices: list[ChatCompletionChoice]
    system_fingerprint: None | str | Unset = UNSET
    usage: Usage | Unset = UNSET
    """ Token counts. `completion_tokens_details.reasoning_tokens` is filled by OpenAI o-series,
    Gemini with reasoning, Anthropic extended thinking, DeepSeek and Qwen; Perplexity never
    fills it. All detail fields are optional.
     """
    promptshield: Promptshield | Unset = UNSET
    """ Credits accounting of this request, present when credits are on. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        object_ = self.object_

        created = self.created

        model = self.model

        choices = []
        for choices_item_data in self.choices:
            choices_item = choices_item_data.to_dict()
            choices.append(choices_item)

        system_fingerprint: None | str | Unset
        if isinstance(self.system_fingerprint, Unset):
            system_fingerprint = UNSET
        else:
            system_fingerprint = self.system_fingerprint

        usage: dict[str, Any] | Unset = UNSET
        if not isinstance(self.usage, Unset):
            usage = self.usage.to_dict()

        promptshield: dict[str, Any] | Unset = UNSET
        if not isinstance(self.promptshield, Unset):
            promptshield = self.promptshield.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "object": object_,
                "created": created,
                "model": model,
                "choices": choices,
            }
        )
        if system_fingerprint is not UNSET:
            field_dict["system_fingerprint"] = system_fingerprint
        if usage is not UNSET:
            field_dict["usage"] = usage
        if promptshield is not UNSET:
            field_dict["promptshield"] = promptshield

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.chat_completion_choice import ChatCompletionChoice
        from ..models.promptshield import Promptshield
        from ..models.usage import Usage

        d = dict(src_dict)
        id = d.pop("id")

        object_ = d.pop("object")

        created = d.pop("created")

        model = d.pop("model")

        choices = []
        _choices = d.pop("choices")
        for choices_item_data in _choices:
            choices_item = ChatCompletionChoice.from_dict(choices_item_data)

            choices.append(choices_item)

        def _parse_system_fingerprint(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        system_fingerprint = _parse_system_fingerprint(
            d.pop("system_fingerprint", UNSET)
        )

        _usage = d.pop("usage", UNSET)
        usage: Usage | Unset
        if isinstance(_usage, Unset):
            usage = UNSET
        else:
            usage = Usage.from_dict(_usage)

        _promptshield = d.pop("promptshield", UNSET)
        promptshield: Promptshield | Unset
        if isinstance(_promptshield, Unset):
            promptshield = UNSET
        else:
            promptshield = Promptshield.from_dict(_promptshield)

        chat_completion = cls(
            id=id,
            object_=object_,
            created=created,
            model=model,
            choices=choices,
            system_fingerprint=system_fingerprint,
            usage=usage,
            promptshield=promptshield,
        )

        chat_completion.additional_properties = d
        return chat_completion

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
    from ..models.chat_completion_choice import ChatCompletionChoiceParam
    from ..models.promptshield import PromptshieldParam
    from ..models.usage import UsageParam


class ChatCompletionParam(TypedDict, total=False):
    """`ChatCompletion` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    id: Required[str]
    object: Required[str]
    """ `chat.completion`. """
    created: Required[int]
    """ Unix time in seconds. """
    model: Required[str]
    choices: Required[Sequence[ChatCompletionChoiceParam | ChatCompletionChoice]]
    system_fingerprint: str | None
    usage: UsageParam | Usage
    """ Token counts. `completion_tokens_details.reasoning_tokens` is filled by OpenAI o-series,
    Gemini with reasoning, Anthropic extended thinking, DeepSeek and Qwen; Perplexity never
    fills it. All detail fields are optional.
     """
    promptshield: PromptshieldParam | Promptshield
    """ Credits accounting of this request, present when credits are on. """
