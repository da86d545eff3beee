from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AudioOutputParams")


@_attrs_define
class AudioOutputParams:
    voice: str
    format_: str
    """ `wav`, `mp3`, `flac`, `opus`, `pcm16`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        voice = self.voice

        format_ = self.format_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "voice": voice,
                "format": format_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        voice = d.pop("voice")

        format_ = d.pop("format")

        audio_output_params = cls(
            voice=voice,
            format_=format_,
        )

        audio_output_params.additional_properties = d
        return audio_output_params

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


class AudioOutputParamsParam(TypedDict, total=False):
    """`AudioOutputParams` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    voice: Required[str]
    format: Required[str]
    """ `wav`, `mp3`, `flac`, `opus`, `pcm16`. """
