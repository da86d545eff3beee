from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    model_dump,
    model_dump_json,
    model_repr,
)

if TYPE_CHECKING:
    from ..models.model_capabilities_provider_specific import (
        ModelCapabilitiesProviderSpecific,
    )


_new = object.__new__

_KEYS: frozenset[str] = frozenset(
    {
        "model_id",
        "provider",
        "supports_vision",
        "supports_tools",
        "supports_reasoning",
        "supports_audio_input",
        "supports_audio_output",
        "supports_streaming",
        "max_context_tokens",
        "max_output_tokens",
        "input_cost_per_1m",
        "output_cost_per_1m",
        "features",
        "modalities",
        "provider_specific",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class ModelCapabilities:
    model_id: str
    provider: str | None = None
    supports_vision: bool | None = None
    supports_tools: bool | None = None
    supports_reasoning: bool | None = None
    supports_audio_input: bool | None = None
    supports_audio_output: bool | None = None
    supports_streaming: bool | None = None
    max_context_tokens: int | None = None
    max_output_tokens: int | None = None
    input_cost_per_1m: float | None = None
    """ USD per million input tokens. """
    output_cost_per_1m: float | None = None
    """ USD per million output tokens. """
    features: list[str] | None = None
    modalities: list[str] | None = None
    provider_specific: ModelCapabilitiesProviderSpecific | None = None
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
        field_dict["model_id"] = self.model_id
        provider = self.provider
        if provider is not None:
            field_dict["provider"] = provider
        elif "provider" in self._nulls:
            field_dict["provider"] = None
        supports_vision = self.supports_vision
        if supports_vision is not None:
            field_dict["supports_vision"] = supports_vision
        elif "supports_vision" in self._nulls:
            field_dict["supports_vision"] = None
        supports_tools = self.supports_tools
        if supports_tools is not None:
            field_dict["supports_tools"] = supports_tools
        elif "supports_tools" in self._nulls:
            field_dict["supports_tools"] = None
        supports_reasoning = self.supports_reasoning
        if supports_reasoning is not None:
            field_dict["supports_reasoning"] = supports_reasoning
        elif "supports_reasoning" in self._nulls:
            field_dict["supports_reasoning"] = None
        supports_audio_input = self.supports_audio_input
        if supports_audio_input is not None:
            field_dict["supports_audio_input"] = supports_audio_input
        elif "supports_audio_input" in self._nulls:
            field_dict["supports_audio_input"] = None
        supports_audio_output = self.supports_audio_output
        if supports_audio_output is not None:
            field_dict["supports_audio_output"] = supports_audio_output
        elif "supports_audio_output" in self._nulls:
            field_dict["supports_audio_output"] = None
        supports_streaming = self.supports_streaming
        if supports_streaming is not None:
            field_dict["supports_streaming"] = supports_streaming
        elif "supports_streaming" in self._nulls:
            field_dict["supports_streaming"] = None
        max_context_tokens = self.max_context_tokens
        if max_context_tokens is not None:
            field_dict["max_context_tokens"] = max_context_tokens
        elif "max_context_tokens" in self._nulls:
            field_dict["max_context_tokens"] = None
        max_output_tokens = self.max_output_tokens
        if max_output_tokens is not None:
            field_dict["max_output_tokens"] = max_output_tokens
        elif "max_output_tokens" in self._nulls:
            field_dict["max_output_tokens"] = None
        input_cost_per_1m = self.input_cost_per_1m
        if input_cost_per_1m is not None:
            field_dict["input_cost_per_1m"] = input_cost_per_1m
        elif "input_cost_per_1m" in self._nulls:
            field_dict["input_cost_per_1m"] = None
        output_cost_per_1m = self.output_cost_per_1m
        if output_cost_per_1m is not None:
            field_dict["output_cost_per_1m"] = output_cost_per_1m
        elif "output_cost_per_1m" in self._nulls:
            field_dict["output_cost_per_1m"] = None
        features = self.features
        if features is not None:
            field_dict["features"] = features
        elif "features" in self._nulls:
            field_dict["features"] = None
        modalities = self.modalities
        if modalities is not None:
            field_dict["modalities"] = modalities
        elif "modalities" in self._nulls:
            field_dict["modalities"] = None
        provider_specific = self.provider_specific
        if provider_specific is not None:
            field_dict["provider_specific"] = provider_specific.to_dict()
        elif "provider_specific" in self._nulls:
            field_dict["provider_specific"] = None
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"ModelCapabilities is a JSON object, got {type(src_dict).__name__}"
            )
        if _unresolved:
            _resolve()
        _d = src_dict
        _get = _d.get
        _nulls: tuple[str, ...] = ()
        model_id = _d["model_id"]
        provider = _get("provider")
        if provider is None and "provider" in _d:
            _nulls += ("provider",)
        supports_vision = _get("supports_vision")
        if supports_vision is None and "supports_vision" in _d:
            _nulls += ("supports_vision",)
        supports_tools = _get("supports_tools")
        if supports_tools is None and "supports_tools" in _d:
            _nulls += ("supports_tools",)
        supports_reasoning = _get("supports_reasoning")
        if supports_reasoning is None and "supports_reasoning" in _d:
            _nulls += ("supports_reasoning",)
        supports_audio_input = _get("supports_audio_input")
        if supports_audio_input is None and "supports_audio_input" in _d:
            _nulls += ("supports_audio_input",)
        supports_audio_output = _get("supports_audio_output")
        if supports_audio_output is None and "supports_audio_output" in _d:
            _nulls += ("supports_audio_output",)
        supports_streaming = _get("supports_streaming")
        if supports_streaming is None and "supports_streaming" in _d:
            _nulls += ("supports_streaming",)
        max_context_tokens = _get("max_context_tokens")
        if max_context_tokens is None and "max_context_tokens" in _d:
            _nulls += ("max_context_tokens",)
        max_output_tokens = _get("max_output_tokens")
        if max_output_tokens is None and "max_output_tokens" in _d:
            _nulls += ("max_output_tokens",)
        input_cost_per_1m = _get("input_cost_per_1m")
        if input_cost_per_1m is None and "input_cost_per_1m" in _d:
            _nulls += ("input_cost_per_1m",)
        output_cost_per_1m = _get("output_cost_per_1m")
        if output_cost_per_1m is None and "output_cost_per_1m" in _d:
            _nulls += ("output_cost_per_1m",)
        features = _get("features")
        if features is None and "features" in _d:
            _nulls += ("features",)
        modalities = _get("modalities")
        if modalities is None and "modalities" in _d:
            _nulls += ("modalities",)
        provider_specific = _get("provider_specific")
        if provider_specific is not None:
            provider_specific = ModelCapabilitiesProviderSpecific.from_dict(
                provider_specific
            )
        elif "provider_specific" in _d:
            _nulls += ("provider_specific",)
        # Built without __init__: it would only copy the same values once more.
        model_capabilities = _new(cls)
        model_capabilities.model_id = model_id
        model_capabilities.provider = provider
        model_capabilities.supports_vision = supports_vision
        model_capabilities.supports_tools = supports_tools
        model_capabilities.supports_reasoning = supports_reasoning
        model_capabilities.supports_audio_input = supports_audio_input
        model_capabilities.supports_audio_output = supports_audio_output
        model_capabilities.supports_streaming = supports_streaming
        model_capabilities.max_context_tokens = max_context_tokens
        model_capabilities.max_output_tokens = max_output_tokens
        model_capabilities.input_cost_per_1m = input_cost_per_1m
        model_capabilities.output_cost_per_1m = output_cost_per_1m
        model_capabilities.features = features
        model_capabilities.modalities = modalities
        model_capabilities.provider_specific = provider_specific
        model_capabilities.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        model_capabilities._nulls = _nulls
        model_capabilities._request_id = None
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


_unresolved = True


def _resolve() -> None:
    """Bind the models this one refers to, on first use: importing them with this module would
    load most of the package for any one model, and importing them per call costs time."""
    global _unresolved
    from ..models.model_capabilities_provider_specific import (
        ModelCapabilitiesProviderSpecific,
    )

    globals().update(
        ModelCapabilitiesProviderSpecific=ModelCapabilitiesProviderSpecific,
    )
    _unresolved = False


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
