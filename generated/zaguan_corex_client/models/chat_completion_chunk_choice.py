from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.chat_completion_chunk_choice_logprobs_type_0 import (
        ChatCompletionChunkChoiceLogprobsType0,
    )
    from ..models.chat_completion_delta import ChatCompletionDelta


T = TypeVar("T", bound="ChatCompletionChunkChoice")


@_attrs_define
class ChatCompletionChunkChoice:
    index: int
    delta: ChatCompletionDelta
    finish_reason: None | str | Unset = UNSET
    """ Set on the choice's last chunk; see `ChatCompletionChoice.finish_reason`. """
    logprobs: ChatCompletionChunkChoiceLogprobsType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.chat_completion_chunk_choice_logprobs_type_0 import (
            ChatCompletionChunkChoiceLogprobsType0,
        )

        index = self.index

        delta = self.delta.to_dict()

        finish_reason: None | str | Unset
        if isinstance(self.finish_reason, Unset):
            finish_reason = UNSET
        else:
            finish_reason = self.finish_reason

        logprobs: dict[str, Any] | None | Unset
        if isinstance(self.logprobs, Unset):
            logprobs = UNSET
        elif isinstance(self.logprobs, ChatCompletionChunkChoiceLogprobsType0):
            logprobs = self.logprobs.to_dict()
        else:
            logprobs = self.logprobs

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "index": index,
                "delta": delta,
            }
        )
        if finish_reason is not UNSET:
            field_dict["finish_reason"] = finish_reason
        if logprobs is not UNSET:
            field_dict["logprobs"] = logprobs

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.chat_completion_chunk_choice_logprobs_type_0 import (
            ChatCompletionChunkChoiceLogprobsType0,
        )
        from ..models.chat_completion_delta import ChatCompletionDelta

        d = dict(src_dict)
        index = d.pop("index")

        delta = ChatCompletionDelta.from_dict(d.pop("delta"))

        def _parse_finish_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        finish_reason = _parse_finish_reason(d.pop("finish_reason", UNSET))

        def _parse_logprobs(
            data: object,
        ) -> ChatCompletionChunkChoiceLogprobsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                logprobs_type_0 = ChatCompletionChunkChoiceLogprobsType0.from_dict(data)

                return logprobs_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChatCompletionChunkChoiceLogprobsType0 | None | Unset, data)

        logprobs = _parse_logprobs(d.pop("logprobs", UNSET))

        chat_completion_chunk_choice = cls(
            index=index,
            delta=delta,
            finish_reason=finish_reason,
            logprobs=logprobs,
        )

        chat_completion_chunk_choice.additional_properties = d
        return chat_completion_chunk_choice

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
    from ..models.chat_completion_chunk_choice_logprobs_type_0 import (
        ChatCompletionChunkChoiceLogprobsType0Param,
    )
    from ..models.chat_completion_delta import ChatCompletionDeltaParam


class ChatCompletionChunkChoiceParam(TypedDict, total=False):
    """`ChatCompletionChunkChoice` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    index: Required[int]
    delta: Required[ChatCompletionDeltaParam | ChatCompletionDelta]
    finish_reason: str | None
    """ Set on the choice's last chunk; see `ChatCompletionChoice.finish_reason`. """
    logprobs: ChatCompletionChunkChoiceLogprobsType0Param | None
