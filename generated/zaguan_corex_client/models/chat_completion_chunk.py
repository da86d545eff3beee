from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.chat_completion_chunk_choice import ChatCompletionChunkChoice
    from ..models.promptshield import Promptshield
    from ..models.usage import Usage


T = TypeVar("T", bound="ChatCompletionChunk")


@_attrs_define
class ChatCompletionChunk:
    """One streamed event's data. The usage chunk (with `stream_options.include_usage`) has empty `choices`."""

    id: str
    object_: str
    """ `chat.completion.chunk`. """
    created: int
    model: str
    choices: list[ChatCompletionChunkChoice]
    system_fingerprint: None | str | Unset = UNSET
    usage: None | Unset | Usage = UNSET
    promptshield: Promptshield | Unset = UNSET
    """ Credits accounting of this request, present when credits are on. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.usage import Usage

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

        usage: dict[str, Any] | None | Unset
        if isinstance(self.usage, Unset):
            usage = UNSET
        elif isinstance(self.usage, Usage):
            usage = self.usage.to_dict()
        else:
            usage = self.usage

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
        from ..models.chat_completion_chunk_choice import ChatCompletionChunkChoice
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
            choices_item = ChatCompletionChunkChoice.from_dict(choices_item_data)

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

        def _parse_usage(data: object) -> None | Unset | Usage:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                usage_type_0 = Usage.from_dict(data)

                return usage_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | Usage, data)

        usage = _parse_usage(d.pop("usage", UNSET))

        _promptshield = d.pop("promptshield", UNSET)
        promptshield: Promptshield | Unset
        if isinstance(_promptshield, Unset):
            promptshield = UNSET
        else:
            promptshield = Promptshield.from_dict(_promptshield)

        chat_completion_chunk = cls(
            id=id,
            object_=object_,
            created=created,
            model=model,
            choices=choices,
            system_fingerprint=system_fingerprint,
            usage=usage,
            promptshield=promptshield,
        )

        chat_completion_chunk.additional_properties = d
        return chat_completion_chunk

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
    from ..models.chat_completion_chunk_choice import ChatCompletionChunkChoiceParam
    from ..models.promptshield import PromptshieldParam
    from ..models.usage import UsageParam


class ChatCompletionChunkParam(TypedDict, total=False):
    """`ChatCompletionChunk` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    id: Required[str]
    object: Required[str]
    """ `chat.completion.chunk`. """
    created: Required[int]
    model: Required[str]
    choices: Required[
        Sequence[ChatCompletionChunkChoiceParam | ChatCompletionChunkChoice]
    ]
    system_fingerprint: str | None
    usage: UsageParam | Usage | None
    promptshield: PromptshieldParam | Promptshield
    """ Credits accounting of this request, present when credits are on. """
