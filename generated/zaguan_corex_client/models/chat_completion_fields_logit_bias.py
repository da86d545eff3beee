from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ChatCompletionFieldsLogitBias")


@_attrs_define
class ChatCompletionFieldsLogitBias:
    """Token id (as a string) to a bias from -100 to 100."""

    additional_properties: dict[str, float] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        chat_completion_fields_logit_bias = cls()

        chat_completion_fields_logit_bias.additional_properties = d
        return chat_completion_fields_logit_bias

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> float:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: float) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


from typing import TypeAlias

ChatCompletionFieldsLogitBiasParam: TypeAlias = "Mapping[str, float]"
"""`ChatCompletionFieldsLogitBias` as a plain mapping (a free-form object)."""
