from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    model_dump,
    model_dump_json,
    model_repr,
)

_new = object.__new__

_KEYS: frozenset[str] = frozenset({})
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class ChatCompletionFieldsProviderSpecificParams:
    """Zaguan extension, the main extension point: a free-form object passed to the provider
    untouched. Seen in practice: Gemini `reasoning_effort`, `thinking_budget`,
    `include_thinking`; Anthropic `thinking: {type: "enabled", budget_tokens}` and cached
    `system` blocks with `cache_control`; Perplexity `search_domain_filter`,
    `return_images`, `return_related_questions`, `search_recency_filter`,
    `return_citations`; Qwen `enable_thinking`, `thinking_budget`; OpenAI `flex`,
    `flex_priority`.

    """

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """Fields the contract does not name (a newer CoreX's), kept as received."""

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
        field_dict: dict[str, Any] = dict(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(
                f"ChatCompletionFieldsProviderSpecificParams is a JSON object, got {type(src_dict).__name__}"
            )
        # Built without __init__: it would only copy the same values once more.
        chat_completion_fields_provider_specific_params = _new(cls)
        chat_completion_fields_provider_specific_params.additional_properties = dict(
            src_dict
        )
        return chat_completion_fields_provider_specific_params

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


from typing import TypeAlias

ChatCompletionFieldsProviderSpecificParamsParam: TypeAlias = "Mapping[str, Any]"
"""`ChatCompletionFieldsProviderSpecificParams` as a plain mapping (a free-form object)."""
