from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.input_audio import InputAudio


T = TypeVar("T", bound="InputAudioContentPart")


@_attrs_define
class InputAudioContentPart:
    type_: Literal["input_audio"]
    input_audio: InputAudio
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        input_audio = self.input_audio.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "input_audio": input_audio,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.input_audio import InputAudio

        d = dict(src_dict)
        type_ = cast(Literal["input_audio"], d.pop("type"))
        if type_ != "input_audio":
            raise ValueError(f"type must match const 'input_audio', got '{type_}'")

        input_audio = InputAudio.from_dict(d.pop("input_audio"))

        input_audio_content_part = cls(
            type_=type_,
            input_audio=input_audio,
        )

        input_audio_content_part.additional_properties = d
        return input_audio_content_part

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
    from ..models.input_audio import InputAudioParam


class InputAudioContentPartParam(TypedDict, total=False):
    """`InputAudioContentPart` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    type: Required[Literal["input_audio"]]
    input_audio: Required[InputAudioParam | InputAudio]
