from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.model_capabilities_provider_specific import (
        ModelCapabilitiesProviderSpecific,
    )


T = TypeVar("T", bound="ModelCapabilities")


@_attrs_define
class ModelCapabilities:
    model_id: str
    provider: str | Unset = UNSET
    supports_vision: bool | Unset = UNSET
    supports_tools: bool | Unset = UNSET
    supports_reasoning: bool | Unset = UNSET
    supports_audio_input: bool | Unset = UNSET
    supports_audio_output: bool | Unset = UNSET
    supports_streaming: bool | Unset = UNSET
    max_context_tokens: int | Unset = UNSET
    max_output_tokens: int | Unset = UNSET
    input_cost_per_1m: float | Unset = UNSET
    """ USD per million input tokens. """
    output_cost_per_1m: float | Unset = UNSET
    """ USD per million output tokens. """
    features: list[str] | Unset = UNSET
    modalities: list[str] | Unset = UNSET
    provider_specific: ModelCapabilitiesProviderSpecific | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        model_id = self.model_id

        provider = self.provider

        supports_vision = self.supports_vision

        supports_tools = self.supports_tools

        supports_reasoning = self.supports_reasoning

        supports_audio_input = self.supports_audio_input

        supports_audio_output = self.supports_audio_output

        supports_streaming = self.supports_streaming

        max_context_tokens = self.max_context_tokens

        max_output_tokens = self.max_output_tokens

        input_cost_per_1m = self.input_cost_per_1m

        output_cost_per_1m = self.output_cost_per_1m

        features: list[str] | Unset = UNSET
        if not isinstance(self.features, Unset):
            features = self.features

        modalities: list[str] | Unset = UNSET
        if not isinstance(self.modalities, Unset):
            modalities = self.modalities

        provider_specific: dict[str, Any] | Unset = UNSET
        if not isinstance(self.provider_specific, Unset):
            provider_specific = self.provider_specific.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "model_id": model_id,
            }
        )
        if provider is not UNSET:
            field_dict["provider"] = provider
        if supports_vision is not UNSET:
            field_dict["supports_vision"] = supports_vision
        if supports_tools is not UNSET:
            field_dict["supports_tools"] = supports_tools
        if supports_reasoning is not UNSET:
            field_dict["supports_reasoning"] = supports_reasoning
        if supports_audio_input is not UNSET:
            field_dict["supports_audio_input"] = supports_audio_input
        if supports_audio_output is not UNSET:
            field_dict["supports_audio_output"] = supports_audio_output
        if supports_streaming is not UNSET:
            field_dict["supports_streaming"] = supports_streaming
        if max_context_tokens is not UNSET:
            field_dict["max_context_tokens"] = max_context_tokens
        if max_output_tokens is not UNSET:
            field_dict["max_output_tokens"] = max_output_tokens
        if input_cost_per_1m is not UNSET:
            field_dict["input_cost_per_1m"] = input_cost_per_1m
        if output_cost_per_1m is not UNSET:
            field_dict["output_cost_per_1m"] = output_cost_per_1m
        if features is not UNSET:
            field_dict["features"] = features
        if modalities is not UNSET:
            field_dict["modalities"] = modalities
        if provider_specific is not UNSET:
            field_dict["provider_specific"] = provider_specific

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.model_capabilities_provider_specific import (
            ModelCapabilitiesProviderSpecific,
        )

        d = dict(src_dict)
        model_id = d.pop("model_id")

        provider = d.pop("provider", UNSET)

        supports_vision = d.pop("supports_vision", UNSET)

        supports_tools = d.pop("supports_tools", UNSET)

        supports_reasoning = d.pop("supports_reasoning", UNSET)

        supports_audio_input = d.pop("supports_audio_input", UNSET)

        supports_audio_output = d.pop("supports_audio_output", UNSET)

        supports_streaming = d.pop("supports_streaming", UNSET)

        max_context_tokens = d.pop("max_context_tokens", UNSET)

        max_output_tokens = d.pop("max_output_tokens", UNSET)

        input_cost_per_1m = d.pop("input_cost_per_1m", UNSET)

        output_cost_per_1m = d.pop("output_cost_per_1m", UNSET)

        features = cast(list[str], d.pop("features", UNSET))

        modalities = cast(list[str], d.pop("modalities", UNSET))

        _provider_specific = d.pop("provider_specific", UNSET)
        provider_specific: ModelCapabilitiesProviderSpecific | Unset
        if isinstance(_provider_specific, Unset):
            provider_specific = UNSET
        else:
            provider_specific = ModelCapabilitiesProviderSpecific.from_dict(
                _provider_specific
            )

        model_capabilities = cls(
            model_id=model_id,
            provider=provider,
            supports_vision=supports_vision,
            supports_tools=supports_tools,
            supports_reasoning=supports_reasoning,
            supports_audio_input=supports_audio_input,
            supports_audio_output=supports_audio_output,
            supports_streaming=supports_streaming,
            max_context_tokens=max_context_tokens,
            max_output_tokens=max_output_tokens,
            input_cost_per_1m=input_cost_per_1m,
            output_cost_per_1m=output_cost_per_1m,
            features=features,
            modalities=modalities,
            provider_specific=provider_specific,
        )

        model_capabilities.additional_properties = d
        return model_capabilities

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
    from ..models.model_capabilities_provider_specific import (
        ModelCapabilitiesProviderSpecificParam,
    )


class ModelCapabilitiesParam(TypedDict, total=False):
    """`ModelCapabilities` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    model_id: Required[str]
    provider: str
    supports_vision: bool
    supports_tools: bool
    supports_reasoning: bool
    supports_audio_input: bool
    supports_audio_output: bool
    supports_streaming: bool
    max_context_tokens: int
    max_output_tokens: int
    input_cost_per_1m: float
    """ USD per million input tokens. """
    output_cost_per_1m: float
    """ USD per million output tokens. """
    features: Sequence[str]
    modalities: Sequence[str]
    provider_specific: ModelCapabilitiesProviderSpecificParam
