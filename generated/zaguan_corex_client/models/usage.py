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
    from ..models.completion_tokens_details import CompletionTokensDetails
    from ..models.prompt_tokens_details import PromptTokensDetails


_new = object.__new__

_KEYS: frozenset[str] = frozenset(
    {
        "prompt_tokens",
        "completion_tokens",
        "total_tokens",
        "prompt_tokens_details",
        "completion_tokens_details",
    }
)
"""The JSON keys the contract names; any other key is kept in `additional_properties`."""


@_attrs_define(repr=False)
class Usage:
    """Token counts. `completion_tokens_details.reasoning_tokens` is filled by OpenAI o-series,
    Gemini with reasoning, Anthropic extended thinking, DeepSeek and Qwen; Perplexity never
    fills it. All detail fields are optional.

    """

    prompt_tokens: int
    completion_tokens: int
    total_tokens: int
    prompt_tokens_details: PromptTokensDetails | None = None
    completion_tokens_details: CompletionTokensDetails | None = None
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
        field_dict["prompt_tokens"] = self.prompt_tokens
        field_dict["completion_tokens"] = self.completion_tokens
        field_dict["total_tokens"] = self.total_tokens
        prompt_tokens_details = self.prompt_tokens_details
        if prompt_tokens_details is not None:
            field_dict["prompt_tokens_details"] = prompt_tokens_details.to_dict()
        elif "prompt_tokens_details" in self._nulls:
            field_dict["prompt_tokens_details"] = None
        completion_tokens_details = self.completion_tokens_details
        if completion_tokens_details is not None:
            field_dict["completion_tokens_details"] = (
                completion_tokens_details.to_dict()
            )
        elif "completion_tokens_details" in self._nulls:
            field_dict["completion_tokens_details"] = None
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):
            raise TypeError(f"Usage is a JSON object, got {type(src_dict).__name__}")
        if _unresolved:
            _resolve()
        _d = src_dict
        _get = _d.get
        _nulls: tuple[str, ...] = ()
        prompt_tokens = _d["prompt_tokens"]
        completion_tokens = _d["completion_tokens"]
        total_tokens = _d["total_tokens"]
        prompt_tokens_details = _get("prompt_tokens_details")
        if prompt_tokens_details is not None:
            prompt_tokens_details = PromptTokensDetails.from_dict(prompt_tokens_details)
        elif "prompt_tokens_details" in _d:
            _nulls += ("prompt_tokens_details",)
        completion_tokens_details = _get("completion_tokens_details")
        if completion_tokens_details is not None:
            completion_tokens_details = CompletionTokensDetails.from_dict(
                completion_tokens_details
            )
        elif "completion_tokens_details" in _d:
            _nulls += ("completion_tokens_details",)
        # Built without __init__: it would only copy the same values once more.
        usage = _new(cls)
        usage.prompt_tokens = prompt_tokens
        usage.completion_tokens = completion_tokens
        usage.total_tokens = total_tokens
        usage.prompt_tokens_details = prompt_tokens_details
        usage.completion_tokens_details = completion_tokens_details
        usage.additional_properties = (
            {}
            if _d.keys() <= _KEYS
            else {key: value for key, value in _d.items() if key not in _KEYS}
        )
        usage._nulls = _nulls
        usage._request_id = None
        return usage

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
    from ..models.completion_tokens_details import CompletionTokensDetails
    from ..models.prompt_tokens_details import PromptTokensDetails

    globals().update(
        CompletionTokensDetails=CompletionTokensDetails,
        PromptTokensDetails=PromptTokensDetails,
    )
    _unresolved = False


from typing import Required, TypedDict

if TYPE_CHECKING:
    from ..models.completion_tokens_details import CompletionTokensDetailsParam
    from ..models.prompt_tokens_details import PromptTokensDetailsParam


class UsageParam(TypedDict, total=False):
    """`Usage` as a dict of its JSON keys: a typed keyword or plain-dict value."""

    prompt_tokens: Required[int]

    completion_tokens: Required[int]

    total_tokens: Required[int]

    prompt_tokens_details: PromptTokensDetailsParam | PromptTokensDetails

    completion_tokens_details: CompletionTokensDetailsParam | CompletionTokensDetails
